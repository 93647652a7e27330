pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// Side navigation for tablets and desktops. `expanded`: labels beside the glyphs (wide windows);
// otherwise glyphs with short labels below them, the rail widening for a longer language's labels.
Rectangle {
    id: rail

    // [{ text, shortText, glyph }]
    property var destinations: []
    property int currentIndex: 0
    property bool expanded: true
    signal activated(int index)

    // Narrow: the widest short label, the buttons' 2 px side paddings and the margins, 1 px slack.
    implicitWidth: expanded ? 220 * Theme.scale
                            : Math.max(88 * Theme.scale, labelSizer.width + 5 + 2 * Theme.spacingS)
    color: Theme.surface
    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Main navigation")

    Rectangle {
        anchors.right: parent.right
        width: Theme.borderWidth
        height: parent.height
        color: Theme.border
    }

    NavigationLabelSizer {
        id: labelSizer
        destinations: rail.destinations
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingS
        spacing: Theme.spacingXs

        Repeater {
            model: rail.destinations
            NavigationButton {
                required property var modelData
                required property int index
                objectName: "navRail_" + index
                Layout.fillWidth: true
                text: rail.expanded ? modelData.text : modelData.shortText
                glyph: modelData.glyph
                labelBeside: rail.expanded
                selected: rail.currentIndex === index
                onClicked: rail.activated(index)
            }
        }
        Item { Layout.fillHeight: true }
    }
}
