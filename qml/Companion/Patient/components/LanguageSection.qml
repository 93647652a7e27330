pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Settings: the app's language (strings, articles and date formats together). Applied at the next
// start, so nothing half-translated is ever on screen.
ColumnLayout {
    Layout.fillWidth: true
    spacing: Theme.spacingS

    SectionHeading { text: qsTr("Language") }

    ButtonGroup { id: languageGroup }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        RadioButton {
            objectName: "languageRadio_system"
            text: qsTr("Match system")
            checked: Preferences.language === ""
            ButtonGroup.group: languageGroup
            Accessible.name: qsTr("Language: %1").arg(text)
            onToggled: Preferences.language = ""
        }
        Repeater {
            // Each named in its own language.
            model: Preferences.languageChoices
            RadioButton {
                required property var modelData
                objectName: "languageRadio_" + modelData.code
                text: modelData.name
                checked: Preferences.language === modelData.code
                ButtonGroup.group: languageGroup
                Accessible.name: qsTr("Language: %1").arg(text)
                onToggled: Preferences.language = modelData.code
            }
        }
    }
    BodyText {
        objectName: "languageRestartNote"
        visible: Preferences.languageRestartNeeded
        color: Theme.textMuted
        text: qsTr("The new language is used the next time you open Companion.")
    }
}
