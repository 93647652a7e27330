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
