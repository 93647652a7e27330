import QtQuick
import QtTest
import Companion.Core
import Companion.Patient

// The lock screen against a real profile: wrong passphrase stays locked with an error, the right
// one unlocks (by button and by Enter), and the recovery link is offered.
TestCase {
    id: testCase
    name: "UnlockPage"
    when: windowShown
    visible: true
    width: 600
    height: 800

    readonly property string passphrase: "amber lantern orbit meadow 17 quietly"

    property string recoveryKey: ""

    Component {
        id: recoverComponent
        RecoverWithKeyPage { width: testCase.width; height: testCase.height }
    }

    Component {
        id: pageComponent
        UnlockPage { width: testCase.width; height: testCase.height }
    }

    function child(parent, name) {
        const found = findChild(parent, name)
        verify(found !== null, "no child named " + name)
        return found
    }

    function createPage() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(waitForRendering(page))
        return page
    }

    function initTestCase() {
        ProfileController.createProfile(testCase.passphrase, testCase.passphrase)
        tryVerify(() => ProfileController.recoveryKeyText.length > 0, 15000)
        testCase.recoveryKey = ProfileController.recoveryKeyText
        ProfileController.acknowledgeRecoveryKey()
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
    }

    function init() {
        if (ProfileController.state === ProfileController.Unlocked)
            ProfileController.lock()
        ProfileController.clearError()
        Navigation.reset()
        compare(ProfileController.state, ProfileController.Locked)
        failOnWarning(/.+/)
    }

    function test_wrongPassphraseShowsErrorAndStaysLocked() {
        const page = createPage()
        const field = child(page, "unlockPassphraseField")
        const error = child(page, "unlockError")
        verify(!error.visible)
        verify(!child(page, "unlockButton").enabled, "nothing typed yet")
        field.text = "not my passphrase at all"
        mouseClick(child(page, "unlockButton"))
        compare(field.text, "", "the field is cleared after submitting")
        tryVerify(() => !ProfileController.busy && error.visible, 15000)
        verify(error.text.length > 0)
        compare(ProfileController.state, ProfileController.Locked)
    }

    function test_rightPassphraseUnlocksWithButton() {
        const page = createPage()
        child(page, "unlockPassphraseField").text = testCase.passphrase
        mouseClick(child(page, "unlockButton"))
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
        compare(ProfileController.errorMessage, "")
    }

    function test_enterKeySubmits() {
        const page = createPage()
        const field = child(page, "unlockPassphraseField")
        field.focusField()
        field.text = testCase.passphrase
        keyClick(Qt.Key_Return)
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
    }

    function test_forgotPassphraseOffersRecovery() {
        const page = createPage()
        verify(!child(page, "unlockBackButton").visible, "Back is only for the damaged page")
        compare(Navigation.recovering, false)
        mouseClick(child(page, "forgotButton"))
        compare(Navigation.recovering, true)
    }

    // Runs last (tests run in name order): it replaces the passphrase.
    function test_z_recoverWithKey() {
        const page = createTemporaryObject(recoverComponent, testCase)
        verify(waitForRendering(page))
        const next = "marble kettle sunrise pocket 64 bravely"
        const submit = child(page, "recoverButton")
        child(page, "recoveryKeyField").text = "AAAA-BBBB-CCCC-DDDD"
        child(page, "newPassphraseField").text = next
        child(page, "confirmPassphraseField").text = next
        verify(submit.enabled)
        mouseClick(submit)
        tryVerify(() => !ProfileController.busy && child(page, "recoverError").visible, 15000)
        compare(ProfileController.state, ProfileController.Locked)

        child(page, "recoveryKeyField").text = testCase.recoveryKey
        child(page, "newPassphraseField").text = next
        child(page, "confirmPassphraseField").text = next
        mouseClick(submit)
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
        verify(ProfileController.recoveryKeyText.length > 0, "a new recovery key is shown")
        verify(ProfileController.recoveryKeyText !== testCase.recoveryKey)
        ProfileController.acknowledgeRecoveryKey()
    }
}
