import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Writing or editing one entry. Every field goes straight to JournalController, which saves a
// draft into the encrypted profile about a second after typing stops (nothing goes anywhere else).
ColumnLayout {
    objectName: "journalEditor"
    spacing: Theme.spacingM

    BodyText {
        objectName: "journalEditorThread"
        color: Theme.textMuted
        text: JournalController.editorThreadTitle
    }
    InfoCard {
        objectName: "journalRestoredNote"
        visible: JournalController.editorRestored
        glyph: "\u21BA"
        body: qsTr("This is the draft you had not saved yet. It is just as you left it.")
    }

    JournalFieldLabel { text: qsTr("Kind of entry") }
    ComboBox {
        objectName: "journalKindChooser"
        Layout.fillWidth: true
        Layout.maximumWidth: 360 * Theme.scale
        Layout.minimumHeight: Theme.touchTarget
        model: JournalController.kindChoices
        textRole: "label"
        valueRole: "name"
        currentIndex: JournalController.editorKindIndex
        font.pixelSize: Theme.fontBody
        Accessible.name: qsTr("Kind of entry")
        onActivated: index => JournalController.editorKindIndex = index
    }

    JournalFieldLabel {
        visible: JournalController.editorNeedsDate
        text: qsTr("Date of the infusion (year-month-day)")
    }
    TextField {
        objectName: "journalDateField"
        visible: JournalController.editorNeedsDate
        Layout.fillWidth: true
        Layout.maximumWidth: 360 * Theme.scale
        Layout.minimumHeight: Theme.touchTarget
        text: JournalController.editorInfusionDate
        placeholderText: qsTr("for example 2026-03-14")
        inputMethodHints: Qt.ImhPreferNumbers
        maximumLength: 10
        font.pixelSize: Theme.fontBody
        Accessible.name: qsTr("Date of the infusion, as year-month-day")
        onTextEdited: JournalController.editorInfusionDate = text
    }

    JournalPromptRow {}

    TextArea {
        objectName: "journalTextArea"
        Layout.fillWidth: true
        Layout.minimumHeight: 220 * Theme.scale
        text: JournalController.editorText
        placeholderText: JournalController.editorPrompt
        textFormat: TextEdit.PlainText
        wrapMode: TextEdit.Wrap
        selectByMouse: true
        focus: true
        // Keyboards must not learn (store) what is written here.
        inputMethodHints: Qt.ImhSensitiveData
        font.pixelSize: Theme.fontBody
        color: Theme.text
        placeholderTextColor: Theme.textMuted
        Accessible.name: qsTr("Your entry")
        Accessible.description: JournalController.editorPrompt
        onTextChanged: JournalController.editorText = text
        // Tab moves on instead of typing a tab character, so a keyboard user can leave the field
        // (a keyboard trap otherwise; WCAG 2.1.2, found by the AT-SPI walk).
        Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
        Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.width: parent.activeFocus ? Theme.focusWidth : Theme.borderWidth
            border.color: parent.activeFocus ? Theme.focus : Theme.border
        }
    }
    BodyText {
        objectName: "journalEditorHint"
        visible: text.length > 0
        color: Theme.danger
        text: JournalController.editorHint
    }

    JournalEditorOptions {}

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        PrimaryButton {
            width: Math.min(implicitWidth, parent.width)
            objectName: "journalSaveButton"
            text: qsTr("Save")
            enabled: JournalController.editorCanSave
            onClicked: JournalController.save()
        }
        PrimaryButton {
            width: Math.min(implicitWidth, parent.width)
            objectName: "journalCancelButton"
            tone: "secondary"
            text: qsTr("Cancel")
            Accessible.description: qsTr("Closes without saving; the draft is discarded")
            onClicked: JournalController.cancel()
        }
    }
}
