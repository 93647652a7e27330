import QtQuick
import Companion.Patient

PlaceholderPage {
    objectName: "journalPage"
    title: qsTr("Journal")
    glyph: "\u270D"
    summary: qsTr("Your integration journal is on its way")
    detail: qsTr("Soon you can set an intention before each infusion, note what you experienced afterwards, and track the insights and small steps you want to carry into daily life.")
}
