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
}
