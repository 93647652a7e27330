import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui
import Companion.CareTeamCore

// The lock screen: the passphrase opens this computer's care-team profile.
AppPage {
    id: page

    function submit() {
        if (passphrase.text.length === 0 || CareTeam.busy) return
        CareTeam.unlock(passphrase.text)
        passphrase.clear()
    }

    objectName: "careTeamUnlockPage"
    title: qsTr("Care-team console")

    BodyText { text: qsTr("Enter your passphrase to unlock.") }

    PassphraseField {
        id: passphrase
        objectName: "careTeamUnlockField"
        focus: true
        accessibleName: qsTr("Passphrase")
        onAccepted: page.submit()
    }

    ErrorBanner {
        objectName: "careTeamUnlockError"
        text: CareTeam.errorMessage
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        PrimaryButton {
            objectName: "careTeamUnlockButton"
            text: qsTr("Unlock")
            enabled: passphrase.text.length > 0 && !CareTeam.busy
            onClicked: page.submit()
        }
        BusyIndicator {
            running: CareTeam.busy
            visible: running
            Accessible.name: qsTr("Unlocking")
        }
    }
}
