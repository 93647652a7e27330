import QtQuick
import Companion.Patient

PlaceholderPage {
    objectName: "learnPage"
    title: qsTr("Learn")
    glyph: "\u2726"
    summary: qsTr("A library of short articles is on its way")
    detail: qsTr("Soon you can read, offline and in plain language, how the treatment works, what an infusion day is like, common side effects, and how to look after yourself afterwards.")
}
