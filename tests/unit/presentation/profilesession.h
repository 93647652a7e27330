#pragma once

// The profile set-up every controller test starts from: a new profile, unlocked, its recovery
// key acknowledged; and a lock/unlock round trip.

#include "presentation/profilecontroller.h"
#include "support/wait.h"

#include <catch2/catch.hpp>

namespace companion::testing {

inline const QString kTestPassphrase = QStringLiteral("juniper falcon atlas biscuit");

inline void createUnlockedProfile(presentation::ProfileController &profile)
{
    profile.createProfile(kTestPassphrase, kTestPassphrase);
    REQUIRE(waitUntil([&] { return !profile.busy(); }));
    REQUIRE(profile.state() == presentation::ProfileController::Unlocked);
    profile.acknowledgeRecoveryKey();
}

inline void relockProfile(presentation::ProfileController &profile)
{
    profile.lock();
    REQUIRE(profile.state() == presentation::ProfileController::Locked);
    profile.unlock(kTestPassphrase);
    REQUIRE(waitUntil([&] { return !profile.busy(); }));
    REQUIRE(profile.state() == presentation::ProfileController::Unlocked);
}

} // namespace companion::testing
