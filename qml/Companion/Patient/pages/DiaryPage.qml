import QtQuick
import Companion.Patient

PlaceholderPage {
    objectName: "diaryPage"
    title: qsTr("Diary")
    glyph: "\u270E"
    summary: qsTr("Your daily check-in is on its way")
    detail: qsTr("Soon you can rate mood, anxiety and pain in about 20 seconds a day, and answer short questionnaires such as the PHQ-9 and GAD-7 around your infusions, so you and your clinic can see how you are responding.")
}
