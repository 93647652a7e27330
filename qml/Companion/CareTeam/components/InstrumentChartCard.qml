import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// One instrument's scores over time with infusion days marked (the patient app's TrendChart),
// and response/remission in words.
InfoCard {
    id: card

    required property var modelData

    title: card.modelData.name

    TrendChart {
        Layout.fillWidth: true
        Layout.preferredHeight: 180 * Theme.scale
        points: card.modelData.points
        infusions: card.modelData.infusions
        fromTime: card.modelData.fromTime
        toTime: card.modelData.toTime
        minValue: card.modelData.minValue
        maxValue: card.modelData.maxValue
        baselineValue: card.modelData.baselineValue
        lineColor: Theme.primary
        infusionColor: Theme.warning
        responseColor: Theme.success
        gridColor: Theme.border
        textColor: Theme.textMuted
        fontPixelSize: Theme.fontSmall
        Accessible.role: Accessible.Chart
        Accessible.name: card.modelData.description
    }
    BodyText {
        text: card.modelData.status
    }
    BodyText {
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: qsTr("Dashed lines: infusion days. Dotted line: the starting score. Green points: a response; a ring: remission.")
    }
}
