import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Confirms "delete everything" by a typed word; the choice "only this device" leaves the
// clinic's copy (for when the clinic cannot be reached, or it was deleted from another device).
AppDialog {
    id: dialog

    objectName: "deleteEverythingDialog"
    title: qsTr("Delete everything?")
    acceptText: qsTr("Delete everything")
    acceptEnabled: DeleteEverythingController.isConfirmation(wordField.text)
                   && !DeleteEverythingController.busy
    acceptObjectName: "deleteEverythingConfirm"
    cancelObjectName: "deleteEverythingCancel"
    onOpened: {
        wordField.text = ""
        DeleteEverythingController.clearError()
        wordField.forceActiveFocus()
    }
    onAcceptClicked: {
        DeleteEverythingController.deleteEverything(wordField.text, localOnly.checked)
        dialog.close()
    }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: Theme.spacingS

        BodyText {
            text: qsTr("Everything in Companion on this device and at your clinic's server is deleted for good. Then Companion starts as new.")
        }
        BodyText {
            text: qsTr("Type %1 to confirm.").arg(DeleteEverythingController.confirmationWord)
        }
        TextField {
            id: wordField
            objectName: "deleteEverythingWord"
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            inputMethodHints: Qt.ImhNoPredictiveText
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Confirmation word")
        }
        CheckBox {
            id: localOnly
            objectName: "deleteEverythingLocalOnly"
            Layout.fillWidth: true
            text: qsTr("Only this device (keep the clinic's copy)")
            font.pixelSize: Theme.fontBody
            Accessible.name: text
            // Wraps at 200 % text size instead of eliding.
            contentItem: Label {
                leftPadding: localOnly.indicator.width + localOnly.spacing
                text: localOnly.text
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                verticalAlignment: Text.AlignVCenter
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }
        }
    }
}
