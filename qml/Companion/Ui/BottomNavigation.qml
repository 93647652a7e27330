pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// Bottom navigation bar for phone widths: equal-width destinations, glyph above a short label.
// One row when every label fits its share of the width; two rows when a longer language needs it
// (words are never cut). Labels hide (names stay available to screen readers) when there is no
// room at large text sizes.
Rectangle {
    id: bar

    // [{ text, shortText, glyph }]
    property var destinations: []
    property int currentIndex: 0
    signal activated(int index)

    readonly property bool roomForLabels: destinations.length === 0
        || width / destinations.length >= 60 * Theme.scale
    // Width a label has in one row: the cell minus the buttons' 2 px side paddings, 1 px slack.
    readonly property bool labelsFitOneRow: destinations.length === 0
        || (grid.width - (destinations.length - 1) * grid.columnSpacing) / destinations.length
           >= labelSizer.width + 5

    implicitHeight: grid.implicitHeight + 2 * Theme.spacingXs
    color: Theme.surface
    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Main navigation")

    Rectangle {
        width: parent.width
        height: Theme.borderWidth
        color: Theme.border
    }

    NavigationLabelSizer {
        id: labelSizer
        destinations: bar.destinations
    }

    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.margins: Theme.spacingXs
        columnSpacing: 2
        rowSpacing: 2
        columns: !bar.roomForLabels || bar.labelsFitOneRow
                 ? Math.max(1, bar.destinations.length) : Math.ceil(bar.destinations.length / 2)

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
