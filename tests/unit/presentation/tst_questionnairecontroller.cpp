#include <catch2/catch.hpp>

#include "presentation/profilecontroller.h"
#include "presentation/questionnairecontroller.h"
#include "presentation/safetycontroller.h"
#include "profilesession.h"
#include "storage/diaryrepository.h"
#include "storage/profile.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"
#include "support/wait.h"

using namespace companion;
using namespace Qt::StringLiterals;
using namespace companion::presentation;

namespace {

struct Fixture
{
    testing::TempDir dir;
    testing::FakeClock clock{QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC)};
    ProfileController profile{dir.path(), clock};
    SafetyController safety{profile, u"US"_s, clock};
    QuestionnaireController questionnaire{profile, safety, clock};

    Fixture()
    {
        testing::createUnlockedProfile(profile);
        QObject::connect(&safety, &SafetyController::crisisRequested, [this] { ++crisisCount; });
    }

    // How often crisis help was asked to open.
    int crisisCount = 0;

    std::vector<domain::DiaryEntry> stored(const QString &kind)
    {
        storage::DiaryRepository repository(profile.profile()->records());
        auto entries = repository.timeline(QDateTime(), QDateTime(), {kind});
        REQUIRE(entries);
        return *entries;
    }
};

} // namespace

TEST_CASE("A questionnaire walks item by item and stores a versioned result",
          "[presentation][questionnaire]")
{
    Fixture f;
    f.questionnaire.start(u"gad7"_s);
    REQUIRE(f.questionnaire.active());
    CHECK(f.questionnaire.title() == u"GAD-7"_s);
    CHECK(f.questionnaire.count() == 7);
    CHECK(f.questionnaire.progressText() == u"Question 1 of 7"_s);
    CHECK_FALSE(f.questionnaire.canGoBack());
    CHECK(f.questionnaire.itemOptions().size() == 4);
    f.questionnaire.answer(7); // not an option: ignored
    CHECK(f.questionnaire.index() == 0);
    for (int i = 0; i < 7; ++i)
        f.questionnaire.answer(i % 4);
    CHECK(f.questionnaire.index() == 6); // the last item stays put
    CHECK_FALSE(f.questionnaire.itemOptional());
    CHECK(f.questionnaire.canSubmit());
    f.questionnaire.back();
    CHECK(f.questionnaire.index() == 5);
    const QVariantMap selected = f.questionnaire.itemOptions().at(1).toMap();
    CHECK(selected.value(u"selected"_s).toBool()); // item 6 was answered 1
    f.questionnaire.answer(3);                     // change it
    CHECK(f.questionnaire.index() == 6);
    REQUIRE(f.questionnaire.submit());
    CHECK(f.questionnaire.showingResult());
    // 0+1+2+3+0+3+2 = 11: moderate (10-14).
    CHECK(f.questionnaire.resultTotal() == 11);
    CHECK(f.questionnaire.resultSeverity() == u"Moderate"_s);
    CHECK_FALSE(f.questionnaire.resultSafetyFlag());

    const auto results = f.stored(domain::kinds::instrumentResult);
    REQUIRE(results.size() == 1);
    const auto &result = std::get<domain::InstrumentResult>(results.front().body);
    CHECK(result.instrumentId == u"gad7"_s);
    CHECK_FALSE(result.instrumentVersion.isEmpty());
    CHECK_FALSE(result.scoringRuleVersion.isEmpty());
    CHECK(result.answers == std::vector<int>{0, 1, 2, 3, 0, 3, 2});
    f.questionnaire.close();
    CHECK_FALSE(f.questionnaire.active());
    CHECK_FALSE(f.questionnaire.hasDraft());
}

TEST_CASE("PHQ-9 item 9 opens crisis help at once and records the safety event",
          "[presentation][questionnaire][safety]")
{
    Fixture f;
    f.questionnaire.start(u"phq9"_s);
    for (int i = 0; i < 8; ++i)
        f.questionnaire.answer(0);
    CHECK(f.crisisCount == 0);
    f.questionnaire.answer(1); // item 9: "several days"
    CHECK(f.crisisCount == 1); // before the questionnaire is finished
    CHECK(f.safety.trigger() == u"item9"_s);
    CHECK(f.safety.canTellClinic());
    auto events = f.stored(domain::kinds::safetyEvent);
    REQUIRE(events.size() == 1);
    CHECK(std::get<domain::SafetyEvent>(events.front().body).trigger ==
          domain::SafetyEvent::Trigger::Item9);

    // Changing item 9 to another positive answer does not open help a second time.
    f.questionnaire.back();
    f.questionnaire.answer(2);
    CHECK(f.crisisCount == 1);
    REQUIRE(f.questionnaire.submit());
    CHECK(f.questionnaire.resultSafetyFlag());
    // The event now points at the stored result.
    const auto results = f.stored(domain::kinds::instrumentResult);
    REQUIRE(results.size() == 1);
    events = f.stored(domain::kinds::safetyEvent);
    REQUIRE(events.size() == 1);
    CHECK(std::get<domain::SafetyEvent>(events.front().body).sourceResultId == results.front().id);

    REQUIRE(f.safety.tellClinic());
    CHECK(f.safety.toldClinic());
    CHECK_FALSE(f.safety.canTellClinic());
    CHECK_FALSE(f.safety.tellClinic()); // once per opening
    events = f.stored(domain::kinds::safetyEvent);
    CHECK(std::get<domain::SafetyEvent>(events.front().body).toldClinic);
    // The default protocol has no staffed alerts: the words say so.
    CHECK(f.safety.toldClinicText().contains(u"not switched on"_s));
}

TEST_CASE("Item 9 answered 0 does not open crisis help", "[presentation][questionnaire][safety]")
{
    Fixture f;
    f.questionnaire.start(u"phq9"_s);
    for (int i = 0; i < 9; ++i)
        f.questionnaire.answer(3);
    CHECK(f.crisisCount == 1);
    f.safety.helpClosed();
    f.questionnaire.close(true);
    f.questionnaire.start(u"phq9"_s);
    for (int i = 0; i < 9; ++i)
        f.questionnaire.answer(i == 8 ? 0 : 3);
    CHECK(f.crisisCount == 1);
}

TEST_CASE("An interrupted questionnaire resumes from its draft", "[presentation][questionnaire]")
{
    Fixture f;
    f.questionnaire.start(u"pcl5"_s);
    for (int i = 0; i < 5; ++i)
        f.questionnaire.answer(2);
    f.profile.lock();
    CHECK_FALSE(f.questionnaire.active());
    f.profile.unlock(testing::kTestPassphrase);
    REQUIRE(testing::waitUntil([&] { return !f.profile.busy(); }));
    REQUIRE(f.questionnaire.hasDraft());
    CHECK(f.questionnaire.draftTitle() == u"PCL-5"_s);
    f.questionnaire.start(u"pcl5"_s);
    CHECK(f.questionnaire.index() == 5);
    for (int i = 5; i < 20; ++i)
        f.questionnaire.answer(1);
    REQUIRE(f.questionnaire.submit());
    // 5×2 + 15×1 = 25, with the four cluster scores shown.
    CHECK(f.questionnaire.resultTotal() == 25);
    CHECK(f.questionnaire.resultClusters().size() == 4);
}

TEST_CASE("Asking for help records a manual event; locked, it still opens help",
          "[presentation][safety]")
{
    Fixture f;
    f.safety.requestHelp();
    CHECK(f.crisisCount == 1);
    CHECK(f.safety.trigger() == u"manual"_s);
    f.safety.requestHelp(); // a second tap on the same opening
    CHECK(f.stored(domain::kinds::safetyEvent).size() == 1);
    f.safety.helpClosed();
    CHECK(f.safety.trigger().isEmpty());
    f.safety.requestHelp();
    CHECK(f.stored(domain::kinds::safetyEvent).size() == 2);
    f.safety.helpClosed();

    f.profile.lock();
    f.safety.requestHelp();
    CHECK(f.crisisCount == 4);
    CHECK_FALSE(f.safety.canTellClinic()); // nothing to record into while locked
}
