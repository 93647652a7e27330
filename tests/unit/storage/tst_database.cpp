#include <catch2/catch.hpp>

#include "crypto/secretwrap.h"
#include "storage/database.h"
#include "support/tempdir.h"

#include <QFile>

using namespace companion;
using namespace companion::storage;

namespace {
QByteArray fileHead(const QString &path, int bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.read(bytes);
}
} // namespace

TEST_CASE("An encrypted database is not a plain SQLite file and needs its key", "[storage]")
{
    testing::TempDir dir;
    const QString path = dir.file(QStringLiteral("test.db"));
    const SecretBytes key = crypto::randomKey();
    {
        auto db = Database::openEncrypted(path, key, Database::OpenMode::CreateNew);
        REQUIRE(db);
        REQUIRE(db->exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('canary-db-7731');"));
    }
    CHECK_FALSE(fileHead(path, 16).startsWith("SQLite format 3"));

    auto wrong =
        Database::openEncrypted(path, crypto::randomKey(), Database::OpenMode::OpenExisting);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::WrongPassphrase);

    auto right = Database::openEncrypted(path, key, Database::OpenMode::OpenExisting);
    REQUIRE(right);
    auto stmt = right->prepare("SELECT x FROM t;");
    REQUIRE(stmt);
    REQUIRE(*stmt->step());
    CHECK(stmt->columnText(0) == QStringLiteral("canary-db-7731"));
}

TEST_CASE("The baseline plain database is an ordinary SQLite file", "[storage]")
{
    testing::TempDir dir;
    const QString path = dir.file(QStringLiteral("plain.db"));
    {
        auto db = Database::openPlain(path);
        REQUIRE(db);
        REQUIRE(db->exec("CREATE TABLE t (x);"));
    }
    CHECK(fileHead(path, 16).startsWith("SQLite format 3"));
}

TEST_CASE("Open modes refuse to overwrite or to invent a database", "[storage]")
{
    testing::TempDir dir;
    const QString path = dir.file(QStringLiteral("x.db"));
    const SecretBytes key = crypto::randomKey();
    CHECK(Database::openEncrypted(path, key, Database::OpenMode::OpenExisting).error().code ==
          ErrorCode::NotFound);
    {
        auto db = Database::openEncrypted(path, key, Database::OpenMode::CreateNew);
        REQUIRE(db);
        REQUIRE(db->exec("CREATE TABLE t (x);"));
    }
    CHECK(Database::openEncrypted(path, key, Database::OpenMode::CreateNew).error().code ==
          ErrorCode::AlreadyExists);
}

TEST_CASE("A transaction rolls back unless committed", "[storage]")
{
    testing::TempDir dir;
    auto db = Database::openEncrypted(dir.file(QStringLiteral("t.db")), crypto::randomKey(),
                                      Database::OpenMode::CreateNew);
    REQUIRE(db);
    REQUIRE(db->exec("CREATE TABLE t (x INTEGER);"));
    {
        auto tx = Transaction::begin(*db);
        REQUIRE(tx);
        REQUIRE(db->exec("INSERT INTO t VALUES (1);"));
    } // dropped without commit
    {
        auto tx = Transaction::begin(*db);
        REQUIRE(tx);
        REQUIRE(db->exec("INSERT INTO t VALUES (2);"));
        REQUIRE(tx->commit());
    }
    auto stmt = db->prepare("SELECT group_concat(x) FROM t;");
    REQUIRE(stmt);
    REQUIRE(*stmt->step());
    CHECK(stmt->columnText(0) == QStringLiteral("2"));
}

TEST_CASE("SQLite result codes map to actionable errors", "[storage]")
{
    CHECK(errorCodeForSqlite(26 /* SQLITE_NOTADB */) == ErrorCode::Damaged);
    CHECK(errorCodeForSqlite(11 /* SQLITE_CORRUPT */) == ErrorCode::Damaged);
    CHECK(errorCodeForSqlite(13 /* SQLITE_FULL */) == ErrorCode::Io);
    CHECK(errorCodeForSqlite(10 | (3 << 8) /* SQLITE_IOERR_WRITE */) == ErrorCode::Io);
    CHECK(errorCodeForSqlite(19 /* SQLITE_CONSTRAINT */) == ErrorCode::InvalidInput);
}
