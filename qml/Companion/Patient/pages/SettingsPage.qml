import QtQuick
import Companion.Ui
import Companion.Patient

// Settings: name, appearance, language, security, clinic, reminders, your summary, delete everything, about. Each section is its own component.
AppPage {
    objectName: "settingsPage"
    title: qsTr("Settings")

    NameSection {}
    AppearanceSection {}
    LanguageSection {}
    SecuritySection {}
    ClinicSection {}
    RemindersSection {}
    SummarySection {}
    DeleteEverythingSection {}
    AboutSection {}
}
