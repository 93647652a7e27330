pragma ComponentBehavior: Bound
import QtQuick
import Companion.Core
import Companion.Ui
import Companion.Patient

// For Today, before the next infusion: the last intention and the latest insights from the
// journal. Hidden when there is nothing to carry forward.
InfoCard {
    objectName: "journalCarryForwardCard"
    visible: JournalController.hasCarryForward
    glyph: "\u270D"
    title: qsTr("From your journal")

    BodyText {
        objectName: "carryForwardIntention"
        visible: JournalController.lastIntention.length > 0
        textFormat: Text.PlainText
        text: qsTr("Your last intention: %1").arg(JournalController.lastIntention)
    }
    BodyText {
        visible: JournalController.recentInsights.length > 0
        font.bold: true
        text: qsTr("Recent insights")
    }
    Repeater {
        model: JournalController.recentInsights
        BodyText {
            required property string modelData
            textFormat: Text.PlainText
            text: "\u2022 " + modelData
        }
    }
    PrimaryButton {
        objectName: "openJournalButton"
        tone: "secondary"
        text: qsTr("Open journal")
        onClicked: Navigation.go(4)
    }
}
