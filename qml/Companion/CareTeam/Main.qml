import QtQuick
import QtQuick.Controls
import Companion.Ui
import Companion.CareTeam

// The care-team console's window. What it shows follows the session (see CareTeamRoot).
ApplicationWindow {
    id: window

    title: qsTr("Companion care team")
    width: 1100
    height: 760
    minimumWidth: 480
    minimumHeight: 480
    visible: true
    color: Theme.background
    font.pixelSize: Theme.fontBody

    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.surfaceAlt
    palette.text: Theme.text
    palette.button: Theme.surfaceAlt
    palette.buttonText: Theme.text
    palette.highlight: Theme.primary
    palette.highlightedText: Theme.primaryInk
    palette.placeholderText: Theme.textMuted
    palette.light: Theme.surface
    palette.midlight: Theme.border
    palette.mid: Theme.textMuted
    palette.dark: Theme.primary
    palette.shadow: Theme.border
    palette.link: Theme.primary

    CareTeamRoot {
        anchors.fill: parent
        focus: true
    }
}
