import QtQuick
import QtQuick.Controls
import QtTest
import Companion.Core
import Companion.Patient

// Settings → Delete everything: the dialog needs the typed word; cancelling deletes nothing;
// confirming wipes the profile and returns to first run.
TestCase {
    id: testCase
    name: "DeleteEverything"
    when: windowShown
    visible: true
    width: 800
    height: 1600

    readonly property string passphrase: "marble otter lantern quince 41 slowly"

    Component {
        id: settingsComponent
        SettingsPage { width: testCase.width; height: testCase.height }
    }

    function openDialog() {
        const page = createTemporaryObject(settingsComponent, testCase)
        verify(waitForRendering(page))
        const button = findChild(page, "deleteEverythingButton")
        verify(button !== null)
        verify(button.text.length > 0)
        // The section is at the bottom of a long page, outside the window: press it directly.
        button.clicked()
        const dialog = findChild(page, "deleteEverythingDialog")
        verify(dialog !== null)
        tryCompare(dialog, "opened", true)
        return dialog
    }

    function initTestCase() {
        ProfileController.createProfile(testCase.passphrase, testCase.passphrase)
        tryVerify(() => ProfileController.recoveryKeyText.length > 0, 15000)
        ProfileController.acknowledgeRecoveryKey()
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
    }

    function init() { failOnWarning(/.+/) }

    function test_1_theWordIsNeededAndCancelKeepsEverything() {
        const dialog = openDialog()
        const confirm = findChild(dialog.footer, "deleteEverythingConfirm")
        verify(!confirm.enabled, "disabled until the word is typed")
        const field = findChild(dialog, "deleteEverythingWord")
        verify(field.Accessible.name.length > 0)
        field.text = "DELET"
        verify(!confirm.enabled)
        field.text = DeleteEverythingController.confirmationWord.toLowerCase()
        verify(confirm.enabled)
        mouseClick(findChild(dialog.footer, "deleteEverythingCancel"))
        tryCompare(dialog, "opened", false)
        compare(ProfileController.state, ProfileController.Unlocked)
    }

    function test_2_confirmWipesAndReturnsToFirstRun() {
        const dialog = openDialog()
        findChild(dialog, "deleteEverythingWord").text = DeleteEverythingController.confirmationWord
        // Not connected to a clinic: nothing to ask it, so the wipe happens at once either way.
        findChild(dialog, "deleteEverythingLocalOnly").checked = true
        mouseClick(findChild(dialog.footer, "deleteEverythingConfirm"))
        tryCompare(ProfileController, "state", ProfileController.NoProfile, 15000)
        compare(DeleteEverythingController.errorText, "")
        compare(DeleteEverythingController.busy, false)
    }
}
