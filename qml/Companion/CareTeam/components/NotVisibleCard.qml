pragma ComponentBehavior: Bound
import QtQuick
import Companion.Ui
import Companion.CareTeamCore

// What was shared with the console but it cannot show, each with the reason.
InfoCard {
    objectName: "notVisibleCard"
    visible: CareTeam.patient.notVisible.length > 0
    glyph: "\u26A0"
    accent: Theme.warning
    title: qsTr("Not visible to you")

    Repeater {
        model: CareTeam.patient.notVisible
        BodyText {
            required property var modelData
            text: qsTr("%1, %2: %3").arg(modelData.kind).arg(modelData.date).arg(modelData.reason)
        }
    }
}
