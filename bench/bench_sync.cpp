// bench_sync: sync end to end against its floor, in the same process and run (issue 6).
//
//   (a) ours:  SyncEngine::sync() of N new diary check-ins (default 10,000) from a real
//              encrypted profile to a real companion-server on PostgreSQL — seal, push in the
//              engine's batches of 250, the server's checks and writes, acknowledgements.
//       floor: the very envelope bytes the server stored, in the same batches and the same
//              body the client sends (the binary push body, ADR 0030), POSTed raw over one
//              keep-alive connection to a sink that reads and discards them; plus binary
//              COPY of the very rows the server wrote (same columns, same indexes, one COPY
//              per batch) into a scratch table of the same database.
//              Goal: ours ≤ 3× floor.
//   (b) a no-op sync (nothing changed anywhere) against one authenticated trivial GET round
//       trip (an empty pull) on a keep-alive connection. Info: the same no-op sync on a fresh
//       engine handed the previous one's access token, as the app runs one per job (ADR 0024);
//       on a fresh engine that logs in again (the app before); and the same GET through the
//       app's own HTTP transport. Each run also prints the client's and the server's CPU
//       seconds during the 10,000-record sync.
//
// PostgreSQL: the throwaway cluster of tests/server/pg-fixture.sh — the one ctest started
// (COMPANION_TEST_PG_STATE) or one started here. Without PostgreSQL the server runs on SQLite
// and the COPY becomes prepared INSERTs into a scratch SQLite file (the output says so).
//
//   bench_sync [--records N] [--runs R] [--noop-runs K] [--backend auto|postgresql|sqlite]
//              [--check]   (exit 1 if a result is wrong — counts, not times: the ctest smoke run)
#include "benchhttp.h"
#include "benchutil.h"

#include "protocol/api.h"
#include "protocol/keys.h"
#include "storage/profile.h"
#include "sync/httptransport.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::bench;
namespace http = boost::beast::http;

namespace {

constexpr int kBatch = 250; // the engine's push batch (syncengine.cpp kPushBatch)
const char *const kPassphrase = "bench sync heron-quartz Lisbon";

struct Options
{
    int records = 10'000;
    int runs = 3;
    int noopRuns = 15;
    QString backend = u"auto"_s;
    bool check = false;
};

[[noreturn]] void die(const QString &what)
{
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(what));
    std::exit(1);
}

void progress(const QString &line)
{
    std::fprintf(stderr, "  %s\n", qPrintable(line));
}

QString readTrimmed(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

// --- PostgreSQL through libpq (COPY is not in QtSql) ------------------------------------------

class PgConnection
{
public:
    explicit PgConnection(const QString &url)
        : m_conn(PQconnectdb(url.toUtf8().constData()))
    {
        if (PQstatus(m_conn) != CONNECTION_OK)
            die(u"cannot connect to PostgreSQL: "_s + QString::fromUtf8(PQerrorMessage(m_conn)));
    }
    ~PgConnection() { PQfinish(m_conn); }
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    void exec(const char *sql)
    {
        PGresult *result = PQexec(m_conn, sql);
        const auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            die(u"PostgreSQL: "_s + QString::fromUtf8(PQerrorMessage(m_conn)));
        PQclear(result);
    }
    PGconn *handle() const { return m_conn; }

private:
    PGconn *m_conn;
};

// The cluster: the one ctest started, or a throwaway one started (and removed) here.
class PgCluster
{
public:
    static std::unique_ptr<PgCluster> find(const QString &scratch)
    {
        const QString state = qEnvironmentVariable("COMPANION_TEST_PG_STATE");
        if (!state.isEmpty()) {
            auto cluster = std::unique_ptr<PgCluster>(new PgCluster);
            cluster->m_adminUrl = readTrimmed(state + u"/url"_s);
            return cluster->m_adminUrl.isEmpty() ? nullptr : std::move(cluster);
        }
        auto cluster = std::unique_ptr<PgCluster>(new PgCluster);
        cluster->m_ownState = scratch + u"/pg-state"_s;
        QProcess start;
        start.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        start.start(u"bash"_s,
                    {QStringLiteral(COMPANION_PG_FIXTURE), u"start"_s, cluster->m_ownState});
        if (!start.waitForFinished(180000) || start.exitCode() != 0)
            return nullptr;
        cluster->m_adminUrl = readTrimmed(cluster->m_ownState + u"/url"_s);
        return cluster->m_adminUrl.isEmpty() ? nullptr : std::move(cluster);
    }
    ~PgCluster()
    {
        if (m_ownState.isEmpty())
            return;
        QProcess stop;
        stop.start(u"bash"_s, {QStringLiteral(COMPANION_PG_FIXTURE), u"stop"_s, m_ownState});
        stop.waitForFinished(60000);
    }
    // A fresh database for this run: the server's tables and the floor's scratch table.
    QString newDatabase() const
    {
        const QString name = u"bench_sync_"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
        PgConnection admin(m_adminUrl);
        admin.exec(QByteArray("CREATE DATABASE " + name.toLatin1()).constData());
        QUrl url(m_adminUrl);
        url.setPath(u"/"_s + name);
        return url.toString();
    }

private:
    PgCluster() = default;
    QString m_adminUrl;
    QString m_ownState;
};

// --- the server under test ------------------------------------------------------------------

class ServerProcess
{
public:
    ServerProcess(const QString &dbUrl, const QString &dir)
        : m_dbUrl(dbUrl)
        , m_dir(dir)
    {
        const QString init = admin({u"init"_s, u"--db"_s, m_dbUrl, u"--name"_s, u"Bench clinic"_s,
                                    u"--keys-dir"_s, m_dir + u"/keys"_s});
        m_fingerprint = field(init, u"clinic key fingerprint"_s);
        const QString log = m_dir + u"/server.log"_s;
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(log);
        // Limits raised so that no run meets them: this measures work, not rate limiting.
        m_process.start(QStringLiteral(COMPANION_SERVER_PATH),
                        {u"serve"_s, u"--db"_s, m_dbUrl, u"--listen"_s, u"127.0.0.1:0"_s,
                         u"--token-ttl-s"_s, u"7200"_s, u"--enrol-per-minute"_s, u"1000"_s,
                         u"--auth-per-minute"_s, u"1000"_s});
        if (!m_process.waitForStarted(10000))
            die(u"companion-server did not start"_s);
        for (int i = 0; i < 200 && m_port == 0; ++i) {
            const QString text = readTrimmed(log);
            const auto at = text.indexOf(u"listening on 127.0.0.1:"_s);
            if (at >= 0)
                m_port = static_cast<std::uint16_t>(
                    text.mid(at + 23).section(u'\n', 0, 0).trimmed().toInt());
            else
                QThread::msleep(50);
        }
        if (m_port == 0)
            die(u"companion-server did not listen: "_s + readTrimmed(log));
    }
    ~ServerProcess()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    QString admin(const QStringList &arguments) const
    {
        QProcess process;
        process.start(QStringLiteral(COMPANION_SERVER_PATH), QStringList{u"admin"_s} + arguments);
        if (!process.waitForFinished(60000) || process.exitCode() != 0)
            die(u"admin "_s + arguments.value(0) + u": "_s +
                QString::fromUtf8(process.readAllStandardError()));
        return QString::fromUtf8(process.readAllStandardOutput());
    }
    static QString field(const QString &output, const QString &name)
    {
        for (const QString &line : output.split(u'\n'))
            if (line.startsWith(name + u": "_s))
                return line.mid(name.size() + 2).trimmed();
        return {};
    }
    QString newCode() const
    {
        return field(admin({u"enrol-patient"_s, u"--db"_s, m_dbUrl, u"--label"_s, u"bench"_s}),
                     u"code"_s);
    }
    QString url() const { return u"http://127.0.0.1:%1"_s.arg(m_port); }
    std::uint16_t port() const { return m_port; }
    // CPU seconds the server process has used so far (user + system, from /proc).
    double cpuSeconds() const
    {
        QFile stat(u"/proc/%1/stat"_s.arg(m_process.processId()));
        if (!stat.open(QIODevice::ReadOnly))
            return 0;
        const QByteArray text = stat.readAll();
        // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            return 0;
        return double(fields[11].toLongLong() + fields[12].toLongLong()) /
               double(::sysconf(_SC_CLK_TCK));
    }
    QString fingerprint() const { return m_fingerprint; }

private:
    QString m_dbUrl;
    QString m_dir;
    QString m_fingerprint;
    QProcess m_process;
    std::uint16_t m_port = 0;
};

// --- the floor's storage half ---------------------------------------------------------------

// The rows the server wrote for one vault, in sequence order, ready to be written again.
struct Rows
{
    int count = 0;
    std::vector<QByteArray> envelopes; // for the POST bodies
    std::vector<QByteArray> keys;
    std::vector<QByteArray> batches; // storage-specific encodings, one per batch
};

class FloorStore
{
public:
    virtual ~FloorStore() = default;
    virtual Rows read(const QString &vaultId) = 0;
    virtual void write(const QByteArray &batch) = 0; // timed
};

// Binary COPY into `floor_envelopes (LIKE envelopes INCLUDING ALL)`: same columns, same primary
// key and sequence index, so the floor maintains the same indexes the server does.
class PgFloor : public FloorStore
{
public:
    explicit PgFloor(const QString &url)
        : m_db(url)
    {
        m_db.exec("CREATE TABLE floor_envelopes (LIKE envelopes INCLUDING ALL)");
    }
    Rows read(const QString &vaultId) override
    {
        const QByteArray vault = vaultId.toLatin1();
        const char *params[] = {vault.constData()};
        // Binary results: each field comes as COPY BINARY wants it (text as bytes, bigint as
        // 8 bytes big-endian, bytea raw), so a row is re-encoded without any conversion.
        PGresult *result = PQexecParams(
            m_db.handle(),
            "SELECT vault_id, record_id, version, seq, kind, envelope, envelope_hash, "
            "wrapped_key, author_device, received_at FROM envelopes WHERE vault_id = $1 "
            "ORDER BY seq",
            1, nullptr, params, nullptr, nullptr, 1);
        if (PQresultStatus(result) != PGRES_TUPLES_OK)
            die(u"reading the server's rows: "_s +
                QString::fromUtf8(PQerrorMessage(m_db.handle())));
        Rows rows;
        rows.count = PQntuples(result);
        const int fields = PQnfields(result);
        QByteArray batch;
        const auto bigEndian = [](auto value) {
            QByteArray bytes(sizeof(value), Qt::Uninitialized);
            for (std::size_t i = 0; i < sizeof(value); ++i)
                bytes[static_cast<qsizetype>(i)] =
                    static_cast<char>((value >> (8 * (sizeof(value) - 1 - i))) & 0xff);
            return bytes;
        };
        for (int row = 0; row < rows.count; ++row) {
            if (row % kBatch == 0)
                batch = QByteArray("PGCOPY\n\377\r\n\0", 11) + bigEndian(std::int32_t(0)) +
                        bigEndian(std::int32_t(0));
            batch += bigEndian(std::int16_t(fields));
            for (int field = 0; field < fields; ++field) {
                const int length = PQgetlength(result, row, field);
                batch += bigEndian(std::int32_t(length));
                batch.append(PQgetvalue(result, row, field), length);
            }
            rows.envelopes.emplace_back(PQgetvalue(result, row, 5), PQgetlength(result, row, 5));
            rows.keys.emplace_back(PQgetvalue(result, row, 7), PQgetlength(result, row, 7));
            if (row % kBatch == kBatch - 1 || row == rows.count - 1)
                rows.batches.push_back(batch + bigEndian(std::int16_t(-1)));
        }
        PQclear(result);
        return rows;
    }
    void write(const QByteArray &batch) override
    {
        PGresult *started =
            PQexec(m_db.handle(), "COPY floor_envelopes FROM STDIN (FORMAT binary)");
        if (PQresultStatus(started) != PGRES_COPY_IN)
            die(u"COPY: "_s + QString::fromUtf8(PQerrorMessage(m_db.handle())));
        PQclear(started);
        if (PQputCopyData(m_db.handle(), batch.constData(), static_cast<int>(batch.size())) != 1 ||
            PQputCopyEnd(m_db.handle(), nullptr) != 1)
            die(u"COPY data: "_s + QString::fromUtf8(PQerrorMessage(m_db.handle())));
        PGresult *done = PQgetResult(m_db.handle());
        if (PQresultStatus(done) != PGRES_COMMAND_OK)
            die(u"COPY end: "_s + QString::fromUtf8(PQerrorMessage(m_db.handle())));
        PQclear(done);
        while (PGresult *rest = PQgetResult(m_db.handle()))
            PQclear(rest);
    }

private:
    PgConnection m_db;
};

// Without PostgreSQL: the server's SQLite file is read, and the rows are inserted into a
// scratch file with the same table, WAL and synchronous = FULL like the server's, one
// transaction of prepared INSERTs per batch (SQLite has no COPY).
class SqliteFloor : public FloorStore
{
public:
    SqliteFloor(const QString &serverDb, const QString &scratchDb)
        : m_serverDb(serverDb)
    {
        check(sqlite3_open(scratchDb.toUtf8().constData(), &m_db), "open the scratch file");
        exec("PRAGMA journal_mode = WAL");
        exec("PRAGMA synchronous = FULL");
        exec("CREATE TABLE floor_envelopes (vault_id TEXT NOT NULL, record_id TEXT NOT NULL, "
             "version BIGINT NOT NULL, seq BIGINT NOT NULL, kind INTEGER NOT NULL, envelope BLOB "
             "NOT NULL, envelope_hash TEXT NOT NULL, wrapped_key BLOB NOT NULL, author_device "
             "TEXT NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (vault_id, record_id, "
             "version))");
        exec("CREATE UNIQUE INDEX floor_envelopes_seq ON floor_envelopes (vault_id, seq)");
        check(sqlite3_prepare_v2(m_db,
                                 "INSERT INTO floor_envelopes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                 "?8, ?9, ?10)",
                                 -1, &m_insert, nullptr),
              "prepare");
    }
    ~SqliteFloor() override
    {
        sqlite3_finalize(m_insert);
        sqlite3_close(m_db);
    }
    Rows read(const QString &vaultId) override
    {
        sqlite3 *server = nullptr;
        check(sqlite3_open_v2(m_serverDb.toUtf8().constData(), &server, SQLITE_OPEN_READONLY,
                              nullptr),
              "open the server's file");
        sqlite3_stmt *select = nullptr;
        sqlite3_prepare_v2(server,
                           "SELECT vault_id, record_id, version, seq, kind, envelope, "
                           "envelope_hash, wrapped_key, author_device, received_at FROM envelopes "
                           "WHERE vault_id = ?1 ORDER BY seq",
                           -1, &select, nullptr);
        const QByteArray vault = vaultId.toLatin1();
        sqlite3_bind_text(select, 1, vault.constData(), static_cast<int>(vault.size()),
                          SQLITE_TRANSIENT);
        Rows rows;
        m_rows.clear();
        while (sqlite3_step(select) == SQLITE_ROW) {
            std::vector<QByteArray> row;
            for (int i = 0; i < 10; ++i)
                row.emplace_back(static_cast<const char *>(sqlite3_column_blob(select, i)),
                                 sqlite3_column_bytes(select, i));
            rows.envelopes.push_back(row[5]);
            rows.keys.push_back(row[7]);
            m_rows.push_back(std::move(row));
        }
        sqlite3_finalize(select);
        sqlite3_close(server);
        rows.count = static_cast<int>(m_rows.size());
        for (int start = 0; start < rows.count; start += kBatch)
            rows.batches.push_back(QByteArray::number(start)); // a batch is its first row
        return rows;
    }
    void write(const QByteArray &batch) override
    {
        const auto start = static_cast<std::size_t>(batch.toInt());
        const std::size_t end = std::min(start + kBatch, m_rows.size());
        exec("BEGIN IMMEDIATE");
        for (std::size_t i = start; i < end; ++i) {
            const std::vector<QByteArray> &row = m_rows[i];
            for (int column : {1, 2, 7, 9}) // TEXT
                sqlite3_bind_text(m_insert, column, row[column - 1].constData(),
                                  static_cast<int>(row[column - 1].size()), SQLITE_STATIC);
            for (int column : {3, 4, 5, 10}) // INTEGER
                sqlite3_bind_int64(m_insert, column, row[column - 1].toLongLong());
            for (int column : {6, 8}) // BLOB
                sqlite3_bind_blob(m_insert, column, row[column - 1].constData(),
                                  static_cast<int>(row[column - 1].size()), SQLITE_STATIC);
            check(sqlite3_step(m_insert) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR, "insert");
            sqlite3_reset(m_insert);
        }
        exec("COMMIT");
    }

private:
    void check(int rc, const char *what)
    {
        if (rc != SQLITE_OK)
            die(u"sqlite: %1: %2"_s.arg(QLatin1String(what),
                                        QString::fromUtf8(sqlite3_errmsg(m_db))));
    }
    void exec(const char *sql) { check(sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr), sql); }

    QString m_serverDb;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    std::vector<std::vector<QByteArray>> m_rows; // SQLite reads integers back as text here
};

// --- a device of the benchmark's own, for the authenticated baseline GET --------------------

QString probeToken(const ServerProcess &server)
{
    PlainHttpClient client(server.port());
    const protocol::SigningKeyPair signing = protocol::generateSigningKeyPair();
    const PlainReply enrolled =
        client.request(http::verb::post, "/v1/enrol",
                       protocol::EnrolRequest{server.newCode(), signing.publicKey}.toJson());
    auto enrolment = protocol::EnrolResponse::fromJson(enrolled.body);
    if (enrolled.status != 201 || !enrolment)
        die(u"the probe device could not enrol"_s);
    auto challenge = protocol::ChallengeResponse::fromJson(
        client
            .request(http::verb::post, "/v1/auth/challenge",
                     protocol::ChallengeRequest{enrolment->deviceId}.toJson())
            .body);
    if (!challenge)
        die(u"no login challenge"_s);
    const protocol::TokenRequest request{
        enrolment->deviceId, challenge->challenge,
        protocol::sign(
            signing.secretKey,
            protocol::authChallengeMessage(challenge->challenge, enrolment->deviceId.toLatin1()))};
    auto token = protocol::TokenResponse::fromJson(
        client.request(http::verb::post, "/v1/auth/token", request.toJson()).body);
    if (!token)
        die(u"the probe device could not log in"_s);
    return token->accessToken;
}

// --- one run ---------------------------------------------------------------------------------

// CPU seconds this process (the client: engine, SQLCipher, sealing) has used so far.
double ownCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

QString loadAverage()
{
    return readTrimmed(u"/proc/loadavg"_s).section(u' ', 0, 0);
}

struct RunResult
{
    double syncSeconds = 0;
    double syncClientCpu = 0; // CPU seconds of the client during the sync (less load-dependent)
    double syncServerCpu = 0; // and of the server process
    double postSeconds = 0;
    double postQtSeconds = 0;
    double copySeconds = 0;
    double pullBackSeconds = 0;
    std::vector<double> noopMs;
    std::vector<double> noopFreshMs;
    std::vector<double> noopCarriedMs;
    int pushed = 0;
    int stored = 0;
    std::uint64_t postedBytes = 0;
};

RunResult runOnce(const Options &options, const ServerProcess &server, FloorStore &floor,
                  DiscardingHttpSink &sink, const QString &dir,
                  const std::vector<QByteArray> &bodies)
{
    RunResult out;
    auto created = storage::Profile::create(dir, SecretBytes::fromUtf8(kPassphrase));
    if (!created)
        fail("Profile::create", created.error());
    std::unique_ptr<storage::Profile> profile = std::move(created->profile);
    auto engine = std::make_unique<sync::SyncEngine>(profile->database(), profile->records());
    auto enrolled = engine->enrol({server.url(), server.newCode(), server.fingerprint(), {}},
                                  SecretBytes::fromUtf8(kPassphrase), {});
    if (!enrolled)
        fail("enrol", enrolled.error());
    if (auto written = profile->records().createMany(u"diary.checkin"_s, bodies); !written)
        fail("createMany", written.error());

    // (a) ours: everything one sync does for N new local records.
    const double clientCpu = ownCpuSeconds();
    const double serverCpu = server.cpuSeconds();
    auto start = SteadyClock::now();
    auto report = engine->sync();
    out.syncSeconds = secondsSince(start);
    out.syncClientCpu = ownCpuSeconds() - clientCpu;
    out.syncServerCpu = server.cpuSeconds() - serverCpu;
    if (!report)
        fail("sync", report.error());
    out.pushed = report->pushed;

    // The floor, from exactly what the server stored.
    Rows rows = floor.read(enrolled->vaultId);
    out.stored = rows.count;
    std::vector<QByteArray> pushBodies;
    for (int first = 0; first < rows.count; first += kBatch) {
        protocol::PushRequest request;
        for (int i = first; i < std::min(first + kBatch, rows.count); ++i)
            request.items.push_back({rows.envelopes[static_cast<std::size_t>(i)],
                                     rows.keys[static_cast<std::size_t>(i)],
                                     {}});
        // The bodies the client sends: the binary push body (ADR 0030), not the JSON one.
        pushBodies.push_back(request.toBinary());
    }
    {
        PlainHttpClient raw(sink.port());
        const std::uint64_t before = sink.bytesReceived();
        start = SteadyClock::now();
        for (const QByteArray &body : pushBodies)
            if (raw.request(http::verb::post, "/v1/sync/push", body, {},
                            protocol::kPushBinaryMediaType)
                    .status != 200)
                die(u"the sink did not answer"_s);
        out.postSeconds = secondsSince(start);
        out.postedBytes = sink.bytesReceived() - before;
    }
    {
        // Info: the same bodies through the app's own HTTP transport, to the same sink.
        sync::QtHttpTransport viaQt(QUrl(u"http://127.0.0.1:%1"_s.arg(sink.port())));
        start = SteadyClock::now();
        for (const QByteArray &body : pushBodies) {
            auto answer = viaQt.send(
                {"POST", "/v1/sync/push", body, {}, QByteArray(protocol::kPushBinaryMediaType)});
            if (!answer || answer->status != 200)
                die(u"the sink did not answer the app's transport"_s);
        }
        out.postQtSeconds = secondsSince(start);
    }
    start = SteadyClock::now();
    for (const QByteArray &batch : rows.batches)
        floor.write(batch);
    out.copySeconds = secondsSince(start);

    // The next sync pulls the N versions back (this device's own: recognised and acknowledged).
    start = SteadyClock::now();
    if (auto again = engine->sync(); !again)
        fail("second sync", again.error());
    out.pullBackSeconds = secondsSince(start);

    // (b) no-op syncs: the session (and its token) kept; a fresh engine per sync as the app's
    // SyncController runs it (one engine per job) handed the previous job's access token; and a
    // fresh engine with no token (it logs in again, as the app did before it kept the token).
    for (int i = 0; i < options.noopRuns; ++i) {
        start = SteadyClock::now();
        auto noop = engine->sync();
        out.noopMs.push_back(secondsSince(start) * 1000);
        if (!noop)
            fail("no-op sync", noop.error());
        if (noop->pushed != 0 || noop->pulled != 0)
            die(u"a no-op sync moved data"_s);
    }
    engine.reset();
    for (int i = 0; i < options.noopRuns; ++i) {
        start = SteadyClock::now();
        sync::SyncEngine fresh(profile->database(), profile->records());
        auto noop = fresh.sync();
        out.noopFreshMs.push_back(secondsSince(start) * 1000);
        if (!noop)
            fail("no-op sync (fresh engine)", noop.error());
    }
    sync::CarriedToken carried;
    for (int i = 0; i <= options.noopRuns; ++i) {
        start = SteadyClock::now();
        sync::SyncEngine fresh(profile->database(), profile->records());
        fresh.carryAccessToken(std::move(carried));
        auto noop = fresh.sync();
        if (i > 0) // the first one logs in: it has no token to start from
            out.noopCarriedMs.push_back(secondsSince(start) * 1000);
        if (!noop)
            fail("no-op sync (fresh engine, token carried)", noop.error());
        carried = fresh.accessToken();
    }
    profile->records().releaseStatements();
    return out;
}

Options parse(const QStringList &args)
{
    Options options;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args[i];
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        bool ok = true;
        if (arg == u"--records")
            options.records = next.toInt(&ok), ++i;
        else if (arg == u"--runs")
            options.runs = next.toInt(&ok), ++i;
        else if (arg == u"--noop-runs")
            options.noopRuns = next.toInt(&ok), ++i;
        else if (arg == u"--backend")
            options.backend = next, ++i;
        else if (arg == u"--check")
            options.check = true;
        else
            ok = false;
        if (!ok || options.records < 1 || options.runs < 1 || options.noopRuns < 1 ||
            !QStringList{u"auto"_s, u"postgresql"_s, u"sqlite"_s}.contains(options.backend))
            die(u"usage: bench_sync [--records N] [--runs R] [--noop-runs K] "
                u"[--backend auto|postgresql|sqlite] [--check]"_s);
    }
    return options;
}

QString ms(double seconds)
{
    return u"%1 ms"_s.arg(seconds * 1000, 0, 'f', seconds < 0.1 ? 2 : 0);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The sync engine's routine warnings are not what this measures.
    QLoggingCategory::setFilterRules(u"*.debug=false\n*.info=false"_s);
    const Options options = parse(app.arguments());
    QTemporaryDir scratch(benchRoot() + u"/companion-bench-sync-XXXXXX"_s);
    if (!scratch.isValid())
        die(u"no temporary directory"_s);
    // COMPANION_BENCH_KEEP=1 keeps the folder (the server's log, the profiles) to look at.
    scratch.setAutoRemove(qEnvironmentVariableIsEmpty("COMPANION_BENCH_KEEP"));

    std::unique_ptr<PgCluster> cluster;
    if (options.backend != u"sqlite") {
        cluster = PgCluster::find(scratch.path());
        if (!cluster && options.backend == u"postgresql")
            die(u"PostgreSQL is not available (tests/server/pg-fixture.sh failed)"_s);
    }
    const bool postgres = cluster != nullptr;
    QString dbUrl;
    if (postgres)
        dbUrl = cluster->newDatabase();
    else
        dbUrl = scratch.filePath(u"server.db"_s);
    std::printf("bench_sync: %d records, %d runs, %d no-op syncs per run; server on %s%s\n",
                options.records, options.runs, options.noopRuns,
                postgres ? "PostgreSQL (tests/server/pg-fixture.sh cluster, fsync=off)" : "SQLite",
                postgres ? ""
                         : " — PostgreSQL not available: the floor's storage half is prepared "
                           "SQLite INSERTs, not COPY");
    std::fflush(stdout);

    const ServerProcess server(dbUrl, scratch.path());
    // After the server's first start: its migrations made the envelopes table the floor copies.
    std::unique_ptr<FloorStore> floor;
    if (postgres)
        floor = std::make_unique<PgFloor>(dbUrl);
    else
        floor = std::make_unique<SqliteFloor>(dbUrl, scratch.filePath(u"floor.db"_s));
    DiscardingHttpSink sink;
    const QString token = probeToken(server);
    const std::vector<QByteArray> bodies = diaryBodies(options.records);

    std::vector<double> sync, post, postQt, copy, floorTotal, pullBack, noop, noopFresh,
        noopCarried, getPlain, getQt;
    bool correct = true;
    for (int run = 0; run < options.runs; ++run) {
        const RunResult r = runOnce(options, server, *floor, sink,
                                    scratch.filePath(u"profile-%1"_s.arg(run)), bodies);
        if (r.pushed != options.records || r.stored != options.records) {
            std::fprintf(stderr, "bench_sync: pushed %d, stored %d of %d\n", r.pushed, r.stored,
                         options.records);
            correct = false;
        }
        sync.push_back(r.syncSeconds);
        post.push_back(r.postSeconds);
        postQt.push_back(r.postQtSeconds);
        copy.push_back(r.copySeconds);
        floorTotal.push_back(r.postSeconds + r.copySeconds);
        pullBack.push_back(r.pullBackSeconds);
        noop.push_back(median(r.noopMs));
        noopFresh.push_back(median(r.noopFreshMs));
        noopCarried.push_back(median(r.noopCarriedMs));

        // The baseline of (b), right after this run's no-op syncs: one authenticated GET that
        // returns nothing, on a keep-alive connection; and the same through the app's transport.
        std::vector<double> plainMs, qtMs;
        PlainHttpClient plain(server.port());
        sync::QtHttpTransport transport(QUrl(server.url()));
        const QByteArray target = "/v1/sync/pull?after=0&limit=1";
        plain.request(http::verb::get, target.toStdString(), {}, token); // connect outside
        for (int i = 0; i < options.noopRuns; ++i) {
            auto start = SteadyClock::now();
            const PlainReply reply =
                plain.request(http::verb::get, target.toStdString(), {}, token);
            plainMs.push_back(secondsSince(start) * 1000);
            start = SteadyClock::now();
            auto viaQt = transport.send({"GET", target, {}, token.toLatin1()});
            qtMs.push_back(secondsSince(start) * 1000);
            if (reply.status != 200 || !viaQt || viaQt->status != 200)
                die(u"the authenticated GET failed"_s);
        }
        getPlain.push_back(median(plainMs));
        getQt.push_back(median(qtMs));
        progress(u"run %1: sync %2 (pushed %3) | floor %4 = POST %5 (%6 MB) + %7 %8 | ratio %9× | "
                 u"pull-back sync %10 | no-op %11 / fresh engine %12 (with token %14) vs GET %13"_s
                     .arg(run + 1)
                     .arg(ms(r.syncSeconds))
                     .arg(r.pushed)
                     .arg(ms(r.postSeconds + r.copySeconds), ms(r.postSeconds))
                     .arg(double(r.postedBytes) / 1e6, 0, 'f', 1)
                     .arg(postgres ? u"COPY"_s : u"INSERT"_s, ms(r.copySeconds))
                     .arg(r.syncSeconds / (r.postSeconds + r.copySeconds), 0, 'f', 2)
                     .arg(ms(r.pullBackSeconds), ms(noop.back() / 1000),
                          ms(noopFresh.back() / 1000), ms(getPlain.back() / 1000))
                     .arg(ms(noopCarried.back() / 1000)));
        progress(
            u"run %1: CPU during the sync: client %2, server %3 (load average %4)"_s.arg(run + 1)
                .arg(ms(r.syncClientCpu), ms(r.syncServerCpu), loadAverage()));
    }

    const double syncMedian = median(sync);
    const double floorMedian = median(floorTotal);
    const QString records = QString::number(options.records);
    const QByteArray backend = postgres ? "PostgreSQL" : "SQLite";
    // A row name with the record count and backend filled in (lives to the end of the call).
    const auto metric = [&](const char *what) {
        return QByteArray(what)
            .replace("{n}", records.toLatin1())
            .replace("{db}", backend)
            .replace("{floor}", postgres ? "COPY" : "INSERT");
    };
    printResult(
        metric("sync of {n} new records end to end ({db}) vs raw POST + {floor} floor").constData(),
        ms(syncMedian), ms(floorMedian), syncMedian / floorMedian, "<= 3x", true,
        syncMedian / floorMedian <= 3.0);
    printResult(metric("  floor part: raw POST of the same bodies, batches of 250").constData(),
                ms(median(post)), ms(floorMedian), median(post) / floorMedian, "(info)", false,
                false);
    printResult(metric("  the same POSTs through the app's HTTP transport (QNetworkAccessManager)")
                    .constData(),
                ms(median(postQt)), ms(median(post)), median(postQt) / median(post), "(info)",
                false, false);
    printResult(metric(postgres ? "  floor part: binary COPY of the same rows, one per batch"
                                : "  floor part: SQLite INSERT of the same rows, one tx per batch")
                    .constData(),
                ms(median(copy)), ms(floorMedian), median(copy) / floorMedian, "(info)", false,
                false);
    printResult(
        metric("next sync: {n} own versions come back in the pull, vs the same floor").constData(),
        ms(median(pullBack)), ms(floorMedian), median(pullBack) / floorMedian, "(info)", false,
        false);
    printResult(metric("no-op sync (engine kept) vs one authenticated GET").constData(),
                ms(median(noop) / 1000), ms(median(getPlain) / 1000),
                median(noop) / median(getPlain), "(info)", false, false);
    printResult(metric("no-op sync, fresh engine with the last job's token, as the app runs it, "
                       "vs the same GET")
                    .constData(),
                ms(median(noopCarried) / 1000), ms(median(getPlain) / 1000),
                median(noopCarried) / median(getPlain), "(info)", false, false);
    printResult(
        metric("no-op sync, fresh engine that logs in again (the app before) vs the same GET")
            .constData(),
        ms(median(noopFresh) / 1000), ms(median(getPlain) / 1000),
        median(noopFresh) / median(getPlain), "(info)", false, false);
    printResult(metric("  the same GET through the app's HTTP transport (QNetworkAccessManager)")
                    .constData(),
                ms(median(getQt) / 1000), ms(median(getPlain) / 1000),
                median(getQt) / median(getPlain), "(info)", false, false);
    if (options.check && !correct)
        return 1;
    return 0;
}
