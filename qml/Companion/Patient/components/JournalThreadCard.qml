pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui

// One thread: an infusion's steps in order (intention → experience → insight → action →
// follow-up), or the free entries. `thread` is one element of JournalController.threads.
InfoCard {
    id: card

    property var thread: ({})

    objectName: "journalThread_" + (card.thread.key ?? "")
    glyph: card.thread.free ? "\u270E" : "\u25C9"
    title: card.thread.title ?? ""

    Label {
        Layout.fillWidth: true
        text: card.thread.subtitle ?? ""
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }

    Repeater {
        model: card.thread.steps ?? []
        JournalStep {
            required property var modelData
            stepData: modelData
            threadKey: card.thread.key
            threadTitle: card.thread.title
        }
    }
}
