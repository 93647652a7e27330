import QtQuick
import QtTest
import Companion.Core
import Companion.Patient

// Learn against the real controller and the shipped articles: read next → article → teach-back
// answered by clicking → result shown and recorded; search narrows the list.
TestCase {
    id: testCase
    name: "Learn"
    when: windowShown
    visible: true
    width: 800
    height: 1400

    readonly property string passphrase: "willow quartz meadow lantern 27"

    Component {
        id: learnComponent
        LearnPage { width: testCase.width; height: testCase.height }
    }

    function child(parent, name) {
        const found = findChild(parent, name)
        verify(found !== null, "no child named " + name)
        return found
    }

    function initTestCase() {
        ProfileController.createProfile(testCase.passphrase, testCase.passphrase)
        tryVerify(() => ProfileController.recoveryKeyText.length > 0, 15000)
        ProfileController.acknowledgeRecoveryKey()
        tryCompare(ProfileController, "state", ProfileController.Unlocked, 15000)
    }

    function init() { failOnWarning(/.+/) }
    function cleanup() { LearnController.closeTeachBack(); LearnController.closeArticle() }

    function test_1_readNextOpensTheArticle() {
        const page = createTemporaryObject(learnComponent, testCase)
        verify(waitForRendering(page))
        compare(LearnController.readCount, 0)
        mouseClick(child(page, "readNextButton"))
        tryVerify(() => findChild(page, "articleView") !== null)
        verify(child(page, "articleBody").text.length > 200)
        compare(LearnController.readCount, 1)
        mouseClick(child(page, "articleBackButton"))
        tryVerify(() => findChild(page, "learnLibrary") !== null)
    }

    function test_2_teachBackByClicking() {
        const page = createTemporaryObject(learnComponent, testCase)
        LearnController.showArticle("what-you-may-feel")
        tryVerify(() => findChild(page, "startTeachBackButton") !== null, 5000, "teach-back offered")
        // Below the fold of a long article: activate it directly rather than scrolling.
        child(page, "startTeachBackButton").clicked()
        tryVerify(() => findChild(page, "teachBackView") !== null, 5000, "teach-back view")
        verify(waitForRendering(child(page, "teachBackView")))
        const submit = child(page, "submitTeachBackButton")
        verify(!submit.enabled, "nothing chosen yet")
        // Both dissociation questions: option 1 is the right one in the shipped quiz.
        mouseClick(child(page, "teachBackOption_0_1"))
        tryCompare(LearnController.chosenAnswers, "0", 1)
        mouseClick(child(page, "teachBackOption_1_1"))
        tryCompare(LearnController.chosenAnswers, "1", 1)
        tryCompare(submit, "enabled", true)
        mouseClick(submit)
        tryVerify(() => child(page, "teachBackResult").visible, 5000, "result shown")
        compare(LearnController.teachBackPassed, true)
        compare(LearnController.teachBackPassedCount, 1)
    }

    function test_3_searchNarrowsTheList() {
        const page = createTemporaryObject(learnComponent, testCase)
        verify(waitForRendering(page))
        const all = LearnController.articles.count
        const field = child(page, "learnSearchField")
        field.forceActiveFocus()
        keyClick(Qt.Key_B); keyClick(Qt.Key_L); keyClick(Qt.Key_A); keyClick(Qt.Key_D)
        tryVerify(() => LearnController.articles.count > 0 && LearnController.articles.count < all)
        verify(findChild(page, "articleCard_side-effects-to-report") !== null)
        field.text = ""
        LearnController.searchText = ""
        tryCompare(LearnController.articles, "count", all)
    }
}
