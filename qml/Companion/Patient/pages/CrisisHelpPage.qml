import QtQuick
import Companion.Core
import Companion.Ui
import Companion.Patient

// Crisis help. Calm, plain words, one tap to call or text. The numbers come from the clinic's
// protocol, or the device country's national lines until a clinic sets its own; the clinic's
// review window is said plainly, and "tell my clinic now" records an urgent flag.
AppPage {
    id: page

    objectName: "crisisHelpPage"
    title: qsTr("Get help now")

    BodyText {
        objectName: "crisisIntro"
        font.pixelSize: Theme.fontLarge
        text: SafetyController.trigger === "item9"
              ? qsTr("You told us you have had thoughts of being better off dead or of hurting yourself. You deserve help right now, and you do not have to wait.")
              : qsTr("You don't have to handle this alone. Reaching out right now is the right thing to do.")
    }

    Repeater {
        model: SafetyController.numbers
        CrisisNumberCard {
            required property var modelData
            line: modelData
        }
    }

    InfoCard {
        objectName: "tellClinicCard"
        visible: SafetyController.canTellClinic || SafetyController.toldClinic
        glyph: "\u2691"
        title: qsTr("Tell my clinic now")
        body: SafetyController.toldClinic
              ? SafetyController.toldClinicText
              : SafetyController.clinicAlertsOn
                ? qsTr("Sends an urgent flag to your care team the next time this device connects.")
                : qsTr("Your clinic has not switched on alerts from Companion. This records the moment in your diary so you can talk about it; please also call.")
        PrimaryButton {
            objectName: "tellClinicButton"
            visible: SafetyController.canTellClinic
            tone: "secondary"
            text: qsTr("Tell my clinic now")
            onClicked: SafetyController.tellClinic()
        }
    }

    BodyText {
        objectName: "reviewWindowText"
        color: Theme.textMuted
        text: SafetyController.reviewWindowText
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("If this device cannot place calls, dial the number from any phone.")
    }
}
