#include "careteampresentation/careteamautolock.h"

#include "careteampresentation/careteamsession.h"
#include "common/logging.h"

#include <QEvent>

namespace companion::careteampresentation {

CareTeamAutoLock::CareTeamAutoLock(CareTeamSession &session, const Clock &clock, int timeoutSeconds,
                                   QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_clock(clock)
    , m_policy(timeoutSeconds)
{
    // Coarse is enough: the policy compares wall-clock times.
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &CareTeamAutoLock::evaluate);
    connect(&m_session, &CareTeamSession::stateChanged, this,
            &CareTeamAutoLock::sessionStateChanged);
    sessionStateChanged();
}

void CareTeamAutoLock::sessionStateChanged()
{
    if (m_session.state() == CareTeamSession::Unlocked) {
        m_policy.unlocked(m_clock.nowUtc());
        m_timer.start();
    } else {
        m_timer.stop();
    }
}

void CareTeamAutoLock::applicationStateChanged(Qt::ApplicationState state)
{
    m_policy.appStateChanged(
        state == Qt::ApplicationActive      ? domain::AutoLockPolicy::AppState::Active
        : state == Qt::ApplicationSuspended ? domain::AutoLockPolicy::AppState::Suspended
                                            : domain::AutoLockPolicy::AppState::Background,
        m_clock.nowUtc());
    evaluate();
}

void CareTeamAutoLock::activity()
{
    m_policy.userActivity(m_clock.nowUtc());
}

void CareTeamAutoLock::evaluate()
{
    if (m_session.state() != CareTeamSession::Unlocked)
        return;
    if (m_policy.shouldLock(m_clock.nowUtc())) {
        qCInfo(lcUi) << "care-team auto-lock";
        m_session.lock();
    }
}

int CareTeamAutoLock::secondsUntilLock() const
{
    if (m_session.state() != CareTeamSession::Unlocked)
        return 0;
    return static_cast<int>(m_policy.secondsUntilLock(m_clock.nowUtc()));
}

bool CareTeamAutoLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::Wheel:
        activity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace companion::careteampresentation
