import QtQuick
import QtQuick.Layouts
import Companion.Ui

// One of your replies under an entry: its state (pending, sent, refused), then
// the text as you typed it, plain text.
ColumnLayout {
    id: note

    required property var modelData

    Layout.fillWidth: true
    Layout.leftMargin: Theme.spacingL
    spacing: 2
    Accessible.role: Accessible.StaticText
    Accessible.name: note.modelData.status + ": " + note.modelData.text

    BodyText {
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: note.modelData.status
    }
    BodyText {
        textFormat: Text.PlainText
        text: note.modelData.text
    }
}
