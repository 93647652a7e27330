import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui

// A new passphrase typed twice, with live strength feedback. Enter in the first field moves to the
// second; Enter in the second emits accepted(). Strength rules live in C++ (assessPassphrase).
ColumnLayout {
    id: form

    property string label: qsTr("New passphrase")
    readonly property alias passphrase: first.text
    readonly property alias confirmation: second.text
    readonly property var assessment: ProfileController.assessPassphrase(first.text)
    readonly property bool matches: first.text === second.text
    readonly property bool ready: form.assessment.acceptable === true && form.matches
    signal accepted()

    function clear() { first.clear(); second.clear() }
    function focusFirst() { first.focusField() }

    Layout.fillWidth: true
    spacing: Theme.spacingS

    Label {
        Layout.fillWidth: true
        text: form.label
        wrapMode: Text.Wrap
        color: Theme.text
        font.bold: true
    }
    PassphraseField {
        id: first
        objectName: "newPassphraseField"
        accessibleName: form.label
        onAccepted: second.focusField()
    }
    StrengthMeter {
        objectName: "strengthMeter"
        visible: first.text.length > 0
        assessment: form.assessment
    }

    Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        text: qsTr("Type it again")
        wrapMode: Text.Wrap
        color: Theme.text
        font.bold: true
    }
    PassphraseField {
        id: second
        objectName: "confirmPassphraseField"
        accessibleName: qsTr("Type the passphrase again")
        onAccepted: form.accepted()
    }
    Label {
        objectName: "mismatchLabel"
        visible: second.text.length > 0 && !form.matches
        Layout.fillWidth: true
        text: qsTr("The two passphrases do not match yet.")
        wrapMode: Text.Wrap
        color: Theme.danger
        font.bold: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
