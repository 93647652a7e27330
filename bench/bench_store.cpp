// bench_store: the cost of our storage stack (SQLCipher, RecordRepository, Result<>, Qt types)
// against hand-written sqlite3_* calls doing the same work — the same three statements per
// record (record row, version row, outbox row) on the same schema — in an unencrypted database
// of the same library, in the same process and run. Prints ratios; never fails on a goal.
#include "benchutil.h"

#include "common/ids.h"
#include "crypto/sodium.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/profile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::bench;

namespace {

constexpr int kBulkRecords = 100'000;
constexpr int kSingleSaves = 2'000;
constexpr int kRounds = 3;
const QString kKind = u"diary.checkin"_s;

// The statements RecordRepository runs for a new record (recordrepository.cpp).
constexpr const char *kInsertRecord =
    "INSERT INTO records (id, kind, version, created_at, updated_at, deleted, body) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);";
constexpr const char *kInsertVersion =
    "INSERT INTO record_versions (record_id, version, updated_at, deleted, body) "
    "VALUES (?1, ?2, ?3, ?4, ?5);";
constexpr const char *kInsertOutbox =
    "INSERT INTO outbox (record_id, version, queued_at) VALUES (?1, ?2, ?3);";

void check(int rc, int expected, sqlite3 *db, const char *what)
{
    if (rc != expected) {
        std::fprintf(stderr, "raw sqlite3 failed: %s: %s\n", what, sqlite3_errmsg(db));
        std::exit(1);
    }
}

// The baseline: a careful C programmer's version, statements prepared once and reused.
class RawWriter
{
public:
    explicit RawWriter(sqlite3 *db)
        : m_db(db)
    {
        for (auto [sql, stmt] :
             {std::pair{kInsertRecord, &m_record}, std::pair{kInsertVersion, &m_version},
              std::pair{kInsertOutbox, &m_outbox}})
            check(sqlite3_prepare_v2(db, sql, -1, stmt, nullptr), SQLITE_OK, db, "prepare");
    }
    ~RawWriter()
    {
        sqlite3_finalize(m_record);
        sqlite3_finalize(m_version);
        sqlite3_finalize(m_outbox);
    }
    RawWriter(const RawWriter &) = delete;
    RawWriter &operator=(const RawWriter &) = delete;

    void exec(const char *sql)
    {
        check(sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr), SQLITE_OK, m_db, sql);
    }

    // One new record: ids and timestamps are made here too, as the repository makes them.
    void insert(const QByteArray &body, qint64 now)
    {
        const QByteArray id = RecordId::generate().toString().toUtf8();
        const QByteArray kind = kKind.toUtf8();
        const int idSize = static_cast<int>(id.size());
        const int bodySize = static_cast<int>(body.size());

        sqlite3_bind_text(m_record, 1, id.constData(), idSize, SQLITE_STATIC);
        sqlite3_bind_text(m_record, 2, kind.constData(), static_cast<int>(kind.size()),
                          SQLITE_STATIC);
        sqlite3_bind_int64(m_record, 3, 1);
        sqlite3_bind_int64(m_record, 4, now);
        sqlite3_bind_int64(m_record, 5, now);
        sqlite3_bind_int64(m_record, 6, 0);
        sqlite3_bind_blob(m_record, 7, body.constData(), bodySize, SQLITE_STATIC);
        check(sqlite3_step(m_record), SQLITE_DONE, m_db, "insert record");
        sqlite3_reset(m_record);

        sqlite3_bind_text(m_version, 1, id.constData(), idSize, SQLITE_STATIC);
        sqlite3_bind_int64(m_version, 2, 1);
        sqlite3_bind_int64(m_version, 3, now);
        sqlite3_bind_int64(m_version, 4, 0);
        sqlite3_bind_blob(m_version, 5, body.constData(), bodySize, SQLITE_STATIC);
        check(sqlite3_step(m_version), SQLITE_DONE, m_db, "insert version");
        sqlite3_reset(m_version);

        sqlite3_bind_text(m_outbox, 1, id.constData(), idSize, SQLITE_STATIC);
        sqlite3_bind_int64(m_outbox, 2, 1);
        sqlite3_bind_int64(m_outbox, 3, now);
        check(sqlite3_step(m_outbox), SQLITE_DONE, m_db, "insert outbox");
        sqlite3_reset(m_outbox);
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_record = nullptr;
    sqlite3_stmt *m_version = nullptr;
    sqlite3_stmt *m_outbox = nullptr;
};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

struct RoundResult
{
    double oursBulkSeconds = 0;
    double rawBulkSeconds = 0;
    std::vector<double> oursSingleMs;
    std::vector<double> rawSingleMs;
};

// Our side: a real profile (SQLCipher, raw key, WAL, synchronous=FULL) and RecordRepository.
class Ours
{
public:
    explicit Ours(const QString &directory)
    {
        const SecretBytes passphrase = SecretBytes::fromUtf8("bench violet-quasar Mendel harbour");
        auto created = storage::Profile::create(directory, passphrase);
        if (!created)
            fail("Profile::create", created.error());
        m_profile = std::move(created->profile);
    }
    double bulk(const std::vector<QByteArray> &bodies)
    {
        const auto start = SteadyClock::now();
        auto records = m_profile->records().createMany(kKind, bodies);
        const double seconds = secondsSince(start);
        if (!records)
            fail("createMany", records.error());
        return seconds;
    }
    // One save in its own transaction; returns milliseconds.
    double single(const QByteArray &body)
    {
        const auto start = SteadyClock::now();
        auto record = m_profile->records().create(kKind, body);
        const double ms = secondsSince(start) * 1000.0;
        if (!record)
            fail("create", record.error());
        return ms;
    }

private:
    std::unique_ptr<storage::Profile> m_profile;
};

// The baseline side: same schema, same library, no encryption, no wrapper.
class Raw
{
public:
    explicit Raw(const QString &path)
    {
        auto db = storage::Database::openPlain(path);
        if (!db)
            fail("openPlain", db.error());
        m_db = std::move(*db);
        if (auto schema = storage::createFreshSchema(m_db); !schema)
            fail("createFreshSchema", schema.error());
    }
    double bulk(const std::vector<QByteArray> &bodies)
    {
        const auto start = SteadyClock::now();
        RawWriter writer(m_db.handle());
        writer.exec("BEGIN IMMEDIATE;");
        const qint64 now = nowMs();
        for (const QByteArray &body : bodies)
            writer.insert(body, now);
        writer.exec("COMMIT;");
        return secondsSince(start);
    }
    double single(const QByteArray &body)
    {
        if (!m_writer)
            m_writer = std::make_unique<RawWriter>(m_db.handle());
        const auto start = SteadyClock::now();
        m_writer->exec("BEGIN IMMEDIATE;");
        m_writer->insert(body, nowMs());
        m_writer->exec("COMMIT;");
        return secondsSince(start) * 1000.0;
    }

private:
    storage::Database m_db;
    std::unique_ptr<RawWriter> m_writer; // declared after m_db: finalized before it closes
};

RoundResult runRound(int round, const std::vector<QByteArray> &bulkBodies,
                     const std::vector<QByteArray> &singleBodies)
{
    QTemporaryDir dir(benchRoot() + u"/companion-bench-XXXXXX"_s);
    Ours ours(dir.filePath(u"profile"_s));
    Raw raw(dir.filePath(u"raw.db"_s));
    RoundResult result;
    // Alternate who goes first, and flush the kernel's dirty pages before each timed phase: a
    // side that runs right after the other's 100k-record checkpoint would otherwise pay for its
    // writeback in every fsync.
    const bool oursFirst = round % 2 == 0;
    for (int turn = 0; turn < 2; ++turn) {
        ::sync();
        if ((turn == 0) == oursFirst)
            result.oursBulkSeconds = ours.bulk(bulkBodies);
        else
            result.rawBulkSeconds = raw.bulk(bulkBodies);
    }
    // Single saves into the databases that now hold 100k records (a patient with a history),
    // interleaved one by one so both sides see the same disk at the same moment.
    ::sync();
    result.oursSingleMs.reserve(singleBodies.size());
    result.rawSingleMs.reserve(singleBodies.size());
    for (std::size_t i = 0; i < singleBodies.size(); ++i) {
        if ((i + static_cast<std::size_t>(round)) % 2 == 0) {
            result.oursSingleMs.push_back(ours.single(singleBodies[i]));
            result.rawSingleMs.push_back(raw.single(singleBodies[i]));
        } else {
            result.rawSingleMs.push_back(raw.single(singleBodies[i]));
            result.oursSingleMs.push_back(ours.single(singleBodies[i]));
        }
    }
    return result;
}

QString fmt(double value, int decimals, const char *unit)
{
    return QString::number(value, 'f', decimals) + QString::fromLatin1(unit);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"companion.*.info=false"_s);
    if (auto ready = crypto::initialize(); !ready)
        fail("libsodium", ready.error());

    const std::vector<QByteArray> bulkBodies = diaryBodies(kBulkRecords);
    const std::vector<QByteArray> singleBodies = diaryBodies(kSingleSaves, 7);
    double totalBytes = 0;
    for (const QByteArray &body : bulkBodies)
        totalBytes += double(body.size());
    std::printf("bench_store: %d records (mean body %.0f bytes) via createMany, then %d single "
                "saves; %d rounds in %s\n",
                kBulkRecords, totalBytes / kBulkRecords, kSingleSaves, kRounds,
                qPrintable(benchRoot()));

    std::vector<double> oursRps, rawRps, throughputRatios;
    std::vector<double> oursP50, rawP50, oursP99, rawP99, p50Ratios, p99Ratios;
    for (int round = 0; round < kRounds; ++round) {
        const RoundResult r = runRound(round, bulkBodies, singleBodies);
        oursRps.push_back(kBulkRecords / r.oursBulkSeconds);
        rawRps.push_back(kBulkRecords / r.rawBulkSeconds);
        throughputRatios.push_back(oursRps.back() / rawRps.back());
        oursP50.push_back(percentile(r.oursSingleMs, 50));
        rawP50.push_back(percentile(r.rawSingleMs, 50));
        oursP99.push_back(percentile(r.oursSingleMs, 99));
        rawP99.push_back(percentile(r.rawSingleMs, 99));
        p50Ratios.push_back(oursP50.back() / rawP50.back());
        p99Ratios.push_back(oursP99.back() / rawP99.back());
        std::printf("  round %d (bulk: %s first): bulk %.0f vs %.0f records/s (%.3f); single save "
                    "p50 %.3f vs %.3f ms, p99 %.3f vs %.3f ms\n",
                    round + 1, round % 2 == 0 ? "ours" : "raw", oursRps.back(), rawRps.back(),
                    throughputRatios.back(), oursP50.back(), rawP50.back(), oursP99.back(),
                    rawP99.back());
        std::fflush(stdout);
    }

    // Each ratio compares the two sides of one round; the median of the rounds is reported.
    const double throughputRatio = median(throughputRatios);
    printResult("bulk insert 100k (records/s)", fmt(median(oursRps), 0, ""),
                fmt(median(rawRps), 0, ""), throughputRatio, ">= 0.80", true,
                throughputRatio >= 0.8);
    printResult("single save p50 (ms)", fmt(median(oursP50), 3, ""), fmt(median(rawP50), 3, ""),
                median(p50Ratios), "(info)", false, false);
    printResult("single save p99 (ms)", fmt(median(oursP99), 3, ""), fmt(median(rawP99), 3, ""),
                median(p99Ratios), "(info)", false, false);
    return 0;
}
