import QtQuick
import QtTest
import Companion.Core
import Companion.Patient

// The journal against a real profile: an intention written through the editor appears in its
// infusion's thread as plain text; editing changes it; sharing is off unless switched on; a
// deleted entry disappears after confirmation.
TestCase {
    id: testCase
    name: "Journal"
    when: windowShown
    visible: true
    width: 800
    height: 1600

    readonly property string passphrase: "copper willow harbor jigsaw 58 gently"

    Component {
        id: journalComponent
        JournalPage { width: testCase.width; height: testCase.height }
    }

    function child(parent, name) {
        const found = findChild(parent, name)
        verify(found !== null, "no child named " + name)
        return found
    }

    function type(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function openPage() {
        const page = createTemporaryObject(journalComponent, testCase)
        verify(waitForRendering(page))
        return page
    }

    function initTestCase() {
        ProfileController.createProfile(testCase.passphrase, testCase.passphrase)
        tryVerify(() => ProfileController.recoveryKeyText.length > 0, 15000)
        ProfileController.acknowledgeRecoveryKey()
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
    }

    function init() { failOnWarning(/.+/) }

    function test_1_writeIntentionAppearsInItsThread() {
        const page = openPage()
        verify(child(page, "journalEmptyCard").visible)
        mouseClick(child(page, "journalNewInfusionButton"))
        tryCompare(JournalController, "editorOpen", true)
        verify(waitForRendering(page))
        const area = child(page, "journalTextArea")
        compare(area.placeholderText, "What would you like to bring to this session?")
        verify(!child(page, "journalShareSwitch").checked, "sharing is off by default")
        verify(!child(page, "journalSaveButton").enabled, "nothing to save yet")
        mouseClick(area)
        verify(area.activeFocus)
        type("<b>be kind</b>")
        compare(JournalController.editorText, "<b>be kind</b>")
        mouseClick(child(page, "journalSaveButton"))
        compare(JournalController.editorOpen, false)
        waitForItemPolished(page)
        compare(JournalController.entryCount, 1)
        const text = child(page, "journalEntryText")
        compare(text.text, "<b>be kind</b>")
        compare(text.textFormat, Text.PlainText)
        compare(child(page, "journalEntryShareLabel").text, "Private")
        verify(!child(page, "journalEmptyCard").visible)
        compare(JournalController.lastIntention, "<b>be kind</b>")
    }

    function test_2_editChangesTheEntry() {
        const page = openPage()
        mouseClick(child(page, "journalEditButton"))
        tryCompare(JournalController, "editorOpen", true)
        verify(waitForRendering(page))
        const area = child(page, "journalTextArea")
        compare(area.text, "<b>be kind</b>")
        mouseClick(area)
        area.cursorPosition = area.length
        type(" always")
        mouseClick(child(page, "journalSaveButton"))
        compare(JournalController.editorOpen, false)
        waitForItemPolished(page)
        compare(JournalController.entryCount, 1)
        compare(child(page, "journalEntryText").text, "<b>be kind</b> always")
        compare(JournalController.lastIntention, "<b>be kind</b> always")
    }

    function test_3_shareSwitchStaysOffByDefault() {
        const page = openPage()
        mouseClick(child(page, "journalNewFreeEntryButton"))
        tryCompare(JournalController, "editorOpen", true)
        verify(waitForRendering(page))
        const share = child(page, "journalShareSwitch")
        verify(!share.checked)
        compare(JournalController.editorShared, false)
        mouseClick(child(page, "journalTextArea"))
        type("a free note")
        verify(!share.checked, "typing does not change sharing")
        mouseClick(child(page, "journalSaveButton"))
        waitForItemPolished(page)
        compare(JournalController.entryCount, 2)
        verify(findChild(page, "journalThread_free") !== null, "a Free entries thread")
        compare(child(child(page, "journalThread_free"), "journalEntryShareLabel").text, "Private")
    }

    // The dialog is a popup in the window's overlay: reach it through its loader.
    function deleteDialogOf(thread) {
        mouseClick(child(thread, "journalDeleteButton"))
        const dialog = child(thread, "journalDeleteDialogLoader").item
        verify(dialog !== null && dialog.objectName === "deleteJournalEntryDialog")
        tryCompare(dialog, "opened", true)
        return dialog
    }

    function test_4_deleteAsksFirst() {
        const page = openPage()
        compare(JournalController.lastIntention, "<b>be kind</b> always")
        const thread = child(page, "journalThread_" + JournalController.threads[0].key)
        mouseClick(child(deleteDialogOf(thread).footer, "deleteJournalEntryCancel"))
        compare(JournalController.entryCount, 2, "cancel keeps the entry")
        mouseClick(child(deleteDialogOf(thread).footer, "deleteJournalEntryConfirm"))
        tryCompare(JournalController, "entryCount", 1)
        compare(JournalController.lastIntention, "")
        waitForItemPolished(page)
        verify(findChild(page, "journalThread_free") !== null)
    }
}
