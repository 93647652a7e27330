pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// Settings: a PDF summary to keep or bring to an appointment. The period and the notes switch
// feed SummaryController, which writes the file and says where it went.
ColumnLayout {
    id: section

    Layout.fillWidth: true
    spacing: Theme.spacingS

    SectionHeading { text: qsTr("Your summary") }

    BodyText {
        text: qsTr("A PDF with your questionnaire scores, check-ins, infusion dates and your next infusion's preparation, to keep or to bring to an appointment.")
    }
    BodyText {
        text: qsTr("Period")
    }
    ComboBox {
        id: period
        objectName: "summaryPeriodCombo"
        Layout.fillWidth: true
        Layout.maximumWidth: 320 * Theme.scale
        Layout.minimumHeight: Theme.touchTarget
        model: SummaryController.periods
        textRole: "label"
        currentIndex: SummaryController.periodIndex
        Accessible.name: qsTr("Period of the summary")
        Accessible.description: displayText
        onActivated: index => SummaryController.periodIndex = index

        delegate: ItemDelegate {
            required property var modelData
            required property int index
            width: period.width
            text: modelData.label
            highlighted: period.highlightedIndex === index
            Accessible.name: text
        }
    }
    JournalSwitch {
        objectName: "summaryNotesSwitch"
        text: qsTr("Include my journal and notes")
        checked: SummaryController.includeNotes
        onToggled: SummaryController.includeNotes = checked
    }
    BodyText {
        color: Theme.textMuted
        text: SummaryController.folderText
    }
    ErrorBanner {
        objectName: "summaryError"
        text: SummaryController.errorText
    }
    BodyText {
        objectName: "summaryStatus"
        visible: text.length > 0
        text: SummaryController.statusText
    }
    PrimaryButton {
        objectName: "summarySaveButton"
        Layout.maximumWidth: section.width
        text: qsTr("Save a PDF summary")
        Accessible.description: SummaryController.folderText
        enabled: SummaryController.available && !SummaryController.busy
        onClicked: SummaryController.save()
    }
}
