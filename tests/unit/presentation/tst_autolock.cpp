#include <catch2/catch.hpp>

#include "presentation/autolock.h"
#include "presentation/preferences.h"
#include "presentation/profilecontroller.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <QKeyEvent>

using namespace companion;
using namespace companion::presentation;

namespace {
const QString kPassphrase = QStringLiteral("juniper falcon atlas biscuit");

struct Fixture
{
    testing::TempDir dir;
    testing::FakeClock clock;
    Preferences preferences{QString()};
    ProfileController profile{dir.path(), clock};
    AutoLock autoLock{profile, preferences, clock};

    Fixture()
    {
        profile.createProfile(kPassphrase, kPassphrase);
        REQUIRE(testing::waitUntil([&] { return profile.state() == ProfileController::Unlocked; }));
    }
};
} // namespace

TEST_CASE("Auto-lock locks after the configured inactivity", "[presentation]")
{
    Fixture f;
    CHECK(f.autoLock.secondsUntilLock() == 300);
    f.clock.advanceSeconds(299);
    f.autoLock.evaluate();
    CHECK(f.profile.state() == ProfileController::Unlocked);
    f.clock.advanceSeconds(1);
    f.autoLock.evaluate();
    CHECK(f.profile.state() == ProfileController::Locked);
}

TEST_CASE("Input seen by the event filter postpones auto-lock", "[presentation]")
{
    Fixture f;
    f.clock.advanceSeconds(200);
    QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier);
    QObject target;
    target.installEventFilter(&f.autoLock);
    QCoreApplication::sendEvent(&target, &key);
    f.clock.advanceSeconds(200);
    f.autoLock.evaluate();
    CHECK(f.profile.state() == ProfileController::Unlocked);
}

TEST_CASE("A shorter auto-lock setting applies at once", "[presentation]")
{
    Fixture f;
    f.preferences.setAutoLockMinutes(1);
    f.clock.advanceSeconds(61);
    f.autoLock.evaluate();
    CHECK(f.profile.state() == ProfileController::Locked);
}

TEST_CASE("Suspension locks immediately; returning after the timeout locks", "[presentation]")
{
    SECTION("suspended")
    {
        Fixture f;
        f.autoLock.applicationStateChanged(Qt::ApplicationSuspended);
        CHECK(f.profile.state() == ProfileController::Locked);
    }
    SECTION("hidden for longer than the timeout")
    {
        Fixture f;
        f.autoLock.applicationStateChanged(Qt::ApplicationHidden);
        CHECK(f.profile.state() == ProfileController::Unlocked);
        f.clock.advanceSeconds(301);
        f.autoLock.applicationStateChanged(Qt::ApplicationActive);
        CHECK(f.profile.state() == ProfileController::Locked);
    }
}
