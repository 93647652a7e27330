import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Teach-back: a few questions after a key article; the answers are recorded with the date.
AppPage {
    objectName: "teachBackView"
    title: LearnController.teachBack.title ?? ""

    BodyText {
        text: qsTr("Choose one answer for each question.")
    }

    Repeater {
        model: LearnController.teachBack.questions ?? []
        delegate: TeachBackQuestion {}
    }

    InfoCard {
        objectName: "teachBackResult"
        visible: LearnController.teachBackResult.total !== undefined
        title: LearnController.teachBackResult.passed === true
               ? qsTr("All right. Well done.")
               : qsTr("%1 of %2 right").arg(LearnController.teachBackResult.correct ?? 0)
                                       .arg(LearnController.teachBackResult.total ?? 0)
        body: LearnController.teachBackResult.passed === true
              ? qsTr("Your answers are saved on this device with today's date.")
              : qsTr("Read the notes under each question, then try again. Your answers are saved on this device.")
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingM

        PrimaryButton {
            objectName: "submitTeachBackButton"
            visible: LearnController.teachBackResult.total === undefined
            enabled: LearnController.teachBackReady
            text: qsTr("Check my answers")
            onClicked: LearnController.submitTeachBack()
        }
        PrimaryButton {
            objectName: "retryTeachBackButton"
            visible: LearnController.teachBackResult.passed === false
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
