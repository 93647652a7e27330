pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Settings: theme, high contrast and text size (device preferences, applied live).
ColumnLayout {
    Layout.fillWidth: true
    spacing: Theme.spacingS

    SectionHeading { text: qsTr("Appearance") }

    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("Theme")
        color: Theme.text
        font.bold: true
    }
    ButtonGroup { id: themeGroup }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        Repeater {
            model: [
                { text: qsTr("Match system"), mode: Preferences.System },
                { text: qsTr("Light"), mode: Preferences.Light },
                { text: qsTr("Dark"), mode: Preferences.Dark }
            ]
            RadioButton {
                required property var modelData
                objectName: "themeRadio_" + modelData.mode
                text: modelData.text
                checked: Preferences.themeMode === modelData.mode
                ButtonGroup.group: themeGroup
                Accessible.name: qsTr("Theme: %1").arg(text)
                onToggled: Preferences.themeMode = modelData.mode
            }
        }
    }

    JournalSwitch {
        objectName: "highContrastSwitch"
        text: qsTr("High contrast")
        checked: Preferences.highContrast
        Accessible.name: qsTr("High contrast")
        onToggled: Preferences.highContrast = checked
    }

    Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        wrapMode: Text.Wrap
        text: qsTr("Text size: %1 %").arg(Math.round(Preferences.fontScale * 100))
        color: Theme.text
        font.bold: true
    }
    Slider {
        objectName: "fontScaleSlider"
        Layout.fillWidth: true
        from: 1.0
        to: 2.0
        stepSize: 0.1
        snapMode: Slider.SnapAlways
        value: Preferences.fontScale
        Accessible.name: qsTr("Text size")
        Accessible.description: qsTr("From 100 to 200 percent")
        onMoved: Preferences.fontScale = value
    }
    InfoCard {
        objectName: "fontPreview"
        title: qsTr("Preview")
        body: qsTr("This is how text will look across Companion.")
    }
}
