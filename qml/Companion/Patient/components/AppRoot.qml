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

    Loader {
        id: loader
        objectName: "rootLoader"
        anchors.fill: parent
        focus: true
        sourceComponent: ProfileController.recoveryKeyText.length > 0 ? recoveryKeyComponent
            : root.profileState === ProfileController.Unlocked ? shellComponent
            : root.profileState === ProfileController.NoProfile ? createComponent
            : Navigation.recovering ? recoverComponent
            : root.profileState === ProfileController.Damaged && !Navigation.retrying ? damagedComponent
            : unlockComponent
    }

    Component {
        id: createComponent
        CreateProfilePage {}
    }
    Component {
        id: recoveryKeyComponent
        RecoveryKeyPage {}
    }
    Component {
        id: unlockComponent
        UnlockPage {}
    }
    Component {
        id: recoverComponent
        RecoverWithKeyPage {}
    }
    Component {
        id: damagedComponent
        DamagedProfilePage {}
    }
    Component {
        id: shellComponent
        AppShell {}
    }
}
