import QtQuick
import QtTest
import Companion.Core
import Companion.Patient

// The notification explanation as a phone shows it (ADR 0028), on a desktop with a stand-in for
// the phone's permissions (FakePermissions, setup.cpp): nothing asked until a reminder is planned,
// the system prompt only after "Continue", a refusal explained, "Not now" hides the card.
TestCase {
    id: testCase
    name: "Permissions"
    when: windowShown
    visible: true
    width: 500
    height: 2600

    readonly property string passphrase: "copper willow harbor jigsaw 58 gently"

    Component {
        id: shellComponent
        AppShell { width: testCase.width; height: testCase.height }
    }
    Component { id: qrScanPage; QrScanPage {} }

    function child(parent, name) {
        const found = findChild(parent, name)
        verify(found !== null, "no child named " + name)
        return found
    }

    function click(shell, name) {
        const item = child(shell, name)
        verify(item.visible, name + " is not visible")
        for (let ancestor = item.parent; ancestor; ancestor = ancestor.parent)
            waitForItemPolished(ancestor)
        mouseClick(item)
    }

    function initTestCase() {
        ProfileController.createProfile(testCase.passphrase, testCase.passphrase)
        tryVerify(() => ProfileController.recoveryKeyText.length > 0, 15000)
        ProfileController.acknowledgeRecoveryKey()
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
        FakePermissions.install()
    }

    function init() {
        Navigation.reset()
        failOnWarning(/.+/)
    }

    function test_notificationsExplainedThenAsked() {
        const shell = createTemporaryObject(shellComponent, testCase)
        verify(waitForRendering(shell))
        const content = child(shell, "shellContent")
        tryCompare(content.item, "objectName", "todayPage")
        waitForItemPolished(content.item)
        const card = child(content.item, "notificationPermissionCard")
        // Nothing planned: nothing to explain, nothing asked.
        verify(!NotificationPermission.needed)
        verify(!card.visible)
        compare(FakePermissions.openPrompts, 0)

        // The first infusion plans reminders: the explanation appears, still without a prompt.
        const date = new Date(Date.now() + 5 * 24 * 3600 * 1000)
        const iso = date.getFullYear() + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0")
        verify(PlanController.addAppointment(iso, "10:30"))
        tryVerify(() => NotificationPermission.needed)
        waitForItemPolished(content.item)
        verify(card.visible)
        verify(child(card, "notificationExplanation").visible)
        verify(!child(card, "notificationRefused").visible)
        compare(FakePermissions.openPrompts, 0)
        compare(child(card, "notificationContinueButton").Accessible.name,
                "Continue to the notification question")

        click(shell, "notificationContinueButton")
        compare(FakePermissions.openPrompts, 1)
        verify(NotificationPermission.asking)
        verify(!child(card, "notificationExplanation").visible)

        // "Don't allow": the card says reminders will not appear. A desktop build has no
        // settings page to open, so that button stays hidden here.
        FakePermissions.answer(false)
        verify(NotificationPermission.denied)
        waitForItemPolished(content.item)
        verify(child(card, "notificationRefused").visible)
        verify(!child(card, "notificationSettingsButton").visible)
    }

    function test_zcameraAskedOnlyWithACamera() {
        // The offscreen platform has no camera: opening the scanner asks nothing and the page
        // offers the picture and the typed code.
        const page = createTemporaryObject(qrScanPage, testCase, { width: 400, height: 800 })
        verify(waitForRendering(page))
        compare(FakePermissions.openPrompts, 0)
        verify(CameraPermission.state === PermissionController.Unknown)
        verify(child(page, "noCameraText").visible)
        verify(!child(page, "cameraRefusedText").visible)
        verify(!child(page, "cameraAskingText").visible)
        verify(!child(page, "cameraSettingsButton").visible)
        verify(child(page, "openQrImageButton").visible)
        verify(child(page, "typeCodeButton").visible)
    }
}
