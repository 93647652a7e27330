import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// One questionnaire the schedule has due: why it is due, and a button that opens it in the diary.
ColumnLayout {
    id: row

    // {instrumentId, title, reason, dueText} from DiaryController.dueInstruments
    property var due: ({})

    Layout.fillWidth: true
    spacing: Theme.spacingXs

    BodyText {
        text: qsTr("%1 is due: %2.").arg(row.due.title ?? "").arg(row.due.reason ?? "")
    }
    BodyText {
        visible: text.length > 0
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        text: row.due.dueText ?? ""
    }
    PrimaryButton {
        objectName: "dueInstrument_" + (row.due.instrumentId ?? "")
        tone: "secondary"
        text: qsTr("Answer the %1").arg(row.due.title ?? "")
        onClicked: {
            QuestionnaireController.start(row.due.instrumentId)
            Navigation.go(1)
        }
    }
}
