import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// The diary's front page: start a check-in or an after-infusion check, questionnaires (due ones
// first), trends, and the heading of the recent entries. The entries themselves are the rows of
// the page's list below this header (DiaryPage), so only those on screen are created.
ColumnLayout {
    spacing: Theme.spacingL

    InfoCard {
        objectName: "diaryDraftCard"
        visible: DiaryController.hasDraft
        glyph: "\u270E"
        title: qsTr("Unfinished entry")
        body: DiaryController.draftSummary
        PrimaryButton {
            objectName: "diaryResumeButton"
            text: qsTr("Continue")
            onClicked: DiaryController.resumeDraft()
        }
        PrimaryButton {
            objectName: "diaryDiscardDraftButton"
            tone: "secondary"
            text: qsTr("Discard it")
            onClicked: DiaryController.discardDraft()
        }
    }

    InfoCard {
        glyph: "\u263A"
        title: qsTr("How are you today?")
        body: qsTr("A check-in takes about 20 seconds. After an infusion, a short check on how your body feels helps your clinic.")
        PrimaryButton {
            objectName: "startCheckInButton"
            text: qsTr("Start a check-in")
            onClicked: DiaryController.startCheckIn()
        }
        PrimaryButton {
            objectName: "startPostInfusionButton"
            tone: "secondary"
            text: qsTr("After my infusion")
            onClicked: DiaryController.startPostInfusion()
        }
    }

    QuestionnaireListCard {}

    TrendsCard {}

    SectionHeading {
        text: qsTr("Recent entries")
    }
    BodyText {
        objectName: "diaryEmptyText"
        visible: DiaryController.entryCount === 0
        color: Theme.textMuted
        text: qsTr("Nothing here yet. Your check-ins and questionnaires will appear here, newest first.")
    }
}
