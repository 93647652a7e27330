import QtQuick
import Companion.Core
import Companion.Ui

// Confirms replacing the data recovery key of the synced data (issue 6); the new key then
// appears once in the clinic section, the way it did after connecting (VaultRecoveryKeyCard).
AppDialog {
    id: dialog

    objectName: "newVaultRecoveryKeyDialog"
    title: qsTr("Make a new data recovery key?")
    acceptText: qsTr("Make a new key")
    acceptObjectName: "newVaultRecoveryKeyConfirm"
    onAcceptClicked: {
        dialog.close()
        SyncController.replaceRecoveryKey()
    }

    BodyText {
        width: dialog.availableWidth
        text: qsTr("Your current data recovery key will stop opening your synced data. The new key is shown only once: have paper ready.")
    }
}
