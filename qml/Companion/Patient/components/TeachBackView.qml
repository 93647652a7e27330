import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Teach-back: a few questions after a key article; the answers are recorded with the date.
AppPage {
    objectName: "teachBackView"
    title: LearnController.teachBackTitle

    BodyText {
        text: qsTr("Choose one answer for each question.")
    }

    Repeater {
        model: LearnController.teachBackQuestions
        delegate: TeachBackQuestion {}
    }

    InfoCard {
        objectName: "teachBackResult"
        visible: LearnController.teachBackSubmitted
        title: LearnController.teachBackPassed
               ? qsTr("All right. Well done.")
               : qsTr("%1 of %2 right").arg(LearnController.teachBackCorrectCount)
                                       .arg(LearnController.teachBackQuestionCount)
        body: LearnController.teachBackPassed
              ? qsTr("Your answers are saved on this device with today's date.")
              : qsTr("Read the notes under each question, then try again. Your answers are saved on this device.")
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingM

        PrimaryButton {
            objectName: "submitTeachBackButton"
            visible: !LearnController.teachBackSubmitted
            enabled: LearnController.teachBackReady
            text: qsTr("Check my answers")
            onClicked: LearnController.submitTeachBack()
        }
        PrimaryButton {
            objectName: "retryTeachBackButton"
            visible: LearnController.teachBackSubmitted && !LearnController.teachBackPassed
            tone: "secondary"
            text: qsTr("Try again")
            onClicked: LearnController.startTeachBack(LearnController.teachBackModule)
        }
        PrimaryButton {
            objectName: "closeTeachBackButton"
            tone: "secondary"
            text: qsTr("Back to the article")
            onClicked: LearnController.closeTeachBack()
        }
    }
}
