import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A passphrase entry with a show/hide toggle. The owner clears it after submitting.
FocusScope {
    id: root

    property alias text: field.text
    property alias placeholderText: field.placeholderText
    property string accessibleName: qsTr("Passphrase")
    property alias revealed: toggle.checked
    signal accepted()

    function clear() { field.clear() }
    function focusField() { field.forceActiveFocus() }

    implicitWidth: row.implicitWidth
    implicitHeight: row.implicitHeight
    Layout.fillWidth: true
    // Qt 6.4 reports no accessible name for a password field (QQuickAccessibleAttached hides it
    // while passwordEdit is set), so the label reaches screen readers twice over: as the name of
    // this group, announced when focus enters it, and as the field's description (ADR 0021).
    Accessible.role: Accessible.Grouping
    Accessible.name: root.accessibleName

    RowLayout {
        id: row
        anchors.fill: parent
        spacing: Theme.spacingS

        TextField {
            id: field
            focus: true
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            echoMode: toggle.checked ? TextInput.Normal : TextInput.Password
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            font.pixelSize: Theme.fontBody
            color: Theme.text
            placeholderTextColor: Theme.textMuted
            selectByMouse: true
            Accessible.name: root.accessibleName
            Accessible.description: root.accessibleName
            onAccepted: root.accepted()
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surface
                border.width: field.activeFocus ? Theme.focusWidth : Theme.borderWidth
                border.color: field.activeFocus ? Theme.focus : Theme.border
            }
        }

        PrimaryButton {
            id: toggle
            Layout.fillWidth: false
            tone: "secondary"
            checkable: true
            leftPadding: Theme.spacingM
            rightPadding: Theme.spacingM
            text: checked ? qsTr("Hide") : qsTr("Show")
            Accessible.name: checked ? qsTr("Hide %1").arg(root.accessibleName)
                                     : qsTr("Show %1").arg(root.accessibleName)
        }
    }
}
