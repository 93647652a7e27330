import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// One conflict: what the entry is, and its two versions side by side (one above the other on a
// narrow screen), each with "Keep this one".
Rectangle {
    id: card

    // One map from SyncController.conflicts.
    property var conflict: ({})

    objectName: "conflict_" + (card.conflict.conflictId ?? "")
    Layout.fillWidth: true
    implicitHeight: column.implicitHeight + 2 * Theme.spacingM
    radius: Theme.radius
    color: Theme.surfaceAlt
    border.width: Theme.highContrast ? Theme.borderWidth : 0
    border.color: Theme.border
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("%1, edited on two devices").arg(card.conflict.title ?? "")

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingS

        BodyText {
            text: card.conflict.title ?? ""
            font.bold: true
        }
        Flow {
            id: versions
            // Side by side where two columns of readable width fit, else one above the other.
            // (A GridLayout with a bound column count did not lay out again here on Qt 6.4.)
            readonly property real versionWidth: width >= 520 * Theme.scale
                                                 ? (width - spacing) / 2 : width
            Layout.fillWidth: true
            spacing: Theme.spacingM

            ConflictVersion {
                objectName: "conflictMine"
                width: versions.versionWidth
                label: card.conflict.mineLabel ?? ""
                summary: card.conflict.mineSummary ?? ""
                typed: card.conflict.mineText ?? ""
                keepName: qsTr("Keep the version saved on this device")
                onKeep: SyncController.resolveConflict(card.conflict.conflictId, true)
            }
            ConflictVersion {
                objectName: "conflictTheirs"
                width: versions.versionWidth
                label: card.conflict.theirsLabel ?? ""
                summary: card.conflict.theirsSummary ?? ""
                typed: card.conflict.theirsText ?? ""
                keepName: qsTr("Keep the version from your other device")
                onKeep: SyncController.resolveConflict(card.conflict.conflictId, false)
            }
        }
    }
}
