import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Who drives you home: name, phone (one tap to call), pick-up time and whether it is confirmed.
// An unconfirmed ride is reminded the evening before and the morning of.
InfoCard {
    objectName: "ridePlanCard"
    glyph: "\u{1F697}"
    title: qsTr("Your ride home")
    body: PlanController.rideConfirmed
          ? qsTr("Confirmed. You must not drive yourself after the infusion.")
          : qsTr("You must not drive yourself after the infusion. Ask someone to take you home and confirm it here.")

    TextField {
        id: driverField
        objectName: "rideDriverField"
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        placeholderText: qsTr("Driver's name")
        Accessible.name: qsTr("Driver's name")
        text: PlanController.rideDriver
    }
    TextField {
        id: phoneField
        objectName: "ridePhoneField"
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        inputMethodHints: Qt.ImhDialableCharactersOnly
        placeholderText: qsTr("Driver's phone")
        Accessible.name: qsTr("Driver's phone number")
        text: PlanController.ridePhone
    }
    TextField {
        id: pickupField
        objectName: "ridePickupField"
        Layout.preferredWidth: Theme.touchTarget * 3
        font.pixelSize: Theme.fontBody
        inputMethodHints: Qt.ImhTime
        placeholderText: qsTr("Pick-up HH:MM")
        Accessible.name: qsTr("Pick-up time, hours and minutes")
        text: PlanController.ridePickup
    }
    JournalSwitch {
        id: confirmedSwitch
        objectName: "rideConfirmedSwitch"
        text: qsTr("The driver has confirmed")
        checked: PlanController.rideConfirmed
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        PrimaryButton {
            objectName: "rideSaveButton"
            width: Math.min(implicitWidth, parent.width)
            text: qsTr("Save ride")
            onClicked: PlanController.saveRide(driverField.text, phoneField.text, pickupField.text, confirmedSwitch.checked)
        }
        CrisisCallButton {
            objectName: "rideCallButton"
            visible: PlanController.rideCallUri.length > 0
            width: Math.min(implicitWidth, parent.width)
            tone: "secondary"
            text: qsTr("Call %1").arg(PlanController.rideDriver)
            url: PlanController.rideCallUri
        }
    }
}
