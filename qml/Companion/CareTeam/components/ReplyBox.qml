import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.CareTeamCore
import Companion.Ui

// A short reply to one shared entry; the patient's app shows it under the entry, end-to-end
// encrypted (CareTeamSession::reply). The field empties once the reply is stored.
ColumnLayout {
    id: box

    required property string recordId

    Layout.fillWidth: true
    spacing: Theme.spacingXs

    BodyText {
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: qsTr("Your reply")
    }
    TextArea {
        id: field
        objectName: "replyField"
        Layout.fillWidth: true
        wrapMode: TextEdit.Wrap
        textFormat: TextEdit.PlainText
        Accessible.name: qsTr("Reply to this entry")
        // Tab moves on instead of typing a tab character, so a keyboard user can leave the
        // field (a keyboard trap otherwise; WCAG 2.1.2, ADR 0021).
        Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
        Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
    }
    PrimaryButton {
        objectName: "sendReplyButton"
        text: qsTr("Send reply")
        Accessible.name: text
        enabled: field.text.trim().length > 0 && !CareTeam.replying
        onClicked: CareTeam.reply(box.recordId, field.text)
    }
    Connections {
        target: CareTeam
        function onReplySent(recordId: string) {
            if (recordId === box.recordId)
                field.clear()
        }
    }
}
