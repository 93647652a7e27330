pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// The selected appointment's preparation checklist, in due order; ticking an item saves it and
// stops its reminder.
InfoCard {
    objectName: "checklistCard"
    glyph: "\u2713"
    title: qsTr("Preparation checklist")
    badge: PlanController.checklistProgress

    Repeater {
        model: PlanController.checklist
        CheckBox {
            id: box
            required property var modelData
            required property int index
            objectName: "checklistItem_" + index
            Layout.fillWidth: true
            checked: modelData.checked
            font.pixelSize: Theme.fontBody
            text: modelData.title
            Accessible.name: qsTr("%1, %2").arg(modelData.title).arg(modelData.dueLabel)
            onToggled: PlanController.setChecked(modelData.id, checked)
            contentItem: ColumnLayout {
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    leftPadding: box.indicator.width + box.spacing
                    text: box.modelData.title
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    font.strikeout: box.modelData.checked
                }
                Label {
                    Layout.fillWidth: true
                    leftPadding: box.indicator.width + box.spacing
                    text: box.modelData.overdue ? qsTr("%1 \u00B7 overdue").arg(box.modelData.dueLabel) : box.modelData.dueLabel
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: box.modelData.overdue ? Theme.warning : Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
                Label {
                    visible: text.length > 0
                    Layout.fillWidth: true
                    leftPadding: box.indicator.width + box.spacing
                    text: box.modelData.detail
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
        }
    }
}
