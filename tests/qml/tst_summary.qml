import QtQuick
import QtQuick.Controls
import QtTest
import Companion.Core
import Companion.Patient

// Settings → Your summary: every control is named for screen readers, notes are off until
// switched on, saving says where the file went, and locking switches notes off again.
TestCase {
    id: testCase
    name: "Summary"
    when: windowShown
    visible: true
    width: 800
    height: 1600

    readonly property string passphrase: "marble otter lantern quince 41 slowly"

    Component {
        id: settingsComponent
        SettingsPage { width: testCase.width; height: testCase.height }
    }

    function initTestCase() {
        ProfileController.createProfile(testCase.passphrase, testCase.passphrase)
        tryVerify(() => ProfileController.recoveryKeyText.length > 0, 15000)
        ProfileController.acknowledgeRecoveryKey()
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
    }

    function init() { failOnWarning(/.+/) }

    function test_saveWithAndWithoutNotes() {
        const page = createTemporaryObject(settingsComponent, testCase)
        verify(waitForRendering(page))
        const period = findChild(page, "summaryPeriodCombo")
        const notes = findChild(page, "summaryNotesSwitch")
        const save = findChild(page, "summarySaveButton")
        verify(period !== null && notes !== null && save !== null)
        verify(period.Accessible.name.length > 0)
        verify(notes.Accessible.name.length > 0)
        verify(save.Accessible.name.length > 0)
        compare(period.count, 4)
        verify(!notes.checked, "notes are opt-in")
        verify(save.enabled)

        period.currentIndex = 3
        period.activated(3)
        compare(SummaryController.periodIndex, 3)
        notes.toggle()
        notes.toggled()
        verify(SummaryController.includeNotes)

        save.clicked()
        verify(SummaryController.savedPath.length > 0)
        verify(SummaryController.savedPath.endsWith(".pdf"))
        const status = findChild(page, "summaryStatus")
        verify(status.visible)
        verify(status.text.indexOf(SummaryController.savedPath) >= 0)
        compare(SummaryController.errorText, "")

        // A lock forgets the choice and the last result.
        ProfileController.lock()
        verify(!SummaryController.includeNotes)
        compare(SummaryController.savedPath, "")
        verify(!save.enabled)
    }
}
