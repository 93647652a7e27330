import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A page whose scrolling view is a ListView, for pages that list many rows (the diary's
// entries): only the rows on screen are created, where AppPage's ScrollView would hold every
// row at once (issue 8, ADR 0025). It looks like AppPage: the page's heading (its `title`) and
// `headerContent` above the rows scroll with them as the list's header, and rows keep the same
// readable width. Rows are `delegate`s over `model`; place them with `rowX` and `rowWidth`.
Page {
    id: page

    // What goes above the rows (cards, forms), below the heading; created inside the list.
    property Component headerContent
    property var model
    property bool headerMade: false
    // The list itself has the keyboard focus (not a control inside it): its current row shows
    // the focus ring and arrow keys move it.
    readonly property bool listFocused: page.isList(page.Window.activeFocusItem)
    property alias delegate: list.delegate
    property alias list: list
    property alias listObjectName: list.objectName
    // What the list is called to a screen reader; the page's title unless set.
    property string listName: page.title
    property bool showHeading: title.length > 0
    readonly property real rowWidth: Math.min(list.width - 2 * Theme.spacingL,
                                              Theme.maxContentWidth)
    readonly property real rowX: (list.width - rowWidth) / 2

    // Enter on the row the keyboard moved to (arrow keys): the page opens it.
    signal rowActivated(int row)

    padding: 0
    focus: true
    background: Rectangle { color: Theme.background }

    // Scrolls to the very top (the heading). positionViewAtBeginning() alone can stop short of
    // it when rows of different heights were estimated; placing the first row, then the header,
    // is exact.
    function showTop() {
        if (list.count > 0)
            list.positionViewAtIndex(0, ListView.Beginning)
        if (list.headerItem)
            list.contentY = list.headerItem.y
        page.keepTop = true
    }

    // While true, the heading stays at the top when the header's height changes (its cards lay
    // out, a banner appears): a ListView keeps its first row in place and moves a growing header
    // up, out of sight. The page opens this way; scrolling away from the top or the keyboard
    // moving to a row ends it.
    property bool keepTop: true

    // A row's control got the keyboard focus (Tab): that row becomes current and is shown.
    function showRow(row) {
        page.keepTop = false
        list.currentIndex = row
    }

    // Keyboard users must see where they are: a control that Tab focuses in the header or in a
    // row, above or below the visible part, is scrolled into view (as AppPage does; WCAG 2.4.7).
    Connections {
        target: page.Window.window
        function onActiveFocusItemChanged() {
            page.pickRow()
            page.revealFocus(page.Window.activeFocusItem)
        }
    }

    // The list, or a row itself (the ListView hands its focus to a row), not a control inside.
    function isList(item: Item): bool {
        return item !== null && (item === list || (item.parent === list.contentItem
                                                   && item !== list.headerItem
                                                   && item !== list.footerItem))
    }

    // Tab onto the list itself: the row at the top of the view (or the first) becomes current,
    // so the keyboard starts where the person is looking and the focus ring is on screen.
    function pickRow() {
        // Read here, not through listFocused: that binding may not have seen the change yet.
        if (!page.isList(page.Window.activeFocusItem) || list.currentIndex >= 0 || list.count === 0)
            return
        list.currentIndex = Math.max(0, list.indexAt(list.width / 2, list.contentY + list.spacing + 1))
        list.positionViewAtIndex(list.currentIndex, ListView.Contain)
    }

    function revealFocus(item: Item) {
        let inside = false
        for (let up = item ? item.parent : null; up && !inside; up = up.parent)
            inside = up === list.contentItem
        if (!inside)
            return
        const margin = Theme.spacingL
        const top = item.mapToItem(list.contentItem, 0, 0).y
        const bottom = top + item.height
        const minY = list.originY
        const maxY = Math.max(minY, list.originY + list.contentHeight - list.height)
        if (top - margin < list.contentY)
            list.contentY = Math.max(minY, top - margin)
        else if (bottom + margin > list.contentY + list.height)
            list.contentY = Math.min(maxY, Math.min(top - margin, bottom + margin - list.height))
    }

    function activateCurrent(event) {
        if (list.currentIndex >= 0)
            page.rowActivated(list.currentIndex)
        else
            event.accepted = false
    }

    ListView {
        id: list
        anchors.fill: parent
        model: page.headerMade ? page.model : null
        focus: true // a focus scope: lets `focus: true` inside the header reach its field
        clip: true
        spacing: Theme.spacingL
        // No row is current until the keyboard picks one, so opening the page shows its top.
        currentIndex: -1
        keyNavigationEnabled: true
        // Only a list with rows is a Tab stop (an empty one has nothing to move through); Qt
        // refuses to drop it while the list has the focus, so that waits until it leaves.
        activeFocusOnTab: count > 0 || activeFocus
        boundsBehavior: Flickable.StopAtBounds
        // No reuseItems: pooled rows stay in the Tab chain and the accessibility tree while
        // hidden, and creating a row as it scrolls into view is cheap enough (ADR 0025).
        // A little more than a screen made ahead, so a quick flick does not show empty space.
        cacheBuffer: Math.max(0, height / 2)
        Accessible.role: Accessible.List
        Accessible.name: page.listName
        // A new model makes row 0 current; the keyboard has not picked a row yet.
        onModelChanged: currentIndex = -1
        onMovementStarted: page.keepTop = false

        // Moved away from the top by a program (positionViewAt…, a scroll bar): also ends it.
        onContentYChanged: if (page.keepTop && headerItem && contentY > headerItem.y + 1)
                               page.keepTop = false
        onCurrentIndexChanged: if (currentIndex >= 0 && page.listFocused) page.keepTop = false
        Keys.onReturnPressed: (event) => page.activateCurrent(event)
        Keys.onEnterPressed: (event) => page.activateCurrent(event)
        ScrollBar.vertical: ScrollBar {
            Accessible.name: qsTr("Scroll this page")
        }

        header: Item {
            id: headerBox
            width: list.width
            onYChanged: if (page.keepTop) list.contentY = headerBox.y
            // Tab follows the order of the list's children, and a ListView makes its header after
            // its first rows: the rows are only given once the header exists, so the header,
            // seen first, is also reached first.
            Component.onCompleted: Qt.callLater(() => page.headerMade = true)
            implicitHeight: headerColumn.implicitHeight + Theme.spacingXl + Theme.spacingL
            height: implicitHeight

            ColumnLayout {
                id: headerColumn
                width: page.rowWidth
                x: page.rowX
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
                Loader {
                    Layout.fillWidth: true
                    sourceComponent: page.headerContent
                    visible: status === Loader.Ready
                }
            }
        }
        footer: Item {
            width: list.width
            height: Theme.spacingXl
        }
    }
}
