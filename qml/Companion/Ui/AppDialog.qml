import QtQuick
import QtQuick.Controls
import Companion.Ui

// A themed modal dialog, centred over the window, sized for the text scale, with a heading and
// a footer of two buttons: the action (acceptText, enabled by acceptEnabled; emits acceptClicked)
// and Cancel (rejects).
Dialog {
    id: dialog

    property string acceptText: qsTr("OK")
    property bool acceptEnabled: true
    property string acceptObjectName: "dialogAcceptButton"
    property string cancelObjectName: "dialogCancelButton"
    signal acceptClicked()

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(520 * Theme.scale, (parent ? parent.width : 520) - 2 * Theme.spacingL)
    height: Math.min(implicitHeight, (parent ? parent.height : implicitHeight) - 2 * Theme.spacingL)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    font.pixelSize: Theme.fontBody
    padding: Theme.spacingL

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: Theme.borderWidth
        border.color: Theme.border
    }
    header: Label {
        text: dialog.title
        padding: Theme.spacingL
        bottomPadding: 0
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: Theme.fontTitle
        font.bold: true
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    footer: Pane {
        padding: Theme.spacingL
        background: null
        contentItem: Flow {
            spacing: Theme.spacingM
            layoutDirection: Qt.RightToLeft
            PrimaryButton {
                objectName: dialog.acceptObjectName
                text: dialog.acceptText
                enabled: dialog.acceptEnabled
                onClicked: dialog.acceptClicked()
            }
            PrimaryButton {
                objectName: dialog.cancelObjectName
                tone: "secondary"
                text: qsTr("Cancel")
                onClicked: dialog.reject()
            }
        }
    }
}
