import QtQuick
import QtQuick.Dialogs
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Scan the QR code from the clinic or from the patient's other device (ADR 0018). The camera
// runs only when there is one and the person allowed it: the page asks on opening (ADR 0028),
// before any preview starts. Without a camera, or when it was refused, the page says so and
// offers a picture of the code or the typed code. What is read goes to SyncController in C++
// (QrScanner) and fills the form.
AppPage {
    id: page

    objectName: "qrScanPage"
    title: qsTr("Scan a QR code")

    QrScanner {
        id: scanner
        controller: SyncController
        permission: CameraPermission
        onFound: Navigation.qrScanOpen = false
    }
    Component.onCompleted: scanner.start()

    BodyText {
        visible: scanner.cameraReady
        text: qsTr("Hold the code from your clinic, or from your other device, in front of the camera.")
    }
    BodyText {
        objectName: "cameraAskingText"
        visible: scanner.cameraAsking
        text: qsTr("Companion asks to use the camera, only to read the code. Nothing the camera sees is stored.")
    }
    Loader {
        objectName: "qrCameraLoader"
        Layout.fillWidth: true
        Layout.preferredHeight: width * 3 / 4
        visible: scanner.cameraReady
        active: scanner.cameraReady
        sourceComponent: QrCameraView {}
        onLoaded: scanner.videoSink = (item as QrCameraView).videoSink
    }
    BodyText {
        objectName: "noCameraText"
        visible: !scanner.cameraAvailable
        text: qsTr("No camera was found on this device. Open a picture of the code instead, or type the code.")
    }
    BodyText {
        objectName: "cameraRefusedText"
        visible: scanner.cameraRefused
        text: qsTr("Companion may not use the camera, so it cannot read the code here. Open a picture of the code or type the code instead. You can allow the camera in your phone\u2019s settings.")
    }
    PrimaryButton {
        objectName: "cameraSettingsButton"
        visible: scanner.cameraRefused && CameraPermission.settingsAvailable
        tone: "secondary"
        text: qsTr("Open phone settings")
        Accessible.name: qsTr("Open phone settings to allow the camera")
        onClicked: CameraPermission.openSettings()
    }
    ErrorBanner {
        objectName: "scanError"
        text: SyncController.scanError
    }
    PrimaryButton {
        objectName: "openQrImageButton"
        text: qsTr("Open a picture of the code")
        Accessible.name: text
        onClicked: imageDialog.open()
    }
    PrimaryButton {
        objectName: "typeCodeButton"
        tone: "secondary"
        text: qsTr("Type the code instead")
        Accessible.name: text
        onClicked: Navigation.qrScanOpen = false
    }

    Connections {
        target: SyncController
        function onScanChanged() {
            if (SyncController.scannedCode.length > 0)
                Navigation.qrScanOpen = false
        }
    }
    FileDialog {
        id: imageDialog
        title: qsTr("Open a picture of the code")
        nameFilters: [qsTr("Images (*.png *.jpg *.jpeg)")]
        onAccepted: SyncController.openQrImage(selectedFile)
    }
}
