import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// The diary: what is due, recent entries and trends; the check-in and after-infusion forms and
// questionnaires replace the overview while open. "I'm not safe right now" stays pinned below
// every one of them, one tap away.
//
// The page's scrolling view is the list of recent entries (AppListPage, issue 8): the cards, or
// the open form, are the list's header, and only the entries on screen exist as items.
AppListPage {
    id: page

    readonly property bool questionnaireOpen: QuestionnaireController.active
    readonly property bool editorOpen: DiaryController.editorKind.length > 0
    readonly property bool overviewOpen: !page.editorOpen && !page.questionnaireOpen

    objectName: "diaryPage"
    title: page.questionnaireOpen ? QuestionnaireController.title
           : page.editorOpen ? DiaryController.editorTitle : qsTr("Diary")
    // The entries are rows only under the overview; an open form has none below it.
    model: page.overviewOpen ? DiaryController.entryModel : null
    listObjectName: "diaryEntryList"
    listName: page.overviewOpen ? qsTr("Recent entries") : page.title
    onRowActivated: (row) => DiaryController.startEditAt(row)
    // A form opening or closing changes what is listed: show it from its top.
    onOverviewOpenChanged: page.showTop()

    headerContent: ColumnLayout {
        spacing: Theme.spacingL

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
            active: page.overviewOpen
            visible: active
            sourceComponent: DiaryOverview {}
        }
    }

    delegate: DiaryEntryItem {
        required property int index

        x: page.rowX
        width: page.rowWidth
        current: ListView.isCurrentItem && page.listFocused
        onFocusedInside: page.showRow(index)
    }

    footer: CrisisFooter {}
}
