import QtQuick
import QtTest
import Companion.Core
import Companion.Patient

// The conflict chooser's card (Settings → Your clinic) with a conflict as SyncController lists it:
// both versions shown, typed text as plain text, every button named for screen readers, the two
// versions side by side when there is room and stacked when there is not.
TestCase {
    id: testCase
    name: "ConflictCard"
    when: windowShown
    visible: true
    width: 900
    height: 800

    readonly property var conflict: ({
        conflictId: 7,
        title: "Check-in",
        mineLabel: "Saved on this device, 3/3/26 9:14",
        mineSummary: "Mood 2 \u00B7 Anxiety 2 \u00B7 Pain 1",
        mineText: "from the phone",
        theirsLabel: "Saved on your other device, 3/3/26 9:12",
        theirsSummary: "Mood 9 \u00B7 Anxiety 2 \u00B7 Pain 1",
        theirsText: "from the <b>laptop</b>"
    })

    Component {
        id: cardComponent
        ConflictCard { conflict: testCase.conflict }
    }

    function child(parent, name) {
        const found = findChild(parent, name)
        verify(found !== null, "no child named " + name)
        return found
    }

    function init() {
        failOnWarning(/.+/)
    }

    function test_bothVersionsAndTheirButtons() {
        const card = createTemporaryObject(cardComponent, testCase, { width: 880 })
        verify(card)
        waitForItemPolished(card)
        const mine = child(card, "conflictMine")
        const theirs = child(card, "conflictTheirs")
        compare(child(mine, "conflictSummary").text, "Mood 2 \u00B7 Anxiety 2 \u00B7 Pain 1")
        compare(child(theirs, "conflictSummary").text, "Mood 9 \u00B7 Anxiety 2 \u00B7 Pain 1")
        // What a person typed is shown as typed: markup stays text.
        const typed = child(theirs, "conflictText")
        compare(typed.text, "from the <b>laptop</b>")
        compare(typed.textFormat, Text.PlainText)
        // Side by side where there is room.
        tryVerify(() => theirs.x > mine.x && Math.abs(mine.y - theirs.y) < 1)

        const keepMine = child(mine, "keepButton")
        const keepTheirs = child(theirs, "keepButton")
        compare(keepMine.text, "Keep this one")
        compare(keepMine.Accessible.name, "Keep the version saved on this device")
        compare(keepTheirs.Accessible.name, "Keep the version from your other device")
        verify(keepMine.enabled)

        // "Keep this one" reports which version was chosen.
        const spy = createTemporaryObject(signalSpyComponent, testCase, { target: mine })
        mouseClick(keepMine)
        compare(spy.count, 1)
    }

    function test_stackedWhenNarrow() {
        const card = createTemporaryObject(cardComponent, testCase, { width: 360 })
        verify(card)
        waitForItemPolished(card)
        const mine = child(card, "conflictMine")
        const theirs = child(card, "conflictTheirs")
        tryVerify(() => theirs.y >= mine.y + mine.height && theirs.x === mine.x)
    }

    Component {
        id: signalSpyComponent
        SignalSpy { signalName: "keep" }
    }
}
