import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui

// A text field with its label above it; the label is also its accessible name.
ColumnLayout {
    id: root

    property string label
    property alias text: field.text
    property alias placeholderText: field.placeholderText

    Layout.fillWidth: true
    spacing: Theme.spacingXs

    Label {
        Layout.fillWidth: true
        text: root.label
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: Theme.fontBody
        font.bold: true
    }
    TextField {
        id: field
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        font.pixelSize: Theme.fontBody
        color: Theme.text
        placeholderTextColor: Theme.textMuted
        selectByMouse: true
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        Accessible.name: root.label
    }
}
