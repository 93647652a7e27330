#pragma once

#include "common/clock.h"
#include "domain/autolockpolicy.h"

#include <QObject>
#include <QTimer>

namespace companion::careteampresentation {

class CareTeamSession;

// Locks the care-team window after inactivity (default 5 minutes), with the same rules as the
// patient app's presentation::AutoLock (domain::AutoLockPolicy): any key, mouse or wheel event
// is activity; a window in the background keeps counting; a laptop that slept past the timeout
// locks on wake. Installed as an application-wide event filter by the composition root.
class CareTeamAutoLock : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutSeconds = 5 * 60;

    CareTeamAutoLock(CareTeamSession &session, const Clock &clock = SystemClock::instance(),
                     int timeoutSeconds = kDefaultTimeoutSeconds, QObject *parent = nullptr);

    void applicationStateChanged(Qt::ApplicationState state);
    // The timer calls this every second; tests call it after moving a FakeClock.
    void evaluate();
    void activity();
    int secondsUntilLock() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void sessionStateChanged();

    CareTeamSession &m_session;
    const Clock &m_clock;
    domain::AutoLockPolicy m_policy;
    QTimer m_timer;
};

} // namespace companion::careteampresentation
