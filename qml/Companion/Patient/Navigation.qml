pragma Singleton
import QtQuick

// Where the UI is within the current profile state. Pages ask for navigation here rather than
// reaching for ids outside their file, so every page also instantiates on its own (self-test).
// AppRoot resets it whenever the profile's state changes.
QtObject {
    // Locked or Damaged: the recovery-key page is open instead of unlock / damaged.
    property bool recovering: false
    // Damaged: the person chose to try the passphrase again (shows the unlock page).
    property bool retrying: false
    // Unlocked: the selected destination (0 Today … 5 Settings) and whether crisis help is open.
    property int destination: 0
    property bool crisisHelpOpen: false
    // Settings → Your clinic → Scan a QR code: the scanner page is open over Settings.
    property bool qrScanOpen: false

    function reset() { recovering = false; retrying = false; destination = 0; crisisHelpOpen = false; qrScanOpen = false }
    function go(index: int) { destination = index; crisisHelpOpen = false; qrScanOpen = false }
}
