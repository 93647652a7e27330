import QtQuick
import QtTest
import Companion.Core
import Companion.Ui
import Companion.Patient

// Every page instantiates on its own without warnings (what `companion --self-test` relies on),
// and the appearance settings drive the device preferences.
TestCase {
    id: testCase
    name: "Pages"
    when: windowShown
    visible: true
    width: 800
    height: 800

    Component { id: createPage; CreateProfilePage {} }
    Component { id: recoveryKeyPage; RecoveryKeyPage {} }
    Component { id: unlockPage; UnlockPage {} }
    Component { id: recoverPage; RecoverWithKeyPage {} }
    Component { id: damagedPage; DamagedProfilePage {} }
    Component { id: todayPage; TodayPage {} }
    Component { id: crisisPage; CrisisHelpPage {} }
    Component { id: diaryPage; DiaryPage {} }
    Component { id: preparePage; PreparePage {} }
    Component { id: learnPage; LearnPage {} }
    Component { id: journalPage; JournalPage {} }
    Component { id: settingsPage; SettingsPage {} }
    Component { id: qrScanPage; QrScanPage {} }

    function child(parent, name) {
        const found = findChild(parent, name)
        verify(found !== null, "no child named " + name)
        return found
    }

    function init() { failOnWarning(/.+/) }

    function test_pagesInstantiate_data() {
        return [
            { tag: "CreateProfilePage", component: createPage },
            { tag: "RecoveryKeyPage", component: recoveryKeyPage },
            { tag: "UnlockPage", component: unlockPage },
            { tag: "RecoverWithKeyPage", component: recoverPage },
            { tag: "DamagedProfilePage", component: damagedPage },
            { tag: "TodayPage", component: todayPage },
            { tag: "CrisisHelpPage", component: crisisPage },
            { tag: "DiaryPage", component: diaryPage },
            { tag: "PreparePage", component: preparePage },
            { tag: "LearnPage", component: learnPage },
            { tag: "JournalPage", component: journalPage },
            { tag: "SettingsPage", component: settingsPage },
            { tag: "QrScanPage", component: qrScanPage }
        ]
    }

    function test_pagesInstantiate(data) {
        const page = createTemporaryObject(data.component, testCase, { width: 400, height: 800 })
        verify(page !== null)
        verify(page.objectName.length > 0)
        verify(waitForRendering(page))
        page.width = 1280
        verify(waitForRendering(page))
    }

    function test_appearanceSettingsDrivePreferences() {
        const page = createTemporaryObject(settingsPage, testCase, { width: 800, height: 2000 })
        verify(waitForRendering(page))
        const contrast = child(page, "highContrastSwitch")
        compare(Preferences.highContrast, false)
        mouseClick(contrast)
        compare(Preferences.highContrast, true)
        mouseClick(contrast)
        compare(Preferences.highContrast, false)

        mouseClick(child(page, "themeRadio_" + Preferences.Dark))
        compare(Preferences.themeMode, Preferences.Dark)
        compare(Preferences.darkMode, true)
        Preferences.themeMode = Preferences.System
        compare(child(page, "themeRadio_" + Preferences.System).checked, true)
        compare(child(page, "themeRadio_" + Preferences.Dark).checked, false)

        const slider = child(page, "fontScaleSlider")
        slider.forceActiveFocus()
        keyClick(Qt.Key_Right)
        keyClick(Qt.Key_Right)
        fuzzyCompare(Preferences.fontScale, 1.2, 0.001)
        Preferences.fontScale = 1.0
        compare(slider.value, 1.0, "the slider follows the preference")
    }

    // The test platform has no camera: the scan page says so, in words a screen reader gets,
    // and offers a picture of the code or the typed code instead.
    function test_qrScanPageWithoutCamera() {
        const page = createTemporaryObject(qrScanPage, testCase, { width: 400, height: 800 })
        verify(waitForRendering(page))
        const noCamera = child(page, "noCameraText")
        verify(noCamera.visible)
        verify(noCamera.text.indexOf("No camera") >= 0)
        compare(noCamera.Accessible.name, noCamera.text)
        compare(child(page, "qrCameraLoader").active, false)
        const open = child(page, "openQrImageButton")
        verify(open.visible)
        verify(open.Accessible.name.length > 0)
        verify(child(page, "typeCodeButton").Accessible.name.length > 0)
    }

    function test_themeFollowsPreferences() {
        Preferences.themeMode = Preferences.Light
        verify(Qt.colorEqual(Theme.primaryInk, "#ffffff"), "light text on the primary colour")
        verify(Qt.colorEqual(Theme.dangerInk, "#ffffff"), "light text on the danger colour")
        const lightBackground = String(Theme.background) // a copy, not a reference
        Preferences.themeMode = Preferences.Dark
        verify(!Qt.colorEqual(Theme.background, lightBackground))
        Preferences.highContrast = true
        verify(Qt.colorEqual(Theme.background, "#000000"))
        verify(Qt.colorEqual(Theme.text, "#ffffff"))
        Preferences.highContrast = false
        Preferences.themeMode = Preferences.System

        const body = Theme.fontBody
        const target = Theme.touchTarget
        Preferences.fontScale = 2.0
        compare(Theme.fontBody, body * 2)
        compare(Theme.touchTarget, target * 2)
        Preferences.fontScale = 1.0
    }
}
