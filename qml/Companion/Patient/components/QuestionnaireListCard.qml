import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Questionnaires: the ones the clinic's schedule has due now, an unfinished one to continue, and
// every questionnaire on request.
InfoCard {
    objectName: "questionnaireListCard"
    glyph: "\u2630"
    title: qsTr("Questionnaires")
    body: DiaryController.dueInstruments.length > 0
          ? qsTr("Your clinic's schedule has these due now.")
          : qsTr("Nothing is due right now. You can answer any of them whenever you like.")

    Repeater {
        model: DiaryController.dueInstruments
        DueInstrumentRow {
            required property var modelData
            due: modelData
        }
    }

    PrimaryButton {
        objectName: "resumeQuestionnaireButton"
        visible: QuestionnaireController.hasDraft
        text: qsTr("Continue the %1").arg(QuestionnaireController.draftTitle)
        onClicked: QuestionnaireController.resumeDraft()
    }

    BodyText {
        color: Theme.textMuted
        text: qsTr("Or answer any questionnaire:")
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Repeater {
            model: QuestionnaireController.instruments
            PrimaryButton {
                required property var modelData
                objectName: "startInstrument_" + modelData.id
                width: Math.min(implicitWidth, parent.width)
                tone: "secondary"
                text: modelData.title
                Accessible.name: qsTr("Answer the %1 (%n question(s))", "", modelData.itemCount).arg(modelData.title)
                onClicked: QuestionnaireController.start(modelData.id)
            }
        }
    }
}
