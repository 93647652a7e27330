import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui

// A switch whose label wraps instead of being cut off at large text sizes.
Switch {
    id: control

    Layout.fillWidth: true
    font.pixelSize: Theme.fontBody
    Accessible.name: text

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.enabled ? Theme.text : Theme.disabledText
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
        leftPadding: control.indicator.width + control.spacing
    }
}
