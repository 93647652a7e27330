pragma ComponentBehavior: Bound
import QtQuick
import Companion.Core
import Companion.Ui

// Optional tags for the day, toggled on and off.
Flow {
    spacing: Theme.spacingS

    Repeater {
        model: DiaryController.tagChoices
        ChoiceButton {
            required property var modelData
            objectName: "tag_" + modelData.id
            width: Math.min(implicitWidth, parent.width)
            text: modelData.label
            checked: DiaryController.editorTags.indexOf(modelData.id) >= 0
            Accessible.role: Accessible.CheckBox
            onClicked: DiaryController.toggleTag(modelData.id)
        }
    }
}
