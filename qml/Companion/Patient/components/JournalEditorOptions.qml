import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// The editor's switches, each with an honest line about what it does today.
ColumnLayout {
    Layout.fillWidth: true
    spacing: Theme.spacingXs

    JournalSwitch {
        objectName: "journalShareSwitch"
        text: qsTr("Share this entry with my clinic")
        checked: JournalController.editorShared
        onToggled: JournalController.editorShared = checked
    }
    BodyText {
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: qsTr("Off unless you switch it on: your journal is private. Companion cannot share anything yet. Once syncing with your clinic arrives, only entries with this switched on will be shared, and you can change your mind at any time.")
    }

    JournalSwitch {
        objectName: "journalRemindSwitch"
        visible: JournalController.editorIsAction
        Layout.topMargin: Theme.spacingS
        text: qsTr("Remind me about this")
        checked: JournalController.editorRemind
        onToggled: JournalController.editorRemind = checked
    }
    BodyText {
        visible: JournalController.editorIsAction
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: qsTr("Gentle reminders arrive in a later release. Until then, actions marked this way are listed at the top of your journal.")
    }

    BodyText {
        Layout.topMargin: Theme.spacingS
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: qsTr("While you write, a draft is kept in your encrypted profile on this device, so nothing is lost if Companion locks.")
    }
}
