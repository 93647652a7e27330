import QtQuick
import Companion.Core
import Companion.Ui
import Companion.Patient

// Home: a greeting, what is coming, and crisis help that is always in view.
AppPage {
    id: page

    objectName: "todayPage"
    title: qsTr("Today")

    BodyText {
        objectName: "greeting"
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontLarge
        text: ProfileController.preferredName.length > 0
              ? qsTr("Hello, %1. Good to see you.").arg(ProfileController.preferredName)
              : qsTr("Hello. Good to see you.")
    }

    NoDrivingCard {}
    DiaryTodayCard {}
    NextInfusionCard {}
    NotificationPermissionCard {}
    JournalCarryForwardCard {}
    InfoCard {
        glyph: "\u2713"
        accent: Theme.success
        title: qsTr("Private by design")
        body: qsTr("Everything you enter is encrypted on this device. Companion locks itself when you are away.")
    }

    // Always in view, whatever the scroll position.
    footer: CrisisFooter {}
}
