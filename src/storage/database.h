#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace companion::storage {

class Database;

// A prepared statement. Bind indexes are 1-based, column indexes 0-based (as in SQLite).
// Bound values are never logged.
class Statement
{
public:
    Statement() = default;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, const QString &text);
    Statement &bindBlob(int index, const QByteArray &blob);
    // Binds a key without copying it into a QByteArray (which could not be wiped). SQLite reads
    // it in place (SQLITE_STATIC): `secret` must outlive the statement's next step/reset.
    Statement &bindSecret(int index, const SecretBytes &secret);
    Statement &bindNull(int index);
    Statement &bindDouble(int index, double value);

    // true: a row is available; false: done. Errors carry the SQLite result mapped to ErrorCode.
    Result<bool> step();
    // Runs a statement that returns no rows to completion.
    Result<void> run();
    void reset();

    std::int64_t columnInt64(int column) const;
    double columnDouble(int column) const;
    QString columnText(int column) const;
    QByteArray columnBlob(int column) const;
    // The column's bytes without a copy; valid until the next step() or reset().
    QByteArrayView columnBytes(int column) const;
    bool columnIsNull(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt *stmt, Database *db);
    sqlite3_stmt *m_stmt = nullptr;
    Database *m_db = nullptr;
};

// RAII owner of one SQLCipher connection. Move-only; closing checkpoints the WAL so no committed
// data is left only in the -wal file at rest.
class Database
{
public:
    // SecondConnection: another connection to a database this process already opened with
    // OpenExisting (the app's sync worker). It skips the every-page check done then; every page
    // is still authenticated by SQLCipher when it is read.
    enum class OpenMode { CreateNew, OpenExisting, SecondConnection };

    // Opens (or creates) an encrypted database with a raw 32-byte key and the cipher settings in
    // ciphersettings.h, then proves the key with a read and checks every page's HMAC. Errors:
    // NotFound (no file, OpenExisting), AlreadyExists (file present, CreateNew),
    // Damaged (the key is right but a page fails authentication or the b-tree is broken),
    // WrongPassphrase (page 1 does not decrypt: a different key), Io.
    static Result<Database> openEncrypted(const QString &path, const SecretBytes &rawKey,
                                          OpenMode mode);
    // An unencrypted database through the same library. Only for benchmarks' baselines and tests.
    static Result<Database> openPlain(const QString &path);

    Database() = default;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    bool isOpen() const { return m_db != nullptr; }
    Result<void> exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    std::int64_t lastInsertRowId() const;
    int changes() const;
    // PRAGMA user_version.
    Result<int> userVersion();
    Result<void> setUserVersion(int version);
    // Checkpoints the WAL into the main file and closes. Safe to call twice.
    void close();
    sqlite3 *handle() const { return m_db; }

    // Test hook (fault injection, as in Nextcloud's testdatabaseerror): called before every
    // statement step with the statement's SQL; returning true fails that step with Io.
    using FaultInjector = std::function<bool(std::string_view sql)>;
    void setFaultInjector(FaultInjector injector) { m_faultInjector = std::move(injector); }

private:
    friend class Statement;
    explicit Database(sqlite3 *db)
        : m_db(db)
    {}
    Error errorFromSqlite(int rc, std::string_view what) const;
    sqlite3 *m_db = nullptr;
    FaultInjector m_faultInjector;
};

// BEGIN IMMEDIATE … COMMIT; rolls back when destroyed without commit(), so an early return on
// error can never leave half a change.
class Transaction
{
public:
    static Result<Transaction> begin(Database &db);
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    Result<void> commit();

private:
    explicit Transaction(Database *db)
        : m_db(db)
    {}
    Database *m_db = nullptr;
};

// Maps an SQLite result code to our error codes (SQLITE_NOTADB/CORRUPT → Damaged,
// SQLITE_FULL/IOERR/CANTOPEN/READONLY → Io, …). Exposed for tests.
ErrorCode errorCodeForSqlite(int sqliteResultCode);

} // namespace companion::storage
