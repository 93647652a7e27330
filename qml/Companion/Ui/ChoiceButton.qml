import QtQuick
import QtQuick.Controls

// One answer among several (a questionnaire option, a symptom grade, a rating, a tag): large,
// clearly marked when chosen, announced as a checkable button with its state. `checked` is bound
// by the user of the button to the stored answer (clicking only reports the choice).
Button {
    id: control

    property bool large: false

    implicitHeight: Math.max(large ? Theme.touchTarget * 1.4 : Theme.touchTarget,
                             implicitContentHeight + topPadding + bottomPadding)
    padding: Theme.spacingM
    font.pixelSize: large ? Theme.fontLarge : Theme.fontBody
    font.bold: checked
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.RadioButton
    Accessible.name: text
    Accessible.checkable: true
    Accessible.checked: checked

    Keys.onReturnPressed: control.clicked()
    Keys.onEnterPressed: control.clicked()

    contentItem: Text {
        text: (control.checked ? "\u2713 " : "") + control.text
        font: control.font
        color: control.checked ? Theme.primaryInk : Theme.text
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        textFormat: Text.PlainText
    }

    background: Rectangle {
        radius: Theme.radius
        color: control.checked ? Theme.primary
               : control.down ? Theme.primarySoft
               : control.hovered ? Qt.lighter(Theme.surfaceAlt, 1.03) : Theme.surface
        border.width: control.visualFocus ? Theme.focusWidth : Theme.borderWidth
        border.color: control.visualFocus ? Theme.focus : Theme.border
    }
}
