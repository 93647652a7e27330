import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// The bar above every page: app name (or Back while crisis help is open), Lock, Get help now.
Rectangle {
    id: header

    property bool showBack: false
    signal helpRequested()
    signal backRequested()

    implicitHeight: row.implicitHeight + 2 * Theme.spacingS
    color: Theme.surface

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: Theme.borderWidth
        color: Theme.border
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingS
        spacing: Theme.spacingS

        PrimaryButton {
            id: backButton
            objectName: "headerBackButton"
            Layout.fillWidth: false
            visible: header.showBack
            tone: "secondary"
            leftPadding: Theme.spacingM
            rightPadding: Theme.spacingM
            text: qsTr("\u2190 Back")
            Accessible.name: qsTr("Back")
            onClicked: header.backRequested()
        }

        Label {
            // The name gives way to the buttons on narrow windows with large text (it keeps its
            // place, so the buttons stay on the right, but claims no width they need).
            readonly property bool fits: row.width - lockButton.implicitWidth - helpButton.implicitWidth
                     - (header.showBack ? backButton.implicitWidth : 0) - 3 * row.spacing
                     >= implicitWidth
            opacity: fits ? 1 : 0
            Accessible.ignored: !fits
            Layout.fillWidth: true
            Layout.preferredWidth: fits ? implicitWidth : 0
            text: qsTr("Companion")
            elide: Text.ElideRight
            color: Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        PrimaryButton {
            id: lockButton
            objectName: "headerLockButton"
            Layout.fillWidth: false
            tone: "secondary"
            leftPadding: Theme.spacingM
            rightPadding: Theme.spacingM
            text: qsTr("Lock")
            Accessible.name: qsTr("Lock Companion now")
            onClicked: ProfileController.lock()
        }

        PrimaryButton {
            id: helpButton
            objectName: "headerHelpButton"
            // Takes what Lock leaves and wraps its label there (200 % text on a phone).
            Layout.fillWidth: true
            tone: "danger"
            leftPadding: Theme.spacingM
            rightPadding: Theme.spacingM
            text: qsTr("Get help now")
            Accessible.description: qsTr("Crisis lines and emergency numbers")
            onClicked: header.helpRequested()
        }
    }
}
