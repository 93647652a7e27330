pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Companion.Ui
import Companion.CareTeam
import Companion.CareTeamCore

// One patient: what needs attention, instrument trends, the shared entries, what the console
// cannot see any more, and the reports.
AppPage {
    objectName: "careTeamPatientPage"
    title: CareTeam.patient.label

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        PrimaryButton {
            objectName: "backToPatientsButton"
            width: Math.min(implicitWidth, parent.width)
            tone: "secondary"
            text: qsTr("Back to patients")
            onClicked: CareTeam.closePatient()
        }
        PrimaryButton {
            objectName: "patientLockButton"
            width: Math.min(implicitWidth, parent.width)
            tone: "secondary"
            text: qsTr("Lock")
            onClicked: CareTeam.lock()
        }
    }

    ErrorBanner {
        objectName: "patientError"
        text: CareTeam.patient.errorMessage
    }
    BodyText {
        objectName: "replyMessage"
        visible: text.length > 0
        text: CareTeam.replyMessage
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }

    Repeater {
        model: CareTeam.patient.flags
        BodyText {
            required property string modelData
            font.bold: true
            text: modelData
        }
    }

    SectionHeading {
        visible: CareTeam.patient.series.length > 0
        text: qsTr("Questionnaire trends")
    }
    Repeater {
        model: CareTeam.patient.series
        InstrumentChartCard {}
    }

    SectionHeading { text: qsTr("Shared entries") }
    BodyText {
        objectName: "noEntriesText"
        visible: CareTeam.patient.timeline.count === 0
        color: Theme.textMuted
        text: qsTr("No readable shared entries.")
    }
    Repeater {
        model: CareTeam.patient.timeline
        TimelineEntryItem {}
    }

    NotVisibleCard {}
    ReportCard {}
}
