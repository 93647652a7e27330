pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// One teach-back question: its options as radio buttons and, once checked, whether it was right.
ColumnLayout {
    id: block

    required property int index
    required property var modelData

    readonly property var feedback: LearnController.teachBackFeedback[block.index]

    objectName: "teachBackQuestion_" + index
    Layout.fillWidth: true
    spacing: Theme.spacingS

    Label {
        Layout.fillWidth: true
        text: qsTr("%1. %2").arg(block.index + 1).arg(block.modelData.text)
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: Theme.fontLarge
        font.bold: true
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    ButtonGroup { id: choices }

    Repeater {
        model: block.modelData.options
        delegate: RadioButton {
            id: option

            required property int index
            required property string modelData

            objectName: "teachBackOption_" + block.index + "_" + index
            Layout.fillWidth: true
            ButtonGroup.group: choices
            text: modelData
            font.pixelSize: Theme.fontBody
            // Stays enabled (readable) after grading; the controller ignores changes then.
            checked: LearnController.chosenAnswers[block.index] === index
            onClicked: LearnController.chooseTeachBackAnswer(block.index, index)
            Accessible.name: modelData

            contentItem: Label {
                text: option.text
                font: option.font
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.text
                leftPadding: option.indicator.width + option.spacing
                verticalAlignment: Text.AlignVCenter
            }
        }
    }

    Label {
        visible: block.feedback !== undefined
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontBody
        color: block.feedback?.correct ? Theme.success : Theme.danger
        text: (block.feedback?.correct ? qsTr("Right. ") : qsTr("Not quite. ")) + (block.feedback?.explanation ?? "")
    }
}
