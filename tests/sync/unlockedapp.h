#pragma once

#include "presentation/appservices.h"
#include "profilesession.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <catch2/catch.hpp>

namespace companion::testing {

// The patient app's services, built as main.cpp builds them, on a new profile in a temporary
// folder, unlocked, with the start-up sync job finished. `dir` is declared first so it outlives
// the services that keep files in it.
struct UnlockedApp
{
    TempDir dir;
    presentation::AppServices services{options(dir)};

    UnlockedApp()
    {
        createUnlockedProfile(services.profile);
        REQUIRE(waitUntil([&] { return !services.sync.busy(); }, 60000));
    }

    static presentation::AppServicesOptions options(const TempDir &dir)
    {
        presentation::AppServicesOptions options;
        options.profileDirectory = dir.file(QStringLiteral("profile"));
        options.contentRoot = QStringLiteral(COMPANION_CONTENT_DIR);
        return options;
    }
};

} // namespace companion::testing
