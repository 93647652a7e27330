pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// One step of a thread: its name, when it belongs, its entries and an "Add" action.
ColumnLayout {
    id: step

    // {kind, label, hint, addLabel, entries}
    property var stepData: ({})
    property string threadKey
    property string threadTitle

    Layout.fillWidth: true
    Layout.topMargin: Theme.spacingS
    spacing: Theme.spacingS

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: Theme.borderWidth
        color: Theme.border
    }

    // Label and "+ Add" side by side; stacked when large text leaves no room.
    GridLayout {
        Layout.fillWidth: true
        columns: step.width >= 280 * Theme.scale ? 2 : 1
        columnSpacing: Theme.spacingM
        rowSpacing: Theme.spacingXs

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: step.stepData.label ?? ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.bold: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                Layout.fillWidth: true
                text: step.stepData.hint ?? ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }
        }

        PrimaryButton {
            objectName: "journalAdd_" + step.threadKey + "_" + (step.stepData.kind ?? "")
            Layout.fillWidth: false
            tone: "secondary"
            leftPadding: Theme.spacingM
            rightPadding: Theme.spacingM
            text: qsTr("+ Add")
            Accessible.name: qsTr("%1 to %2").arg(step.stepData.addLabel ?? "").arg(step.threadTitle)
            onClicked: JournalController.startEntry(step.stepData.kind, step.threadKey)
        }
    }

    Repeater {
        model: step.stepData.entries ?? []
        JournalEntryItem {
            required property var modelData
            entry: modelData
        }
    }
}
