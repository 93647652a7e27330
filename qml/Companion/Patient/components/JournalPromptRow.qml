import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// The current prompt (also the text area's placeholder) and a way to see another one. Stacked,
// so the question keeps its width at any text size.
ColumnLayout {
    Layout.fillWidth: true
    spacing: Theme.spacingXs

    Label {
        objectName: "journalPrompt"
        Layout.fillWidth: true
        text: JournalController.editorPrompt
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.textMuted
        font.pixelSize: Theme.fontBody
        font.italic: true
    }
    PrimaryButton {
        objectName: "journalNextPromptButton"
        tone: "secondary"
        leftPadding: Theme.spacingM
        rightPadding: Theme.spacingM
        text: qsTr("Another prompt")
        Accessible.description: qsTr("Shows a different question to write about")
        onClicked: JournalController.nextPrompt()
    }
}
