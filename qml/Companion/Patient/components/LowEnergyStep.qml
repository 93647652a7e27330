import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Low-energy mode: the current question alone, large, with Back and Next.
ColumnLayout {
    objectName: "lowEnergyStep"
    Layout.fillWidth: true
    spacing: Theme.spacingL

    Label {
        objectName: "lowEnergyProgress"
        Layout.fillWidth: true
        text: qsTr("Question %1 of %2").arg(DiaryController.editorStep + 1).arg(DiaryController.editorStepCount)
        textFormat: Text.PlainText
        color: Theme.textMuted
        font.pixelSize: Theme.fontBody
    }

    DiaryQuestion {
        large: true
        question: DiaryController.editorQuestions[DiaryController.editorStep] ?? ({})
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        PrimaryButton {
            objectName: "lowEnergyBack"
            tone: "secondary"
            enabled: DiaryController.editorStep > 0
            text: qsTr("Back")
            onClicked: DiaryController.previousStep()
        }
        PrimaryButton {
            objectName: "lowEnergyNext"
            enabled: DiaryController.editorStep + 1 < DiaryController.editorStepCount
            text: qsTr("Next")
            onClicked: DiaryController.nextStep()
        }
    }
}
