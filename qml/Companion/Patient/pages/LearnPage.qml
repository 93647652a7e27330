import QtQuick
import Companion.Core
import Companion.Patient

// Learn: the library, an open article, or a teach-back check. Which one is LearnController's
// state, so this page only picks the view.
FocusScope {
    id: page
    objectName: "learnPage"

    Loader {
        anchors.fill: parent
        focus: true
        sourceComponent: LearnController.teachBackModule.length > 0 ? teachBackComponent
            : LearnController.openArticleId.length > 0 ? articleComponent
            : libraryComponent
    }

    Component {
        id: libraryComponent
        LearnLibraryView {}
    }
    Component {
        id: articleComponent
        ArticleView {}
    }
    Component {
        id: teachBackComponent
        TeachBackView {}
    }
}
