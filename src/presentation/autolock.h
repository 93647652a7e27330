#pragma once

#include "common/clock.h"
#include "domain/autolockpolicy.h"

#include <QObject>
#include <QTimer>

namespace companion::presentation {

class Preferences;
class ProfileController;

// Locks the profile after inactivity and when the app goes to the background, following
// domain::AutoLockPolicy. Installed as an application-wide event filter: any key, mouse, touch or
// wheel event counts as activity.
class AutoLock : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int secondsUntilLock READ secondsUntilLock NOTIFY tick)

public:
    AutoLock(ProfileController &profile, Preferences &preferences,
             const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);

    // Feed an application state (Qt::ApplicationState) change; called from the app's signal.
    void applicationStateChanged(Qt::ApplicationState state);
    // Re-evaluates the policy now (the timer calls this; tests call it after moving a FakeClock).
    void evaluate();
    int secondsUntilLock() const;
    // Marks user activity (what the event filter does for input events).
    Q_INVOKABLE void activity();

signals:
    void tick();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void profileStateChanged();
    ProfileController &m_profile;
    Preferences &m_preferences;
    const Clock &m_clock;
    domain::AutoLockPolicy m_policy;
    QTimer m_timer;
};

} // namespace companion::presentation
