import QtQuick
import QtQuick.Controls
import Companion.Core
import Companion.Ui

// "I'm not safe right now", pinned below a page's content so it stays in view at any scroll
// position. Opening help goes through SafetyController, which records that it was shown.
Pane {
    padding: Theme.spacingM
    background: Rectangle {
        color: Theme.surface
        Rectangle { width: parent.width; height: Theme.borderWidth; color: Theme.border }
    }

    PrimaryButton {
        objectName: "crisisButton"
        width: Math.min(parent.width, Theme.maxContentWidth)
        x: (parent.width - width) / 2
        tone: "danger"
        text: qsTr("I'm not safe right now \u2014 get help now")
        Accessible.description: qsTr("Shows crisis lines and emergency numbers")
        onClicked: SafetyController.requestHelp()
    }
}
