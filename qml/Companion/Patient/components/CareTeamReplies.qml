pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// A therapist's replies to one of the patient's entries, under the entry. The words are the
// therapist's: always plain text.
ColumnLayout {
    id: replies

    // The record id of the entry these answer.
    property string entryId: ""
    readonly property var items: MessagesController.replies[replies.entryId] ?? []

    objectName: "careTeamReplies"
    Layout.fillWidth: true
    visible: replies.items.length > 0
    spacing: Theme.spacingXs

    Repeater {
        model: replies.items
        ColumnLayout {
            id: reply

            required property var modelData

            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXs
            spacing: 2
            Accessible.role: Accessible.Grouping
            Accessible.name: reply.modelData.accessibleName

            Label {
                Layout.fillWidth: true
                text: reply.modelData.heading
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.primary
                font.pixelSize: Theme.fontSmall
                font.bold: true
                Accessible.name: text
            }
            BodyText {
                objectName: "careTeamReplyText"
                textFormat: Text.PlainText
                text: reply.modelData.text
                Accessible.name: text
            }
        }
    }
}
