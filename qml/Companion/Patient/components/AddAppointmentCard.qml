import QtQuick
import Companion.Core
import Companion.Ui
import Companion.Patient

// Adds an infusion appointment (the clinic's own appointments arrive through sync later).
InfoCard {
    objectName: "addAppointmentCard"
    glyph: "+"
    title: PlanController.hasAppointments ? qsTr("Add another infusion") : qsTr("Add your next infusion")

    DateTimeFields {
        id: newFields
    }
    PrimaryButton {
        objectName: "addAppointmentButton"
        tone: PlanController.hasAppointments ? "secondary" : "primary"
        enabled: newFields.date.length > 0 && newFields.time.length > 0
        text: qsTr("Add infusion")
        onClicked: if (PlanController.addAppointment(newFields.date, newFields.time)) { newFields.date = ""; newFields.time = "" }
    }
}
