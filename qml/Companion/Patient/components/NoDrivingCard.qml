import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// The no-driving window after an infusion: plain words and the time it ends; the morning-after
// question is the only way to end it early (never before the protocol's minimum). Nothing here
// gives permission to drive.
InfoCard {
    objectName: "noDrivingCard"
    visible: PlanController.noDrivingState !== "none"
    glyph: "\u26D4"
    accent: PlanController.noDrivingState === "active" ? Theme.danger : Theme.primary
    title: qsTr("No driving")
    body: PlanController.noDrivingText

    BodyText {
        visible: PlanController.canMorningCheck
        text: qsTr("Good morning. Did you sleep, and do you feel clear-headed?")
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        visible: PlanController.canMorningCheck
        PrimaryButton {
            objectName: "morningCheckYes"
            width: Math.min(implicitWidth, parent.width)
            tone: "secondary"
            text: qsTr("Yes, I slept and feel clear-headed")
            onClicked: PlanController.morningCheck(true, true)
        }
        PrimaryButton {
            objectName: "morningCheckNo"
            width: Math.min(implicitWidth, parent.width)
            tone: "secondary"
            text: qsTr("Not yet")
            onClicked: PlanController.morningCheck(false, false)
        }
    }
}
