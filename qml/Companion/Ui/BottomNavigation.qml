pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// Bottom navigation bar for phone widths: equal-width destinations, glyph above a short label.
// Labels hide (names stay available to screen readers) when there is no room at large text sizes.
Rectangle {
    id: bar

    // [{ text, shortText, glyph }]
    property var destinations: []
    property int currentIndex: 0
    signal activated(int index)

    readonly property bool roomForLabels: destinations.length === 0
        || width / destinations.length >= 60 * Theme.scale

    implicitHeight: row.implicitHeight + 2 * Theme.spacingXs
    color: Theme.surface
    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Main navigation")

    Rectangle {
        width: parent.width
        height: Theme.borderWidth
        color: Theme.border
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacingXs
        spacing: 2

        Repeater {
            model: bar.destinations
            NavigationButton {
                required property var modelData
                required property int index
                objectName: "navBottom_" + index
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: modelData.shortText
                Accessible.name: modelData.text
                glyph: modelData.glyph
                showLabel: bar.roomForLabels
                selected: bar.currentIndex === index
                onClicked: bar.activated(index)
            }
        }
    }
}
