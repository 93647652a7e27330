import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Reminders need notifications; on Android 13+ and iOS the system asks first (docs/adr/0028).
// Once a reminder is planned this card explains why before the system prompt appears, and the
// prompt comes only from "Continue". After a refusal it says reminders will not appear and where
// to allow them. Desktops never show it (nothing to ask). State: NotificationPermission (C++).
ColumnLayout {
    objectName: "notificationPermissionCard"
    visible: NotificationPermission.noticeDue
    Layout.fillWidth: true
    spacing: Theme.spacingS

    InfoCard {
        objectName: "notificationExplanation"
        visible: NotificationPermission.explanationDue
        glyph: "\u23F0"
        title: qsTr("Allow reminder notifications")
        body: qsTr("Companion reminds you when to stop eating and drinking, what to bring and who drives you home. Your phone will ask whether Companion may show notifications. On the lock screen a reminder only says \u201CYou have a reminder from Companion\u201D.")

        PrimaryButton {
            objectName: "notificationContinueButton"
            text: qsTr("Continue")
            Accessible.name: qsTr("Continue to the notification question")
            onClicked: NotificationPermission.request()
        }
        PrimaryButton {
            objectName: "notificationNotNowButton"
            tone: "secondary"
            text: qsTr("Not now")
            Accessible.name: qsTr("Not now, ask about notifications later")
            onClicked: NotificationPermission.postpone()
        }
    }
    InfoCard {
        objectName: "notificationRefused"
        visible: NotificationPermission.refusalNoticeDue
        glyph: "\u26A0"
        accent: Theme.warning
        title: qsTr("Reminders are turned off")
        body: qsTr("Companion may not show notifications, so your reminders will not appear. You can still see them in Settings. To get them, allow notifications for Companion in your phone\u2019s settings.")

        PrimaryButton {
            objectName: "notificationSettingsButton"
            visible: NotificationPermission.settingsAvailable
            tone: "secondary"
            text: qsTr("Open phone settings")
            Accessible.name: text
            onClicked: NotificationPermission.openSettings()
        }
    }
}
