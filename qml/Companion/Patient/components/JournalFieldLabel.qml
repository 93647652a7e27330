import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui

// The bold label above an editor field.
Label {
    Layout.fillWidth: true
    Layout.topMargin: Theme.spacingXs
    textFormat: Text.PlainText
    wrapMode: Text.Wrap
    color: Theme.text
    font.pixelSize: Theme.fontBody
    font.bold: true
}
