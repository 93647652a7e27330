import QtQuick
import Companion.Patient

PlaceholderPage {
    objectName: "preparePage"
    title: qsTr("Prepare")
    glyph: "\u2611"
    summary: qsTr("Infusion-day preparation is on its way")
    detail: qsTr("Soon you will find a checklist built from your clinic's instructions (when to stop eating, what to bring), a plan for your ride home, and a no-driving card that stays up after each infusion until it is safe to drive again.")
}
