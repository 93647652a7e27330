pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Sync now, who read what you shared, and your devices. (Edits waiting for a choice:
// ConflictChooser.)
ColumnLayout {
    objectName: "clinicActivityCard"
    Layout.fillWidth: true
    spacing: Theme.spacingS

    PrimaryButton {
        objectName: "syncNowButton"
        tone: "secondary"
        text: qsTr("Sync now")
        enabled: !SyncController.busy
        Accessible.name: text
        onClicked: SyncController.syncNow()
    }
    PrimaryButton {
        objectName: "showActivityButton"
        tone: "secondary"
        text: qsTr("Who read what, and my devices")
        enabled: !SyncController.busy
        Accessible.name: text
        onClicked: SyncController.refreshActivity()
    }
    Repeater {
        model: SyncController.accessLog
        BodyText {
            required property string modelData
            textFormat: Text.PlainText
            text: modelData
        }
    }
    Repeater {
        model: SyncController.devices
        BodyText {
            required property string modelData
            textFormat: Text.PlainText
            text: modelData
        }
    }
    PrimaryButton {
        objectName: "deviceLinkButton"
        tone: "secondary"
        visible: !SyncController.deviceLinkOpen
        text: qsTr("Add another device with a QR code")
        enabled: !SyncController.busy
        Accessible.name: text
        onClicked: SyncController.openDeviceLink()
    }
    DeviceLinkCard {
        visible: SyncController.deviceLinkOpen
    }
    PrimaryButton {
        objectName: "joinCodeButton"
        tone: "secondary"
        text: qsTr("Add another device with a typed code")
        enabled: !SyncController.busy
        Accessible.name: text
        onClicked: SyncController.createJoinCode()
    }
    BodyText {
        objectName: "joinCodeText"
        visible: SyncController.joinCode.length > 0
        textFormat: Text.PlainText
        text: qsTr("On your other device, connect with this code within an hour: %1").arg(SyncController.joinCode)
    }
    PrimaryButton {
        objectName: "newVaultRecoveryKeyButton"
        tone: "secondary"
        text: qsTr("New data recovery key")
        enabled: !SyncController.busy
        Accessible.name: text
        Accessible.description: qsTr("Makes a new key for your synced data and shows it once; the old one stops working")
        onClicked: newVaultRecoveryKeyDialog.show()
    }
    DialogLoader {
        id: newVaultRecoveryKeyDialog
        objectName: "newVaultRecoveryKeyDialogLoader"
        sourceComponent: NewVaultRecoveryKeyDialog {}
    }
}
