pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// The course of appointments (series, then boosters) to choose from, and the chosen one: when,
// when to arrive, move or cancel it.
InfoCard {
    id: card

    property bool moving: false

    objectName: "appointmentCard"
    glyph: "\u2611"
    title: PlanController.hasAppointments ? PlanController.selectedTitle : qsTr("No infusion planned yet")
    body: PlanController.hasAppointments
          ? PlanController.selectedWhen
          : qsTr("Add your next infusion below. Companion then builds your preparation checklist from your clinic's instructions and reminds you in time.")

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        visible: PlanController.appointments.length > 1
        Repeater {
            model: PlanController.appointments
            ChoiceButton {
                required property var modelData
                required property int index
                objectName: "appointment_" + index
                width: Math.min(implicitWidth, parent.width)
                text: modelData.cancelled ? qsTr("%1 (cancelled)").arg(modelData.whenLabel) : modelData.whenLabel
                checked: modelData.selected
                Accessible.name: qsTr("%1, %2").arg(modelData.title).arg(modelData.whenLabel)
                onClicked: PlanController.select(modelData.id)
            }
        }
    }

    BodyText {
        objectName: "clinicAppointmentNote"
        visible: PlanController.selectedFromClinic
        color: Theme.textMuted
        text: qsTr("Your clinic booked this appointment. To move or cancel it, contact your clinic.")
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        visible: PlanController.selectedEditable && !card.moving
        PrimaryButton {
            objectName: "moveAppointmentButton"
            width: Math.min(implicitWidth, parent.width)
            tone: "secondary"
            text: qsTr("Move")
            onClicked: card.moving = true
        }
        PrimaryButton {
            objectName: "cancelAppointmentButton"
            width: Math.min(implicitWidth, parent.width)
            tone: "secondary"
            text: qsTr("Cancel this appointment")
            onClicked: PlanController.cancelSelected()
        }
    }

    DateTimeFields {
        id: moveFields
        visible: card.moving
        date: PlanController.selectedDate
        time: PlanController.selectedTime
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        visible: card.moving
        PrimaryButton {
            objectName: "confirmMoveButton"
            width: Math.min(implicitWidth, parent.width)
            text: qsTr("Save new time")
            onClicked: if (PlanController.moveSelected(moveFields.date, moveFields.time)) card.moving = false
        }
        PrimaryButton {
            width: Math.min(implicitWidth, parent.width)
            tone: "secondary"
            text: qsTr("Keep the time")
            onClicked: card.moving = false
        }
    }
}
