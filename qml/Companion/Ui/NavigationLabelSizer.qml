pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

// Never shown: its width is that of the widest short navigation label, in bold as the selected
// one is (a Column is as wide as its widest child). The bottom bar and the narrow rail use it to
// make room for longer languages instead of cutting words.
Column {
    id: sizer

    // [{ text, shortText, glyph }]
    property var destinations: []

    visible: false
    Accessible.ignored: true

    Repeater {
        model: sizer.destinations
        Label {
            required property var modelData
            text: modelData.shortText
            textFormat: Text.PlainText
            font.pixelSize: Theme.fontNavigation
            font.bold: true
        }
    }
}
