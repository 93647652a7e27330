import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// The lock screen. Neutral by design: nothing here says what the app is for.
AppPage {
    id: page

    // From the damaged page ("try my passphrase again"): offer the way back to its explanation.
    readonly property bool showBack: ProfileController.state === ProfileController.Damaged

    function submit() {
        if (passphrase.text.length === 0 || ProfileController.busy) return
        ProfileController.unlock(passphrase.text)
        passphrase.clear()
    }

    objectName: "unlockPage"
    title: qsTr("Companion")

    BodyText { text: qsTr("Enter your passphrase to unlock.") }

    PassphraseField {
        id: passphrase
        objectName: "unlockPassphraseField"
        focus: true
        accessibleName: qsTr("Passphrase")
        onAccepted: page.submit()
    }

    ErrorBanner {
        objectName: "unlockError"
        text: ProfileController.errorMessage
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM

        PrimaryButton {
            objectName: "unlockButton"
            text: qsTr("Unlock")
            enabled: passphrase.text.length > 0 && !ProfileController.busy
            onClicked: page.submit()
        }
        BusyIndicator {
            objectName: "unlockBusy"
            running: ProfileController.busy
            visible: running
            Accessible.name: qsTr("Unlocking")
        }
    }

    PrimaryButton {
        objectName: "forgotButton"
        tone: "secondary"
        text: qsTr("Forgot your passphrase? Use your recovery key")
        onClicked: { ProfileController.clearError(); Navigation.recovering = true }
    }

    PrimaryButton {
        objectName: "unlockBackButton"
        visible: page.showBack
        tone: "secondary"
        text: qsTr("Back")
        onClicked: Navigation.retrying = false
    }
}
