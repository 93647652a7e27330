import QtQuick
import Companion.Ui
import Companion.CareTeamCore

// The one-page PDF report and the FHIR R4 export, to a file named here (a new file only; it is
// readable only by you).
InfoCard {
    id: card

    objectName: "reportCard"
    title: qsTr("Reports")

    LabelledField {
        id: pdfPath
        objectName: "pdfPathField"
        label: qsTr("PDF report file")
        text: CareTeam.patient.suggestedPath("pdf")
    }
    PrimaryButton {
        objectName: "savePdfButton"
        text: qsTr("Save PDF report")
        enabled: pdfPath.text.length > 0
        onClicked: CareTeam.patient.savePdfReport(pdfPath.text)
    }
    LabelledField {
        id: fhirPath
        objectName: "fhirPathField"
        label: qsTr("FHIR export file")
        text: CareTeam.patient.suggestedPath("fhir")
    }
    PrimaryButton {
        objectName: "exportFhirButton"
        text: qsTr("Export FHIR")
        enabled: fhirPath.text.length > 0
        onClicked: CareTeam.patient.exportFhir(fhirPath.text)
    }
    BodyText {
        objectName: "reportMessage"
        visible: text.length > 0
        color: Theme.success
        text: CareTeam.patient.reportMessage
    }
}
