import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// Systolic over diastolic, both or neither; digits only.
RowLayout {
    spacing: Theme.spacingS

    TextField {
        objectName: "systolicField"
        Layout.preferredWidth: Theme.touchTarget * 2
        inputMethodHints: Qt.ImhDigitsOnly
        validator: IntValidator { bottom: 0; top: 300 }
        font.pixelSize: Theme.fontLarge
        placeholderText: qsTr("e.g. 120")
        Accessible.name: qsTr("Systolic (upper number)")
        Component.onCompleted: {
            const stored = DiaryController.editorValues["systolic"]
            text = stored === undefined ? "" : String(stored)
        }
        onTextEdited: text.length > 0 ? DiaryController.setValue("systolic", parseInt(text))
                                      : DiaryController.clearValue("systolic")
    }
    Label {
        text: "/"
        font.pixelSize: Theme.fontLarge
        color: Theme.text
        Accessible.ignored: true
    }
    TextField {
        objectName: "diastolicField"
        Layout.preferredWidth: Theme.touchTarget * 2
        inputMethodHints: Qt.ImhDigitsOnly
        validator: IntValidator { bottom: 0; top: 300 }
        font.pixelSize: Theme.fontLarge
        placeholderText: qsTr("e.g. 80")
        Accessible.name: qsTr("Diastolic (lower number)")
        Component.onCompleted: {
            const stored = DiaryController.editorValues["diastolic"]
            text = stored === undefined ? "" : String(stored)
        }
        onTextEdited: text.length > 0 ? DiaryController.setValue("diastolic", parseInt(text))
                                      : DiaryController.clearValue("diastolic")
    }
    Item { Layout.fillWidth: true }
}
