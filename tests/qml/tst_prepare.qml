import QtQuick
import QtTest
import Companion.Core
import Companion.Patient

// The Prepare page against a real profile: an infusion added by typing its date and time gets the
// clinic's checklist; ticking an item and saving a confirmed ride are kept; Today shows the plan.
TestCase {
    id: testCase
    name: "Prepare"
    when: windowShown
    visible: true
    width: 500
    height: 2600

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

    function click(shell, name) {
        const item = child(shell, name)
        verify(item.visible, name + " is not visible")
        for (let ancestor = item.parent; ancestor; ancestor = ancestor.parent)
            waitForItemPolished(ancestor)
        mouseClick(item)
    }

    function type(field, text) {
        mouseClick(field)
        verify(field.activeFocus)
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
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

    function test_planAnInfusion() {
        // The last intention from the journal is carried into the preparation.
        JournalController.startEntry("intention", "")
        JournalController.editorText = "Stay curious about what comes up"
        verify(JournalController.save())
        const shell = createTemporaryObject(shellComponent, testCase)
        verify(waitForRendering(shell))
        Navigation.go(2)
        const content = child(shell, "shellContent")
        tryCompare(content.item, "objectName", "preparePage")
        waitForItemPolished(content.item)
        verify(!PlanController.hasAppointments)
        verify(child(content.item, "journalCarryForwardCard").visible)
        compare(child(content.item, "carryForwardIntention").text.indexOf("Stay curious about what comes up") >= 0, true)
        const addCard = child(content.item, "addAppointmentCard")
        const date = new Date(Date.now() + 5 * 24 * 3600 * 1000)
        const iso = date.getFullYear() + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0")
        type(child(addCard, "dateField"), iso)
        type(child(addCard, "timeField"), "10:30")
        click(shell, "addAppointmentButton")
        verify(PlanController.hasAppointments)
        compare(PlanController.selectedTitle, "Infusion 1 of the series")
        compare(PlanController.selectedDate, iso)
        compare(PlanController.selectedTime, "10:30")
        waitForItemPolished(content.item)
        verify(child(content.item, "checklistCard").visible)
        verify(PlanController.checklist.length >= 5)

        click(shell, "checklistItem_0")
        tryVerify(() => PlanController.checklist[0].checked)
        verify(PlanController.checklistProgress.startsWith("1 of"))

        type(child(content.item, "rideDriverField"), "Sam")
        type(child(content.item, "ridePhoneField"), "5550102")
        click(shell, "rideConfirmedSwitch")
        click(shell, "rideSaveButton")
        verify(PlanController.rideConfirmed)
        compare(PlanController.rideDriver, "Sam")
        verify(child(content.item, "rideCallButton").visible)

        Navigation.go(0)
        tryCompare(content.item, "objectName", "todayPage")
        waitForItemPolished(content.item)
        compare(child(content.item, "nextInfusionCard").title, "Infusion 1 of the series")
        // Reminders are planned now, so notifications are needed; a desktop asks nothing
        // (granted), so the explanation card stays hidden (ADR 0028).
        verify(NotificationPermission.needed)
        verify(NotificationPermission.granted)
        verify(!NotificationPermission.noticeDue)
        verify(!child(content.item, "notificationPermissionCard").visible)
    }
}
