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
        list.positionViewAtIndex(row, ListView.Contain)
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
        activeFocusOnTab: true
        boundsBehavior: Flickable.StopAtBounds
        // Rows are cheap to keep: reuse them instead of creating new ones while scrolling.
        reuseItems: true
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
        onCurrentIndexChanged: if (currentIndex >= 0 && activeFocus) page.keepTop = false
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
