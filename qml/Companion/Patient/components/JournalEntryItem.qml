import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// One entry: its text as plain text (never markup), when it was written, where it is kept,
// whether it is marked to share and the care team's replies to it; Edit and Delete (with
// confirmation).
Rectangle {
    id: entryItem

    // One entry map from JournalController.threads.
    property var entry: ({})

    objectName: "journalEntry_" + (entryItem.entry.id ?? "")
    Layout.fillWidth: true
    implicitHeight: column.implicitHeight + 2 * Theme.spacingM
    radius: Theme.radius
    color: Theme.surfaceAlt
    border.width: Theme.highContrast ? Theme.borderWidth : 0
    border.color: Theme.border
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("%1, %2").arg(entryItem.entry.kindLabel ?? "").arg(entryItem.entry.dateLabel ?? "")

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingXs

        BodyText {
            objectName: "journalEntryText"
            textFormat: Text.PlainText
            text: entryItem.entry.text ?? ""
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("%1 \u00B7 %2 \u00B7 %3").arg(entryItem.entry.kindLabel ?? "")
                      .arg(entryItem.entry.dateLabel ?? "").arg(entryItem.entry.stateLabel ?? "")
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Label {
            objectName: "journalEntryShareLabel"
            Layout.fillWidth: true
            text: entryItem.entry.shareLabel ?? ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: entryItem.entry.shared ? Theme.primary : Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Label {
            visible: entryItem.entry.remind ?? false
            Layout.fillWidth: true
            text: qsTr("Remind me: on. Reminders arrive in a later release.")
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        CareTeamReplies {
            entryId: entryItem.entry.id ?? ""
        }
        Flow {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXs
            spacing: Theme.spacingS
            PrimaryButton {
                width: Math.min(implicitWidth, parent.width)
                objectName: "journalEditButton"
                tone: "secondary"
                text: qsTr("Edit")
                Accessible.name: qsTr("Edit this %1").arg((entryItem.entry.kindLabel ?? "").toLowerCase())
                onClicked: JournalController.startEdit(entryItem.entry.id)
            }
            PrimaryButton {
                width: Math.min(implicitWidth, parent.width)
                objectName: "journalDeleteButton"
                tone: "secondary"
                text: qsTr("Delete")
                Accessible.name: qsTr("Delete this %1").arg((entryItem.entry.kindLabel ?? "").toLowerCase())
                onClicked: deleteDialog.show()
            }
        }
    }

    DialogLoader {
        id: deleteDialog
        objectName: "journalDeleteDialogLoader"
        sourceComponent: DeleteJournalEntryDialog {}
        // Set here rather than bound inside the component, which would reach outside its scope.
        onLoaded: (deleteDialog.item as DeleteJournalEntryDialog).entryId = entryItem.entry.id
    }
}
