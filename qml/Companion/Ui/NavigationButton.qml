import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One destination in the navigation rail or bottom bar: a glyph with a label beside or below it.
// A TabButton so that screen readers get a page tab: Qt 6.4 replaces an Accessible.role set on a
// plain AbstractButton with "push button" when accessibility comes on (ADR 0021).
TabButton {
    id: control

    property string glyph
    property bool selected
    property bool labelBeside
    property bool showLabel: true

    checkable: false
    checked: selected
    focusPolicy: Qt.StrongFocus
    padding: Theme.spacingS
    leftPadding: labelBeside ? Theme.spacingM : 2
    rightPadding: labelBeside ? Theme.spacingM : 2
    implicitWidth: implicitContentWidth + leftPadding + rightPadding
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    Accessible.role: Accessible.PageTab
    Accessible.name: text
    Accessible.checkable: true
    Accessible.checked: selected
    // Qt gives a page tab no Press action of its own: without this a screen reader could focus a
    // destination but not open it.
    Accessible.onPressAction: control.clicked()
    autoExclusive: false

    Keys.onReturnPressed: control.clicked()
    Keys.onEnterPressed: control.clicked()

    contentItem: GridLayout {
        flow: control.labelBeside ? GridLayout.LeftToRight : GridLayout.TopToBottom
        columnSpacing: Theme.spacingM
        rowSpacing: 2

        Label {
            Layout.alignment: control.labelBeside ? Qt.AlignVCenter : Qt.AlignHCenter
            text: control.glyph
            color: control.selected ? Theme.primary : Theme.textMuted
            font.pixelSize: Theme.fontTitle
            Accessible.ignored: true
        }
        Label {
            visible: control.showLabel
            Layout.fillWidth: true
            Layout.alignment: control.labelBeside ? Qt.AlignVCenter : Qt.AlignHCenter
            horizontalAlignment: control.labelBeside ? Text.AlignLeft : Text.AlignHCenter
            text: control.text
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: control.selected ? Theme.primary : Theme.text
            font.pixelSize: control.labelBeside ? Theme.fontBody : Theme.fontNavigation
            font.bold: control.selected
            Accessible.ignored: true
        }
    }

    background: Rectangle {
        radius: Theme.radius
        color: control.selected ? Theme.primarySoft
               : control.hovered ? Theme.surfaceAlt : "transparent"
        border.width: control.visualFocus ? Theme.focusWidth
                      : (control.selected && Theme.highContrast ? Theme.borderWidth : 0)
        border.color: control.visualFocus ? Theme.focus : Theme.primary
    }
}
