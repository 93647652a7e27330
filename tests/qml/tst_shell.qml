import QtQuick
import QtTest
import Companion.Core
import Companion.Patient

// The app shell's navigation: bottom bar on phones, rail on wide windows, crisis help one tap away
// from the header on every destination.
TestCase {
    id: testCase
    name: "Shell"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component {
        id: shellComponent
        AppShell {}
    }

    function child(parent, name) {
        const found = findChild(parent, name)
        verify(found !== null, "no child named " + name)
        return found
    }

    function init() {
        Navigation.reset()
        failOnWarning(/.+/)
    }

    function createShell(width) {
        const shell = createTemporaryObject(shellComponent, testCase, { width: width, height: 800 })
        verify(waitForRendering(shell))
        return shell
    }

    function test_phoneUsesBottomNavigation() {
        const shell = createShell(400)
        verify(child(shell, "bottomNavigation").visible)
        verify(!child(shell, "navigationRail").visible)
        mouseClick(child(shell, "navBottom_5"))
        compare(Navigation.destination, 5)
        compare(child(shell, "shellContent").item.objectName, "settingsPage")
    }

    function test_desktopUsesRail() {
        const shell = createShell(1280)
        verify(!child(shell, "bottomNavigation").visible)
        const rail = child(shell, "navigationRail")
        verify(rail.visible)
        verify(rail.expanded)
        const names = ["todayPage", "diaryPage", "preparePage", "learnPage", "journalPage", "settingsPage"]
        for (let i = 0; i < names.length; ++i) {
            mouseClick(child(shell, "navRail_" + i))
            compare(child(shell, "shellContent").item.objectName, names[i])
            waitForItemPolished(shell)
        }
    }

    function test_crisisHelpFromHeaderAndToday() {
        const shell = createShell(700)
        const content = child(shell, "shellContent")
        verify(!child(shell, "navigationRail").expanded)
        mouseClick(child(shell, "crisisButton"))
        compare(content.item.objectName, "crisisHelpPage")
        waitForItemPolished(shell)
        verify(child(content.item, "call_crisis_line").visible)
        verify(child(content.item, "call_emergency").visible)
        mouseClick(child(shell, "headerBackButton"))
        compare(content.item.objectName, "todayPage")
        waitForItemPolished(shell)
        mouseClick(child(shell, "navRail_2"))
        mouseClick(child(shell, "headerHelpButton"))
        compare(content.item.objectName, "crisisHelpPage")
        keyClick(Qt.Key_Escape)
        compare(content.item.objectName, "preparePage")
    }
}
