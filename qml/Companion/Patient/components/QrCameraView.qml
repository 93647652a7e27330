import QtQuick
import QtMultimedia

// The camera preview for QrScanPage, loaded only when the device has a camera: its frames reach
// the page's QrScanner through `videoSink`.
Item {
    id: view

    readonly property alias videoSink: preview.videoSink

    CaptureSession {
        camera: Camera {
            active: view.visible
        }
        videoOutput: preview
    }
    VideoOutput {
        id: preview
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectFit
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("Camera view for the QR code")
    }
}
