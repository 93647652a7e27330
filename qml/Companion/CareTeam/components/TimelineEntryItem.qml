pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui

// One shared entry: kind, date, a one-line summary (with an instrument's score and severity
// band) and what the patient wrote, always as plain text.
Pane {
    id: item

    required property string recordId
    required property string kindLabel
    required property string date
    required property string title
    required property string severity
    required property string text
    required property bool unread
    required property var replies

    Layout.fillWidth: true
    padding: Theme.spacingM
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("%1, %2: %3").arg(item.kindLabel).arg(item.date).arg(item.title)
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: item.unread ? Theme.focusWidth : Theme.borderWidth
        border.color: item.unread ? Theme.primary : Theme.border
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingXs

        BodyText {
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            text: item.unread ? qsTr("%1 · %2 · new").arg(item.kindLabel).arg(item.date)
                              : qsTr("%1 · %2").arg(item.kindLabel).arg(item.date)
        }
        BodyText {
            font.bold: true
            text: item.title
        }
        BodyText {
            objectName: "entryText"
            visible: item.text.length > 0
            textFormat: Text.PlainText
            text: item.text
        }
        Repeater {
            model: item.replies
            ReplyNote {}
        }
        ReplyBox {
            recordId: item.recordId
        }
    }
}
