#include "domain/autolockpolicy.h"

#include <algorithm>

namespace companion::domain {

AutoLockPolicy::AutoLockPolicy(int timeoutSeconds)
    : m_timeoutSeconds(std::max(1, timeoutSeconds))
{}

void AutoLockPolicy::setTimeoutSeconds(int seconds)
{
    m_timeoutSeconds = std::max(1, seconds);
}

void AutoLockPolicy::unlocked(const QDateTime &now)
{
    m_lastActivity = now;
}

void AutoLockPolicy::userActivity(const QDateTime &now)
{
    // Input only reaches a foreground app; a synthetic event while hidden must not postpone the
    // background lock.
    if (m_state == AppState::Active)
        m_lastActivity = now;
}

void AutoLockPolicy::appStateChanged(AppState state, const QDateTime &)
{
    // Leaving or returning to the foreground is not activity: time away counts from the last
    // input, so on return shouldLock() is checked before any data is shown.
    m_state = state;
}

qint64 AutoLockPolicy::secondsUntilLock(const QDateTime &now) const
{
    if (m_state == AppState::Suspended || !m_lastActivity.isValid())
        return 0;
    return std::max<qint64>(0, m_timeoutSeconds - m_lastActivity.secsTo(now));
}

bool AutoLockPolicy::shouldLock(const QDateTime &now) const
{
    return secondsUntilLock(now) == 0;
}

} // namespace companion::domain
