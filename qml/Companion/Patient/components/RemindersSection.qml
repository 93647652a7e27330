pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Settings: the next reminders this device will show, so a reminder that will not fire is seen
// before it is missed. Lock-screen text stays generic; the details here are inside the app.
ColumnLayout {
    objectName: "remindersSection"
    Layout.fillWidth: true
    spacing: Theme.spacingS

    SectionHeading {
        text: qsTr("Next reminders")
    }
    NotificationPermissionCard {}
    BodyText {
        objectName: "schedulerStatus"
        color: Theme.textMuted
        text: PlanController.schedulerStatus
    }
    JournalSwitch {
        objectName: "backgroundRemindersSwitch"
        visible: PlanController.backgroundRemindersAvailable
        text: qsTr("Deliver reminders when Companion is closed (starts a small background service at login)")
        checked: PlanController.backgroundReminders
        onToggled: PlanController.backgroundReminders = checked
    }
    BodyText {
        visible: PlanController.nextReminders.length === 0
        text: qsTr("No reminders are planned.")
    }
    Repeater {
        model: PlanController.nextReminders
        BodyText {
            required property var modelData
            text: qsTr("%1: %2").arg(modelData.whenLabel).arg(modelData.text)
        }
    }
    BodyText {
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: qsTr("On the lock screen a reminder only says \u201CYou have a reminder from Companion\u201D.")
    }
}
