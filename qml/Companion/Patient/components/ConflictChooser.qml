pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Entries edited on two devices at once (sync kept both): each shown with both versions, and the
// patient keeps one. The words come from SyncController.conflicts (conflictsummary.h).
ColumnLayout {
    objectName: "conflictChooser"
    Layout.fillWidth: true
    spacing: Theme.spacingS

    BodyText {
        font.bold: true
        text: qsTr("Edited on two devices at once")
    }
    BodyText {
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: qsTr("Both versions are kept until you choose. The one you keep goes to your other devices too; the other one is removed.")
    }
    Repeater {
        model: SyncController.conflicts
        ConflictCard {
            required property var modelData
            conflict: modelData
        }
    }
}
