pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui
import Companion.CareTeamCore

// One patient in the list: name, flags as chips, counts; opens the patient view.
Pane {
    id: row

    required property string vaultId
    required property string label
    required property bool sharing
    required property var flags
    required property int entries
    required property int notVisible
    required property string lastEntry
    required property string summary

    Layout.fillWidth: true
    padding: Theme.spacingM
    Accessible.role: Accessible.Grouping
    Accessible.name: row.summary
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: Theme.borderWidth
        border.color: Theme.border
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingS

        Label {
            Layout.fillWidth: true
            text: row.label
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            visible: row.flags.length > 0
            Repeater {
                model: row.flags
                FlagChip {
                    required property var modelData
                    flagId: modelData.id
                    text: modelData.label
                    description: modelData.description
                }
            }
        }
        BodyText {
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            text: !row.sharing ? qsTr("No longer shares anything with you.")
                  : row.lastEntry.length > 0
                    ? qsTr("%n shared entry(s), the latest on %1.", "", row.entries).arg(row.lastEntry)
                    : qsTr("Nothing readable shared yet.")
        }
        PrimaryButton {
            objectName: "openPatient_" + row.label
            tone: "secondary"
            text: qsTr("Open")
            Accessible.name: qsTr("Open %1").arg(row.label)
            onClicked: CareTeam.openPatient(row.vaultId)
        }
    }
}
