import QtQuick
import QtQuick.Layouts
import Companion.Ui

// Opens the phone's dialer or messaging app for a crisis number (`url`: tel:… or sms:…).
PrimaryButton {
    property string url

    Layout.maximumWidth: Theme.maxContentWidth
    Accessible.description: url.startsWith("sms:") ? qsTr("Opens your messaging app")
                                                    : qsTr("Opens your phone app to call")
    onClicked: Qt.openUrlExternally(url)
}
