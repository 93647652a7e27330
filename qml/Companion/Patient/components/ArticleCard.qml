import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// One article in the library list; opens it when activated.
ItemDelegate {
    id: card

    required property string articleId
    required property string title
    required property string summary
    required property string details

    objectName: "articleCard_" + articleId
    Layout.fillWidth: true
    padding: Theme.spacingL
    onClicked: LearnController.showArticle(card.articleId)
    // An ItemDelegate takes no keyboard focus by default and, for a screen reader, is a list item
    // with no Press action: without these the library could only be opened with a pointer.
    focusPolicy: Qt.StrongFocus
    Keys.onReturnPressed: card.clicked()
    Keys.onEnterPressed: card.clicked()
    Accessible.onPressAction: card.clicked()
    Accessible.role: Accessible.Button
    Accessible.name: card.title
    Accessible.description: card.summary

    background: Rectangle {
        radius: Theme.radius
        color: card.down ? Theme.surfaceAlt : Theme.surface
        border.width: card.visualFocus ? Theme.focusWidth : Theme.borderWidth
        border.color: card.visualFocus ? Theme.focus : Theme.border
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingXs

        Label {
            Layout.fillWidth: true
            text: card.title
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            text: card.summary
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            text: card.details
        }
    }
}
