import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Settings: the name used in greetings (stored inside the encrypted profile).
ColumnLayout {
    Layout.fillWidth: true
    spacing: Theme.spacingS

    SectionHeading { text: qsTr("What should we call you?") }
    BodyText {
        color: Theme.textMuted
        text: qsTr("Used for the greeting on Today. A first name or nickname is fine; leave it empty if you prefer.")
    }
    TextField {
        objectName: "preferredNameField"
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        text: ProfileController.preferredName
        placeholderText: qsTr("Your name or a nickname")
        maximumLength: 80
        selectByMouse: true
        font.pixelSize: Theme.fontBody
        Accessible.name: qsTr("What should we call you?")
        Accessible.description: qsTr("Saved when you press Enter or leave the field")
        onEditingFinished: ProfileController.preferredName = text
    }
}
