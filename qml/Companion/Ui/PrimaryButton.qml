import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A large, clearly labelled button. `tone`: "primary", "secondary" (outlined) or "danger".
Button {
    id: control

    property string tone: "primary"
    readonly property color fill: tone === "danger" ? Theme.danger
                                  : tone === "secondary" ? Theme.surface : Theme.primary
    readonly property color ink: tone === "danger" ? Theme.dangerInk
                                 : tone === "secondary" ? Theme.primary : Theme.primaryInk

    // In layouts: natural width when there is room; narrower, with the label wrapping, when there
    // is not (200 % text on a phone) instead of widening the whole layout. Set
    // Layout.maximumWidth: Theme.maxContentWidth for a full-width button.
    Layout.fillWidth: true
    Layout.maximumWidth: Math.ceil(implicitWidth) // layouts round down: keep one-line labels whole
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    padding: Theme.spacingM
    leftPadding: Theme.spacingXl
    rightPadding: Theme.spacingXl
    font.pixelSize: Theme.fontBody
    font.bold: true
    focusPolicy: Qt.StrongFocus

    Accessible.name: text

    Keys.onReturnPressed: control.clicked()
    Keys.onEnterPressed: control.clicked()

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.enabled ? control.ink : Theme.disabledText
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        textFormat: Text.PlainText
    }

    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Theme.disabledFill
               : control.down ? Qt.darker(control.fill, 1.2)
               : control.hovered ? Qt.lighter(control.fill, 1.08) : control.fill
        border.width: control.visualFocus ? Theme.focusWidth
                      : (control.tone === "secondary" ? Theme.borderWidth : 0)
        border.color: control.visualFocus ? Theme.focus : Theme.primary
    }
}
