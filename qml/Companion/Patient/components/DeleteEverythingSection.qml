import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Settings: delete everything. What goes, what the clinic keeps, then a dialog that asks for a
// typed word. The logic is DeleteEverythingController's.
ColumnLayout {
    id: section

    Layout.fillWidth: true
    spacing: Theme.spacingS

    SectionHeading { text: qsTr("Delete everything") }

    BodyText {
        text: qsTr("This deletes your entries, journal, plans and settings from this device, and, if you are connected to a clinic, everything this app sent to the clinic's server together with the keys that open it. It cannot be undone.")
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("By law, your clinic keeps its log of who read or changed what and when (it holds no entry text), and its own clinical records about you, which are kept outside this app.")
    }
    BodyText {
        color: Theme.textMuted
        text: qsTr("To keep a copy, export your data first (companion-cli export --format json).")
    }
    ErrorBanner {
        objectName: "deleteEverythingError"
        text: DeleteEverythingController.errorText
    }
    PrimaryButton {
        objectName: "deleteEverythingButton"
        Layout.maximumWidth: section.width
        tone: "danger"
        text: qsTr("Delete everything…")
        Accessible.description: qsTr("Asks for confirmation first")
        enabled: !DeleteEverythingController.busy
        onClicked: deleteEverythingDialog.show()
    }

    DialogLoader {
        id: deleteEverythingDialog
        sourceComponent: DeleteEverythingDialog {}
    }
}
