import QtQuick
import QtTest
import Companion.Core
import Companion.Patient

// First run through the state-driven root: create a profile, see the recovery key once,
// acknowledge it, land in the shell, lock, and the shell is replaced by the unlock page.
TestCase {
    id: testCase
    name: "CreateProfile"
    when: windowShown
    visible: true
    width: 900
    height: 900

    readonly property string strong: "violet canyon mirror thunder spoon 42"

    Component {
        id: rootComponent
        AppRoot { width: testCase.width; height: testCase.height }
    }

    function child(parent, name) {
        const found = findChild(parent, name)
        verify(found !== null, "no child named " + name)
        return found
    }

    function typeText(text) {
        for (const c of text) keyClick(c)
    }

    function init() { failOnWarning(/.+/) }

    function createRoot() {
        const root = createTemporaryObject(rootComponent, testCase)
        verify(waitForRendering(root))
        return root
    }

    function test_1_weakPassphraseKeepsCreateDisabled() {
        const root = createRoot()
        const page = child(root, "rootLoader").item
        compare(page.objectName, "createProfilePage")
        child(page, "newPassphraseField").text = "abc123"
        child(page, "confirmPassphraseField").text = "abc123"
        verify(child(page, "strengthMeter").visible)
        verify(!ProfileController.assessPassphrase("abc123").acceptable)
        const create = child(page, "createButton")
        verify(!create.enabled)
        mouseClick(create)
        compare(ProfileController.busy, false)
        compare(ProfileController.state, ProfileController.NoProfile)
    }

    function test_2_mismatchShowsError() {
        const root = createRoot()
        const page = child(root, "rootLoader").item
        child(page, "newPassphraseField").text = testCase.strong
        child(page, "confirmPassphraseField").text = testCase.strong + "x"
        verify(child(page, "mismatchLabel").visible)
        verify(!child(page, "createButton").enabled)
        child(page, "confirmPassphraseField").text = testCase.strong
        verify(!child(page, "mismatchLabel").visible)
        verify(child(page, "createButton").enabled)
    }

    function test_3_createAcknowledgeAndLock() {
        const root = createRoot()
        const loader = child(root, "rootLoader")
        let page = loader.item
        const first = child(page, "newPassphraseField")
        first.focusField()
        typeText(testCase.strong)
        keyClick(Qt.Key_Return) // moves to the confirmation field
        typeText(testCase.strong)
        verify(child(page, "createButton").enabled)
        mouseClick(child(page, "createButton"))
        compare(first.text, "", "fields are cleared after submitting")

        tryVerify(() => ProfileController.recoveryKeyText.length > 0, 15000)
        tryCompare(loader.item, "objectName", "recoveryKeyPage")
        page = loader.item
        compare(child(page, "recoveryKeyText").text, ProfileController.recoveryKeyText)
        const proceed = child(page, "continueButton")
        verify(!proceed.enabled, "Continue waits for the checkbox")
        waitForItemPolished(page)
        mouseClick(child(page, "storedCheckBox"))
        verify(proceed.enabled)
        mouseClick(proceed)
        compare(ProfileController.recoveryKeyText, "")
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
        tryCompare(loader.item, "objectName", "appShell")
        waitForItemPolished(loader.item)

        mouseClick(child(loader.item, "headerLockButton"))
        compare(ProfileController.state, ProfileController.Locked)
        compare(loader.item.objectName, "unlockPage")
        tryVerify(() => findChild(root, "appShell") === null, 15000, "the shell is destroyed on lock")
    }
}
