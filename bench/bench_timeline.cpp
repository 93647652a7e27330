// One year of diary data (a check-in every day, PHQ-9 and GAD-7 weekly) through DiaryRepository on
// an encrypted profile database, vs the same SQL through raw sqlite3 on an unencrypted database
// with the same schema and rows: the diary list the diary screen shows (the goal row), the
// timeline as full records and as decoded entries (info), and a PHQ-9 chart series. Same process,
// same run; medians of many repetitions. Prints ratios; never fails on a goal.
#include "benchutil.h"

#include "crypto/secretwrap.h"
#include "crypto/sodium.h"
#include "domain/diaryentry.h"
#include "domain/listsummary.h"
#include "storage/database.h"
#include "storage/diaryrepository.h"
#include "storage/migrations.h"
#include "storage/recordrepository.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::bench;

namespace {

constexpr int kDays = 365;
constexpr int kRepetitions = 60;
// The goal pair is cheap (~0.2 ms a run): more runs steady its median on a busy machine.
constexpr int kListRepetitions = 300;
const QDateTime kYearStart(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);

class FixedClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return kYearStart.addDays(kDays); }
};

std::vector<domain::DiaryBody> oneYear()
{
    std::vector<domain::DiaryBody> bodies;
    std::mt19937 random(7);
    for (int day = 0; day < kDays; ++day) {
        domain::CheckIn checkIn;
        checkIn.occurredAt = kYearStart.addDays(day).addSecs(20 * 3600);
        checkIn.mood = static_cast<int>(random() % 11);
        checkIn.anxiety = static_cast<int>(random() % 11);
        checkIn.pain = static_cast<int>(random() % 11);
        checkIn.sleepHours = 4 + static_cast<int>(random() % 6);
        checkIn.note = u"walked by the river, felt a little lighter than yesterday"_s;
        checkIn.tags = {u"calm"_s, u"outdoors"_s};
        bodies.emplace_back(checkIn);
        if (day % 7 == 0) {
            for (const char *id : {"phq9", "gad7"}) {
                domain::InstrumentResult result;
                result.occurredAt = kYearStart.addDays(day).addSecs(9 * 3600);
                result.instrumentId = QString::fromLatin1(id);
                result.instrumentVersion = u"1"_s;
                result.scoringRuleVersion = u"1"_s;
                result.answers = std::vector<int>(qstrcmp(id, "phq9") == 0 ? 9 : 7, 1);
                result.total = static_cast<double>(result.answers.size());
                result.severity = u"mild"_s;
                bodies.emplace_back(result);
            }
        }
    }
    return bodies;
}

// The rows exactly as the repository stored them, copied into the plain database.
void copyRows(storage::Database &from, storage::Database &to)
{
    auto read = from.prepare("SELECT id, kind, version, created_at, updated_at, deleted, body, "
                             "occurred_at, series_key, series_value, summary_values, "
                             "summary_number, summary_text FROM records;");
    auto write =
        to.prepare("INSERT INTO records (id, kind, version, created_at, updated_at, deleted, body, "
                   "occurred_at, series_key, series_value, summary_values, summary_number, "
                   "summary_text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13);");
    if (!read || !write)
        fail("prepare copy", !read ? read.error() : write.error());
    (void)to.exec("BEGIN;");
    while (*read->step()) {
        write->reset();
        write->bind(1, read->columnText(0))
            .bind(2, read->columnText(1))
            .bind(3, read->columnInt64(2))
            .bind(4, read->columnInt64(3))
            .bind(5, read->columnInt64(4))
            .bind(6, read->columnInt64(5))
            .bindBlob(7, read->columnBlob(6))
            .bind(8, read->columnInt64(7));
        if (read->columnIsNull(8))
            write->bindNull(9).bindNull(10);
        else
            write->bind(9, read->columnText(8)).bindDouble(10, read->columnDouble(9));
        if (read->columnIsNull(10))
            write->bindNull(11);
        else
            write->bind(11, read->columnInt64(10));
        if (read->columnIsNull(11))
            write->bindNull(12);
        else
            write->bindDouble(12, read->columnDouble(11));
        if (read->columnIsNull(12))
            write->bindNull(13);
        else
            write->bind(13, read->columnText(12));
        if (auto done = write->run(); !done)
            fail("copy row", done.error());
    }
    (void)to.exec("COMMIT;");
}

// The baseline: the repository's SQL, prepared once, rows copied out (id, kind, body, time).
struct RawQuery
{
    sqlite3_stmt *stmt = nullptr;
    int run(const QStringList &kinds, qint64 from, qint64 to)
    {
        sqlite3_reset(stmt);
        sqlite3_bind_int64(stmt, 1, from);
        sqlite3_bind_int64(stmt, 2, to);
        sqlite3_bind_int64(stmt, 3, 0);
        for (int i = 0; i < kinds.size(); ++i) {
            const QByteArray kind = kinds[i].toUtf8();
            sqlite3_bind_text(stmt, i + 4, kind.constData(), int(kind.size()), SQLITE_TRANSIENT);
        }
        int rows = 0;
        std::vector<QByteArray> bodies;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            bodies.emplace_back(static_cast<const char *>(sqlite3_column_blob(stmt, 6)),
                                sqlite3_column_bytes(stmt, 6));
            ++rows;
        }
        return rows;
    }
};

RawQuery prepareRaw(sqlite3 *db, int kindCount)
{
    std::string placeholders;
    for (int i = 0; i < kindCount; ++i)
        placeholders += (i ? ", ?" : "?") + std::to_string(i + 4);
    const std::string sql = "SELECT id, kind, version, created_at, updated_at, deleted, body, "
                            "occurred_at FROM records WHERE kind IN (" +
                            placeholders +
                            ") AND occurred_at >= ?1 AND occurred_at < ?2 AND deleted <= ?3 "
                            "ORDER BY occurred_at DESC, id;";
    RawQuery query;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &query.stmt, nullptr) != SQLITE_OK)
        fail("prepare raw", makeError(ErrorCode::Internal, u"prepare"_s));
    return query;
}

// The goal baseline: the diary list's SQL (RecordRepository::listSummaries), prepared once, each
// row materialised into the same storage::RecordSummary the repository returns, with the same
// conversions (id parsed from its bytes, kind and instrument id shared between rows, note
// converted per row, times kept as integers). What is left between the two is the repository
// itself: the Statement wrapper, Result values and the damaged-entry check.
class SharedText
{
public:
    const QString &of(QByteArrayView bytes)
    {
        for (const auto &[known, text] : m_values) {
            if (known == bytes)
                return text;
        }
        m_values.emplace_back(bytes.toByteArray(), QString::fromUtf8(bytes));
        return m_values.back().second;
    }

private:
    std::vector<std::pair<QByteArray, QString>> m_values;
};

QByteArrayView columnBytes(sqlite3_stmt *stmt, int column)
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(stmt, column));
}

struct RawList
{
    sqlite3_stmt *stmt = nullptr;
    // Not inlined, so callgrind can count it alone (--toggle-collect=*RawList::run*).
    [[gnu::noinline]] std::vector<storage::RecordSummary> run(const QStringList &kinds, qint64 from,
                                                              qint64 to)
    {
        sqlite3_reset(stmt);
        sqlite3_bind_int64(stmt, 1, from);
        sqlite3_bind_int64(stmt, 2, to);
        for (int i = 0; i < kinds.size(); ++i) {
            const QByteArray kind = kinds[i].toUtf8();
            sqlite3_bind_text(stmt, i + 3, kind.constData(), int(kind.size()), SQLITE_TRANSIENT);
        }
        std::vector<storage::RecordSummary> rows;
        SharedText kindText;
        SharedText keyText;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            storage::RecordSummary &row = rows.emplace_back();
            row.id = RecordId::fromUtf8(columnBytes(stmt, 0));
            row.kind = kindText.of(columnBytes(stmt, 1));
            row.version = sqlite3_column_int64(stmt, 2);
            row.occurredAtMs = sqlite3_column_int64(stmt, 3);
            row.hasSummary = sqlite3_column_type(stmt, 4) != SQLITE_NULL;
            row.summary.values = domain::SummarySlots::fromPacked(sqlite3_column_int64(stmt, 4));
            if (sqlite3_column_type(stmt, 5) != SQLITE_NULL)
                row.summary.number = sqlite3_column_double(stmt, 5);
            if (const QByteArrayView text = columnBytes(stmt, 6); !text.isEmpty())
                row.summary.text = QString::fromUtf8(text);
            if (const QByteArrayView key = columnBytes(stmt, 7); !key.isEmpty())
                row.seriesKey = keyText.of(key);
        }
        sqlite3_reset(stmt);
        return rows;
    }
};

RawList prepareRawList(sqlite3 *db, int kindCount)
{
    std::string placeholders;
    for (int i = 0; i < kindCount; ++i)
        placeholders += (i ? ", ?" : "?") + std::to_string(i + 3);
    const std::string sql =
        "SELECT id, kind, version, occurred_at, summary_values, summary_number, summary_text, "
        "series_key FROM records WHERE kind IN (" +
        placeholders +
        ") AND occurred_at >= ?1 AND occurred_at < ?2 AND deleted = 0 "
        "ORDER BY occurred_at DESC, id;";
    RawList query;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &query.stmt, nullptr) != SQLITE_OK)
        fail("prepare raw list", makeError(ErrorCode::Internal, u"prepare"_s));
    return query;
}

// The chart baseline: the repository's series SQL, prepared once, (time, value) pairs copied out.
struct RawSeries
{
    sqlite3_stmt *stmt = nullptr;
    int run(const QString &kind, const QString &key, qint64 from, qint64 to)
    {
        sqlite3_reset(stmt);
        const QByteArray kindBytes = kind.toUtf8();
        const QByteArray keyBytes = key.toUtf8();
        sqlite3_bind_text(stmt, 1, kindBytes.constData(), int(kindBytes.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 2, keyBytes.constData(), int(keyBytes.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt, 3, from);
        sqlite3_bind_int64(stmt, 4, to);
        std::vector<std::pair<qint64, double>> points;
        while (sqlite3_step(stmt) == SQLITE_ROW)
            points.emplace_back(sqlite3_column_int64(stmt, 0), sqlite3_column_double(stmt, 1));
        return int(points.size());
    }
};

RawSeries prepareRawSeries(sqlite3 *db)
{
    RawSeries query;
    if (sqlite3_prepare_v2(db,
                           "SELECT occurred_at, series_value FROM records WHERE kind = ?1 AND "
                           "series_key = ?2 AND occurred_at >= ?3 AND occurred_at < ?4 "
                           "ORDER BY occurred_at, id;",
                           -1, &query.stmt, nullptr) != SQLITE_OK)
        fail("prepare raw series", makeError(ErrorCode::Internal, u"prepare"_s));
    return query;
}

// Medians of ours and the baseline measured in alternation, so that load from other processes on
// the shared machine falls on both sides alike.
template<typename F, typename G>
std::pair<double, double> alternatingMediansMs(int repetitions, F &&ours, G &&baseline)
{
    std::vector<double> oursTimes;
    std::vector<double> baselineTimes;
    for (int i = 0; i < repetitions; ++i) {
        auto start = SteadyClock::now();
        ours();
        oursTimes.push_back(secondsSince(start) * 1000.0);
        start = SteadyClock::now();
        baseline();
        baselineTimes.push_back(secondsSince(start) * 1000.0);
    }
    return {median(oursTimes), median(baselineTimes)};
}

template<typename F>
double medianMs(F &&work)
{
    std::vector<double> times;
    for (int i = 0; i < kRepetitions; ++i) {
        const auto start = SteadyClock::now();
        work();
        times.push_back(secondsSince(start) * 1000.0);
    }
    return median(times);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"companion.*.info=false"_s);
    if (auto ready = crypto::initialize(); !ready)
        fail("libsodium", ready.error());
    QTemporaryDir root(benchRoot() + u"/companion-bench-XXXXXX"_s);

    auto encrypted = storage::Database::openEncrypted(
        root.filePath(u"ours.db"_s), crypto::randomKey(), storage::Database::OpenMode::CreateNew);
    auto plain = storage::Database::openPlain(root.filePath(u"raw.db"_s));
    if (!encrypted || !plain)
        fail("open", !encrypted ? encrypted.error() : plain.error());
    if (auto ok = storage::createFreshSchema(*encrypted); !ok)
        fail("schema", ok.error());
    if (auto ok = storage::createFreshSchema(*plain); !ok)
        fail("schema", ok.error());

    FixedClock clock;
    storage::RecordRepository records(*encrypted, clock);
    storage::DiaryRepository diary(records);
    for (const auto &body : oneYear()) {
        if (auto added = diary.add(body); !added)
            fail("add", added.error());
    }
    copyRows(*encrypted, *plain);

    const QDateTime yearEnd = kYearStart.addDays(kDays + 1);
    const QStringList diaryKinds{domain::kinds::diaryCheckIn, domain::kinds::diaryPostInfusion,
                                 domain::kinds::instrumentResult, domain::kinds::safetyEvent};
    RawQuery rawTimeline = prepareRaw(plain->handle(), int(diaryKinds.size()));
    RawSeries rawSeries = prepareRawSeries(plain->handle());
    RawList rawList = prepareRawList(plain->handle(), int(diaryKinds.size()));
    const qint64 fromMs = kYearStart.toMSecsSinceEpoch();
    const qint64 toMs = yearEnd.toMSecsSinceEpoch();

    // The goal row: the diary list (what the diary screen runs) against the same query in raw
    // sqlite3. Warm both once; a failing or short result would make the ratio meaningless.
    auto firstList = diary.listSummaries(kYearStart, yearEnd);
    if (!firstList)
        fail("listSummaries", firstList.error());
    const std::size_t rawListRows = rawList.run(diaryKinds, fromMs, toMs).size();
    if (firstList->size() != rawListRows)
        fail("list rows differ", makeError(ErrorCode::Internal, u"row counts"_s));
    std::size_t ourListRows = 0;
    const auto [oursList, rawListMs] = alternatingMediansMs(
        kListRepetitions, [&] { ourListRows = diary.listSummaries(kYearStart, yearEnd)->size(); },
        [&] { (void)rawList.run(diaryKinds, fromMs, toMs); });

    std::size_t ourRows = 0;
    int rawRows = 0;
    // Warm both caches once, then alternate measurements.
    (void)diary.timeline(kYearStart, yearEnd);
    rawTimeline.run(diaryKinds, kYearStart.toMSecsSinceEpoch(), yearEnd.toMSecsSinceEpoch());
    const double oursTimeline =
        medianMs([&] { ourRows = diary.timeline(kYearStart, yearEnd)->size(); });
    const double rawTimelineMs = medianMs([&] {
        rawRows = rawTimeline.run(diaryKinds, kYearStart.toMSecsSinceEpoch(),
                                  yearEnd.toMSecsSinceEpoch());
    });
    const double oursStorage =
        medianMs([&] { (void)records.listOccurred(diaryKinds, kYearStart, yearEnd, false); });
    std::size_t ourPoints = 0;
    int rawPoints = 0;
    const double oursSeries = medianMs(
        [&] { ourPoints = diary.instrumentSeries(u"phq9"_s, kYearStart, yearEnd)->size(); });
    const double rawSeriesMs = medianMs([&] {
        rawPoints = rawSeries.run(domain::kinds::instrumentResult, u"phq9"_s,
                                  kYearStart.toMSecsSinceEpoch(), yearEnd.toMSecsSinceEpoch());
    });
    sqlite3_finalize(rawTimeline.stmt);
    sqlite3_finalize(rawSeries.stmt);
    sqlite3_finalize(rawList.stmt);

    std::printf(
        "bench_timeline: one year = %zu entries (raw query returned %d rows); median of %d\n",
        ourRows, rawRows, kRepetitions);
    std::printf(
        "  diary list (list rows, goal) %.3f ms (%zu rows), raw %.3f ms (%zu rows); median of "
        "%d alternating runs\n",
        oursList, ourListRows, rawListMs, rawListRows, kListRepetitions);
    std::printf("  timeline (decoded entries) %.2f ms, storage layer only %.2f ms, raw %.2f ms\n",
                oursTimeline, oursStorage, rawTimelineMs);
    std::printf("  PHQ-9 chart series %.3f ms (%zu points), raw %.3f ms (%d points)\n", oursSeries,
                ourPoints, rawSeriesMs, rawPoints);

    auto ms = [](double v) { return QString::number(v, 'f', 2); };
    auto ms3 = [](double v) { return QString::number(v, 'f', 3); };
    printResult("one-year timeline, diary list rows (goal) (ms)", ms3(oursList), ms3(rawListMs),
                oursList / rawListMs, "<= 1.30; <= 5 ms", true,
                oursList / rawListMs <= 1.3 && oursList <= 5.0);
    // Info rows: full records and fully decoded entries against a baseline that copies bodies.
    printResult("one-year timeline, storage layer records (info) (ms)", ms(oursStorage),
                ms(rawTimelineMs), oursStorage / rawTimelineMs, "(info)", false, false);
    printResult("one-year timeline, decoded entries (info) (ms)", ms(oursTimeline),
                ms(rawTimelineMs), oursTimeline / rawTimelineMs, "(info)", false, false);
    printResult("PHQ-9 chart series, one year (ms)", ms3(oursSeries), ms3(rawSeriesMs),
                oursSeries / rawSeriesMs, "<= 1.30", true, oursSeries / rawSeriesMs <= 1.3);
    return 0;
}
