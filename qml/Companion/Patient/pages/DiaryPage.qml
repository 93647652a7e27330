import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// The diary: what is due, recent entries and trends; the check-in and after-infusion forms and
// questionnaires replace the overview while open. "I'm not safe right now" stays pinned below
// every one of them, one tap away.
AppPage {
    id: page

    readonly property bool questionnaireOpen: QuestionnaireController.active
    readonly property bool editorOpen: DiaryController.editorKind.length > 0

    objectName: "diaryPage"
    title: page.questionnaireOpen ? QuestionnaireController.title
           : page.editorOpen ? DiaryController.editorTitle : qsTr("Diary")

    ErrorBanner {
        objectName: "diaryError"
        text: DiaryController.errorMessage.length > 0 ? DiaryController.errorMessage
                                                       : QuestionnaireController.errorMessage
    }

    Loader {
        objectName: "questionnaireLoader"
        Layout.fillWidth: true
        active: page.questionnaireOpen
        visible: active
        sourceComponent: QuestionnaireView {}
    }

    Loader {
        objectName: "diaryEditorLoader"
        Layout.fillWidth: true
        active: page.editorOpen && !page.questionnaireOpen
        visible: active
        sourceComponent: DiaryEditor {}
    }

    Loader {
        objectName: "diaryOverviewLoader"
        Layout.fillWidth: true
        active: !page.editorOpen && !page.questionnaireOpen
        visible: active
        sourceComponent: DiaryOverview {}
    }

    footer: CrisisFooter {}
}
