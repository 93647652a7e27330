import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Ui

// A date (YYYY-MM-DD) and a time (HH:MM) typed on the patient's own clock: side by side when both
// format hints fit, one above the other when they do not (longer languages, large text).
GridLayout {
    id: fields

    property alias date: dateField.text
    property alias time: timeField.text

    Layout.fillWidth: true
    columnSpacing: Theme.spacingS
    rowSpacing: Theme.spacingS
    columns: width >= dateField.hintWidth + timeField.hintWidth + columnSpacing ? 2 : 1

    TextField {
        id: dateField
        objectName: "dateField"
        // The format hint in full, with the field's paddings and 1 px slack.
        readonly property real hintWidth: dateHint.advanceWidth + leftPadding + rightPadding + 1
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        inputMethodHints: Qt.ImhDate
        placeholderText: qsTr("YYYY-MM-DD")
        Accessible.name: qsTr("Date, as year-month-day")
    }
    TextField {
        id: timeField
        objectName: "timeField"
        readonly property real hintWidth: Math.max(Theme.touchTarget * 2.2,
                                                   timeHint.advanceWidth + leftPadding + rightPadding + 1)
        Layout.fillWidth: fields.columns === 1
        Layout.preferredWidth: hintWidth
        font.pixelSize: Theme.fontBody
        inputMethodHints: Qt.ImhTime
        placeholderText: qsTr("HH:MM")
        Accessible.name: qsTr("Time, as hours and minutes")
    }

    TextMetrics {
        id: dateHint
        font: dateField.font
        text: dateField.placeholderText
    }
    TextMetrics {
        id: timeHint
        font: timeField.font
        text: timeField.placeholderText
    }
}
