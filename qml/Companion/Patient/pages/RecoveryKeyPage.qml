import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Shown once, right after the profile is created or the passphrase was reset with the old key.
AppPage {
    id: page

    objectName: "recoveryKeyPage"
    title: qsTr("Your recovery key")

    BodyText {
        text: qsTr("If you ever forget your passphrase, this key is the only way back in. Write it down on paper or save it in a password manager, and keep it private.")
    }
    BodyText {
        font.bold: true
        text: qsTr("It is shown only this once.")
    }

    Pane {
        Layout.fillWidth: true
        padding: Theme.spacingL
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.width: Theme.borderWidth
            border.color: Theme.border
        }
        contentItem: TextEdit {
            objectName: "recoveryKeyText"
            text: ProfileController.recoveryKeyText
            textFormat: TextEdit.PlainText
            readOnly: true
            selectByMouse: true
            selectByKeyboard: true
            activeFocusOnPress: true
            wrapMode: TextEdit.Wrap
            horizontalAlignment: TextEdit.AlignHCenter
            color: Theme.text
            selectionColor: Theme.primary
            selectedTextColor: Theme.primaryInk
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontLarge
            font.letterSpacing: 1
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Recovery key")
            Accessible.description: text
        }
    }

    CheckBox {
        id: stored
        objectName: "storedCheckBox"
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        text: qsTr("I have written it down or stored it safely")
        Accessible.name: text
        // The label wraps instead of being cut off (longer languages, large text).
        contentItem: Text {
            text: stored.text
            font: stored.font
            color: stored.enabled ? Theme.text : Theme.disabledText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
            leftPadding: stored.indicator.width + stored.spacing
        }
    }

    PrimaryButton {
        objectName: "continueButton"
        text: qsTr("Continue")
        enabled: stored.checked
        Accessible.description: qsTr("The key will not be shown again")
        onClicked: ProfileController.acknowledgeRecoveryKey()
    }
}
