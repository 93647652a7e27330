import QtQuick
import QtQuick.Controls
import Companion.Ui
import Companion.Patient

// The patient app's window. What it shows follows the profile's state (see AppRoot).
ApplicationWindow {
    id: window

    title: qsTr("Companion")
    width: 1024
    height: 720
    minimumWidth: 320
    minimumHeight: 480
    visible: true
    color: Theme.background
    font.pixelSize: Theme.fontBody

    // Standard controls (text fields, switches, sliders, menus) follow the theme through the palette.
    // Basic style: `mid` outlines inputs and radio buttons, `dark` fills slider and switch tracks.
    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.surfaceAlt
    palette.text: Theme.text
    palette.button: Theme.surfaceAlt
    palette.buttonText: Theme.text
    palette.brightText: Theme.dangerInk
    palette.highlight: Theme.primary
    palette.highlightedText: Theme.primaryInk
    palette.placeholderText: Theme.textMuted
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text
    palette.light: Theme.surface
    palette.midlight: Theme.border
    palette.mid: Theme.textMuted
    palette.dark: Theme.primary
    palette.shadow: Theme.border
    palette.link: Theme.primary

    AppRoot {
        anchors.fill: parent
        focus: true
    }
}
