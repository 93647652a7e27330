import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// "Add another device" by QR code (ADR 0018): the code the new device scans, how long it is
// valid, and — once a device joined while it was shown — the patient's confirmation.
ColumnLayout {
    objectName: "deviceLinkCard"
    Layout.fillWidth: true
    spacing: Theme.spacingS

    QrCodeView {
        objectName: "deviceLinkQr"
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: Math.min(parent.width, 320)
        Layout.preferredHeight: Layout.preferredWidth
        controller: SyncController
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("QR code for your new device")
    }
    BodyText {
        objectName: "deviceLinkText"
        text: SyncController.deviceLinkText
    }
    BodyText {
        objectName: "joinedDeviceText"
        visible: text.length > 0
        font.bold: true
        text: SyncController.joinedDeviceText
    }
    PrimaryButton {
        objectName: "removeJoinedDeviceButton"
        visible: SyncController.joinedDeviceText.length > 0
        tone: "danger"
        text: qsTr("Remove that device")
        Accessible.name: text
        onClicked: SyncController.removeJoinedDevice()
    }
    PrimaryButton {
        objectName: "closeDeviceLinkButton"
        tone: "secondary"
        text: qsTr("Done")
        Accessible.name: qsTr("Done: close the QR code")
        onClicked: SyncController.closeDeviceLink()
    }
}
