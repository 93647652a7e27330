import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A calm card: optional glyph, title, body text and optional extra content (buttons…).
Pane {
    id: card

    property string title
    property string body
    property string glyph
    property string badge
    property color accent: Theme.primary
    default property alias extra: extraColumn.data

    Layout.fillWidth: true
    padding: Theme.spacingL
    Accessible.role: Accessible.Grouping
    Accessible.name: title

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: Theme.borderWidth
        border.color: Theme.border
    }

    // The single child sizes the pane (no contentItem override: ids inside stay immediate).
    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingS

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM
            visible: card.title.length > 0 || card.glyph.length > 0

            Label {
                visible: card.glyph.length > 0
                Layout.alignment: Qt.AlignTop
                text: card.glyph
                color: card.accent
                font.pixelSize: Theme.fontTitle
                Accessible.ignored: true
            }
            Label {
                Layout.fillWidth: true
                text: card.title
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontLarge
                font.bold: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
        }

        Label {
            visible: card.badge.length > 0
            // Shrinks (and wraps) rather than widening the card's layout.
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            text: card.badge
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.primary
            font.pixelSize: Theme.fontSmall
            font.bold: true
            leftPadding: Theme.spacingS
            rightPadding: Theme.spacingS
            topPadding: 2
            bottomPadding: 2
            background: Rectangle { radius: height / 2; color: Theme.primarySoft }
        }

        BodyText {
            visible: card.body.length > 0
            text: card.body
        }

        ColumnLayout {
            id: extraColumn
            Layout.fillWidth: true
            spacing: Theme.spacingS
            visible: children.length > 0
        }
    }
}
