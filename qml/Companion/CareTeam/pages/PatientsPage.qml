pragma ComponentBehavior: Bound
import QtQuick
import Companion.Ui
import Companion.CareTeam
import Companion.CareTeamCore

// The patients who share with you, most urgent first, with what needs attention.
AppPage {
    objectName: "careTeamPatientsPage"
    title: qsTr("Patients")

    PullBar {}

    BodyText {
        objectName: "noPatientsText"
        visible: CareTeam.patients.count === 0
        color: Theme.textMuted
        text: qsTr("No patient shares entries with you yet. Pull to check for new ones.")
    }

    Repeater {
        model: CareTeam.patients
        PatientRow {}
    }
}
