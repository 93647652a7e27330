#include <catch2/catch.hpp>

#include "presentation/diarycontroller.h"
#include "presentation/diaryform.h"
#include "presentation/profilecontroller.h"
#include "profilesession.h"
#include "storage/diaryrepository.h"
#include "storage/profile.h"
#include "support/fakeclock.h"
#include "support/filescan.h"
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
    DiaryController diary{profile, clock};

    Fixture()
    {
        testing::createUnlockedProfile(profile);
        diary.setDraftDelay(30);
    }

    void relock() { testing::relockProfile(profile); }

    void rate(int mood, int anxiety, int pain)
    {
        diary.setValue(u"mood"_s, mood);
        diary.setValue(u"anxiety"_s, anxiety);
        diary.setValue(u"pain"_s, pain);
    }
};

} // namespace

TEST_CASE("Form values are normalised or refused per question type", "[presentation][diary]")
{
    using Kind = DiaryForm::Kind;
    CHECK(DiaryForm::normalize(Kind::CheckIn, u"mood"_s, 7) == QVariant(7));
    CHECK(DiaryForm::normalize(Kind::CheckIn, u"mood"_s, 7.0) == QVariant(7));
    CHECK_FALSE(DiaryForm::normalize(Kind::CheckIn, u"mood"_s, 7.5));
    CHECK_FALSE(DiaryForm::normalize(Kind::CheckIn, u"mood"_s, 11));
    CHECK_FALSE(DiaryForm::normalize(Kind::CheckIn, u"mood"_s, -1));
    CHECK_FALSE(DiaryForm::normalize(Kind::CheckIn, u"mood"_s, u"high"_s));
    CHECK(DiaryForm::normalize(Kind::CheckIn, u"sleepHours"_s, 7.4) == QVariant(7.5));
    CHECK_FALSE(DiaryForm::normalize(Kind::CheckIn, u"sleepHours"_s, 25));
    CHECK_FALSE(DiaryForm::normalize(Kind::CheckIn, u"nausea"_s, u"mild"_s)); // not a check-in key
    CHECK(DiaryForm::normalize(Kind::PostInfusion, u"nausea"_s, u"mild"_s) == QVariant(u"mild"_s));
    CHECK_FALSE(DiaryForm::normalize(Kind::PostInfusion, u"nausea"_s, u"awful"_s));
    CHECK(DiaryForm::normalize(Kind::PostInfusion, u"systolic"_s, 120) == QVariant(120));
    CHECK_FALSE(DiaryForm::normalize(Kind::CheckIn, u"note"_s, QString(5000, u'x')));
    CHECK(DiaryForm::normalize(Kind::CheckIn, u"tags"_s, QStringList{u"a"_s, u"a"_s, u"b"_s}) ==
          QVariant(QStringList{u"a"_s, u"b"_s}));
}

TEST_CASE("A check-in needs mood, anxiety and pain; post-infusion needs one answer",
          "[presentation][diary]")
{
    using Kind = DiaryForm::Kind;
    const QDateTime at(QDate(2026, 3, 10), QTime(8, 0), Qt::UTC);
    QVariantMap values{{u"mood"_s, 6}, {u"anxiety"_s, 3}};
    CHECK_FALSE(DiaryForm::toBody(Kind::CheckIn, values, at));
    CHECK(DiaryForm::missingHint(Kind::CheckIn, values).contains(u"pain"_s));
    values.insert(u"pain"_s, 0);
    values.insert(u"sleepHours"_s, 6.5);
    values.insert(u"note"_s, u"  slept badly  "_s);
    const auto body = DiaryForm::toBody(Kind::CheckIn, values, at);
    REQUIRE(body);
    const auto &checkIn = std::get<domain::CheckIn>(*body);
    CHECK(checkIn.pain == 0);
    CHECK(checkIn.sleepHours == 6.5);
    CHECK(checkIn.note == u"slept badly"_s);
    CHECK(DiaryForm::missingHint(Kind::CheckIn, values).isEmpty());
    // Round trip: editing an entry shows what was saved.
    CHECK(DiaryForm::toValues(*body).value(u"sleepHours"_s).toDouble() == 6.5);

    QVariantMap post;
    CHECK_FALSE(DiaryForm::toBody(Kind::PostInfusion, post, at));
    post.insert(u"systolic"_s, 130);
    CHECK(DiaryForm::missingHint(Kind::PostInfusion, post).contains(u"both"_s));
    post.insert(u"diastolic"_s, 140);
    CHECK(DiaryForm::missingHint(Kind::PostInfusion, post).contains(u"higher"_s));
    post.insert(u"diastolic"_s, 85);
    CHECK(DiaryForm::missingHint(Kind::PostInfusion, post).isEmpty());
    post.insert(u"dissociation"_s, u"moderate"_s);
    const auto check = DiaryForm::toBody(Kind::PostInfusion, post, at);
    REQUIRE(check);
    CHECK(std::get<domain::PostInfusionCheck>(*check).dissociation ==
          domain::SymptomGrade::Moderate);
}

TEST_CASE("A check-in is saved once, shows its state, and is listed", "[presentation][diary]")
{
    Fixture f;
    CHECK(f.diary.available());
    CHECK_FALSE(f.diary.checkedInToday());
    f.diary.startCheckIn();
    CHECK(f.diary.editorKind() == u"checkin"_s);
    CHECK_FALSE(f.diary.lowEnergy());
    CHECK(f.diary.editorStateLabel() == u"Not saved yet"_s);
    CHECK_FALSE(f.diary.editorCanSave());
    CHECK_FALSE(f.diary.save());
    f.rate(6, 3, 2);
    f.diary.setValue(u"note"_s, u"<b>calm</b> morning"_s);
    CHECK(f.diary.editorCanSave());
    REQUIRE(testing::waitUntil([&] { return !f.diary.draftSavePending(); }));
    CHECK(f.diary.editorStateLabel() == u"Draft kept on this device"_s);
    REQUIRE(f.diary.save());
    CHECK(f.diary.editorKind().isEmpty());
    CHECK_FALSE(f.diary.hasDraft());
    CHECK(f.diary.checkedInToday());
    REQUIRE(f.diary.entryCount() == 1);
    const QVariantMap entry = f.diary.entries().front().toMap();
    CHECK(entry.value(u"title"_s).toString() == u"Check-in"_s);
    CHECK(entry.value(u"summary"_s).toString() == u"Mood 6 \u00B7 Anxiety 3 \u00B7 Pain 2"_s);
    CHECK(entry.value(u"note"_s).toString() == u"<b>calm</b> morning"_s);
    CHECK(entry.value(u"stateLabel"_s).toString() == u"Saved on this device"_s);
    CHECK(entry.value(u"editable"_s).toBool());
    CHECK_FALSE(entry.value(u"edited"_s).toBool());
    // One record version: autosaving a draft does not pile up versions or outbox rows.
    storage::RecordRepository &records = f.profile.profile()->records();
    const auto id = RecordId::fromString(entry.value(u"id"_s).toString());
    CHECK(records.history(id)->size() == 1);
    CHECK(records.pendingOutbox(100)->size() == 1);
}

TEST_CASE("Editing keeps history; deleting leaves a tombstone", "[presentation][diary]")
{
    Fixture f;
    f.diary.startCheckIn();
    f.rate(4, 5, 6);
    REQUIRE(f.diary.save());
    const QString id = f.diary.entries().front().toMap().value(u"id"_s).toString();

    f.diary.startEdit(id);
    CHECK(f.diary.editorKind() == u"checkin"_s);
    CHECK_FALSE(f.diary.editorIsNew());
    CHECK(f.diary.editorValues().value(u"pain"_s).toInt() == 6);
    CHECK(f.diary.editorStateLabel() == u"Saved on this device"_s);
    f.diary.setValue(u"pain"_s, 1);
    REQUIRE(f.diary.save());
    REQUIRE(f.diary.entryCount() == 1);
    const QVariantMap edited = f.diary.entries().front().toMap();
    CHECK(edited.value(u"edited"_s).toBool());
    CHECK(edited.value(u"summary"_s).toString().contains(u"Pain 1"_s));
    storage::DiaryRepository repository(f.profile.profile()->records());
    const auto history = repository.history(RecordId::fromString(id));
    REQUIRE(history);
    REQUIRE(history->size() == 2);
    CHECK(std::get<domain::CheckIn>(history->front().body).pain == 6);

    REQUIRE(f.diary.removeEntry(id));
    CHECK(f.diary.entryCount() == 0);
    CHECK_FALSE(f.diary.removeEntry(u"not-an-id"_s));
    CHECK_FALSE(f.diary.errorMessage().isEmpty());
}

TEST_CASE("A draft survives locking and resumes on the same screen", "[presentation][diary]")
{
    Fixture f;
    f.diary.startPostInfusion();
    CHECK(f.diary.lowEnergy()); // on by default after an infusion
    CHECK(f.diary.editorStepCount() == 7);
    f.diary.setValue(u"nausea"_s, u"mild"_s);
    f.diary.nextStep();
    f.diary.setValue(u"dizziness"_s, u"severe"_s);
    f.diary.nextStep();
    CHECK(f.diary.editorStep() == 2);
    CHECK(f.diary.draftSavePending());
    f.relock(); // the pending draft is written before the database closes
    CHECK(f.diary.editorKind().isEmpty());
    CHECK(f.diary.editorValues().isEmpty());
    REQUIRE(f.diary.hasDraft());
    CHECK(f.diary.draftSummary().contains(u"after-infusion"_s));

    f.diary.startPostInfusion(); // resumes instead of starting over
    CHECK(f.diary.editorKind() == u"postinfusion"_s);
    CHECK(f.diary.editorValues().value(u"nausea"_s).toString() == u"mild"_s);
    CHECK(f.diary.editorValues().value(u"dizziness"_s).toString() == u"severe"_s);
    CHECK(f.diary.editorStep() == 2);
    CHECK(f.diary.lowEnergy());
    REQUIRE(f.diary.save());
    const QVariantMap entry = f.diary.entries().front().toMap();
    CHECK(entry.value(u"summary"_s).toString() == u"Nausea: mild \u00B7 Dizziness: severe"_s);

    // "Finish later" keeps the draft; "Discard" drops it.
    f.diary.startCheckIn();
    f.diary.setValue(u"mood"_s, 2);
    f.diary.cancel(false);
    CHECK(f.diary.hasDraft());
    f.diary.startCheckIn();
    CHECK(f.diary.editorValues().value(u"mood"_s).toInt() == 2);
    f.diary.cancel(true);
    CHECK_FALSE(f.diary.hasDraft());
}

TEST_CASE("Typed diary text never reaches a file outside the encrypted database",
          "[presentation][diary][privacy]")
{
    Fixture f;
    const QString canary = u"CANARY-diary-7f3a"_s;
    f.diary.startCheckIn();
    f.rate(5, 5, 5);
    f.diary.setValue(u"note"_s, canary);
    REQUIRE(testing::waitUntil([&] { return !f.diary.draftSavePending(); }));
    f.relock(); // draft on disk
    REQUIRE(f.diary.hasDraft());
    f.diary.resumeDraft();
    REQUIRE(f.diary.save());
    f.profile.lock();
    CHECK(testing::filesContaining(f.dir.path(), canary).isEmpty());
}

TEST_CASE("Due questionnaires follow the protocol schedule and infusions", "[presentation][diary]")
{
    Fixture f;
    // No infusions yet: the baseline PHQ-9 and GAD-7 are due.
    QStringList due;
    for (const QVariant &slot : f.diary.dueInstruments())
        due << slot.toMap().value(u"instrumentId"_s).toString();
    due.sort();
    CHECK(due == QStringList{u"gad7"_s, u"phq9"_s});

    // An infusion tomorrow: the "before infusion 1" slot is the baseline, still due; after a
    // PHQ-9 result it is gone.
    const QDateTime infusion = f.clock.nowUtc().addDays(1);
    f.diary.setInfusionTimesProvider([infusion] { return std::vector<QDateTime>{infusion}; });
    storage::DiaryRepository repository(f.profile.profile()->records());
    auto catalog = domain::InstrumentCatalog::loadBuiltIn();
    REQUIRE(catalog);
    auto score = domain::scoreInstrument(*catalog->find(u"phq9"_s), std::vector<int>(9, 1));
    REQUIRE(score);
    REQUIRE(repository.add(
        domain::InstrumentResult::fromScore(*score, std::vector<int>(9, 1), f.clock.nowUtc())));
    f.diary.reload();
    due.clear();
    for (const QVariant &slot : f.diary.dueInstruments())
        due << slot.toMap().value(u"instrumentId"_s).toString();
    CHECK(due == QStringList{u"gad7"_s});
}

TEST_CASE("The list shows every kind from its summary; an entry is decoded when opened",
          "[presentation][diary]")
{
    Fixture f;
    storage::DiaryRepository repository(f.profile.profile()->records());
    const QDateTime at = f.clock.nowUtc().addDays(-1);
    domain::CheckIn checkIn;
    checkIn.occurredAt = at;
    checkIn.mood = 8;
    checkIn.anxiety = 1;
    checkIn.pain = 0;
    checkIn.sleepHours = 7.25;
    checkIn.energy = 6;
    checkIn.note = u"slow morning"_s;
    auto added = repository.add(checkIn);
    REQUIRE(added);
    auto catalog = domain::InstrumentCatalog::loadBuiltIn();
    REQUIRE(catalog);
    auto score = domain::scoreInstrument(*catalog->find(u"phq9"_s), std::vector<int>(9, 1));
    REQUIRE(score);
    REQUIRE(repository.add(
        domain::InstrumentResult::fromScore(*score, std::vector<int>(9, 1), at.addSecs(60))));
    domain::SafetyEvent event;
    event.occurredAt = at.addSecs(120);
    event.toldClinic = true;
    REQUIRE(repository.add(event));
    f.diary.reload();

    REQUIRE(f.diary.entryCount() == 3);
    CHECK_FALSE(f.diary.checkedInToday()); // yesterday's check-in
    const QVariantMap safety = f.diary.entries().at(0).toMap();
    CHECK(safety.value(u"title"_s).toString() == u"Crisis help opened"_s);
    CHECK(safety.value(u"summary"_s).toString() ==
          u"You asked for help \u00B7 You told your clinic"_s);
    CHECK_FALSE(safety.value(u"editable"_s).toBool());
    const QVariantMap phq9 = f.diary.entries().at(1).toMap();
    CHECK(phq9.value(u"title"_s).toString() == u"PHQ-9"_s);
    CHECK(phq9.value(u"summary"_s).toString() == u"9 of 27 \u00B7 Mild"_s);
    CHECK(phq9.value(u"note"_s).toString().isEmpty()); // the severity is not a note
    const QVariantMap entry = f.diary.entries().at(2).toMap();
    CHECK(entry.value(u"summary"_s).toString() ==
          u"Mood 8 \u00B7 Anxiety 1 \u00B7 Pain 0 \u00B7 Sleep 7.25 h \u00B7 Energy 6"_s);
    CHECK(entry.value(u"note"_s).toString() == u"slow morning"_s);
    CHECK(entry.value(u"editable"_s).toBool());

    // The list does not read bodies: a body that stopped decoding still lists from its summary
    // columns, and fails only when the entry is opened.
    auto spoil = f.profile.profile()->database().prepare(
        "UPDATE records SET body = CAST('{}' AS BLOB) WHERE id = ?1;");
    REQUIRE(spoil);
    spoil->bind(1, added->id.toString());
    REQUIRE(spoil->run());
    spoil = storage::Statement();
    f.diary.reload();
    REQUIRE(f.diary.entryCount() == 3);
    CHECK(f.diary.errorMessage().isEmpty());
    f.diary.startEdit(added->id.toString());
    CHECK(f.diary.editorKind().isEmpty());
    CHECK_FALSE(f.diary.errorMessage().isEmpty());
}
