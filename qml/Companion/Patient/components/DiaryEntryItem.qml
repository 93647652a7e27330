import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// One diary entry: what it was, its numbers, the note as plain text, when, where it is kept and
// the care team's replies to it; Edit (check-ins and after-infusion checks) and Delete with
// confirmation. A delegate of the diary page's list: only rows on or near the screen exist.
Rectangle {
    id: entryItem

    // One row of DiaryController.entryModel (its `entry` role).
    required property var entry
    // The keyboard's current row in the list: drawn with the focus ring.
    property bool current: false

    // Edit or Delete got the keyboard focus: the list shows this row.
    signal focusedInside()

    objectName: "diaryEntry_" + (entryItem.entry.id ?? "")
    implicitHeight: column.implicitHeight + 2 * Theme.spacingM
    height: implicitHeight
    radius: Theme.radius
    color: Theme.surfaceAlt
    border.width: entryItem.current ? Theme.focusWidth : Theme.highContrast ? Theme.borderWidth : 0
    border.color: entryItem.current ? Theme.focus : Theme.border
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1, %2").arg(entryItem.entry.title ?? "").arg(entryItem.entry.dateLabel ?? "")

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingXs

        Label {
            Layout.fillWidth: true
            text: entryItem.entry.title ?? ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontBody
            font.bold: true
        }
        BodyText {
            objectName: "diaryEntrySummary"
            text: entryItem.entry.summary ?? ""
        }
        BodyText {
            objectName: "diaryEntryNote"
            visible: text.length > 0
            textFormat: Text.PlainText
            text: entryItem.entry.note ?? ""
        }
        Label {
            objectName: "diaryEntryState"
            Layout.fillWidth: true
            text: (entryItem.entry.edited ?? false)
                  ? qsTr("%1 \u00B7 %2 \u00B7 edited").arg(entryItem.entry.dateLabel ?? "").arg(entryItem.entry.stateLabel ?? "")
                  : qsTr("%1 \u00B7 %2").arg(entryItem.entry.dateLabel ?? "").arg(entryItem.entry.stateLabel ?? "")
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
                visible: entryItem.entry.editable ?? false
                width: Math.min(implicitWidth, parent.width)
                objectName: "diaryEditButton"
                tone: "secondary"
                text: qsTr("Edit")
                Accessible.name: qsTr("Edit this %1").arg((entryItem.entry.title ?? "").toLowerCase())
                onClicked: DiaryController.startEdit(entryItem.entry.id)
                onActiveFocusChanged: if (activeFocus) entryItem.focusedInside()
            }
            PrimaryButton {
                width: Math.min(implicitWidth, parent.width)
                objectName: "diaryDeleteButton"
                tone: "secondary"
                text: qsTr("Delete")
                Accessible.name: qsTr("Delete this %1").arg((entryItem.entry.title ?? "").toLowerCase())
                onClicked: deleteDialog.show()
                onActiveFocusChanged: if (activeFocus) entryItem.focusedInside()
            }
        }
    }

    DialogLoader {
        id: deleteDialog
        objectName: "diaryDeleteDialogLoader"
        sourceComponent: DeleteDiaryEntryDialog {}
        onLoaded: (deleteDialog.item as DeleteDiaryEntryDialog).entryId = entryItem.entry.id
    }
}
