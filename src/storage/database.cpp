#include "storage/database.h"

#include "common/logging.h"
#include "storage/ciphersettings.h"

#include <QFileInfo>

#include <sqlite3.h>

namespace companion::storage {

ErrorCode errorCodeForSqlite(int sqliteResultCode)
{
    switch (sqliteResultCode & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
        return ErrorCode::Damaged;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
        return ErrorCode::Io;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
        return ErrorCode::InvalidInput;
    default:
        return ErrorCode::Internal;
    }
}

// ---- Statement -------------------------------------------------------------------------------

Statement::Statement(sqlite3_stmt *stmt, Database *db)
    : m_stmt(stmt)
    , m_db(db)
{}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(other.m_stmt)
    , m_db(other.m_db)
{
    other.m_stmt = nullptr;
    other.m_db = nullptr;
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = other.m_stmt;
        m_db = other.m_db;
        other.m_stmt = nullptr;
        other.m_db = nullptr;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bindDouble(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &blob)
{
    // A zero-length blob must still bind as a blob, not NULL (NOT NULL columns).
    static const char kEmpty = 0;
    sqlite3_bind_blob(m_stmt, index, blob.isEmpty() ? &kEmpty : blob.constData(),
                      static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindSecret(int index, const SecretBytes &secret)
{
    static const char kEmpty = 0;
    sqlite3_bind_blob(m_stmt, index,
                      secret.empty() ? static_cast<const void *>(&kEmpty) : secret.data(),
                      static_cast<int>(secret.size()), SQLITE_STATIC);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> Statement::step()
{
    if (m_db && m_db->m_faultInjector && m_db->m_faultInjector(sqlite3_sql(m_stmt)))
        return makeError(ErrorCode::Io, QStringLiteral("injected storage fault"));
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return m_db->errorFromSqlite(rc, "statement failed");
}

Result<void> Statement::run()
{
    auto stepped = step();
    if (!stepped)
        return stepped.error();
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::columnBlob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView Statement::columnBytes(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

bool Statement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// ---- Database --------------------------------------------------------------------------------

namespace {

Result<sqlite3 *> openConnection(const QString &path, bool create)
{
    sqlite3 *db = nullptr;
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close_v2(db);
        return makeError(ErrorCode::Io, QStringLiteral("could not open the database file (%1)")
                                            .arg(QString::fromUtf8(sqlite3_errstr(rc))));
    }
    sqlite3_extended_result_codes(db, 1);
    return db;
}

} // namespace

Result<Database> Database::openEncrypted(const QString &path, const SecretBytes &rawKey,
                                         OpenMode mode)
{
    const QFileInfo info(path);
    if (mode == OpenMode::CreateNew && info.exists())
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("the database already exists"));
    if (mode != OpenMode::CreateNew && !info.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("the database file is missing"));
    if (mode != OpenMode::CreateNew && info.size() == 0)
        return makeError(ErrorCode::Damaged, QStringLiteral("the database file is empty"));

    auto connection = openConnection(path, mode == OpenMode::CreateNew);
    if (!connection)
        return connection.error();
    Database db(*connection);
    COMPANION_TRY(applyKey(db.m_db, rawKey));

    // PRAGMA key always "succeeds": prove the key with a read before anything else.
    auto probe = db.prepare("SELECT count(*) FROM sqlite_master;");
    if (!probe) {
        if (probe.error().code == ErrorCode::Damaged)
            return makeError(ErrorCode::WrongPassphrase,
                             QStringLiteral("the database does not open with this key"));
        return probe.error();
    }
    if (auto row = probe->step(); !row) {
        if (row.error().code == ErrorCode::Damaged)
            return makeError(ErrorCode::WrongPassphrase,
                             QStringLiteral("the database does not open with this key"));
        return row.error();
    }
    probe = Statement();
    COMPANION_TRY(applyConnectionSettings(db.m_db));

    if (mode == OpenMode::OpenExisting) {
        // quick_check reads every page, so SQLCipher verifies every page's HMAC now: damage or
        // tampering anywhere in the file is reported at unlock, not discovered later mid-task.
        auto check = db.prepare("PRAGMA quick_check;");
        if (!check)
            return makeError(ErrorCode::Damaged, check.error().message);
        auto row = check->step();
        if (!row || !*row || check->columnText(0) != QLatin1String("ok"))
            return makeError(ErrorCode::Damaged,
                             QStringLiteral("the database failed its integrity check"));
    }
    return db;
}

Result<Database> Database::openPlain(const QString &path)
{
    auto connection = openConnection(path, true);
    if (!connection)
        return connection.error();
    Database db(*connection);
    COMPANION_TRY(applyConnectionSettings(db.m_db));
    return db;
}

Database::Database(Database &&other) noexcept
    : m_db(other.m_db)
    , m_faultInjector(std::move(other.m_faultInjector))
{
    other.m_db = nullptr;
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = other.m_db;
        m_faultInjector = std::move(other.m_faultInjector);
        other.m_db = nullptr;
    }
    return *this;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (!m_db)
        return;
    // Fold the WAL into the main file so nothing committed lives only in profile.db-wal at rest.
    sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Error Database::errorFromSqlite(int rc, std::string_view what) const
{
    // sqlite3_errstr is generic text for the code; sqlite3_errmsg could name a constraint, and we
    // keep even that out of messages that may reach a log.
    return makeError(errorCodeForSqlite(rc),
                     QStringLiteral("%1 (%2)").arg(
                         QString::fromUtf8(what.data(), static_cast<qsizetype>(what.size())),
                         QString::fromUtf8(sqlite3_errstr(rc))));
}

Result<void> Database::exec(std::string_view sql)
{
    if (m_faultInjector && m_faultInjector(sql))
        return makeError(ErrorCode::Io, QStringLiteral("injected storage fault"));
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return errorFromSqlite(rc, "statement failed");
    return {};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt *stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return errorFromSqlite(rc, "could not prepare a statement");
    }
    return Statement(stmt, this);
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Result<int> Database::userVersion()
{
    auto stmt = prepare("PRAGMA user_version;");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    return static_cast<int>(stmt->columnInt64(0));
}

Result<void> Database::setUserVersion(int version)
{
    return exec("PRAGMA user_version = " + std::to_string(version) + ";");
}

// ---- Transaction -----------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Database &db)
{
    COMPANION_TRY(db.exec("BEGIN IMMEDIATE;"));
    return Transaction(&db);
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(other.m_db)
{
    other.m_db = nullptr;
}

Transaction::~Transaction()
{
    if (m_db && m_db->isOpen() && !sqlite3_get_autocommit(m_db->handle()))
        sqlite3_exec(m_db->handle(), "ROLLBACK;", nullptr, nullptr, nullptr);
}

Result<void> Transaction::commit()
{
    if (!m_db)
        return makeError(ErrorCode::Internal, QStringLiteral("transaction already finished"));
    COMPANION_TRY(m_db->exec("COMMIT;"));
    m_db = nullptr;
    return {};
}

} // namespace companion::storage
