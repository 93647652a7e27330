pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Top of the journal: what it is, a waiting draft, the two ways to start, and actions marked
// "remind me" (listed here until reminders exist).
ColumnLayout {
    Layout.fillWidth: true
    spacing: Theme.spacingM

    BodyText {
        color: Theme.textMuted
        text: qsTr("A thread for each infusion: an intention before, what you experienced after, then insights, small steps and a look back. Private and encrypted on this device.")
    }

    InfoCard {
        objectName: "journalDraftCard"
        visible: JournalController.hasDraft
        glyph: "\u270E"
        accent: Theme.warning
        title: qsTr("Unsaved draft")
        body: JournalController.draftSummary

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacingM
            PrimaryButton {
                width: Math.min(implicitWidth, parent.width)
                objectName: "journalResumeDraftButton"
                text: qsTr("Continue writing")
                onClicked: JournalController.resumeDraft()
            }
            PrimaryButton {
                width: Math.min(implicitWidth, parent.width)
                objectName: "journalDiscardDraftButton"
                tone: "secondary"
                text: qsTr("Discard draft")
                Accessible.description: qsTr("Deletes the unsaved draft")
                onClicked: JournalController.discardDraft()
            }
        }
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        PrimaryButton {
            width: Math.min(implicitWidth, parent.width)
            objectName: "journalNewInfusionButton"
            text: qsTr("Intention for an infusion")
            Accessible.description: qsTr("Starts a new thread for an infusion with your intention for it")
            onClicked: JournalController.startInfusionThread()
        }
        PrimaryButton {
            width: Math.min(implicitWidth, parent.width)
            objectName: "journalNewFreeEntryButton"
            tone: "secondary"
            text: qsTr("Free entry")
            Accessible.description: qsTr("Writes an entry that is not about a particular infusion")
            onClicked: JournalController.startEntry("free", "free")
        }
    }

    InfoCard {
        objectName: "journalPendingActions"
        visible: JournalController.pendingActions.length > 0
        glyph: "\u2690"
        title: qsTr("Actions you want to be reminded of")
        body: qsTr("Reminders arrive in a later release. Until then, they are listed here.")

        Repeater {
            model: JournalController.pendingActions
            BodyText {
                required property var modelData
                textFormat: Text.PlainText
                text: "\u2022 " + modelData.text
            }
        }
    }
}
