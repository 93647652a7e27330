import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// One version of an entry in a conflict: where and when it was saved, its summary, what was
// typed (plain text), and the button that keeps it.
ColumnLayout {
    id: version

    property string label
    property string summary
    property string typed
    property string keepName // what a screen reader says for the button
    signal keep()

    spacing: Theme.spacingXs

    BodyText {
        text: version.label
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }
    BodyText {
        objectName: "conflictSummary"
        text: version.summary
    }
    BodyText {
        objectName: "conflictText"
        visible: text.length > 0
        textFormat: Text.PlainText
        text: version.typed
    }
    PrimaryButton {
        objectName: "keepButton"
        tone: "secondary"
        text: qsTr("Keep this one")
        enabled: !SyncController.busy
        Accessible.name: version.keepName
        onClicked: version.keep()
    }
}
