import QtQuick
import Companion.Ui

// An intentional placeholder for a feature that is on its way: says plainly what is coming.
AppPage {
    id: page

    property string glyph
    property string summary
    property string detail

    ComingSoonCard {
        glyph: page.glyph
        title: page.summary
        body: page.detail
    }

    BodyText {
        color: Theme.textMuted
        text: qsTr("Everything you add will stay encrypted on this device, and you will choose what, if anything, to share with your clinic.")
    }
}
