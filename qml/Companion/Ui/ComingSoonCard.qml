import QtQuick

// An honest placeholder: what will live here, marked as arriving in a coming release.
InfoCard {
    badge: qsTr("Coming in a later release")
    accent: Theme.textMuted
}
