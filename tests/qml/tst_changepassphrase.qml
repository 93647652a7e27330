import QtQuick
import QtTest
import Companion.Core
import Companion.Patient

// Settings → Change passphrase against a real profile: a wrong current passphrase keeps the dialog
// open with an error; the right one closes it, and only the new passphrase unlocks afterwards.
TestCase {
    id: testCase
    name: "ChangePassphrase"
    when: windowShown
    visible: true
    width: 800
    height: 1600

    readonly property string original: "copper willow harbor jigsaw 58 gently"
    readonly property string renewed: "saffron glacier tumble orchard 93 softly"

    Component {
        id: settingsComponent
        SettingsPage { width: testCase.width; height: testCase.height }
    }

    function child(parent, name) {
        const found = findChild(parent, name)
        verify(found !== null, "no child named " + name)
        return found
    }

    property Item page: null

    function openDialog() {
        const page = createTemporaryObject(settingsComponent, testCase)
        testCase.page = page
        verify(waitForRendering(page))
        mouseClick(child(page, "changePassphraseButton"))
        const dialog = child(page, "changePassphraseDialog")
        tryCompare(dialog, "opened", true)
        return dialog
    }

    function fill(dialog, current, next) {
        child(dialog.contentItem, "currentPassphraseField").text = current
        child(dialog.contentItem, "newPassphraseField").text = next
        child(dialog.contentItem, "confirmPassphraseField").text = next
    }

    function unlockWith(passphrase) {
        ProfileController.lock()
        ProfileController.unlock(passphrase)
        tryVerify(() => !ProfileController.busy, 15000)
        return ProfileController.state === ProfileController.Unlocked
    }

    function initTestCase() {
        ProfileController.createProfile(testCase.original, testCase.original)
        tryVerify(() => ProfileController.recoveryKeyText.length > 0, 15000)
        ProfileController.acknowledgeRecoveryKey()
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
    }

    function init() { failOnWarning(/.+/) }

    function test_1_wrongCurrentPassphraseKeepsDialogOpen() {
        const dialog = openDialog()
        const submit = child(dialog.footer, "changePassphraseSubmit")
        verify(!submit.enabled)
        fill(dialog, "this is not the passphrase", testCase.renewed)
        verify(submit.enabled)
        mouseClick(submit)
        tryVerify(() => !ProfileController.busy && ProfileController.errorMessage.length > 0, 15000)
        verify(dialog.opened)
        verify(child(dialog.contentItem, "changePassphraseError").visible)
        compare(child(dialog.contentItem, "currentPassphraseField").text, "", "fields are cleared")
        dialog.close()
    }

    function test_2_rightPassphraseChangesIt() {
        const dialog = openDialog()
        compare(ProfileController.errorMessage, "", "opening the dialog clears an old error")
        fill(dialog, testCase.original, testCase.renewed)
        mouseClick(child(dialog.footer, "changePassphraseSubmit"))
        tryVerify(() => findChild(testCase.page, "changePassphraseDialog") === null, 15000,
                  "the dialog closes (and is destroyed) after success")
        verify(!unlockWith(testCase.original), "the old passphrase no longer unlocks")
        verify(unlockWith(testCase.renewed), "the new passphrase unlocks")
    }
}
