import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A page whose content scrolls vertically and keeps a readable width on wide windows.
// Children go into a ColumnLayout below the page's heading (its `title`).
Page {
    id: page

    default property alias content: column.data
    property bool showHeading: title.length > 0

    padding: 0
    focus: true
    background: Rectangle { color: Theme.background }

    // Keyboard users must see where they are: a control that Tab focuses below or above the
    // visible part of the page is scrolled into view (WCAG 2.4.7; found by the AT-SPI walk).
    Connections {
        target: page.Window.window
        function onActiveFocusItemChanged() { page.revealFocus(page.Window.activeFocusItem) }
    }

    function revealFocus(item: Item) {
        let inside = false
        for (let up = item; up && !inside; up = up.parent)
            inside = up === column
        if (!inside)
            return
        const flickable = scroll.contentItem
        const margin = Theme.spacingL
        const top = item.mapToItem(column, 0, 0).y + column.y
        const bottom = top + item.height
        const maxY = Math.max(0, flickable.contentHeight - flickable.height)
        if (top - margin < flickable.contentY)
            flickable.contentY = Math.max(0, top - margin)
        else if (bottom + margin > flickable.contentY + flickable.height)
            flickable.contentY = Math.min(maxY, Math.min(top - margin, bottom + margin - flickable.height))
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        focus: true // a focus scope: lets `focus: true` inside the page reach its field
        contentWidth: availableWidth
        contentHeight: column.implicitHeight + 2 * Theme.spacingXl
        clip: true

        ColumnLayout {
            id: column
            width: Math.min(scroll.availableWidth - 2 * Theme.spacingL, Theme.maxContentWidth)
            x: (scroll.availableWidth - width) / 2
            y: Theme.spacingXl
            spacing: Theme.spacingL

            Label {
                visible: page.showHeading
                Layout.fillWidth: true
                text: page.title
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontHeadline
                font.bold: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
        }
    }
}
