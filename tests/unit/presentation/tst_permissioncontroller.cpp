#include <catch2/catch.hpp>

#include "platform/nopromptpermissionsource.h"
#include "presentation/permissioncontroller.h"
#include "presentation/qrscanner.h"
#include "presentation/synccontroller.h"

#include <QCoreApplication>

#include <vector>

using namespace companion;
using namespace companion::presentation;
using platform::Permission;
using platform::PermissionStatus;
using State = PermissionController::State;

namespace {

// Stands in for the phone: a status per permission, prompts that stay open until the test
// answers them, as the system dialog would.
class FakePermissionSource final : public platform::PermissionSource
{
public:
    PermissionStatus camera = PermissionStatus::NotAsked;
    PermissionStatus notifications = PermissionStatus::NotAsked;
    std::vector<std::pair<Permission, Answer>> prompts;
    int settingsOpened = 0;

    PermissionStatus status(Permission permission) const override
    {
        return permission == Permission::Camera ? camera : notifications;
    }
    void request(Permission permission, Answer answer) override
    {
        prompts.emplace_back(permission, std::move(answer));
    }
    bool openSettings() override
    {
        ++settingsOpened;
        return true;
    }

    // The person taps in the system dialog: the system records it, then the app hears it.
    void answer(PermissionStatus result)
    {
        REQUIRE_FALSE(prompts.empty());
        auto [permission, reply] = std::move(prompts.front());
        prompts.erase(prompts.begin());
        if (result == PermissionStatus::Granted)
            (permission == Permission::Camera ? camera : notifications) = result;
        else
            (permission == Permission::Camera ? camera : notifications) = PermissionStatus::Denied;
        reply(result);
    }
};

} // namespace

TEST_CASE("Camera permission: asked once when the scanner opens, granted or refused",
          "[presentation][permission]")
{
    FakePermissionSource source;
    PermissionController camera(Permission::Camera, true);
    camera.setSource(&source);
    CHECK(camera.state() == State::Unknown);
    CHECK(source.prompts.empty()); // nothing is asked before the page opens

    SECTION("yes: granted, and not asked again")
    {
        camera.askIfUnknown();
        CHECK(camera.state() == State::Asking);
        REQUIRE(source.prompts.size() == 1);
        CHECK(source.prompts.front().first == Permission::Camera);
        camera.request(); // a second tap while the dialog is open asks nothing more
        CHECK(source.prompts.size() == 1);
        source.answer(PermissionStatus::Granted);
        CHECK(camera.state() == State::Granted);
        CHECK(camera.granted());
        camera.askIfUnknown();
        camera.request();
        CHECK(source.prompts.empty());
    }
    SECTION("no: denied, the next visit shows the alternatives instead of asking again")
    {
        camera.askIfUnknown();
        source.answer(PermissionStatus::Denied);
        CHECK(camera.state() == State::Denied);
        CHECK(camera.denied());
        camera.askIfUnknown();
        CHECK(source.prompts.empty());
        CHECK(camera.state() == State::Denied);
        // The person taps "Open settings" and allows the camera there; back in the app:
        CHECK(camera.openSettings());
        CHECK(source.settingsOpened == 1);
        source.camera = PermissionStatus::Granted;
        camera.refresh();
        CHECK(camera.state() == State::Granted);
    }
    SECTION("a dialog closed without an answer counts as a refusal, not as never asked")
    {
        camera.request();
        source.answer(PermissionStatus::NotAsked);
        CHECK(camera.state() == State::Denied);
    }
    SECTION("refresh does not disturb an open prompt")
    {
        camera.request();
        camera.refresh();
        CHECK(camera.state() == State::Asking);
    }
}

TEST_CASE("Permission answers that arrive late or for another source are ignored",
          "[presentation][permission]")
{
    FakePermissionSource first;
    FakePermissionSource second;
    second.camera = PermissionStatus::Denied;
    PermissionController camera(Permission::Camera, true);
    camera.setSource(&first);
    camera.request();
    REQUIRE(camera.state() == State::Asking);
    camera.setSource(&second);
    CHECK(camera.state() == State::Denied);
    first.answer(PermissionStatus::Granted); // the old dialog's answer
    CHECK(camera.state() == State::Denied);

    // The controller may go away while the system dialog is still open.
    FakePermissionSource third;
    {
        PermissionController shortLived(Permission::Camera, true);
        shortLived.setSource(&third);
        shortLived.request();
    }
    third.answer(PermissionStatus::Granted); // must not touch the destroyed controller
    CHECK(third.camera == PermissionStatus::Granted);
}

TEST_CASE("Notification permission: explained when reminders are planned, asked on Continue",
          "[presentation][permission]")
{
    FakePermissionSource source;
    PermissionController notifications(Permission::Notifications, true);
    notifications.setSource(&source);
    int changed = 0;
    QObject::connect(&notifications, &PermissionController::stateChanged,
                     [&changed] { ++changed; });

    // No reminders yet: nothing to explain, nothing asked.
    CHECK_FALSE(notifications.explanationDue());
    CHECK_FALSE(notifications.refusalNoticeDue());
    CHECK_FALSE(notifications.noticeDue());

    notifications.setNeeded(true); // the first reminder was planned
    CHECK(changed == 1);
    CHECK(notifications.explanationDue());
    CHECK(source.prompts.empty()); // the explanation comes first; the system prompt waits

    SECTION("Continue, then yes")
    {
        notifications.request();
        REQUIRE(source.prompts.size() == 1);
        CHECK(source.prompts.front().first == Permission::Notifications);
        CHECK_FALSE(notifications.explanationDue());
        source.answer(PermissionStatus::Granted);
        CHECK(notifications.granted());
        CHECK_FALSE(notifications.explanationDue());
        CHECK_FALSE(notifications.refusalNoticeDue());
    }
    SECTION("Continue, then no: the notice says reminders will not appear")
    {
        notifications.request();
        source.answer(PermissionStatus::Denied);
        CHECK(notifications.refusalNoticeDue());
        CHECK(notifications.noticeDue());
        CHECK_FALSE(notifications.explanationDue());
        notifications.setNeeded(false); // no reminders planned any more: nothing to say
        CHECK_FALSE(notifications.refusalNoticeDue());
    }
    SECTION("Not now: hidden until the next start, and nothing asked")
    {
        notifications.postpone();
        CHECK_FALSE(notifications.explanationDue());
        CHECK(source.prompts.empty());
        PermissionController nextStart(Permission::Notifications, true);
        nextStart.setSource(&source);
        nextStart.setNeeded(true);
        CHECK(nextStart.explanationDue());
    }
    SECTION("already allowed in the system settings: no explanation")
    {
        source.notifications = PermissionStatus::Granted;
        notifications.refresh();
        CHECK_FALSE(notifications.explanationDue());
    }
}

TEST_CASE("Desktops ask nothing: every permission is granted", "[presentation][permission]")
{
    platform::NoPromptPermissionSource desktop;
    CHECK(desktop.status(Permission::Camera) == PermissionStatus::Granted);
    CHECK(desktop.status(Permission::Notifications) == PermissionStatus::Granted);
    CHECK_FALSE(desktop.openSettings());

    PermissionController notifications(Permission::Notifications, false);
    notifications.setSource(&desktop);
    notifications.setNeeded(true);
    CHECK(notifications.granted());
    CHECK_FALSE(notifications.explanationDue());
    CHECK_FALSE(notifications.settingsAvailable());
    CHECK_FALSE(notifications.openSettings());

    // The desktop's answer, too, arrives from the event loop, never inside request().
    bool answered = false;
    desktop.request(Permission::Camera, [&answered](PermissionStatus status) {
        answered = status == PermissionStatus::Granted;
    });
    CHECK_FALSE(answered);
    QCoreApplication::processEvents();
    CHECK(answered);

    // No source at all (tests of other parts): granted, nothing to open.
    PermissionController none(Permission::Camera, true);
    none.setSource(nullptr);
    CHECK(none.granted());
    CHECK_FALSE(none.settingsAvailable());
}

TEST_CASE("The QR scanner asks for the camera only when there is one", "[presentation][permission]")
{
    FakePermissionSource source;
    PermissionController camera(Permission::Camera, true);
    camera.setSource(&source);
    QrScanner scanner;
    int changed = 0;
    QObject::connect(&scanner, &QrScanner::cameraStateChanged, [&changed] { ++changed; });
    scanner.setPermission(&camera);
    CHECK(changed == 1);

    scanner.start();
    if (!scanner.cameraAvailable()) {
        // The test machine has no camera: nothing is asked, the page offers the other ways in.
        CHECK(source.prompts.empty());
        CHECK_FALSE(scanner.cameraReady());
        CHECK_FALSE(scanner.cameraAsking());
        CHECK_FALSE(scanner.cameraRefused());
    } else {
        REQUIRE(source.prompts.size() == 1);
        CHECK(scanner.cameraAsking());
        CHECK_FALSE(scanner.cameraReady());
        source.answer(PermissionStatus::Denied);
        CHECK(scanner.cameraRefused());
        CHECK_FALSE(scanner.cameraReady());
    }
    // The scanner follows the permission's changes.
    const int before = changed;
    source.camera = PermissionStatus::Granted;
    camera.refresh();
    CHECK(changed > before);
}
