import QtQuick
import QtQuick.Layouts
import Companion.Core
import Companion.Ui
import Companion.Patient

// The unlocked app: six destinations, a header with "Get help now" on every page, a bottom bar on
// phone widths (< 600 px) and a side rail otherwise (labels beside the glyphs from 840 px).
// Created only while the profile is unlocked (AppRoot), so its pages die with the session.
FocusScope {
    id: shell
    objectName: "appShell"

    readonly property bool compact: width < 600
    readonly property bool wide: width >= 840
    readonly property var destinations: [
        { text: qsTr("Today"), shortText: qsTr("Today"), glyph: "\u2600" },
        { text: qsTr("Diary"), shortText: qsTr("Diary"), glyph: "\u270E" },
        { text: qsTr("Prepare"), shortText: qsTr("Prepare"), glyph: "\u2611" },
        { text: qsTr("Learn"), shortText: qsTr("Learn"), glyph: "\u2726" },
        { text: qsTr("Journal"), shortText: qsTr("Journal"), glyph: "\u270D" },
        { text: qsTr("Settings"), shortText: qsTr("Settings"), glyph: "\u2699" }
    ]
    readonly property list<Component> pages: [
        todayComponent, diaryComponent, prepareComponent,
        learnComponent, journalComponent, settingsComponent
    ]

    // Every way into crisis help goes through SafetyController (which records that it was
    // shown); its signal opens the page here.
    Connections {
        target: SafetyController
        function onCrisisRequested() { Navigation.crisisHelpOpen = true }
    }
    // Leaving crisis help, by any route, ends that opening.
    Connections {
        target: Navigation
        function onCrisisHelpOpenChanged() {
            if (!Navigation.crisisHelpOpen)
                SafetyController.helpClosed()
        }
    }

    Shortcut {
        sequence: "Esc"
        enabled: Navigation.crisisHelpOpen || Navigation.qrScanOpen
        onActivated: {
            Navigation.crisisHelpOpen = false
            Navigation.qrScanOpen = false
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        NavigationRail {
            objectName: "navigationRail"
            visible: !shell.compact
            Layout.fillHeight: true
            expanded: shell.wide
            destinations: shell.destinations
            currentIndex: Navigation.crisisHelpOpen ? -1 : Navigation.destination
            onActivated: index => Navigation.go(index)
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ShellHeader {
                Layout.fillWidth: true
                showBack: Navigation.crisisHelpOpen || Navigation.qrScanOpen
                onHelpRequested: SafetyController.requestHelp()
                onBackRequested: {
                    Navigation.crisisHelpOpen = false
                    Navigation.qrScanOpen = false
                }
            }

            Loader {
                id: content
                objectName: "shellContent"
                Layout.fillWidth: true
                Layout.fillHeight: true
                focus: true
                sourceComponent: Navigation.crisisHelpOpen ? crisisComponent
                               : Navigation.qrScanOpen ? qrScanComponent
                               : shell.pages[Navigation.destination]
            }

            BottomNavigation {
                objectName: "bottomNavigation"
                visible: shell.compact
                Layout.fillWidth: true
                destinations: shell.destinations
                currentIndex: Navigation.crisisHelpOpen ? -1 : Navigation.destination
                onActivated: index => Navigation.go(index)
            }
        }
    }

    Component { id: todayComponent; TodayPage {} }
    Component { id: diaryComponent; DiaryPage {} }
    Component { id: prepareComponent; PreparePage {} }
    Component { id: learnComponent; LearnPage {} }
    Component { id: journalComponent; JournalPage {} }
    Component { id: settingsComponent; SettingsPage {} }
    Component { id: crisisComponent; CrisisHelpPage {} }
    Component { id: qrScanComponent; QrScanPage {} }
}
