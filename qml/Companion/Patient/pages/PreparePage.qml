import QtQuick
import Companion.Core
import Companion.Ui
import Companion.Patient

// Preparing for an infusion: the course of appointments, the selected one's checklist (from the
// clinic's protocol) with the fasting countdown, the ride home, and the intention carried over
// from the journal.
AppPage {
    id: page

    objectName: "preparePage"
    title: qsTr("Prepare")

    ErrorBanner {
        objectName: "planError"
        text: PlanController.errorMessage
    }

    AppointmentCard {}

    InfoCard {
        objectName: "fastingCard"
        visible: PlanController.fastingText.length > 0
        glyph: "\u23F1"
        accent: Theme.warning
        title: qsTr("Fasting")
        body: PlanController.fastingText
    }

    JournalCarryForwardCard {}

    ChecklistCard {
        visible: PlanController.selectedId.length > 0
    }

    RidePlanCard {
        visible: PlanController.selectedId.length > 0
    }

    AddAppointmentCard {}
}
