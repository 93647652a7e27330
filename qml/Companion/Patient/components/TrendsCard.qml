pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Trends: any measure over time with infusion days marked, the change from the starting score,
// response and remission, and the early-warning note. Everything drawn is also said in words,
// and "Show as a list" gives the numbers.
InfoCard {
    id: card

    property bool showList: false

    objectName: "trendsCard"
    glyph: "\u2197"
    title: qsTr("Trends")

    ComboBox {
        objectName: "trendMeasure"
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.maxContentWidth
        model: TrendController.measures
        textRole: "label"
        currentIndex: TrendController.measureIndex
        font.pixelSize: Theme.fontBody
        Accessible.name: qsTr("Measure to show")
        onActivated: index => TrendController.measureIndex = index
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Repeater {
            model: [
                { days: 30, label: qsTr("30 days") },
                { days: 90, label: qsTr("90 days") },
                { days: 365, label: qsTr("1 year") },
                { days: 0, label: qsTr("All") }
            ]
            ChoiceButton {
                required property var modelData
                objectName: "trendRange_" + modelData.days
                width: Math.min(implicitWidth, parent.width)
                text: modelData.label
                checked: TrendController.rangeDays === modelData.days
                Accessible.name: qsTr("Show %1").arg(modelData.label)
                onClicked: TrendController.rangeDays = modelData.days
            }
        }
    }

    TrendChart {
        objectName: "trendChart"
        visible: TrendController.hasData
        Layout.fillWidth: true
        Layout.preferredHeight: 200 * Theme.scale
        points: TrendController.points
        infusions: TrendController.infusions
        fromTime: TrendController.fromTime
        toTime: TrendController.toTime
        minValue: TrendController.minValue
        maxValue: TrendController.maxValue
        baselineValue: TrendController.baselineValue
        lineColor: Theme.primary
        infusionColor: Theme.warning
        responseColor: Theme.success
        gridColor: Theme.border
        textColor: Theme.textMuted
        fontPixelSize: Theme.fontSmall
        Accessible.role: Accessible.Chart
        Accessible.name: TrendController.summary
    }

    BodyText {
        objectName: "trendSummary"
        text: TrendController.summary
    }
    BodyText {
        objectName: "trendLegend"
        visible: TrendController.hasData
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: qsTr("Dashed lines: infusion days. Dotted line: your starting score. Green points: a response (at least 50 % below the start); a ring: remission.")
    }
    BodyText {
        objectName: "trendChange"
        visible: text.length > 0
        text: TrendController.changeText
    }
    BodyText {
        objectName: "trendStatus"
        visible: text.length > 0
        color: Theme.success
        text: TrendController.statusText
    }
    InfoCard {
        objectName: "trendEarlyWarning"
        visible: TrendController.earlyWarning
        accent: Theme.warning
        glyph: "\u26A0"
        title: qsTr("Worth a word with your clinic")
        body: TrendController.earlyWarningText
    }

    PrimaryButton {
        objectName: "trendListToggle"
        visible: TrendController.hasData
        tone: "secondary"
        text: card.showList ? qsTr("Hide the list") : qsTr("Show as a list")
        onClicked: card.showList = !card.showList
    }
    Repeater {
        model: card.showList ? TrendController.rows : []
        BodyText {
            required property var modelData
            text: modelData.marks.length > 0
                  ? qsTr("%1: %2 (%3)").arg(modelData.dateLabel).arg(modelData.valueLabel).arg(modelData.marks)
                  : qsTr("%1: %2").arg(modelData.dateLabel).arg(modelData.valueLabel)
        }
    }
}
