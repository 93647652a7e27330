pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Live feedback for a new passphrase, from ProfileController.assessPassphrase():
// {score: 0–4, acceptable, label, hint}.
ColumnLayout {
    id: root

    property var assessment: ({})
    readonly property int score: root.assessment.score ?? 0
    readonly property string label: root.assessment.label ?? ""
    readonly property string hint: root.assessment.hint ?? ""
    readonly property color meterColor: score >= 3 ? Theme.success
                                        : score === 2 ? Theme.warning : Theme.danger

    spacing: Theme.spacingXs
    Layout.fillWidth: true
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Passphrase strength: %1. %2").arg(label).arg(hint)

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingXs
        Repeater {
            model: 4
            Rectangle {
                required property int index
                Layout.fillWidth: true
                implicitHeight: 6 * Theme.scale
                radius: height / 2
                color: index < root.score ? root.meterColor : Theme.surfaceAlt
                border.width: Theme.highContrast ? 1 : 0
                border.color: Theme.border
            }
        }
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Strength: %1").arg(root.label)
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: Theme.fontSmall
        font.bold: true
    }

    Label {
        visible: root.hint.length > 0
        Layout.fillWidth: true
        text: root.hint
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }
}
