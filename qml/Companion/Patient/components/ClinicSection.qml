import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Settings: the connection to the patient's clinic. Not connected: the enrolment form.
// Connected: status, entries edited on two devices to choose from, what the care team may read,
// what the clinic sent, and who read what (docs/user-guide.md).
ColumnLayout {
    objectName: "clinicSection"
    Layout.fillWidth: true
    spacing: Theme.spacingS

    SectionHeading { text: qsTr("Your clinic") }
    BodyText {
        objectName: "syncStatus"
        color: Theme.textMuted
        text: SyncController.statusText
    }
    ErrorBanner {
        objectName: "syncError"
        text: SyncController.errorText
    }
    ClinicEnrolForm {
        visible: !SyncController.enrolled
    }
    VaultRecoveryKeyCard {
        Layout.fillWidth: true
    }
    ConflictChooser {
        visible: SyncController.enrolled && SyncController.conflicts.length > 0
    }
    ClinicSharingCard {
        visible: SyncController.enrolled
    }
    ClinicMessagesCard {
        visible: SyncController.enrolled
    }
    ClinicActivityCard {
        visible: SyncController.enrolled
    }
}
