import QtQuick
import Companion.Ui
import Companion.Patient

// One crisis line: who answers, the number, a call button and (where the line takes texts) a text
// button. Emergency services are drawn in the danger colour.
InfoCard {
    id: card

    // {id, label, number, callUri, textUri, emergency} from SafetyController.numbers
    property var line: ({})

    objectName: "crisisLine_" + (card.line.id ?? "")
    glyph: "\u260E"
    accent: (card.line.emergency ?? false) ? Theme.danger : Theme.primary
    title: card.line.label ?? ""
    body: (card.line.emergency ?? false)
          ? qsTr("If you are in immediate danger, call %1 now.").arg(card.line.number ?? "")
          : qsTr("Call %1. It is free and confidential.").arg(card.line.number ?? "")

    CrisisCallButton {
        objectName: "call_" + (card.line.id ?? "")
        tone: (card.line.emergency ?? false) ? "danger" : "primary"
        text: qsTr("Call %1").arg(card.line.number ?? "")
        url: card.line.callUri ?? ""
    }
    CrisisCallButton {
        objectName: "text_" + (card.line.id ?? "")
        visible: (card.line.textUri ?? "").length > 0
        tone: "secondary"
        text: qsTr("Text %1").arg(card.line.number ?? "")
        url: card.line.textUri ?? ""
    }
}
