import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// First run: choose a passphrase (twice, with live strength feedback) and create the profile.
AppPage {
    id: page

    readonly property bool canCreate: form.ready && !ProfileController.busy

    function submit() {
        if (!page.canCreate) return
        ProfileController.createProfile(form.passphrase, form.confirmation)
        form.clear()
    }

    objectName: "createProfilePage"
    title: qsTr("Welcome to Companion")
    Component.onCompleted: form.focusFirst()

    BodyText {
        text: qsTr("Companion keeps what you write encrypted on this device. Choose a passphrase to protect it. A few unrelated words are easy to remember and hard to guess.")
    }

    NewPassphraseFields {
        id: form
        label: qsTr("Passphrase")
        onAccepted: page.submit()
    }

    InfoCard {
        glyph: "\u26A0"
        accent: Theme.warning
        title: qsTr("There is no reset without your recovery key")
        body: qsTr("Nobody, not us and not your clinic, can look up or reset your passphrase. Next you will get a recovery key: keep it somewhere safe. Without the passphrase or the recovery key, your data cannot be opened.")
    }

    ErrorBanner {
        objectName: "createError"
        text: ProfileController.errorMessage
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM

        PrimaryButton {
            objectName: "createButton"
            text: qsTr("Create profile")
            enabled: page.canCreate
            onClicked: page.submit()
        }
        BusyIndicator {
            objectName: "createBusy"
            running: ProfileController.busy
            visible: running
            Accessible.name: qsTr("Creating your profile")
        }
    }
}
