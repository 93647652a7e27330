import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// The article library: search, what to read next, progress, and every article.
AppPage {
    objectName: "learnLibrary"
    title: qsTr("Learn")

    // A label above rather than a placeholder inside: it wraps (longer languages, large text) and
    // stays visible while typing.
    Label {
        Layout.fillWidth: true
        Layout.bottomMargin: -Theme.spacingS
        text: qsTr("Search articles")
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: Theme.fontBody
        font.bold: true
        Accessible.ignored: true
    }
    TextField {
        objectName: "learnSearchField"
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        text: LearnController.searchText
        onTextEdited: LearnController.searchText = text
        Accessible.name: qsTr("Search articles")
        Accessible.role: Accessible.EditableText
    }

    InfoCard {
        objectName: "readNextCard"
        visible: LearnController.searchText.length === 0 && LearnController.suggestedArticleId.length > 0
        glyph: "\u2726"
        badge: qsTr("Read next")
        title: LearnController.suggestedArticleTitle
        body: LearnController.suggestionReason

        PrimaryButton {
            objectName: "readNextButton"
            text: qsTr("Read")
            Accessible.description: qsTr("Opens the suggested article")
            onClicked: LearnController.showArticle(LearnController.suggestedArticleId)
        }
    }

    BodyText {
        objectName: "learnProgress"
        color: Theme.textMuted
        text: qsTr("%1 of %2 articles read. Understanding checks passed: %3 of %4.")
            .arg(LearnController.readCount).arg(LearnController.articles.count)
            .arg(LearnController.teachBackPassedCount).arg(LearnController.teachBackTotal)
        visible: LearnController.searchText.length === 0
    }

    BodyText {
        objectName: "learnNoResults"
        visible: LearnController.searchText.length > 0 && LearnController.articles.count === 0
        text: qsTr("No article matches your search. Try fewer or different words.")
    }

    Repeater {
        model: LearnController.articles
        delegate: ArticleCard {}
    }
}
