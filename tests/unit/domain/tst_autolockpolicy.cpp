#include <catch2/catch.hpp>

#include "domain/autolockpolicy.h"

using companion::domain::AutoLockPolicy;
using AppState = AutoLockPolicy::AppState;

namespace {
const QDateTime t0(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
}

TEST_CASE("Auto-lock fires after the timeout without input in the foreground", "[domain]")
{
    AutoLockPolicy policy(300);
    policy.unlocked(t0);
    CHECK_FALSE(policy.shouldLock(t0.addSecs(299)));
    CHECK(policy.secondsUntilLock(t0.addSecs(200)) == 100);
    CHECK(policy.shouldLock(t0.addSecs(300)));
}

TEST_CASE("Input postpones the lock", "[domain]")
{
    AutoLockPolicy policy(300);
    policy.unlocked(t0);
    policy.userActivity(t0.addSecs(250));
    CHECK_FALSE(policy.shouldLock(t0.addSecs(500)));
    CHECK(policy.shouldLock(t0.addSecs(550)));
}

TEST_CASE("Time in the background counts and is checked on return", "[domain]")
{
    AutoLockPolicy policy(300);
    policy.unlocked(t0);
    policy.appStateChanged(AppState::Background, t0.addSecs(10));
    // Events that reach a hidden window do not keep it unlocked.
    policy.userActivity(t0.addSecs(200));
    policy.appStateChanged(AppState::Active, t0.addSecs(400));
    CHECK(policy.shouldLock(t0.addSecs(400)));
}

TEST_CASE("A short trip to the background does not lock", "[domain]")
{
    AutoLockPolicy policy(300);
    policy.unlocked(t0);
    policy.appStateChanged(AppState::Background, t0.addSecs(10));
    policy.appStateChanged(AppState::Active, t0.addSecs(60));
    CHECK_FALSE(policy.shouldLock(t0.addSecs(60)));
    policy.userActivity(t0.addSecs(61));
    CHECK_FALSE(policy.shouldLock(t0.addSecs(300)));
}

TEST_CASE("Suspension by the OS locks at once", "[domain]")
{
    AutoLockPolicy policy(300);
    policy.unlocked(t0);
    policy.appStateChanged(AppState::Suspended, t0.addSecs(1));
    CHECK(policy.shouldLock(t0.addSecs(1)));
}

TEST_CASE("A wall-clock jump (laptop asleep) locks on wake", "[domain]")
{
    AutoLockPolicy policy(60);
    policy.unlocked(t0);
    CHECK(policy.shouldLock(t0.addDays(1)));
    policy.setTimeoutSeconds(0);
    CHECK(policy.timeoutSeconds() == 1); // never "no timeout" by accident
}
