#pragma once

#include <QDateTime>

namespace companion::domain {

// When to lock an unlocked profile. Pure rules, fed with events and the time; the presentation
// layer's AutoLock drives it from input events, application-state changes and a timer.
//  - In the foreground: lock after `timeout` without user input.
//  - In the background (window hidden or not focused): input cannot arrive, so the same timeout
//    runs on from the last input; it is checked again on return so data is never shown first.
//  - Suspended by a mobile OS: lock at once (the OS may snapshot or kill the app).
// Time comes from the wall clock, so a laptop that slept past the timeout locks on wake.
class AutoLockPolicy
{
public:
    enum class AppState { Active, Background, Suspended };

    explicit AutoLockPolicy(int timeoutSeconds = 300);

    void setTimeoutSeconds(int seconds);
    int timeoutSeconds() const { return m_timeoutSeconds; }

    void unlocked(const QDateTime &now);
    void userActivity(const QDateTime &now);
    void appStateChanged(AppState state, const QDateTime &now);

    // True when the profile must be locked now.
    bool shouldLock(const QDateTime &now) const;
    // Seconds until shouldLock() becomes true if nothing happens (0 = now).
    qint64 secondsUntilLock(const QDateTime &now) const;

private:
    int m_timeoutSeconds;
    AppState m_state = AppState::Active;
    QDateTime m_lastActivity;
};

} // namespace companion::domain
