pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// A 0–10 rating: a slider (keyboard arrows work) in the normal form, eleven large buttons in
// low-energy mode. Until it is rated, it says so instead of pretending to a middle value.
ColumnLayout {
    id: root

    property var question: ({})
    property bool large: false
    readonly property string key: root.question.key ?? ""
    readonly property bool answered: DiaryController.editorValues[root.key] !== undefined
    readonly property int value: root.answered ? DiaryController.editorValues[root.key] : 5

    spacing: Theme.spacingXs

    Label {
        objectName: "scaleValue_" + root.key
        Layout.fillWidth: true
        text: root.answered ? qsTr("%1 of 10").arg(root.value) : qsTr("Not rated yet: tap or drag")
        textFormat: Text.PlainText
        color: root.answered ? Theme.text : Theme.textMuted
        font.pixelSize: Theme.fontBody
    }

    Slider {
        objectName: "scaleSlider_" + root.key
        visible: !root.large
        Layout.fillWidth: true
        from: 0
        to: 10
        stepSize: 1
        snapMode: Slider.SnapAlways
        value: root.value
        opacity: root.answered ? 1 : 0.55
        Accessible.name: root.question.label ?? ""
        Accessible.description: qsTr("0 is %1, 10 is %2").arg(root.question.lowLabel ?? "").arg(root.question.highLabel ?? "")
        onMoved: DiaryController.setValue(root.key, value)
        // A tap on the handle without moving it still answers.
        onPressedChanged: if (!pressed) DiaryController.setValue(root.key, value)
    }

    GridLayout {
        visible: root.large
        Layout.fillWidth: true
        columns: 4
        columnSpacing: Theme.spacingS
        rowSpacing: Theme.spacingS
        Repeater {
            model: root.large ? 11 : 0
            ChoiceButton {
                required property int index
                objectName: "scaleChoice_" + root.key + "_" + index
                Layout.fillWidth: true
                large: true
                text: String(index)
                checked: root.answered && root.value === index
                Accessible.name: qsTr("%1: %2 of 10").arg(root.question.label ?? "").arg(index)
                onClicked: {
                    DiaryController.setValue(root.key, index)
                    DiaryController.nextStep()
                }
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Label {
            Layout.fillWidth: true
            text: qsTr("0: %1").arg(root.question.lowLabel ?? "")
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignRight
            text: qsTr("10: %1").arg(root.question.highLabel ?? "")
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
    }
}
