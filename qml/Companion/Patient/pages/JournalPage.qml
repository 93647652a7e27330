import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// The integration journal: a thread per infusion (newest first), free entries, and the editor,
// which replaces the list while it is open. Everything shown comes from JournalController.
AppPage {
    id: page

    objectName: "journalPage"
    title: JournalController.editorOpen ? JournalController.editorTitle : qsTr("Journal")

    ErrorBanner {
        objectName: "journalError"
        text: JournalController.errorMessage
    }

    Loader {
        objectName: "journalEditorLoader"
        Layout.fillWidth: true
        active: JournalController.editorOpen
        visible: active
        sourceComponent: JournalEditor {}
    }

    ColumnLayout {
        objectName: "journalList"
        visible: !JournalController.editorOpen
        Layout.fillWidth: true
        spacing: Theme.spacingL

        JournalOverview {}

        InfoCard {
            objectName: "journalEmptyCard"
            visible: JournalController.available && JournalController.entryCount === 0
            glyph: "\u270D"
            title: qsTr("Your journal is empty")
            body: qsTr("Start with an intention before your next infusion, or write a free entry whenever something feels worth keeping.")
        }

        Repeater {
            model: JournalController.threads
            JournalThreadCard {
                required property var modelData
                thread: modelData
            }
        }
    }
}
