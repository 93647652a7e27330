import QtQuick
import QtQuick.Templates as T

// Creates its dialog only when shown and destroys it when closed, so whatever was typed into it
// (passphrases, keys) does not linger in memory and the dialog always lays out at its real size.
Loader {
    id: loader

    function show() { loader.active = true }

    active: false
    onLoaded: (loader.item as T.Popup).open()

    Connections {
        target: loader.item as T.Popup
        function onClosed() { loader.active = false }
    }
}
