import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// A questionnaire, one question per screen: tapping an answer moves on. Then the result.
ColumnLayout {
    spacing: Theme.spacingL

    ColumnLayout {
        objectName: "questionnaireItem"
        visible: !QuestionnaireController.showingResult
        Layout.fillWidth: true
        spacing: Theme.spacingM

        BodyText {
            color: Theme.textMuted
            text: QuestionnaireController.lookback
        }
        Label {
            objectName: "questionnaireProgress"
            Layout.fillWidth: true
            text: QuestionnaireController.progressText
            textFormat: Text.PlainText
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Label {
            objectName: "questionnaireItemText"
            Layout.fillWidth: true
            text: QuestionnaireController.itemText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Repeater {
            model: QuestionnaireController.itemOptions
            ChoiceButton {
                required property var modelData
                required property int index
                objectName: "questionnaireOption_" + index
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.maxContentWidth
                large: true
                text: modelData.label
                checked: modelData.selected
                onClicked: QuestionnaireController.answer(modelData.value)
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            PrimaryButton {
                objectName: "questionnaireBack"
                width: Math.min(implicitWidth, parent.width)
                tone: "secondary"
                enabled: QuestionnaireController.canGoBack
                text: qsTr("Previous question")
                onClicked: QuestionnaireController.back()
            }
            PrimaryButton {
                objectName: "questionnaireSkip"
                visible: QuestionnaireController.itemOptional
                width: Math.min(implicitWidth, parent.width)
                tone: "secondary"
                text: qsTr("Skip this one")
                onClicked: QuestionnaireController.skip()
            }
            PrimaryButton {
                objectName: "questionnaireSubmit"
                width: Math.min(implicitWidth, parent.width)
                enabled: QuestionnaireController.canSubmit
                text: qsTr("See my result")
                onClicked: QuestionnaireController.submit()
            }
            PrimaryButton {
                objectName: "questionnaireLater"
                width: Math.min(implicitWidth, parent.width)
                tone: "secondary"
                text: qsTr("Finish later")
                Accessible.description: qsTr("Keeps your answers as a draft on this device")
                onClicked: QuestionnaireController.close(false)
            }
        }
        BodyText {
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            text: QuestionnaireController.attribution
        }
    }

    QuestionnaireResultView {
        visible: QuestionnaireController.showingResult
    }
}
