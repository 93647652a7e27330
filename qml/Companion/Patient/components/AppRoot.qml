import QtQuick
import Companion.Core
import Companion.Patient

// Chooses what the window shows from the profile's state. The Loader replaces its item whenever
// the state changes, so leaving Unlocked destroys the shell and every page holding decrypted data.
FocusScope {
    id: root

    readonly property int profileState: ProfileController.state

    Connections {
        target: ProfileController
        function onStateChanged() { Navigation.reset() }
        // A retry from the damaged page that fails again returns to the explanation.
        function onBusyChanged() {
            if (!ProfileController.busy && root.profileState === ProfileController.Damaged)
                Navigation.retrying = false
        }
    }

    // Pages by URL, not as inline Components: an inline `Component { AppShell {} }` makes the
    // engine compile the whole shell (every page and its imports) with this file, before the
    // window's first frame. By URL only the page on screen is compiled; the shell is compiled in
    // the background after the first frame (ShellPreloader, ADR 0029).
    Loader {
        id: loader
        objectName: "rootLoader"
        anchors.fill: parent
        focus: true
        source: ProfileController.recoveryKeyText.length > 0 ? Qt.resolvedUrl("../pages/RecoveryKeyPage.qml")
            : root.profileState === ProfileController.Unlocked ? Qt.resolvedUrl("AppShell.qml")
            : root.profileState === ProfileController.NoProfile ? Qt.resolvedUrl("../pages/CreateProfilePage.qml")
            : Navigation.recovering ? Qt.resolvedUrl("../pages/RecoverWithKeyPage.qml")
            : root.profileState === ProfileController.Damaged && !Navigation.retrying ? Qt.resolvedUrl("../pages/DamagedProfilePage.qml")
            : Qt.resolvedUrl("../pages/UnlockPage.qml")
    }
}
