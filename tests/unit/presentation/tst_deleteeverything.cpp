// Settings → Delete everything: the typed word, the clinic first (nothing deleted when it fails),
// then the profile folder, and the app back at first run. The server half is replaced here; the
// real server and device are in tests/sync (tst_sync "[delete]").
#include <catch2/catch.hpp>

#include "presentation/deleteeverythingcontroller.h"
#include "presentation/synccontroller.h"
#include "profilesession.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <atomic>

using namespace companion;
using namespace companion::presentation;

namespace {

struct Fixture
{
    testing::TempDir root;
    QString directory = root.file(QStringLiteral("profile"));
    ProfileController profile{directory};
    SyncController sync{profile};
    DeleteEverythingController controller{profile, sync};
    std::atomic<int> serverCalls = 0;
    Result<void> serverOutcome;

    Fixture()
    {
        testing::createUnlockedProfile(profile);
        REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
        // A file outside the database (as reminders.json and preferences.ini are).
        QFile side(QDir(directory).filePath(QStringLiteral("reminders.json")));
        REQUIRE(side.open(QIODevice::WriteOnly));
        side.write("{}");
        controller.setServerDeleteForTesting([this]() -> Result<void> {
            ++serverCalls;
            return serverOutcome;
        });
    }
};

} // namespace

TEST_CASE("Delete everything needs the typed word", "[presentation][delete]")
{
    Fixture f;
    CHECK(f.controller.confirmationWord() == QStringLiteral("DELETE"));
    CHECK(f.controller.isConfirmation(QStringLiteral(" delete ")));
    CHECK_FALSE(f.controller.isConfirmation(QStringLiteral("DELET")));
    CHECK_FALSE(f.controller.isConfirmation(QString()));

    f.controller.deleteEverything(QStringLiteral("yes"), false);
    CHECK_FALSE(f.controller.busy());
    CHECK(f.controller.errorText().contains(QStringLiteral("DELETE")));
    CHECK(f.serverCalls == 0);
    CHECK(f.profile.state() == ProfileController::Unlocked);
    CHECK(QFileInfo::exists(QDir(f.directory).filePath(QStringLiteral("profile.key"))));
}

TEST_CASE("Delete everything: the clinic first, then every file; back to first run",
          "[presentation][delete]")
{
    Fixture f;
    int deletedSignals = 0;
    QObject::connect(&f.controller, &DeleteEverythingController::deleted,
                     [&] { ++deletedSignals; });

    SECTION("the clinic cannot be reached: nothing is deleted")
    {
        f.serverOutcome = makeError(ErrorCode::Network, QStringLiteral("offline"));
        f.controller.deleteEverything(QStringLiteral("DELETE"), false);
        REQUIRE(testing::waitUntil([&] { return !f.controller.busy(); }));
        CHECK(f.serverCalls == 1);
        CHECK(f.controller.errorText().contains(QStringLiteral("nothing was deleted")));
        CHECK(deletedSignals == 0);
        CHECK(f.profile.state() == ProfileController::Unlocked);
        CHECK(QDir(f.directory).entryList(QDir::Files).size() >= 3);
    }
    SECTION("the clinic deleted its copy: the folder goes")
    {
        f.controller.deleteEverything(QStringLiteral("delete"), false);
        REQUIRE(testing::waitUntil([&] { return deletedSignals == 1; }));
        CHECK(f.serverCalls == 1);
        CHECK_FALSE(f.controller.busy());
        CHECK(f.controller.errorText().isEmpty());
        CHECK(f.profile.state() == ProfileController::NoProfile);
        CHECK(f.profile.profile() == nullptr);
        CHECK_FALSE(QFileInfo::exists(f.directory));
        // First run again: a new profile can be made in the same place.
        testing::createUnlockedProfile(f.profile);
    }
    SECTION("only this device: the clinic is not asked")
    {
        f.controller.deleteEverything(QStringLiteral("DELETE"), true);
        CHECK(deletedSignals == 1);
        CHECK(f.serverCalls == 0);
        CHECK(f.profile.state() == ProfileController::NoProfile);
        CHECK_FALSE(QFileInfo::exists(f.directory));
    }
}
