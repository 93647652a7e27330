import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui
import Companion.CareTeamCore

// Shown once after enrolment: the recovery key opens the profile if the passphrase is lost.
AppPage {
    objectName: "careTeamRecoveryKeyPage"
    title: qsTr("Your recovery key")

    BodyText {
        text: qsTr("You are enrolled with %1. Write this key down and keep it somewhere safe: it opens your care-team profile if you forget your passphrase. It is shown only now.").arg(CareTeam.clinicName)
    }
    TextArea {
        objectName: "recoveryKeyText"
        Layout.fillWidth: true
        readOnly: true
        wrapMode: TextEdit.Wrap
        textFormat: TextEdit.PlainText
        text: CareTeam.recoveryKeyText
        font.family: Theme.monoFamily
        font.pixelSize: Theme.fontLarge
        color: Theme.text
        Accessible.name: qsTr("Recovery key")
    }
    PrimaryButton {
        objectName: "recoveryKeyDoneButton"
        text: qsTr("I have written it down")
        onClicked: CareTeam.acknowledgeRecoveryKey()
    }
}
