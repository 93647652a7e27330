import QtQuick
import Companion.CareTeamCore

// Picks the page from the session: enrol on first run, unlock, the recovery key once after
// enrolment, then the patients list or one patient.
Item {
    id: root

    readonly property url page: CareTeam.state === CareTeam.NeedsEnrolment ? "../pages/EnrolPage.qml"
        : CareTeam.state === CareTeam.Locked ? "../pages/UnlockPage.qml"
        : CareTeam.recoveryKeyText.length > 0 ? "../pages/RecoveryKeyPage.qml"
        : CareTeam.patient.open ? "../pages/PatientPage.qml"
        : "../pages/PatientsPage.qml"

    Loader {
        objectName: "careTeamPageLoader"
        anchors.fill: parent
        focus: true
        source: root.page
    }
}
