import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Settings: version and where the encrypted profile lives.
ColumnLayout {
    Layout.fillWidth: true
    spacing: Theme.spacingS

    SectionHeading { text: qsTr("About") }
    BodyText {
        objectName: "versionText"
        text: Qt.application.version.length > 0
              ? qsTr("Companion, version %1").arg(Qt.application.version) : qsTr("Companion")
    }
    BodyText { text: qsTr("Your encrypted profile is stored in this folder:") }
    TextEdit {
        objectName: "profileDirectoryText"
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
    BodyText {
        color: Theme.textMuted
        text: qsTr("Companion supports your care; it does not replace advice from your care team. In an emergency, call your local emergency number.")
    }
}
