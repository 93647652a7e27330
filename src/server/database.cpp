#include "server/database.h"

#include "server/logging.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <libpq-fe.h>

#include <array>

namespace companion::server {

namespace {

// One migration step. `{BLOB}` becomes BLOB (SQLite) or BYTEA (PostgreSQL); everything else is
// the common subset of both dialects (BIGINT, TEXT, no UPSERT, no RETURNING, no AUTOINCREMENT:
// sequences are allocated explicitly so both behave the same).
struct Migration
{
    int version;
    std::initializer_list<const char *> statements;
};

// The audit chain starts from 64 zero digits (docs/sync-protocol.md, "Audit log").
// Versions ascend but may leave gaps: branches developed in parallel take their own numbers, and
// migrate() applies every step a database has not recorded, not only those above its maximum.
// So steps must not depend on each other's tables unless they are merged in order.
const std::array<Migration, 4> kMigrations{{
    {1,
     {
         "CREATE TABLE clinic (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
         "signing_public_key {BLOB} NOT NULL, safety_alerts INTEGER NOT NULL, "
         "created_at BIGINT NOT NULL)",
         "CREATE TABLE care_team_keys (epoch BIGINT PRIMARY KEY, public_key {BLOB} NOT NULL, "
         "signature {BLOB} NOT NULL, created_at BIGINT NOT NULL)",
         "CREATE TABLE vaults (id TEXT PRIMARY KEY, label TEXT NOT NULL, last_seq BIGINT NOT NULL, "
         "created_at BIGINT NOT NULL)",
         "CREATE TABLE enrolment_codes (code_hash TEXT PRIMARY KEY, vault_id TEXT NOT NULL, "
         "purpose TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, "
         "redeemed_at BIGINT)",
         "CREATE TABLE principals (id TEXT PRIMARY KEY, role TEXT NOT NULL, vault_id TEXT, "
         "display_name TEXT NOT NULL, public_key {BLOB} NOT NULL, created_at BIGINT NOT NULL, "
         "revoked_at BIGINT)",
         "CREATE INDEX principals_vault ON principals (vault_id)",
         "CREATE TABLE auth_challenges (challenge_hash TEXT PRIMARY KEY, principal_id TEXT NOT "
         "NULL, expires_at BIGINT NOT NULL)",
         "CREATE TABLE access_tokens (token_hash TEXT PRIMARY KEY, principal_id TEXT NOT NULL, "
         "expires_at BIGINT NOT NULL)",
         "CREATE INDEX access_tokens_principal ON access_tokens (principal_id)",
         "CREATE TABLE key_blobs (vault_id TEXT NOT NULL, slot TEXT NOT NULL, epoch BIGINT NOT "
         "NULL, blob {BLOB} NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (vault_id, slot))",
         "CREATE TABLE envelopes (vault_id TEXT NOT NULL, record_id TEXT NOT NULL, "
         "version BIGINT NOT NULL, seq BIGINT NOT NULL, kind INTEGER NOT NULL, "
         "envelope {BLOB} NOT NULL, envelope_hash TEXT NOT NULL, wrapped_key {BLOB} NOT NULL, "
         "author_device TEXT NOT NULL, received_at BIGINT NOT NULL, "
         "PRIMARY KEY (vault_id, record_id, version))",
         "CREATE UNIQUE INDEX envelopes_seq ON envelopes (vault_id, seq)",
         "CREATE TABLE shares (vault_id TEXT NOT NULL, record_id TEXT NOT NULL, "
         "version BIGINT NOT NULL, shared_key {BLOB} NOT NULL, shared_at BIGINT NOT NULL, "
         "PRIMARY KEY (vault_id, record_id))",
         "CREATE TABLE shared_collection_keys (vault_id TEXT NOT NULL, generation BIGINT NOT "
         "NULL, ctk_epoch BIGINT NOT NULL, sealed {BLOB} NOT NULL, created_at BIGINT NOT NULL, "
         "PRIMARY KEY (vault_id, generation))",
         "CREATE TABLE care_team_grants (therapist_id TEXT NOT NULL, epoch BIGINT NOT NULL, "
         "sealed_secret {BLOB} NOT NULL, PRIMARY KEY (therapist_id, epoch))",
         "CREATE TABLE alerts (id TEXT PRIMARY KEY, vault_id TEXT NOT NULL, record_id TEXT NOT "
         "NULL, version BIGINT NOT NULL, created_at BIGINT NOT NULL, acknowledged_at BIGINT, "
         "acknowledged_by TEXT)",
         "CREATE TABLE audit_log (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, "
         "actor_role TEXT NOT NULL, actor_id TEXT NOT NULL, action TEXT NOT NULL, "
         "vault_id TEXT NOT NULL, subject TEXT NOT NULL, prev_hash TEXT NOT NULL, "
         "hash TEXT NOT NULL)",
         "CREATE INDEX audit_log_vault ON audit_log (vault_id, seq)",
         "CREATE TABLE audit_head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, "
         "hash TEXT NOT NULL)",
         "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, "
         "'0000000000000000000000000000000000000000000000000000000000000000')",
     }},
    // The clinic → patient channel (docs/sync-protocol.md, "Clinic messages"): messages sealed
    // with the patient's SCK, in the vault's one sequence (vaults.last_seq, shared with
    // envelopes, so both are in commit order); and the clinic protocol as signed by the clinic.
    {2,
     {
         "CREATE TABLE vault_messages (vault_id TEXT NOT NULL, seq BIGINT NOT NULL, "
         "message_id TEXT NOT NULL, author_type TEXT NOT NULL, author_id TEXT NOT NULL, "
         "sealed {BLOB} NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (vault_id, seq))",
         "CREATE UNIQUE INDEX vault_messages_id ON vault_messages (vault_id, message_id)",
         "CREATE TABLE clinic_protocols (version BIGINT PRIMARY KEY, document {BLOB} NOT NULL, "
         "signature {BLOB} NOT NULL, created_at BIGINT NOT NULL)",
     }},
    // Therapist enrolment codes (ADR 0013): the hash of the code's lookup proof, the name the
    // admin gave, and the care-team key of `ctk_epoch` sealed under a key only the code yields
    // (emptied once redeemed). A rotation deletes unredeemed codes.
    {3,
     {
         "CREATE TABLE therapist_codes (code_hash TEXT PRIMARY KEY, display_name TEXT NOT NULL, "
         "ctk_epoch BIGINT NOT NULL, sealed_ctk {BLOB} NOT NULL, created_at BIGINT NOT NULL, "
         "expires_at BIGINT NOT NULL, redeemed_at BIGINT, therapist_id TEXT)",
     }},
    // Delete everything (issue 9): a deleted vault keeps its row, marked, so its devices learn
    // why they can no longer log in (410); everything else of the vault is deleted.
    {4,
     {
         "ALTER TABLE vaults ADD COLUMN deleted_at BIGINT",
     }},
}};

bool versionsAscend()
{
    for (std::size_t i = 1; i < kMigrations.size(); ++i) {
        if (kMigrations[i].version <= kMigrations[i - 1].version)
            return false;
    }
    return true;
}

Error databaseError(const char *what, const QSqlError &error)
{
    // The driver's text describes the failure (constraint, connection), never bound values:
    // QtSql does not interpolate them, and we never build SQL from values.
    return makeError(ErrorCode::Io,
                     QLatin1String(what) + QStringLiteral(": ") + error.databaseText().left(200));
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    DatabaseUrl url;
    if (text.startsWith(QLatin1String("postgresql://")) ||
        text.startsWith(QLatin1String("postgres://"))) {
        const QUrl parsed(text, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() || parsed.path().size() < 2)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("expected postgresql://user@host:port/dbname"));
        url.kind = Kind::Postgres;
        url.user = parsed.userName();
        url.password = parsed.password();
        url.host = parsed.host();
        url.port = parsed.port(5432);
        url.name = parsed.path().mid(1);
        return url;
    }
    QString path = text;
    if (path.startsWith(QLatin1String("sqlite://")))
        path = path.mid(9);
    else if (path.startsWith(QLatin1String("sqlite:")))
        path = path.mid(7);
    if (path.isEmpty() || path.contains(QLatin1String("://")))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("expected a SQLite file path or postgresql://…"));
    url.kind = Kind::Sqlite;
    url.path = path;
    return url;
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl &url, Mode mode)
{
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("companion-server-%1").arg(counter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> db(new Database(url.kind, mode, name));
    QSqlDatabase handle = QSqlDatabase::addDatabase(
        url.kind == Kind::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
    if (!handle.isValid())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("the QtSql driver for this database is not installed"));
    if (url.kind == Kind::Sqlite) {
        handle.setDatabaseName(url.path);
        handle.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        handle.setHostName(url.host);
        handle.setPort(url.port);
        handle.setDatabaseName(url.name);
        handle.setUserName(url.user);
        if (!url.password.isEmpty())
            handle.setPassword(url.password);
        handle.setConnectOptions(QStringLiteral("connect_timeout=10"));
    }
    if (!handle.open())
        return databaseError("cannot open the database", handle.lastError());
    COMPANION_TRY(db->configureConnection());
    return db;
}

Result<void> Database::configureConnection()
{
    if (m_kind == Kind::Sqlite) {
        // WAL lets readers run beside the writer; FULL makes an acknowledged push durable.
        COMPANION_TRY(exec("set journal mode", QStringLiteral("PRAGMA journal_mode = WAL")));
        COMPANION_TRY(exec("set synchronous", QStringLiteral("PRAGMA synchronous = FULL")));
        if (m_mode == Mode::ReadOnly)
            COMPANION_TRY(
                exec("make the connection read-only", QStringLiteral("PRAGMA query_only = ON")));
    } else if (m_mode == Mode::ReadOnly) {
        COMPANION_TRY(exec("make the connection read-only",
                           QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")));
    }
    return {};
}

Database::~Database()
{
    // Prepared statements belong to the connection: release them before it closes.
    m_prepared.clear();
    {
        QSqlDatabase handle = QSqlDatabase::database(m_connectionName, false);
        if (handle.isOpen())
            handle.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::recoverLostConnection()
{
    {
        QSqlQuery probe(handle());
        if (probe.exec(QStringLiteral("SELECT 1")))
            return false; // the connection works: the failure was the request's own
    }
    m_prepared.clear();
    QSqlDatabase connection = handle();
    connection.close();
    if (!connection.open())
        qCWarning(lcServer) << "database connection lost; reconnecting failed:"
                            << connection.lastError().databaseText().left(200);
    else if (auto configured = configureConnection(); !configured)
        // A read-only connection that could not be made read-only again must not serve: close
        // it, and the next request tries once more.
        connection.close();
    return true;
}

QString Database::blobType() const
{
    return m_kind == Kind::Sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA");
}

Result<QSqlQuery> Database::exec(const char *what, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(handle());
    query.setForwardOnly(true);
    if (binds.isEmpty()) {
        // PostgreSQL cannot PREPARE DDL, and QPSQL prepares every prepare(); statements without
        // values run directly (they are constant text, never built from input).
        if (!query.exec(sql))
            return databaseError(what, query.lastError());
        return query;
    }
    if (!query.prepare(sql))
        return databaseError(what, query.lastError());
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec())
        return databaseError(what, query.lastError());
    return query;
}

Result<QSqlQuery> Database::one(const char *what, const QString &sql, const QVariantList &binds)
{
    auto query = exec(what, sql, binds);
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, QLatin1String(what) + QStringLiteral(": no row"));
    return query;
}

Result<void> Database::readPrepared(const char *what, const QString &sql, const QVariantList &binds,
                                    const std::function<void(QSqlQuery &)> &consume)
{
    auto found = m_prepared.find(sql);
    if (found == m_prepared.end()) {
        QSqlQuery query(handle());
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return databaseError(what, query.lastError());
        found = m_prepared.insert(sql, query);
    }
    QSqlQuery &query = found.value();
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(static_cast<int>(i), binds[i]);
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        // Prepared afresh next time, in case the failure left the statement unusable.
        m_prepared.erase(found);
        return databaseError(what, error);
    }
    consume(query);
    query.finish();
    return {};
}

Result<void> Database::execPrepared(const char *what, const QString &sql, const QVariantList &binds,
                                    const std::function<void(QSqlQuery &)> &consume)
{
    return readPrepared(
        what, sql, binds, consume ? consume : [](QSqlQuery &) {});
}

namespace {

template<typename T>
void appendBigEndian(QByteArray &out, T value)
{
    using U = std::make_unsigned_t<T>;
    const auto bits = static_cast<U>(value);
    for (int shift = static_cast<int>(sizeof(T) - 1) * 8; shift >= 0; shift -= 8)
        out.append(static_cast<char>((bits >> shift) & 0xffU));
}

} // namespace

BinaryCopyRows::BinaryCopyRows()
{
    m_data.append("PGCOPY\n\377\r\n\0", 11);  // signature
    appendBigEndian<std::int32_t>(m_data, 0); // flags: no OIDs
    appendBigEndian<std::int32_t>(m_data, 0); // no header extension
}

void BinaryCopyRows::beginRow(std::int16_t columns)
{
    appendBigEndian(m_data, columns);
    ++m_rows;
}

void BinaryCopyRows::addText(const QString &text)
{
    addBytes(text.toUtf8());
}

void BinaryCopyRows::addBytes(const QByteArray &bytes)
{
    appendBigEndian(m_data, static_cast<std::int32_t>(bytes.size()));
    m_data.append(bytes);
}

void BinaryCopyRows::addInt32(std::int32_t value)
{
    appendBigEndian<std::int32_t>(m_data, 4);
    appendBigEndian(m_data, value);
}

void BinaryCopyRows::addInt64(std::int64_t value)
{
    appendBigEndian<std::int32_t>(m_data, 8);
    appendBigEndian(m_data, value);
}

QByteArray BinaryCopyRows::finish()
{
    appendBigEndian<std::int16_t>(m_data, -1); // trailer
    QByteArray rows = std::move(m_data);
    *this = BinaryCopyRows();
    return rows;
}

Result<void> Database::copyBinary(const char *what, const char *copySql, const QByteArray &rows)
{
    if (m_kind != Kind::Postgres)
        return makeError(ErrorCode::Internal, QStringLiteral("COPY is for PostgreSQL only"));
    const QVariant native = handle().driver()->handle();
    // Qt 6 names the type after the struct behind libpq's typedef ("pg_conn*"); Qt 5 and the
    // documentation say "PGconn*".
    const bool isPgConn =
        qstrcmp(native.typeName(), "pg_conn*") == 0 || qstrcmp(native.typeName(), "PGconn*") == 0;
    auto *conn = isPgConn ? *static_cast<PGconn *const *>(native.constData()) : nullptr;
    if (!conn)
        return makeError(ErrorCode::Internal,
                         QLatin1String(what) + QStringLiteral(": no PostgreSQL connection (%1)")
                                                   .arg(QLatin1String(native.typeName())));
    const auto failure = [&](PGresult *result) {
        // Only the SQLSTATE: PostgreSQL's message and detail may quote values of the rows.
        const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        const QString code = QString::fromLatin1(state ? state : "connection");
        if (result)
            PQclear(result);
        while (PGresult *rest = PQgetResult(conn))
            PQclear(rest);
        qCWarning(lcServer).noquote() << what << "failed, SQLSTATE" << code;
        return makeError(ErrorCode::Internal,
                         QLatin1String(what) + QStringLiteral(" failed (SQLSTATE %1)").arg(code));
    };
    PGresult *started = PQexec(conn, copySql);
    if (PQresultStatus(started) != PGRES_COPY_IN)
        return failure(started);
    PQclear(started);
    if (PQputCopyData(conn, rows.constData(), static_cast<int>(rows.size())) != 1 ||
        PQputCopyEnd(conn, nullptr) != 1)
        return failure(nullptr);
    PGresult *done = PQgetResult(conn);
    if (PQresultStatus(done) != PGRES_COMMAND_OK)
        return failure(done);
    PQclear(done);
    while (PGresult *rest = PQgetResult(conn))
        PQclear(rest);
    return {};
}

Result<void> Database::begin()
{
    if (m_inGroup)
        return {}; // the group's transaction; this request's savepoint is already open
    // Not prepared: PostgreSQL does not allow transaction control in prepared statements via
    // every driver path, and there is nothing to bind.
    QSqlQuery query(handle());
    const QString sql =
        m_kind == Kind::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    if (!query.exec(sql))
        return databaseError("begin a transaction", query.lastError());
    return {};
}

Result<void> Database::commit()
{
    if (m_inGroup)
        return {}; // durable only when the whole group commits
    QSqlQuery query(handle());
    if (!query.exec(QStringLiteral("COMMIT")))
        return databaseError("commit", query.lastError());
    return {};
}

void Database::rollback()
{
    if (m_inGroup)
        return; // the group rolls back to this request's savepoint
    QSqlQuery query(handle());
    query.exec(QStringLiteral("ROLLBACK"));
}

Result<void> Database::beginGroup()
{
    COMPANION_TRY(begin());
    m_inGroup = true;
    return {};
}

Result<void> Database::commitGroup()
{
    m_inGroup = false;
    return commit();
}

void Database::rollbackGroup()
{
    m_inGroup = false;
    rollback();
}

Result<void> Database::savepoint()
{
    QSqlQuery query(handle());
    if (!query.exec(QStringLiteral("SAVEPOINT request")))
        return databaseError("open a savepoint", query.lastError());
    return {};
}

Result<void> Database::releaseSavepoint()
{
    QSqlQuery query(handle());
    if (!query.exec(QStringLiteral("RELEASE SAVEPOINT request")))
        return databaseError("release a savepoint", query.lastError());
    return {};
}

Result<void> Database::rollbackToSavepoint()
{
    QSqlQuery query(handle());
    if (!query.exec(QStringLiteral("ROLLBACK TO SAVEPOINT request")))
        return databaseError("roll back to a savepoint", query.lastError());
    return releaseSavepoint();
}

int Database::latestSchemaVersion()
{
    return kMigrations.back().version;
}

Result<int> Database::schemaVersion()
{
    COMPANION_TRY(
        exec("create the migrations table",
             QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations "
                            "(version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)")));
    auto query = one("read the schema version",
                     QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!query)
        return query.error();
    return query->value(0).toInt();
}

Result<void> Database::migrate()
{
    auto current = schemaVersion();
    if (!current)
        return current.error();
    if (*current > latestSchemaVersion())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("the database was written by a newer companion-server"));
    if (!versionsAscend())
        return makeError(ErrorCode::Internal, QStringLiteral("migration versions must ascend"));
    // Which steps ran, not only the highest: a step numbered below one already applied (merged
    // later from a parallel branch) still runs.
    QSet<int> applied;
    {
        auto rows = exec("read the applied migrations",
                         QStringLiteral("SELECT version FROM schema_migrations"));
        if (!rows)
            return rows.error();
        while (rows->next())
            applied.insert(rows->value(0).toInt());
    }
    for (const Migration &migration : kMigrations) {
        if (applied.contains(migration.version))
            continue;
        Transaction transaction(*this);
        COMPANION_TRY(transaction.begin());
        // Two instances starting at once on one PostgreSQL: the second waits here, then sees the
        // step applied (the primary key refuses a double insert and rolls it back).
        for (const char *statement : migration.statements) {
            QString sql = QString::fromLatin1(statement);
            sql.replace(QStringLiteral("{BLOB}"), blobType());
            COMPANION_TRY(exec("migrate the schema", sql));
        }
        COMPANION_TRY(exec("record the migration",
                           QStringLiteral("INSERT INTO schema_migrations (version, applied_at) "
                                          "VALUES (?, ?)"),
                           {migration.version, QDateTime::currentMSecsSinceEpoch()}));
        COMPANION_TRY(transaction.commit());
    }
    return {};
}

} // namespace companion::server
