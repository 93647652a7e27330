import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// A free note, plain text only. Filled once when it opens (a live binding would move the cursor
// while typing); every keystroke goes to the draft.
TextArea {
    id: area

    property var question: ({})
    readonly property string key: area.question.key ?? ""

    objectName: "noteArea"
    Layout.fillWidth: true
    Layout.minimumHeight: Theme.touchTarget * 2
    wrapMode: TextEdit.Wrap
    textFormat: TextEdit.PlainText
    font.pixelSize: Theme.fontBody
    placeholderText: qsTr("Kept encrypted on this device.")
    Accessible.name: area.question.label ?? ""
    // Tab moves on instead of typing a tab character, so a keyboard user can leave the field
    // (a keyboard trap otherwise; WCAG 2.1.2, found by the AT-SPI walk).
    Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
    Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
    Component.onCompleted: area.text = DiaryController.editorValues[area.key] ?? ""
    onTextChanged: if (activeFocus) DiaryController.setValue(area.key, area.text)
}
