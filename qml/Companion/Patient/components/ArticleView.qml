import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// One article, rendered natively from Markdown (links to other articles open in place).
AppPage {
    objectName: "articleView"
    // The body starts with its own heading; the title names the page for screen readers.
    title: LearnController.articleTitle
    showHeading: false

    PrimaryButton {
        objectName: "articleBackButton"
        tone: "secondary"
        text: qsTr("Back to all articles")
        onClicked: LearnController.closeArticle()
    }

    Label {
        visible: LearnController.articleFromClinic
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.primary
        font.bold: true
        text: qsTr("From your clinic")
    }
    Label {
        visible: LearnController.articleShownInEnglish
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.textMuted
        text: qsTr("This article is not translated yet, so it is shown in English.")
    }

    Text {
        objectName: "articleBody"
        Layout.fillWidth: true
        text: LearnController.articleBody
        textFormat: Text.MarkdownText
        wrapMode: Text.Wrap
        color: Theme.text
        linkColor: Theme.primary
        font.pixelSize: Theme.fontBody
        onLinkActivated: link => LearnController.followLink(link)
        Accessible.role: Accessible.StaticText
        Accessible.name: LearnController.articleTitle
    }

    InfoCard {
        visible: LearnController.articleHasTeachBack
        title: LearnController.articleTeachBackPassed
               ? qsTr("You passed this check") : qsTr("Check what you learned")
        body: qsTr("A few short questions, so you and your clinic know the key points are clear before your first infusion.")

        PrimaryButton {
            objectName: "startTeachBackButton"
            text: LearnController.articleTeachBackPassed ? qsTr("Take it again") : qsTr("Start")
            onClicked: LearnController.startTeachBack(LearnController.openArticleId)
        }
    }
}
