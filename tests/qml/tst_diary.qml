import QtQuick
import QtTest
import Companion.Core
import Companion.Patient

// The diary in the real shell against a real profile: a check-in in low-energy mode, crisis help
// one tap away from the check-in form (and "tell my clinic now"), and PHQ-9 item 9 opening crisis
// help the moment it is answered, from the check-in flow's due questionnaire.
TestCase {
    id: testCase
    name: "Diary"
    when: windowShown
    visible: true
    width: 500
    height: 1400

    readonly property string passphrase: "copper willow harbor jigsaw 58 gently"

    Component {
        id: shellComponent
        AppShell { width: testCase.width; height: testCase.height }
    }

    function child(parent, name) {
        const found = findChild(parent, name)
        verify(found !== null, "no child named " + name)
        return found
    }

    function openDiary() {
        const shell = createTemporaryObject(shellComponent, testCase)
        verify(waitForRendering(shell))
        Navigation.go(1)
        const content = child(shell, "shellContent")
        tryCompare(content.item, "objectName", "diaryPage")
        waitForItemPolished(content.item)
        return shell
    }

    function click(shell, name) {
        const item = child(shell, name)
        verify(item.visible, name + " is not visible")
        // Layouts and positioners place their children when they polish: let every ancestor
        // settle, or the click lands where the item used to be.
        for (let ancestor = item.parent; ancestor; ancestor = ancestor.parent)
            waitForItemPolished(ancestor)
        mouseClick(item)
        waitForItemPolished(shell)
    }

    function initTestCase() {
        ProfileController.createProfile(testCase.passphrase, testCase.passphrase)
        tryVerify(() => ProfileController.recoveryKeyText.length > 0, 15000)
        ProfileController.acknowledgeRecoveryKey()
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
    }

    function init() {
        Navigation.reset()
        failOnWarning(/.+/)
    }

    function cleanup() {
        // A failed test must not leave a form open for the next one.
        DiaryController.cancel(true)
        QuestionnaireController.close(true)
    }

    function test_1_checkInInLowEnergyMode() {
        const shell = openDiary()
        verify(child(shell, "diaryEmptyText").visible)
        click(shell, "startCheckInButton")
        compare(DiaryController.editorKind, "checkin")
        compare(child(shell, "diaryEditorState").text, "Not saved yet")
        verify(!child(shell, "diarySaveButton").enabled)
        click(shell, "lowEnergySwitch")
        verify(DiaryController.lowEnergy)
        compare(child(shell, "lowEnergyProgress").text, "Question 1 of 8")
        // Each tap answers and moves on to the next question.
        click(shell, "scaleChoice_mood_6")
        compare(child(shell, "lowEnergyProgress").text, "Question 2 of 8")
        click(shell, "scaleChoice_anxiety_3")
        click(shell, "scaleChoice_pain_2")
        compare(child(shell, "lowEnergyProgress").text, "Question 4 of 8")
        verify(child(shell, "diarySaveButton").enabled)
        click(shell, "diarySaveButton")
        compare(DiaryController.editorKind, "")
        compare(DiaryController.entryCount, 1)
        // The entry is a row of the page's list, made when the list lays out.
        tryVerify(() => findChild(shell, "diaryEntrySummary") !== null)
        compare(child(shell, "diaryEntrySummary").text, "Mood 6 \u00B7 Anxiety 3 \u00B7 Pain 2")
        verify(child(shell, "diaryEntryState").text.endsWith("Saved on this device"))
        verify(DiaryController.checkedInToday)
    }

    function test_2_crisisHelpIsOneTapFromTheCheckIn() {
        const shell = openDiary()
        click(shell, "startCheckInButton")
        verify(!DiaryController.lowEnergy) // the daily check-in opens as the full form
        verify(child(shell, "diaryFullForm").visible)
        const content = child(shell, "shellContent")
        click(shell, "crisisButton")
        compare(content.item.objectName, "crisisHelpPage")
        compare(SafetyController.trigger, "manual")
        verify(child(content.item, "call_emergency").visible)
        verify(child(content.item, "call_crisis_line").visible)
        verify(child(content.item, "reviewWindowText").text.indexOf("not monitored around the clock") >= 0)
        click(shell, "tellClinicButton")
        verify(SafetyController.toldClinic)
        verify(!child(content.item, "tellClinicButton").visible)
        // Back to the form, which kept its place.
        click(shell, "headerBackButton")
        compare(content.item.objectName, "diaryPage")
        compare(DiaryController.editorKind, "checkin")
        compare(SafetyController.trigger, "")
    }

    function test_3_item9OpensCrisisHelpFromTheCheckInFlow() {
        const shell = openDiary()
        const content = child(shell, "shellContent")
        // The baseline PHQ-9 is due; the check-in flow offers it.
        click(shell, "dueInstrument_phq9")
        compare(QuestionnaireController.instrumentId, "phq9")
        for (let i = 0; i < 8; ++i) {
            compare(child(shell, "questionnaireProgress").text, "Question " + (i + 1) + " of 10")
            click(shell, "questionnaireOption_0")
        }
        compare(content.item.objectName, "diaryPage")
        verify(child(shell, "questionnaireItemText").text.indexOf("better off dead") >= 0)
        click(shell, "questionnaireOption_1") // item 9: several days
        compare(content.item.objectName, "crisisHelpPage")
        compare(SafetyController.trigger, "item9")
        verify(child(content.item, "crisisIntro").text.indexOf("better off dead") >= 0)
        click(shell, "headerBackButton")
        compare(content.item.objectName, "diaryPage")
        // The questionnaire is still open where it was; finishing shows the safety card again.
        compare(QuestionnaireController.index, 9)
        click(shell, "questionnaireSubmit")
        verify(child(shell, "questionnaireSafetyCard").visible)
        click(shell, "questionnaireGetHelp")
        compare(content.item.objectName, "crisisHelpPage")
    }

    function addCheckIn(mood) {
        DiaryController.startCheckIn()
        DiaryController.setValue("mood", mood)
        DiaryController.setValue("anxiety", 2)
        DiaryController.setValue("pain", 1)
        verify(DiaryController.save())
    }

    // Delegates of the entry list that exist right now (shown ones only).
    function createdRows(list) {
        let rows = 0
        const items = list.contentItem.children
        for (let i = 0; i < items.length; ++i)
            if (String(items[i].objectName).startsWith("diaryEntry_") && items[i].visible)
                ++rows
        return rows
    }

    // The row showing an entry (a row being released may still carry its name for a moment).
    function shownRow(list, entryId) {
        const items = list.contentItem.children
        for (let i = 0; i < items.length; ++i)
            if (items[i].objectName === "diaryEntry_" + entryId && items[i].visible)
                return items[i]
        return null
    }

    function test_4_manyEntriesAreOneVirtualisedList() {
        const before = DiaryController.entryCount
        for (let i = 0; i < 60; ++i)
            testCase.addCheckIn(i % 11)
        compare(DiaryController.entryCount, before + 60)
        const shell = openDiary()
        const list = child(shell, "diaryEntryList")
        const content = child(shell, "shellContent")
        verify(String(list).startsWith("QQuickListView"), "the page's scrolling view is a ListView")
        tryCompare(list, "count", DiaryController.entryCount)
        compare(list.Accessible.name, "Recent entries")
        // The page opens at its top: the heading, then the cards.
        tryVerify(() => Math.abs(list.contentY - list.headerItem.y) < 1,
                  5000, "opened at " + list.contentY + ", the top is at " + list.headerItem.y)
        // The cards scroll with the entries as the list's header; the top shows them first.
        verify(child(shell, "startCheckInButton").visible)
        // Only what fits on screen (plus the cache margin) exists, not all 60+ rows.
        tryVerify(() => testCase.createdRows(list) > 0)
        verify(testCase.createdRows(list) < 30, testCase.createdRows(list) + " rows created")
        // The oldest entry is reached by scrolling: its row is made when it comes into view.
        const oldest = DiaryController.entries[DiaryController.entryCount - 1].id
        list.positionViewAtEnd()
        tryVerify(() => testCase.shownRow(list, oldest) !== null)
        verify(testCase.createdRows(list) < 30, testCase.createdRows(list) + " rows created")
        // Back at the top: the cards are the list's header, above the newest entry.
        content.item.showTop()
        waitForItemPolished(list)
        compare(list.contentY, list.headerItem.y)
        verify(child(shell, "startCheckInButton").mapToItem(list, 0, 0).y >= 0)
        list.positionViewAtEnd()
        waitForItemPolished(list)
        // At 200 % text the rows grow and are laid out again without overlapping.
        tryVerify(() => testCase.shownRow(list, oldest) !== null)
        const normalHeight = testCase.shownRow(list, oldest).height
        Preferences.fontScale = 2
        tryVerify(() => {
            list.positionViewAtEnd()
            const row = testCase.shownRow(list, oldest)
            return row !== null && row.height > normalHeight * 1.5
        })
        // The rows settle as their texts lay out again: then none overlaps the next.
        tryVerify(() => {
            const rows = []
            const items = list.contentItem.children
            for (let i = 0; i < items.length; ++i)
                if (String(items[i].objectName).startsWith("diaryEntry_") && items[i].visible)
                    rows.push(items[i])
            rows.sort((a, b) => a.y - b.y)
            for (let i = 1; i < rows.length; ++i)
                if (rows[i - 1].y + rows[i - 1].height > rows[i].y)
                    return false
            return rows.length > 1
        }, 5000, "rows overlap at 200 %")
        Preferences.fontScale = 1
        list.positionViewAtEnd()
        waitForItemPolished(list)
        // A sync state change (or any update of a row) keeps the place in the list.
        const y = list.contentY
        DiaryController.reload()
        compare(list.contentY, y)
        verify(testCase.shownRow(list, oldest) !== null)
    }

    function test_5_keyboardMovesThroughTheEntriesAndOpensOne() {
        const shell = openDiary()
        const list = child(shell, "diaryEntryList")
        tryCompare(list, "count", DiaryController.entryCount)
        compare(list.currentIndex, -1) // nothing picked until the keyboard moves
        // Focus on the list (Tab) picks the first row, as the top of the page shows no row.
        list.forceActiveFocus()
        compare(list.currentIndex, 0)
        verify(list.currentItem.current, "the current row shows the focus ring")
        keyClick(Qt.Key_Down)
        compare(list.currentIndex, 1)
        keyClick(Qt.Key_Down)
        compare(list.currentIndex, 2)
        const id = DiaryController.entries[2].id
        compare(list.currentItem.objectName, "diaryEntry_" + id)
        keyClick(Qt.Key_Return)
        compare(DiaryController.editorKind, "checkin")
        // The third entry's form ("Mood 8 · Anxiety 2 · Pain 1": its mood is the second word).
        compare(DiaryController.editorValues.mood,
                Number(DiaryController.entries[2].summary.split(" ")[1]))
        // The form replaces the rows; closing it brings them back.
        tryCompare(list, "count", 0)
        verify(child(shell, "diaryEditorLoader").visible)
        DiaryController.cancel(true)
        tryCompare(list, "count", DiaryController.entryCount)
        // Tab from the list: the cards first (seen first), then a row's buttons; the row whose
        // button has the focus becomes current and is scrolled into view.
        list.forceActiveFocus()
        let sawCard = false
        let sawRow = false
        for (let i = 0; i < 80 && !sawRow; ++i) {
            keyClick(Qt.Key_Tab)
            const focused = testCase.Window.window.activeFocusItem
            if (focused.objectName === "startCheckInButton")
                sawCard = true
            if (focused.objectName === "diaryEditButton" || focused.objectName === "diaryDeleteButton") {
                sawRow = true
                verify(sawCard, "a row's button came before the cards")
                waitForItemPolished(list)
                verify(list.currentIndex >= 0)
                const top = focused.mapToItem(list, 0, 0).y
                verify(top >= 0 && top + focused.height <= list.height, "the focused button is off screen")
            }
        }
        verify(sawRow, "Tab never reached a row")
    }
}
