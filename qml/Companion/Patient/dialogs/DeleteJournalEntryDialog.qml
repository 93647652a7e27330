import QtQuick
import Companion.Core
import Companion.Ui

// Confirms deleting one journal entry.
AppDialog {
    id: dialog

    property string entryId

    objectName: "deleteJournalEntryDialog"
    title: qsTr("Delete this entry?")
    acceptText: qsTr("Delete entry")
    acceptObjectName: "deleteJournalEntryConfirm"
    cancelObjectName: "deleteJournalEntryCancel"
    onAcceptClicked: {
        dialog.close()
        JournalController.removeEntry(dialog.entryId)
    }

    BodyText {
        width: dialog.availableWidth
        text: qsTr("It disappears from your journal. Like every change, the deletion is recorded in your encrypted profile on this device, where earlier versions are kept.")
    }
}
