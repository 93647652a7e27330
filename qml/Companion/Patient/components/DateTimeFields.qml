import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui

// A date (YYYY-MM-DD) and a time (HH:MM) typed on the patient's own clock.
RowLayout {
    id: fields

    property alias date: dateField.text
    property alias time: timeField.text

    Layout.fillWidth: true
    spacing: Theme.spacingS

    TextField {
        id: dateField
        objectName: "dateField"
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        inputMethodHints: Qt.ImhDate
        placeholderText: qsTr("YYYY-MM-DD")
        Accessible.name: qsTr("Date, as year-month-day")
    }
    TextField {
        id: timeField
        objectName: "timeField"
        Layout.preferredWidth: Theme.touchTarget * 2.2
        font.pixelSize: Theme.fontBody
        inputMethodHints: Qt.ImhTime
        placeholderText: qsTr("HH:MM")
        Accessible.name: qsTr("Time, as hours and minutes")
    }
}
