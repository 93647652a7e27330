import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Wrapping paragraph text. Plain text by default: safe for anything a person typed.
Label {
    Layout.fillWidth: true
    textFormat: Text.PlainText
    wrapMode: Text.Wrap
    color: Theme.text
    font.pixelSize: Theme.fontBody
    lineHeight: 1.15
}
