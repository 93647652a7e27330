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
        Repeater {
            // "" follows the system; the others are named in their own language.
            model: [{ code: "", name: qsTr("Match system") }].concat(Preferences.languageChoices)
            RadioButton {
                required property var modelData
                objectName: "languageRadio_" + (modelData.code || "system")
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
