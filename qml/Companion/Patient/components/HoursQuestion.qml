import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Hours of sleep in half hours: minus and plus buttons around the value (the first tap starts
// from 7 hours, a common night).
RowLayout {
    id: root

    property var question: ({})
    property bool large: false
    readonly property string key: root.question.key ?? ""
    readonly property bool answered: DiaryController.editorValues[root.key] !== undefined
    readonly property real hours: root.answered ? DiaryController.editorValues[root.key] : 7

    spacing: Theme.spacingM

    ChoiceButton {
        objectName: "hoursLess"
        large: root.large
        text: "\u2212"
        Accessible.name: qsTr("Half an hour less")
        onClicked: DiaryController.setValue(root.key, Math.max(0, root.answered ? root.hours - 0.5 : root.hours))
    }
    Label {
        objectName: "hoursValue"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        text: root.answered ? qsTr("%1 hours").arg(Number(root.hours).toLocaleString(Qt.locale(), "f", 1))
                            : qsTr("Not entered")
        textFormat: Text.PlainText
        color: root.answered ? Theme.text : Theme.textMuted
        font.pixelSize: root.large ? Theme.fontTitle : Theme.fontLarge
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    ChoiceButton {
        objectName: "hoursMore"
        large: root.large
        text: "+"
        Accessible.name: qsTr("Half an hour more")
        onClicked: DiaryController.setValue(root.key, Math.min(24, root.answered ? root.hours + 0.5 : root.hours))
    }
}
