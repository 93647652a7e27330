import QtQuick
import Companion.Core
import Companion.Ui

// Confirms deleting one diary entry.
AppDialog {
    id: dialog

    property string entryId

    objectName: "deleteDiaryEntryDialog"
    title: qsTr("Delete this entry?")
    acceptText: qsTr("Delete entry")
    acceptObjectName: "deleteDiaryEntryConfirm"
    cancelObjectName: "deleteDiaryEntryCancel"
    onAcceptClicked: {
        dialog.close()
        DiaryController.removeEntry(dialog.entryId)
    }

    BodyText {
        width: dialog.availableWidth
        text: qsTr("It disappears from your diary and your charts. The deletion is recorded in your encrypted profile on this device, where earlier versions are kept.")
    }
}
