pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// What a finished questionnaire means, in plain words, with the reminder that it is not a
// diagnosis; crisis help again when a safety answer was given.
ColumnLayout {
    spacing: Theme.spacingL

    InfoCard {
        objectName: "questionnaireResultCard"
        glyph: "\u2713"
        accent: Theme.success
        title: qsTr("Saved on this device")
        body: QuestionnaireController.resultSummary

        Repeater {
            model: QuestionnaireController.resultClusters
            BodyText {
                required property var modelData
                text: qsTr("%1: %2").arg(modelData.label).arg(modelData.score)
            }
        }
        Repeater {
            model: QuestionnaireController.resultNotes
            BodyText {
                required property string modelData
                text: modelData
            }
        }
        BodyText {
            color: Theme.textMuted
            text: qsTr("A questionnaire is not a diagnosis. It helps you and your clinic see how you are doing over time.")
        }
    }

    InfoCard {
        objectName: "questionnaireSafetyCard"
        visible: QuestionnaireController.resultSafetyFlag
        accent: Theme.danger
        glyph: "\u260E"
        title: qsTr("You deserve support right now")
        body: qsTr("You said you have had thoughts of being better off dead or of hurting yourself. Help is one tap away, day and night.")
        PrimaryButton {
            objectName: "questionnaireGetHelp"
            tone: "danger"
            text: qsTr("Get help now")
            onClicked: SafetyController.requestHelp()
        }
    }

    PrimaryButton {
        objectName: "questionnaireDone"
        text: qsTr("Done")
        onClicked: QuestionnaireController.close(false)
    }
}
