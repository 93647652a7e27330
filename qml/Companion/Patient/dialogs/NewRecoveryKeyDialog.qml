import QtQuick
import Companion.Core
import Companion.Ui

// Confirms replacing the recovery key; the new key then appears on the recovery-key page, once.
AppDialog {
    id: dialog

    objectName: "newRecoveryKeyDialog"
    title: qsTr("Make a new recovery key?")
    acceptText: qsTr("Make a new key")
    acceptObjectName: "newRecoveryKeyConfirm"
    onAcceptClicked: {
        dialog.close()
        ProfileController.createNewRecoveryKey()
    }

    BodyText {
        width: dialog.availableWidth
        text: qsTr("Your current recovery key will stop working at once. The new key is shown only once: have paper or a password manager ready.")
    }
}
