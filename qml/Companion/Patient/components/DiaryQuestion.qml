import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui

// One form question, drawn by its type ("scale", "grade", "hours", "bloodPressure", "tags",
// "text"). `large`: low-energy mode.
ColumnLayout {
    id: root

    // {key, type, label, lowLabel, highLabel, required} from DiaryController.editorQuestions
    property var question: ({})
    property bool large: false

    Layout.fillWidth: true
    spacing: Theme.spacingS

    Label {
        Layout.fillWidth: true
        text: (root.question.label ?? "") + ((root.question.required ?? false) ? "" : qsTr(" (optional)"))
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: root.large ? Theme.fontTitle : Theme.fontLarge
        font.bold: true
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    // Only the control of this question's type exists, so no other control touches its answer.
    // (Files, not inline components: Qt 6.4 refuses to load bound inline components this way.)
    Loader {
        id: control
        Layout.fillWidth: true
        source: {
            switch (root.question.type) {
            case "scale": return "ScaleQuestion.qml"
            case "grade": return "GradeQuestion.qml"
            case "hours": return "HoursQuestion.qml"
            case "bloodPressure": return "BloodPressureQuestion.qml"
            case "tags": return "TagsQuestion.qml"
            case "text": return "NoteQuestion.qml"
            }
            return ""
        }
    }
    Binding {
        target: control.item
        property: "question"
        value: root.question
        when: control.status === Loader.Ready && root.question.type !== "bloodPressure" && root.question.type !== "tags"
    }
    Binding {
        target: control.item
        property: "large"
        value: root.large
        when: control.status === Loader.Ready && ["scale", "grade", "hours"].indexOf(root.question.type) >= 0
    }
}
