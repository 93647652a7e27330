import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Shown once, right after connecting a new vault: the vault recovery key. With it and a
// recovery code from the clinic, a new device opens the patient's data after every device is
// lost (docs/user-guide.md). Dismissed by the patient; never stored by the app.
InfoCard {
    objectName: "vaultRecoveryKeyCard"
    visible: SyncController.recoveryKey.length > 0
    title: qsTr("Your data recovery key")
    body: qsTr("Write this key down and keep it somewhere safe, away from this device. If you "
               + "lose every device, your clinic can give you a recovery code, and this key "
               + "opens your entries on the new device. It is shown only now.")

    TextEdit {
        objectName: "vaultRecoveryKeyText"
        Layout.fillWidth: true
        readOnly: true
        selectByMouse: true
        wrapMode: TextEdit.WrapAnywhere
        textFormat: TextEdit.PlainText
        font.family: "monospace"
        font.pixelSize: Theme.fontBody
        color: Theme.text
        text: SyncController.recoveryKey
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("Recovery key")
        Accessible.description: text
    }
    PrimaryButton {
        objectName: "dismissVaultRecoveryKey"
        text: qsTr("I have written it down")
        Accessible.name: text
        onClicked: SyncController.dismissRecoveryKey()
    }
}
