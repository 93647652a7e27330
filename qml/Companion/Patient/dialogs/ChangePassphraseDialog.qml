import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Change the passphrase: current, new twice (with strength feedback). Closes when the controller
// reports success; otherwise its error message stays visible. Fields are cleared after each try.
AppDialog {
    id: dialog

    readonly property bool canSubmit: current.text.length > 0 && form.ready && !ProfileController.busy

    function submit() {
        if (!dialog.canSubmit) return
        ProfileController.changePassphrase(current.text, form.passphrase, form.confirmation)
        current.clear(); form.clear()
    }

    objectName: "changePassphraseDialog"
    title: qsTr("Change passphrase")
    acceptText: qsTr("Change passphrase")
    acceptEnabled: dialog.canSubmit
    acceptObjectName: "changePassphraseSubmit"
    cancelObjectName: "changePassphraseCancel"
    onAcceptClicked: dialog.submit()

    onAboutToShow: ProfileController.clearError()

    Connections {
        target: ProfileController
        function onPassphraseChangeFinished(succeeded: bool) { if (succeeded) dialog.close() }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacingS

            Label {
                Layout.fillWidth: true
                text: qsTr("Current passphrase")
                wrapMode: Text.Wrap
                color: Theme.text
                font.bold: true
            }
            PassphraseField {
                id: current
                objectName: "currentPassphraseField"
                focus: true
                accessibleName: qsTr("Current passphrase")
                onAccepted: form.focusFirst()
            }
            NewPassphraseFields {
                id: form
                Layout.topMargin: Theme.spacingS
                onAccepted: dialog.submit()
            }
            ErrorBanner {
                objectName: "changePassphraseError"
                text: ProfileController.errorMessage
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: ProfileController.busy
                visible: running
                Accessible.name: qsTr("Changing passphrase")
            }
        }
    }
}
