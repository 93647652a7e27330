#include "presentation/autolock.h"

#include "common/logging.h"
#include "presentation/preferences.h"
#include "presentation/profilecontroller.h"

#include <QEvent>

namespace companion::presentation {

namespace {
domain::AutoLockPolicy::AppState toPolicyState(Qt::ApplicationState state)
{
    switch (state) {
    case Qt::ApplicationActive:
        return domain::AutoLockPolicy::AppState::Active;
    case Qt::ApplicationSuspended:
        return domain::AutoLockPolicy::AppState::Suspended;
    case Qt::ApplicationHidden:
    case Qt::ApplicationInactive:
        break;
    }
    return domain::AutoLockPolicy::AppState::Background;
}
} // namespace

AutoLock::AutoLock(ProfileController &profile, Preferences &preferences, const Clock &clock,
                   QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_preferences(preferences)
    , m_clock(clock)
    , m_policy(preferences.autoLockMinutes() * 60)
{
    // A coarse tick is enough: the policy compares wall-clock times, so a late tick still locks
    // at the right moment and a suspended machine locks on wake.
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &AutoLock::evaluate);
    connect(&m_preferences, &Preferences::autoLockMinutesChanged, this,
            [this] { m_policy.setTimeoutSeconds(m_preferences.autoLockMinutes() * 60); });
    connect(&m_profile, &ProfileController::stateChanged, this, &AutoLock::profileStateChanged);
    profileStateChanged();
}

void AutoLock::profileStateChanged()
{
    if (m_profile.state() == ProfileController::Unlocked) {
        m_policy.unlocked(m_clock.nowUtc());
        m_timer.start();
    } else {
        m_timer.stop();
    }
    emit tick();
}

void AutoLock::applicationStateChanged(Qt::ApplicationState state)
{
    m_policy.appStateChanged(toPolicyState(state), m_clock.nowUtc());
    evaluate();
}

void AutoLock::activity()
{
    m_policy.userActivity(m_clock.nowUtc());
}

void AutoLock::evaluate()
{
    if (m_profile.state() != ProfileController::Unlocked)
        return;
    if (m_policy.shouldLock(m_clock.nowUtc())) {
        qCInfo(lcUi) << "auto-lock";
        m_profile.lock();
        return;
    }
    emit tick();
}

int AutoLock::secondsUntilLock() const
{
    if (m_profile.state() != ProfileController::Unlocked)
        return 0;
    return static_cast<int>(m_policy.secondsUntilLock(m_clock.nowUtc()));
}

bool AutoLock::eventFilter(QObject *watched, QEvent *event)
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

} // namespace companion::presentation
