import QtQuick
import Companion.Core
import Companion.Ui
import Companion.Patient

// Today: the next infusion, how far the preparation is, and a way to it.
InfoCard {
    objectName: "nextInfusionCard"
    glyph: "\u2611"
    title: PlanController.hasAppointments ? PlanController.selectedTitle : qsTr("Your infusion plan")
    badge: PlanController.hasAppointments ? PlanController.checklistProgress : ""
    body: PlanController.hasAppointments
          ? PlanController.selectedWhen
          : qsTr("Add your next infusion to get a preparation checklist, a ride plan and reminders.")

    BodyText {
        visible: PlanController.fastingText.length > 0
        font.bold: true
        text: PlanController.fastingText
    }
    PrimaryButton {
        objectName: "openPrepareButton"
        tone: "secondary"
        text: PlanController.hasAppointments ? qsTr("Open preparation") : qsTr("Plan an infusion")
        onClicked: Navigation.go(2)
    }
}
