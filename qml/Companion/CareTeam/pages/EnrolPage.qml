import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui
import Companion.CareTeam
import Companion.CareTeamCore

// First run: enrol this computer with the code and fingerprint the clinic gave you, and choose
// the passphrase that locks your care-team profile.
AppPage {
    id: page

    function submit() {
        if (!page.ready || CareTeam.busy) return
        CareTeam.enrol(server.text, code.text, fingerprint.text, passphrase.text, confirmation.text)
        passphrase.clear()
        confirmation.clear()
    }

    readonly property bool ready: server.text.length > 0 && code.text.length > 0
                                  && fingerprint.text.length > 0 && passphrase.text.length > 0
                                  && confirmation.text.length > 0

    objectName: "careTeamEnrolPage"
    title: qsTr("Set up the care-team console")

    BodyText {
        text: qsTr("Your clinic gave you an enrolment code and the clinic key's fingerprint. The code works once.")
    }

    LabelledField {
        id: server
        objectName: "enrolServerField"
        label: qsTr("Clinic server address")
        placeholderText: "https://clinic.example.org"
    }
    LabelledField {
        id: code
        objectName: "enrolCodeField"
        label: qsTr("Enrolment code")
    }
    LabelledField {
        id: fingerprint
        objectName: "enrolFingerprintField"
        label: qsTr("Clinic key fingerprint")
    }

    SectionHeading { text: qsTr("Choose a passphrase") }
    BodyText {
        text: qsTr("It locks the patients' entries on this computer. A few unrelated words work well.")
    }
    PassphraseField {
        id: passphrase
        objectName: "enrolPassphraseField"
        accessibleName: qsTr("New passphrase")
    }
    StrengthMeter {
        objectName: "enrolStrength"
        visible: passphrase.text.length > 0
        assessment: CareTeam.assessPassphrase(passphrase.text)
    }
    PassphraseField {
        id: confirmation
        objectName: "enrolConfirmField"
        accessibleName: qsTr("Repeat the passphrase")
        onAccepted: page.submit()
    }

    ErrorBanner {
        objectName: "enrolError"
        text: CareTeam.errorMessage
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        PrimaryButton {
            objectName: "enrolButton"
            text: qsTr("Enrol")
            enabled: page.ready && !CareTeam.busy
            onClicked: page.submit()
        }
        BusyIndicator {
            running: CareTeam.busy
            visible: running
            Accessible.name: qsTr("Enrolling")
        }
    }
}
