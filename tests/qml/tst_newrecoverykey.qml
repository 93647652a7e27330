import QtQuick
import QtQuick.Controls
import QtTest
import Companion.Core
import Companion.Patient

// Settings → New recovery key: confirming replaces the key and shows the new one once; cancelling
// changes nothing.
TestCase {
    id: testCase
    name: "NewRecoveryKey"
    when: windowShown
    visible: true
    width: 800
    height: 1600

    readonly property string passphrase: "marble otter lantern quince 41 slowly"
    property string firstKey: ""

    Component {
        id: settingsComponent
        SettingsPage { width: testCase.width; height: testCase.height }
    }

    function openConfirmation() {
        const page = createTemporaryObject(settingsComponent, testCase)
        verify(waitForRendering(page))
        const button = findChild(page, "newRecoveryKeyButton")
        verify(button !== null)
        mouseClick(button)
        const dialog = findChild(page, "newRecoveryKeyDialog")
        verify(dialog !== null)
        tryCompare(dialog, "opened", true)
        return dialog
    }

    function initTestCase() {
        ProfileController.createProfile(testCase.passphrase, testCase.passphrase)
        tryVerify(() => ProfileController.recoveryKeyText.length > 0, 15000)
        testCase.firstKey = ProfileController.recoveryKeyText
        ProfileController.acknowledgeRecoveryKey()
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
    }

    function init() { failOnWarning(/.+/) }

    function test_1_cancelKeepsTheKey() {
        const dialog = openConfirmation()
        mouseClick(findChild(dialog.footer, "dialogCancelButton"))
        tryCompare(dialog, "opened", false)
        compare(ProfileController.recoveryKeyText, "")
    }

    function test_2_confirmShowsANewKeyOnce() {
        const dialog = openConfirmation()
        mouseClick(findChild(dialog.footer, "newRecoveryKeyConfirm"))
        tryVerify(() => ProfileController.recoveryKeyText.length === 64, 15000)
        verify(ProfileController.recoveryKeyText !== testCase.firstKey, "a different key")
        ProfileController.acknowledgeRecoveryKey()
        compare(ProfileController.recoveryKeyText, "")
    }
}
