pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Settings → Your clinic: which instructions the app follows, and what the clinic and the care
// team sent (appointments, replies), newest first. Their words are shown as plain text.
ColumnLayout {
    objectName: "clinicMessagesCard"
    Layout.fillWidth: true
    spacing: Theme.spacingS

    BodyText {
        font.bold: true
        text: qsTr("Messages from your care team")
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    BodyText {
        objectName: "clinicProtocolStatus"
        color: Theme.textMuted
        text: MessagesController.protocolStatus
        Accessible.name: text
    }
    BodyText {
        objectName: "noClinicMessages"
        visible: !MessagesController.hasMessages
        color: Theme.textMuted
        text: qsTr("No messages yet.")
        Accessible.name: text
    }
    Repeater {
        model: MessagesController.messages
        ColumnLayout {
            id: message

            required property var modelData

            Layout.fillWidth: true
            spacing: 2
            Accessible.role: Accessible.Grouping
            Accessible.name: message.modelData.accessibleName

            Label {
                Layout.fillWidth: true
                text: message.modelData.title
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.bold: true
                Accessible.name: text
            }
            BodyText {
                visible: text.length > 0
                textFormat: Text.PlainText
                text: message.modelData.text
                Accessible.name: text
            }
            Label {
                Layout.fillWidth: true
                text: message.modelData.when
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                Accessible.name: text
            }
        }
    }
}
