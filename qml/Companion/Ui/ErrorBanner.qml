import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Shows an error message (plain text) when there is one; announced as an alert.
Rectangle {
    id: banner

    property alias text: label.text

    visible: label.text.length > 0
    Layout.fillWidth: true
    implicitWidth: label.implicitWidth + 2 * Theme.spacingM
    implicitHeight: label.implicitHeight + 2 * Theme.spacingM
    radius: Theme.radius
    color: Theme.dangerSoft
    border.width: Theme.borderWidth
    border.color: Theme.danger
    Accessible.role: Accessible.AlertMessage
    Accessible.name: label.text

    Label {
        id: label
        anchors.fill: parent
        anchors.margins: Theme.spacingM
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
        color: Theme.text
        font.pixelSize: Theme.fontBody
    }
}
