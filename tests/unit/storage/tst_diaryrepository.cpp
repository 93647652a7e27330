#include <catch2/catch.hpp>

#include "crypto/secretwrap.h"
#include "domain/listsummary.h"
#include "storage/diaryrepository.h"
#include "storage/migrations.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::storage;
using namespace companion::domain;

namespace {

struct Fixture
{
    testing::TempDir dir;
    testing::FakeClock clock;
    Database db;
    std::unique_ptr<RecordRepository> records;
    std::unique_ptr<DiaryRepository> diary;

    Fixture()
    {
        auto opened = Database::openEncrypted(dir.file(u"d.db"_s), crypto::randomKey(),
                                              Database::OpenMode::CreateNew);
        REQUIRE(opened);
        db = std::move(*opened);
        REQUIRE(createFreshSchema(db));
        records = std::make_unique<RecordRepository>(db, clock);
        diary = std::make_unique<DiaryRepository>(*records);
    }
};

QDateTime day(int n, int hour = 9)
{
    return QDateTime(QDate(2026, 1, 1), QTime(hour, 0), Qt::UTC).addDays(n);
}

CheckIn checkIn(int dayNumber, int mood)
{
    CheckIn entry;
    entry.occurredAt = day(dayNumber);
    entry.mood = mood;
    entry.anxiety = 2;
    entry.pain = 1;
    return entry;
}

InstrumentResult result(int dayNumber, const QString &id, double total)
{
    InstrumentResult entry;
    entry.occurredAt = day(dayNumber);
    entry.instrumentId = id;
    entry.instrumentVersion = u"1.0.0"_s;
    entry.scoringRuleVersion = u"1"_s;
    entry.answers = {1};
    entry.total = total;
    return entry;
}

} // namespace

TEST_CASE("the timeline is ordered by when entries happened, not when they were written",
          "[storage][diary]")
{
    Fixture f;
    // Written in the order 5, 1, 3; a late entry about day 1 must sort before day 3.
    REQUIRE(f.diary->add(checkIn(5, 5)));
    f.clock.advanceSeconds(60);
    REQUIRE(f.diary->add(checkIn(1, 1)));
    f.clock.advanceSeconds(60);
    REQUIRE(f.diary->add(result(3, u"phq9"_s, 12)));
    auto all = f.diary->timeline({}, {});
    REQUIRE(all);
    REQUIRE(all->size() == 3);
    CHECK(all->at(0).occurredAt() == day(5));
    CHECK(all->at(1).kind() == kinds::instrumentResult);
    CHECK(all->at(2).occurredAt() == day(1));

    // [from, to): day 1 included, day 5 excluded.
    auto range = f.diary->timeline(day(1), day(5));
    REQUIRE(range);
    CHECK(range->size() == 2);
    auto onlyCheckIns = f.diary->timeline({}, {}, {kinds::diaryCheckIn});
    REQUIRE(onlyCheckIns);
    CHECK(onlyCheckIns->size() == 2);
}

TEST_CASE("editing keeps every version; deleting hides the entry but keeps history",
          "[storage][diary]")
{
    Fixture f;
    auto added = f.diary->add(checkIn(1, 3));
    REQUIRE(added);
    f.clock.advanceSeconds(10);
    CheckIn changed = checkIn(2, 7); // a new mood and a corrected time
    auto edited = f.diary->edit(added->id, changed);
    REQUIRE(edited);
    CHECK(edited->version == 2);

    auto history = f.diary->history(added->id);
    REQUIRE(history);
    REQUIRE(history->size() == 2);
    CHECK(std::get<CheckIn>(history->at(0).body).mood == 3);
    CHECK(std::get<CheckIn>(history->at(1).body).mood == 7);
    // The timeline follows the edited time.
    CHECK(f.diary->timeline(day(1), day(2))->empty());
    CHECK(f.diary->timeline(day(2), day(3))->size() == 1);

    // The kind cannot change, and an invalid body is not stored.
    CHECK(f.diary->edit(added->id, result(2, u"phq9"_s, 3)).error().code ==
          ErrorCode::InvalidInput);
    CheckIn invalid = checkIn(2, 11);
    CHECK_FALSE(f.diary->edit(added->id, invalid));
    CHECK(f.diary->history(added->id)->size() == 2);

    REQUIRE(f.diary->remove(added->id));
    CHECK(f.diary->timeline({}, {})->empty());
    CHECK_FALSE(*f.diary->find(added->id));
    CHECK(f.diary->history(added->id)->size() == 2); // the tombstone has no body
    CHECK(f.records->history(added->id)->size() == 3);
    auto outbox = f.records->pendingOutbox(10);
    REQUIRE(outbox);
    CHECK(outbox->size() == 3);
}

TEST_CASE("chart series come oldest first for one instrument or measure", "[storage][diary]")
{
    Fixture f;
    REQUIRE(f.diary->add(result(3, u"phq9"_s, 12)));
    REQUIRE(f.diary->add(result(1, u"phq9"_s, 20)));
    REQUIRE(f.diary->add(result(2, u"gad7"_s, 9)));
    CheckIn withSleep = checkIn(4, 6);
    withSleep.sleepHours = 6.5;
    REQUIRE(f.diary->add(withSleep));
    REQUIRE(f.diary->add(checkIn(5, 8)));

    auto phq9 = f.diary->instrumentSeries(u"phq9"_s, {}, {});
    REQUIRE(phq9);
    REQUIRE(phq9->size() == 2);
    CHECK(phq9->at(0).value == 20);
    CHECK(phq9->at(1).value == 12);
    auto mood = f.diary->checkInSeries(u"mood"_s, {}, {});
    REQUIRE(mood);
    REQUIRE(mood->size() == 2);
    CHECK(mood->at(0).value == 6);
    auto sleep = f.diary->checkInSeries(u"sleepHours"_s, {}, {});
    REQUIRE(sleep);
    REQUIRE(sleep->size() == 1); // absent values are skipped
    CHECK(sleep->at(0).value == 6.5);
    CHECK_FALSE(f.diary->checkInSeries(u"note"_s, {}, {}));
}

TEST_CASE("the indexed chart series follows every add, edit and delete", "[storage][diary]")
{
    Fixture f;
    auto first = f.diary->add(result(1, u"phq9"_s, 20));
    auto second = f.diary->add(result(2, u"phq9"_s, 15));
    REQUIRE(first);
    REQUIRE(second);
    auto values = [&](const QString &id) {
        auto series = f.diary->instrumentSeries(id, {}, {});
        REQUIRE(series);
        std::vector<double> out;
        for (const SeriesPoint &point : *series)
            out.push_back(point.value);
        return out;
    };
    CHECK(values(u"phq9"_s) == std::vector<double>{20, 15});

    // A new total and a later time move the point.
    REQUIRE(f.diary->edit(first->id, result(3, u"phq9"_s, 11)));
    CHECK(values(u"phq9"_s) == std::vector<double>{15, 11});
    auto series = f.diary->instrumentSeries(u"phq9"_s, {}, {});
    REQUIRE(series);
    CHECK(series->back().at == day(3));
    // The range is [from, to).
    auto ranged = f.diary->instrumentSeries(u"phq9"_s, day(2), day(3));
    REQUIRE(ranged);
    REQUIRE(ranged->size() == 1);
    CHECK(ranged->front().value == 15);

    // An edit to another instrument moves the point to that series.
    REQUIRE(f.diary->edit(second->id, result(2, u"gad7"_s, 7)));
    CHECK(values(u"phq9"_s) == std::vector<double>{11});
    CHECK(values(u"gad7"_s) == std::vector<double>{7});

    // A deleted entry leaves the chart; its tombstone carries no series value.
    REQUIRE(f.diary->remove(first->id));
    CHECK(values(u"phq9"_s).empty());
    auto row = f.db.prepare("SELECT series_key, series_value FROM records WHERE id = ?1;");
    REQUIRE(row);
    row->bind(1, first->id.toString());
    REQUIRE(*row->step());
    CHECK(row->columnIsNull(0));
    CHECK(row->columnIsNull(1));

    // Other kinds never get a series value.
    auto checkInEntry = f.diary->add(checkIn(4, 5));
    REQUIRE(checkInEntry);
    row = f.db.prepare("SELECT series_key FROM records WHERE id = ?1;");
    REQUIRE(row);
    row->bind(1, checkInEntry->id.toString());
    REQUIRE(*row->step());
    CHECK(row->columnIsNull(0));
}

TEST_CASE("a stored body that no longer decodes is reported as damaged", "[storage][diary]")
{
    Fixture f;
    REQUIRE(f.records->create(kinds::diaryCheckIn, "{\"format\":1}", day(1)));
    auto timeline = f.diary->timeline({}, {});
    REQUIRE_FALSE(timeline);
    CHECK(timeline.error().code == ErrorCode::Damaged);
    // The list reads no body, but a live entry without a summary is just as damaged.
    auto list = f.diary->listSummaries({}, {});
    REQUIRE_FALSE(list);
    CHECK(list.error().code == ErrorCode::Damaged);
}

namespace {

// The derived columns of one stored row, read back with SQL.
struct StoredSummary
{
    bool hasSummary = false;
    ListSummary summary;
    QString seriesKey;
    bool hasSeriesValue = false;
};

StoredSummary storedSummary(Database &db, const RecordId &id)
{
    auto row = db.prepare("SELECT summary_values, summary_number, summary_text, series_key, "
                          "series_value FROM records WHERE id = ?1;");
    REQUIRE(row);
    row->bind(1, id.toString());
    REQUIRE(*row->step());
    StoredSummary stored;
    stored.hasSummary = !row->columnIsNull(0);
    stored.summary.values = SummarySlots::fromPacked(row->columnInt64(0));
    if (!row->columnIsNull(1))
        stored.summary.number = row->columnDouble(1);
    stored.summary.text = row->columnText(2);
    stored.seriesKey = row->columnText(3);
    stored.hasSeriesValue = !row->columnIsNull(4);
    return stored;
}

PostInfusionCheck postInfusion(int dayNumber)
{
    PostInfusionCheck check;
    check.occurredAt = day(dayNumber, 15);
    check.nausea = SymptomGrade::Mild;
    check.systolic = 130;
    check.diastolic = 85;
    check.note = u"tired"_s;
    return check;
}

} // namespace

TEST_CASE("summary columns agree with the body after create, update and delete", "[storage][diary]")
{
    Fixture f;
    CheckIn first = checkIn(1, 6);
    first.sleepHours = 7.5;
    first.note = u"walked"_s;
    auto added = f.diary->add(first);
    REQUIRE(added);
    StoredSummary stored = storedSummary(f.db, added->id);
    CHECK(stored.hasSummary);
    CHECK(stored.summary == listSummaryOf(first));
    CHECK(stored.seriesKey.isEmpty());

    CheckIn changed = first;
    changed.mood = 2;
    changed.sleepHours.reset();
    changed.energy = 8;
    changed.note.clear();
    REQUIRE(f.diary->edit(added->id, changed));
    stored = storedSummary(f.db, added->id);
    CHECK(stored.summary == listSummaryOf(changed));
    CHECK_FALSE(stored.summary.number);
    CHECK(stored.summary.text.isEmpty());

    auto check = f.diary->add(postInfusion(2));
    auto phq9 = f.diary->add(result(3, u"phq9"_s, 12));
    REQUIRE(check);
    REQUIRE(phq9);
    CHECK(storedSummary(f.db, check->id).summary == listSummaryOf(postInfusion(2)));
    stored = storedSummary(f.db, phq9->id);
    CHECK(stored.summary == listSummaryOf(result(3, u"phq9"_s, 12)));
    CHECK(stored.seriesKey == u"phq9"_s);

    // A tombstone has no body and so no summary.
    REQUIRE(f.diary->remove(added->id));
    stored = storedSummary(f.db, added->id);
    CHECK_FALSE(stored.hasSummary);
    CHECK_FALSE(stored.summary.number);
    CHECK(stored.summary.text.isEmpty());

    // Other kinds and bodies that do not decode derive nothing.
    auto setting = f.records->create(domain::kinds::profileSettings, "{\"note\":\"x\"}");
    auto broken = f.records->create(kinds::diaryCheckIn, "{\"format\":1}", day(4));
    REQUIRE(setting);
    REQUIRE(broken);
    CHECK_FALSE(storedSummary(f.db, setting->id).hasSummary);
    CHECK_FALSE(storedSummary(f.db, broken->id).hasSummary);
    CHECK(storedSummary(f.db, broken->id).summary.text.isEmpty());
}

TEST_CASE("the diary list has the timeline's entries, order and range without bodies",
          "[storage][diary]")
{
    Fixture f;
    CheckIn withSleep = checkIn(5, 7);
    withSleep.sleepHours = 6.25;
    withSleep.note = u"late night"_s;
    SafetyEvent event;
    event.occurredAt = day(3, 20);
    event.toldClinic = true;
    const std::vector<DiaryBody> bodies = {checkIn(1, 4),
                                           withSleep,
                                           postInfusion(2),
                                           result(3, u"gad7"_s, 9),
                                           result(3, u"phq9"_s, 11),
                                           event};
    for (const DiaryBody &body : bodies)
        REQUIRE(f.diary->add(body));
    auto edited = f.diary->add(checkIn(6, 1));
    REQUIRE(edited);
    REQUIRE(f.diary->edit(edited->id, checkIn(6, 3)));
    auto removed = f.diary->add(checkIn(4, 9));
    REQUIRE(removed);
    REQUIRE(f.diary->remove(removed->id));

    auto compare = [&](const QDateTime &from, const QDateTime &to, const QStringList &kinds) {
        auto entries = f.diary->timeline(from, to, kinds);
        auto rows = f.diary->listSummaries(from, to, kinds);
        REQUIRE(entries);
        REQUIRE(rows);
        REQUIRE(rows->size() == entries->size());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const DiaryEntry &entry = entries->at(i);
            const RecordSummary &row = rows->at(i);
            CHECK(row.id == entry.id);
            CHECK(row.kind == entry.kind());
            CHECK(row.version == entry.version);
            CHECK(row.occurredAtMs == entry.occurredAt().toMSecsSinceEpoch());
            CHECK(row.hasSummary);
            CHECK(row.summary == listSummaryOf(entry.body));
            const auto *instrument = std::get_if<InstrumentResult>(&entry.body);
            CHECK(row.seriesKey == (instrument ? instrument->instrumentId : QString()));
        }
        return rows->size();
    };
    CHECK(compare({}, {}, {}) == 7); // the tombstone is left out
    CHECK(compare(day(2), day(4), {}) == 4);
    CHECK(compare({}, {}, {kinds::instrumentResult}) == 2);
    CHECK(compare(day(6), {}, {kinds::diaryCheckIn}) == 1);
    auto latest = f.diary->listSummaries({}, {});
    REQUIRE(latest);
    CHECK(latest->front().id == edited->id);
    CHECK(latest->front().version == 2);
    CHECK(latest->front().summary.values.at(checkInSlot::Mood) == 3);
}

TEST_CASE("a version applied from another device keeps the summary columns true",
          "[storage][diary]")
{
    Fixture f;
    auto added = f.diary->add(checkIn(1, 4));
    REQUIRE(added);
    // The same entry as another device edited it, written the way sync applies it.
    CheckIn remote = checkIn(2, 9);
    remote.note = u"from the phone"_s;
    auto current = f.records->find(added->id);
    REQUIRE(current);
    REQUIRE(*current);
    domain::Record record = **current;
    record.version = 2;
    record.body = *encodeBody(remote);
    record.occurredAt = remote.occurredAt;
    REQUIRE(f.records->writeRemoteVersion(record));
    StoredSummary stored = storedSummary(f.db, added->id);
    CHECK(stored.hasSummary);
    CHECK(stored.summary == listSummaryOf(remote));
    auto rows = f.diary->listSummaries({}, {});
    REQUIRE(rows);
    REQUIRE(rows->size() == 1);
    CHECK(rows->front().version == 2);
    CHECK(rows->front().summary.text == u"from the phone"_s);

    // A remote deletion clears them.
    record.version = 3;
    record.deleted = true;
    record.body.clear();
    REQUIRE(f.records->writeRemoteVersion(record));
    CHECK_FALSE(storedSummary(f.db, added->id).hasSummary);
    CHECK(f.diary->listSummaries({}, {})->empty());
}
