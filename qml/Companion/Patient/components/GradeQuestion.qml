pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// None / mild / moderate / severe as four buttons (stacked and large in low-energy mode).
GridLayout {
    id: root

    property var question: ({})
    property bool large: false
    readonly property string key: root.question.key ?? ""

    columns: root.large ? 1 : 4
    columnSpacing: Theme.spacingS
    rowSpacing: Theme.spacingS

    Repeater {
        model: DiaryController.gradeChoices
        ChoiceButton {
            required property var modelData
            objectName: "gradeChoice_" + root.key + "_" + modelData.name
            Layout.fillWidth: true
            large: root.large
            text: modelData.label
            checked: DiaryController.editorValues[root.key] === modelData.name
            Accessible.name: qsTr("%1: %2").arg(root.question.label ?? "").arg(modelData.label)
            onClicked: {
                DiaryController.setValue(root.key, modelData.name)
                if (root.large)
                    DiaryController.nextStep()
            }
        }
    }
}
