import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Connect to a clinic with the code it gave you. The clinic key's fingerprint, printed with the
// code, proves this is your clinic's server; your passphrase seals your data key for your other
// devices. Nothing is shared with the care team until you turn it on.
ColumnLayout {
    objectName: "clinicEnrolForm"
    Layout.fillWidth: true
    spacing: Theme.spacingS

    BodyText {
        text: qsTr("Your clinic gives you a server address and a one-time code. Everything is encrypted on this device before it is sent; the clinic's server cannot read it.")
    }
    PrimaryButton {
        objectName: "scanQrButton"
        tone: "secondary"
        text: qsTr("Scan a QR code")
        Accessible.name: qsTr("Scan a QR code from your clinic or your other device")
        onClicked: Navigation.qrScanOpen = true
    }
    BodyText {
        objectName: "scannedDeviceLinkText"
        visible: SyncController.scannedDeviceLink
        text: qsTr("Code from your other device read. This device will open your data without that device's passphrase.")
    }
    BodyText {
        text: qsTr("Server address, e.g. https://clinic.example")
    }
    TextField {
        id: serverField
        objectName: "clinicServerField"
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
        font.pixelSize: Theme.fontBody
        text: SyncController.scannedServerUrl
        Accessible.name: qsTr("Clinic server address")
    }
    BodyText {
        text: qsTr("Code, e.g. ABCD-EFGH-JKMN-PQRS-TVWX")
    }
    TextField {
        id: codeField
        objectName: "clinicCodeField"
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        inputMethodHints: Qt.ImhNoPredictiveText
        font.pixelSize: Theme.fontBody
        text: SyncController.scannedCode
        Accessible.name: qsTr("Enrolment code")
    }
    BodyText {
        text: qsTr("Clinic key fingerprint (printed with the code)")
    }
    TextField {
        id: fingerprintField
        objectName: "clinicFingerprintField"
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        inputMethodHints: Qt.ImhNoPredictiveText
        font.pixelSize: Theme.fontBody
        text: SyncController.scannedFingerprint
        Accessible.name: qsTr("Clinic key fingerprint")
    }
    BodyText {
        text: qsTr("Your passphrase, to confirm")
    }
    PassphraseField {
        id: passphraseField
        objectName: "clinicPassphraseField"
        accessibleName: qsTr("Your passphrase, to confirm")
    }
    PrimaryButton {
        objectName: "clinicConnectButton"
        text: qsTr("Connect to my clinic")
        enabled: !SyncController.busy && serverField.text.length > 0 && codeField.text.length > 0 && passphraseField.text.length > 0
        Accessible.name: text
        onClicked: {
            SyncController.enrol(serverField.text, codeField.text, fingerprintField.text, passphraseField.text)
            passphraseField.clear()
        }
    }
}
