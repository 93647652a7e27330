import QtQuick
import Companion.Ui
import Companion.Patient

// Crisis help. Calm, plain words, one tap to call or text. Numbers are the US defaults until the
// clinic's own numbers arrive with its protocol.
AppPage {
    id: page

    objectName: "crisisHelpPage"
    title: qsTr("Get help now")

    BodyText {
        font.pixelSize: Theme.fontLarge
        text: qsTr("You don't have to handle this alone. Reaching out right now is the right thing to do.")
    }

    InfoCard {
        glyph: "\u260E"
        accent: Theme.danger
        title: qsTr("If you are in immediate danger")
        body: qsTr("Call emergency services now. In the US, call 911.")
        CrisisCallButton {
            objectName: "call911Button"
            tone: "danger"
            text: qsTr("Call 911")
            url: "tel:911"
        }
    }

    InfoCard {
        glyph: "\u260E"
        title: qsTr("Talk to someone now")
        body: qsTr("Call or text 988 to reach the 988 Suicide & Crisis Lifeline (US). It is free, confidential and open day and night.")
        CrisisCallButton {
            objectName: "call988Button"
            text: qsTr("Call 988")
            url: "tel:988"
        }
        CrisisCallButton {
            objectName: "text988Button"
            tone: "secondary"
            text: qsTr("Text 988")
            url: "sms:988"
        }
    }

    InfoCard {
        title: qsTr("Your clinic")
        body: qsTr("Your clinic's own numbers will appear here once your clinic is connected.")
    }

    BodyText {
        color: Theme.textMuted
        text: qsTr("This app is not monitored around the clock. Nobody sees what you enter here in real time, so in an emergency please call. If this device cannot place calls, dial the number from any phone.")
    }
}
