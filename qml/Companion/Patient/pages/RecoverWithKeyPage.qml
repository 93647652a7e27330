import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Forgot the passphrase: the recovery key opens the profile and a new passphrase is set at once.
AppPage {
    id: page

    readonly property bool canSubmit: keyField.text.trim().length > 0 && form.ready
                                      && !ProfileController.busy

    function submit() {
        if (!page.canSubmit) return
        ProfileController.recoverWithKey(keyField.text, form.passphrase, form.confirmation)
        keyField.clear(); form.clear()
    }

    objectName: "recoverWithKeyPage"
    title: qsTr("Use your recovery key")

    BodyText {
        text: qsTr("Enter the recovery key you saved when you set up Companion, then choose a new passphrase. You will get a new recovery key afterwards.")
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Recovery key")
        wrapMode: Text.Wrap
        color: Theme.text
        font.bold: true
    }
    TextField {
        id: keyField
        objectName: "recoveryKeyField"
        focus: true
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        font.family: Theme.monoFamily
        font.pixelSize: Theme.fontBody
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        selectByMouse: true
        Accessible.name: qsTr("Recovery key")
        onAccepted: form.focusFirst()
    }

    NewPassphraseFields {
        id: form
        Layout.topMargin: Theme.spacingS
        onAccepted: page.submit()
    }

    ErrorBanner {
        objectName: "recoverError"
        text: ProfileController.errorMessage
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        PrimaryButton {
            objectName: "recoverButton"
            text: qsTr("Set new passphrase and unlock")
            enabled: page.canSubmit
            onClicked: page.submit()
        }
        BusyIndicator {
            running: ProfileController.busy
            visible: running
            Accessible.name: qsTr("Checking your recovery key")
        }
    }

    PrimaryButton {
        objectName: "recoverBackButton"
        tone: "secondary"
        text: qsTr("Back")
        onClicked: { ProfileController.clearError(); Navigation.recovering = false }
    }
}
