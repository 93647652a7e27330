import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui
import Companion.CareTeamCore

// Who is signed in, when the console last pulled, "Pull now" and "Lock", and pull errors.
ColumnLayout {
    Layout.fillWidth: true
    spacing: Theme.spacingS

    BodyText {
        objectName: "signedInText"
        color: Theme.textMuted
        text: qsTr("%1, %2").arg(CareTeam.therapistName).arg(CareTeam.clinicName)
    }
    BodyText {
        objectName: "lastPulledText"
        text: CareTeam.pulling ? qsTr("Pulling new entries…") : CareTeam.lastPulledText
    }
    ErrorBanner {
        objectName: "pullError"
        text: CareTeam.pullError
    }
    ErrorBanner {
        objectName: "accessEnded"
        text: CareTeam.accessEndedText
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        PrimaryButton {
            objectName: "pullNowButton"
            width: Math.min(implicitWidth, parent.width)
            text: qsTr("Pull now")
            enabled: !CareTeam.pulling
            onClicked: CareTeam.pullNow()
        }
        PrimaryButton {
            objectName: "lockButton"
            width: Math.min(implicitWidth, parent.width)
            tone: "secondary"
            text: qsTr("Lock")
            onClicked: CareTeam.lock()
        }
        BusyIndicator {
            running: CareTeam.pulling
            visible: running
            Accessible.name: qsTr("Pulling")
        }
    }
}
