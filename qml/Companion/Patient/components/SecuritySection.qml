import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Settings: auto-lock delay, change passphrase, new recovery key, lock now.
ColumnLayout {
    id: section

    Layout.fillWidth: true
    spacing: Theme.spacingS

    SectionHeading { text: qsTr("Security") }

    Label {
        Layout.fillWidth: true
        text: qsTr("Lock automatically after this long without use")
        wrapMode: Text.Wrap
        color: Theme.text
        font.bold: true
    }
    AutoLockChooser {}

    BodyText {
        Layout.topMargin: Theme.spacingS
        color: Theme.textMuted
        text: qsTr("Companion also locks when you leave it in the background for that long.")
    }

    // Side by side when they fit; a button wider than the page wraps its label instead.
    Flow {
        id: buttons
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        spacing: Theme.spacingM

        PrimaryButton {
            objectName: "changePassphraseButton"
            width: Math.min(implicitWidth, buttons.width)
            tone: "secondary"
            text: qsTr("Change passphrase")
            onClicked: changePassphraseDialog.show()
        }
        PrimaryButton {
            objectName: "newRecoveryKeyButton"
            width: Math.min(implicitWidth, buttons.width)
            tone: "secondary"
            text: qsTr("New recovery key")
            Accessible.description: qsTr("Makes a new recovery key and shows it once; the old one stops working")
            onClicked: newRecoveryKeyDialog.show()
        }
        PrimaryButton {
            objectName: "lockNowButton"
            width: Math.min(implicitWidth, buttons.width)
            text: qsTr("Lock now")
            Accessible.description: qsTr("Locks Companion; you will need your passphrase to open it again")
            onClicked: ProfileController.lock()
        }
    }

    DialogLoader {
        id: changePassphraseDialog
        sourceComponent: ChangePassphraseDialog {}
    }
    DialogLoader {
        id: newRecoveryKeyDialog
        sourceComponent: NewRecoveryKeyDialog {}
    }
}
