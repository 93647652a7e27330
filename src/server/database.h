#pragma once

#include "common/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <cstdint>
#include <functional>
#include <memory>

namespace companion::server {

// Where the server keeps its data: a SQLite file (one clinic, a demo) or PostgreSQL (production;
// several stateless server instances share it). One schema with migrations for both.
struct DatabaseUrl
{
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path; // SQLite file
    QString user, password, host, name;
    int port = 5432;

    // Accepts `sqlite:PATH`, `sqlite:///ABS/PATH`, a plain file path, and
    // `postgresql://user[:password]@host[:port]/dbname` (also `postgres://`). Without a password
    // in the URL libpq reads PGPASSWORD / ~/.pgpass, which keeps it out of `ps`.
    static Result<DatabaseUrl> parse(const QString &text);
};

// One QtSql connection. Qt allows a connection only on the thread that opened it, so each server
// worker thread opens its own. Errors never carry bound values (they may be patient metadata):
// only the driver's generic text and the statement's purpose.
class Database
{
public:
    using Kind = DatabaseUrl::Kind;

    // ReadOnly: a connection for the routes that only read (ADR 0026). The database itself
    // refuses writes on it (SQLite `PRAGMA query_only`, PostgreSQL read-only transactions), so a
    // route wrongly marked as reading fails loudly instead of writing beside the one writer.
    enum class Mode { ReadWrite, ReadOnly };

    static Result<std::unique_ptr<Database>> open(const DatabaseUrl &url,
                                                  Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Kind kind() const { return m_kind; }
    QSqlDatabase handle() const;

    // Brings the schema to the newest version (each step in its own transaction).
    Result<void> migrate();
    static int latestSchemaVersion();
    Result<int> schemaVersion();

    // Runs one statement with positional (?) bindings. `what` names it in errors.
    Result<QSqlQuery> exec(const char *what, const QString &sql, const QVariantList &binds = {});
    // Like exec, then reads the first row; NotFound when there is none.
    Result<QSqlQuery> one(const char *what, const QString &sql, const QVariantList &binds = {});
    // For reads on every request (the token check, pull): the statement is prepared once per
    // connection instead of per call (SQLite parses and plans it once; QPSQL saves its PREPARE
    // and DEALLOCATE round trips). `consume` reads the rows; then the statement is reset. The
    // reset matters: an unfinished SQLite statement keeps its read transaction open, and later
    // queries on this connection would see that old snapshot — missing, say, a device an admin
    // revoked from another process. Do not call the same statement again from `consume`.
    Result<void> readPrepared(const char *what, const QString &sql, const QVariantList &binds,
                              const std::function<void(QSqlQuery &)> &consume);
    // The write path's statements (a push's lock, lookups, inserts; ADR 0026), prepared once per
    // connection like readPrepared and reset the same way. `consume` may be empty.
    Result<void> execPrepared(const char *what, const QString &sql, const QVariantList &binds,
                              const std::function<void(QSqlQuery &)> &consume = {});

    // PostgreSQL only: `COPY <table> (<columns>) FROM STDIN (FORMAT binary)` with `rows` (built
    // by BinaryCopyRows), inside the current transaction, on the libpq connection QtSql holds
    // (QSqlDriver::handle()). The one write that bypasses QtSql (ADR 0024): QPSQL sends every
    // bound value as text, bytea as hex, which made a push's envelope INSERT several times the
    // cost of the same rows in binary (bench/bench_sync). Errors carry libpq's generic text only.
    Result<void> copyBinary(const char *what, const char *copySql, const QByteArray &rows);

    // A write transaction. SQLite takes the write lock at once (BEGIN IMMEDIATE), so two writers
    // wait for each other instead of failing on lock upgrade; PostgreSQL serialises per row
    // through the `UPDATE … SET x = x` locks the callers take first.
    Result<void> begin();
    Result<void> commit();
    void rollback();

    // Group commit (ADR 0026, SQLite): one write transaction around several requests, each in
    // its own savepoint. While a group is open, begin/commit/rollback above do nothing — the
    // handlers run unchanged inside it, and the group keeps or undoes each request's writes by
    // its savepoint. Nothing is durable, and nothing may be answered, before commitGroup.
    Result<void> beginGroup();
    Result<void> commitGroup();
    void rollbackGroup();
    Result<void> savepoint();
    Result<void> releaseSavepoint();
    Result<void> rollbackToSavepoint();
    bool inGroup() const { return m_inGroup; }

    // After a failed request: true when the connection itself is gone (PostgreSQL restarted,
    // network cut), in which case it is reopened — prepared statements dropped with it — so the
    // next request works again as soon as the database is back. QtSql never reconnects by itself.
    bool recoverLostConnection();

    // The blob column type and similar dialect differences, substituted into DDL.
    QString blobType() const;

private:
    Database(Kind kind, Mode mode, QString connectionName)
        : m_kind(kind)
        , m_mode(mode)
        , m_connectionName(std::move(connectionName))
    {}
    // The per-connection settings, again after a reconnect.
    Result<void> configureConnection();
    Kind m_kind;
    Mode m_mode;
    bool m_inGroup = false;
    QString m_connectionName;
    QHash<QString, QSqlQuery> m_prepared; // readPrepared's statements, by SQL text
};

// Rows in PostgreSQL's binary COPY format, for Database::copyBinary. Each value must have the
// column's exact type: text, bytea, int4 (addInt32), int8 (addInt64).
class BinaryCopyRows
{
public:
    BinaryCopyRows();
    void beginRow(std::int16_t columns);
    void addText(const QString &text);
    void addBytes(const QByteArray &bytes);
    void addInt32(std::int32_t value);
    void addInt64(std::int64_t value);
    // The rows with the trailer; the builder is empty afterwards.
    QByteArray finish();
    bool isEmpty() const { return m_rows == 0; }

private:
    QByteArray m_data;
    int m_rows = 0;
};

// Rolls back unless committed: every early return of a handler leaves nothing half-written.
class Transaction
{
public:
    explicit Transaction(Database &db)
        : m_db(db)
    {}
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    Result<void> begin()
    {
        auto result = m_db.begin();
        m_open = result.hasValue();
        return result;
    }
    Result<void> commit()
    {
        m_open = false;
        return m_db.commit();
    }

private:
    Database &m_db;
    bool m_open = false;
};

} // namespace companion::server
