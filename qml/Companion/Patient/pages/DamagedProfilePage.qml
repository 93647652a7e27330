import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// The profile failed its integrity check. Explain plainly; never repair or change anything.
AppPage {
    id: page

    objectName: "damagedProfilePage"
    title: qsTr("Your profile could not be opened safely")

    BodyText {
        text: qsTr("Companion checks your encrypted profile every time it opens. This time the check failed: the files may be damaged, or someone may have changed them.")
    }
    BodyText {
        font.bold: true
        text: qsTr("Nothing was changed or repaired. The files are exactly as they were found.")
    }

    ErrorBanner {
        objectName: "damagedError"
        text: ProfileController.errorMessage
    }

    InfoCard {
        title: qsTr("Where the files are")
        TextEdit {
            objectName: "damagedDirectoryText"
            Layout.fillWidth: true
            text: ProfileController.profileDirectory
            textFormat: TextEdit.PlainText
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            color: Theme.text
            selectionColor: Theme.primary
            selectedTextColor: Theme.primaryInk
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontSmall
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Profile folder")
            Accessible.description: text
        }
    }

    SectionHeading { text: qsTr("What you can do") }

    PrimaryButton {
        objectName: "retryButton"
        Layout.maximumWidth: Theme.maxContentWidth
        text: qsTr("Try my passphrase again")
        onClicked: { ProfileController.clearError(); Navigation.retrying = true }
    }
    PrimaryButton {
        objectName: "damagedRecoveryButton"
        Layout.maximumWidth: Theme.maxContentWidth
        tone: "secondary"
        text: qsTr("Use my recovery key")
        onClicked: { ProfileController.clearError(); Navigation.recovering = true }
    }
    BodyText {
        text: qsTr("You can also contact your clinic. They can help you decide what to do next, for example restoring from a backup or starting a fresh profile. Keep the folder above as it is until then.")
    }
}
