import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// What the care team may read. Off unless the patient turns it on; turning a category off stops
// sharing at the next sync (what was already read cannot be recalled, and the card says so).
ColumnLayout {
    objectName: "clinicSharingCard"
    Layout.fillWidth: true
    spacing: Theme.spacingS

    BodyText {
        font.bold: true
        text: qsTr("Shared with your care team")
    }
    JournalSwitch {
        objectName: "shareCheckIns"
        text: qsTr("Daily check-ins")
        checked: SyncController.shareCheckIns
        onToggled: SyncController.setShared("checkins", checked)
    }
    JournalSwitch {
        objectName: "shareInstruments"
        text: qsTr("Questionnaires (PHQ-9, GAD-7, PCL-5, PEG, pain)")
        checked: SyncController.shareInstruments
        onToggled: SyncController.setShared("instruments", checked)
    }
    JournalSwitch {
        objectName: "sharePostInfusion"
        text: qsTr("After-infusion checks")
        checked: SyncController.sharePostInfusion
        onToggled: SyncController.setShared("post-infusion", checked)
    }
    JournalSwitch {
        objectName: "sharePreparation"
        text: qsTr("Preparation and ride home")
        checked: SyncController.sharePreparation
        onToggled: SyncController.setShared("preparation", checked)
    }
    JournalSwitch {
        objectName: "shareJournal"
        text: qsTr("All journal entries (or choose per entry when you write)")
        checked: SyncController.shareJournal
        onToggled: SyncController.setShared("journal", checked)
    }
    JournalSwitch {
        objectName: "shareSafety"
        text: qsTr("Crisis-help events")
        checked: SyncController.shareSafety
        onToggled: SyncController.setShared("safety", checked)
    }
    BodyText {
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: qsTr("Turning sharing off stops your care team from reading these entries from now on. What they have already read cannot be taken back.")
    }
}
