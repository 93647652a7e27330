pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// The auto-lock delay, chosen from Preferences.autoLockChoices (minutes).
ComboBox {
    id: chooser

    // The choices as a plain JS array (QList<int> offers no indexOf to the tools).
    readonly property var choices: Array.from(Preferences.autoLockChoices)

    function minutesText(minutes: int): string {
        return qsTr("%n minute(s)", "", minutes)
    }

    objectName: "autoLockCombo"
    Layout.fillWidth: true
    Layout.maximumWidth: 320 * Theme.scale
    Layout.minimumHeight: Theme.touchTarget
    model: chooser.choices
    currentIndex: chooser.choices.indexOf(Preferences.autoLockMinutes)
    displayText: chooser.minutesText(Preferences.autoLockMinutes)
    Accessible.name: qsTr("Lock automatically after")
    Accessible.description: displayText
    onActivated: index => Preferences.autoLockMinutes = chooser.choices[index]

    delegate: ItemDelegate {
        required property int modelData
        required property int index
        width: chooser.width
        text: chooser.minutesText(modelData)
        highlighted: chooser.highlightedIndex === index
        Accessible.name: text
    }
}
