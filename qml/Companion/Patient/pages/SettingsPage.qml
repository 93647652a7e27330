import QtQuick
import Companion.Ui
import Companion.Patient

// Settings: name, appearance, security, about. Each section is its own component.
AppPage {
    objectName: "settingsPage"
    title: qsTr("Settings")

    NameSection {}
    AppearanceSection {}
    SecuritySection {}
    RemindersSection {}
    AboutSection {}
}
