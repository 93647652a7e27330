import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// The check-in / after-infusion form: every question on one screen, or one per screen with large
// controls in low-energy mode. What is entered is kept as a draft as you go.
ColumnLayout {
    spacing: Theme.spacingL

    Label {
        objectName: "diaryEditorState"
        Layout.fillWidth: true
        text: DiaryController.editorStateLabel
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }

    JournalSwitch {
        objectName: "lowEnergySwitch"
        text: qsTr("One question per screen, larger buttons (low-energy mode)")
        checked: DiaryController.lowEnergy
        onToggled: DiaryController.lowEnergy = checked
    }

    ColumnLayout {
        objectName: "diaryFullForm"
        visible: !DiaryController.lowEnergy
        Layout.fillWidth: true
        spacing: Theme.spacingXl
        Repeater {
            model: DiaryController.lowEnergy ? [] : DiaryController.editorQuestions
            DiaryQuestion {
                required property var modelData
                question: modelData
            }
        }
    }

    LowEnergyStep {
        visible: DiaryController.lowEnergy
    }

    BodyText {
        objectName: "diaryEditorHint"
        visible: text.length > 0
        color: Theme.textMuted
        text: DiaryController.editorHint
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        PrimaryButton {
            objectName: "diarySaveButton"
            width: Math.min(implicitWidth, parent.width)
            enabled: DiaryController.editorCanSave
            text: qsTr("Save")
            onClicked: DiaryController.save()
        }
        PrimaryButton {
            objectName: "diaryLaterButton"
            width: Math.min(implicitWidth, parent.width)
            tone: "secondary"
            text: qsTr("Finish later")
            Accessible.description: qsTr("Keeps what you entered as a draft on this device")
            onClicked: DiaryController.cancel(false)
        }
        PrimaryButton {
            objectName: "diaryDiscardButton"
            width: Math.min(implicitWidth, parent.width)
            tone: "secondary"
            text: DiaryController.editorIsNew ? qsTr("Discard") : qsTr("Cancel editing")
            onClicked: DiaryController.cancel(true)
        }
    }
}
