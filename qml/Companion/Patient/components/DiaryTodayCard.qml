import QtQuick
import Companion.Core
import Companion.Ui
import Companion.Patient

// Today's diary: the check-in (or that it is done) and the questionnaires the clinic's schedule
// has due now. Each button opens the diary on that form.
InfoCard {
    objectName: "diaryTodayCard"
    glyph: "\u270E"
    title: qsTr("Daily check-in")
    badge: DiaryController.checkedInToday ? qsTr("Done today") : ""
    body: DiaryController.checkedInToday
          ? qsTr("Thank you. You can add another check-in any time.")
          : qsTr("About 20 seconds: mood, anxiety, pain and sleep.")

    PrimaryButton {
        objectName: "todayCheckInButton"
        tone: DiaryController.checkedInToday ? "secondary" : "primary"
        text: DiaryController.hasDraft ? qsTr("Continue where you left off")
              : DiaryController.checkedInToday ? qsTr("Add another check-in")
              : qsTr("Start today's check-in")
        onClicked: {
            DiaryController.startCheckIn()
            Navigation.go(1)
        }
    }

    Repeater {
        model: DiaryController.dueInstruments
        DueInstrumentRow {
            required property var modelData
            due: modelData
        }
    }
}
