import QtQuick
import QtQuick.Controls
import Companion.Ui

// One flag on a patient row: a short label; the full sentence for screen readers and on hover.
Label {
    id: chip

    property string flagId
    property string description
    readonly property bool urgent: flagId === "safety"

    text: ""
    textFormat: Text.PlainText
    // Chips are a word or two: their natural width (a width bound to it would loop).
    color: urgent ? Theme.dangerInk : Theme.text
    font.pixelSize: Theme.fontSmall
    font.bold: true
    leftPadding: Theme.spacingS
    rightPadding: Theme.spacingS
    topPadding: 2
    bottomPadding: 2
    background: Rectangle {
        radius: Theme.radius
        color: chip.urgent ? Theme.danger : Theme.primarySoft
        border.width: Theme.highContrast ? 1 : 0
        border.color: Theme.border
    }
    Accessible.role: Accessible.StaticText
    Accessible.name: description
    ToolTip.visible: hover.hovered
    ToolTip.text: description
    HoverHandler { id: hover }
}
