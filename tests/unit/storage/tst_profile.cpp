#include <catch2/catch.hpp>

#include "storage/keyfile.h"
#include "storage/profile.h"
#include "support/filescan.h"
#include "support/tempdir.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

using namespace companion;
using namespace companion::storage;

namespace {

const SecretBytes &passphrase()
{
    static const SecretBytes p = SecretBytes::fromUtf8("harbor violet pumpkin seventy");
    return p;
}

QString dbPath(const testing::TempDir &dir)
{
    return dir.file(QLatin1String(Profile::kDatabaseFileName));
}

QString keyPath(const testing::TempDir &dir)
{
    return dir.file(QLatin1String(Profile::kKeyFileName));
}

// Creates a profile holding a few records (so the file has several pages) and locks it.
QString createLockedProfile(const testing::TempDir &dir)
{
    auto created = Profile::create(dir.path(), passphrase());
    REQUIRE(created);
    std::vector<QByteArray> bodies(200, QByteArray(300, 'x'));
    REQUIRE(created->profile->records().createMany(QStringLiteral("diary.checkin"), bodies));
    return created->recoveryKey.displayText();
}

QByteArray sha256(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void truncateFile(const QString &path, qint64 size)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.resize(size));
}

} // namespace

TEST_CASE("A new profile unlocks with its passphrase and refuses a wrong one", "[storage][profile]")
{
    testing::TempDir dir;
    createLockedProfile(dir);
    CHECK(Profile::exists(dir.path()));

    auto wrong =
        Profile::unlock(dir.path(), SecretBytes::fromUtf8("harbor violet pumpkin seventy!"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::WrongPassphrase);

    auto unlocked = Profile::unlock(dir.path(), passphrase());
    REQUIRE(unlocked);
    CHECK(*(*unlocked)->records().count(QStringLiteral("diary.checkin")) == 200);
    auto info = (*unlocked)->info();
    REQUIRE(info);
    CHECK(info->recordCount == 200);
    CHECK(info->pendingOutbox == 200);
    CHECK(info->kdfMemLimit >= crypto::kKdfMemFloor);
}

TEST_CASE("The database file is not plaintext and a canary never reaches the disk",
          "[storage][profile]")
{
    testing::TempDir dir;
    const QString canary = QStringLiteral("CANARY-Zq81-felt-hopeless-after-session");
    {
        auto created = Profile::create(dir.path(), passphrase());
        REQUIRE(created);
        REQUIRE(
            created->profile->records().create(QStringLiteral("journal.note"), canary.toUtf8()));
        // While open, the WAL holds the change: it must be encrypted too.
        CHECK(testing::filesContaining(dir.path(), canary).isEmpty());
        auto updated = created->profile->records().list(QStringLiteral("journal.note"));
        REQUIRE(updated);
        REQUIRE(created->profile->records().update(updated->front().id, canary.toUtf8() + "-v2"));
    }
    CHECK(testing::filesContaining(dir.path(), canary).isEmpty());
    QFile db(dbPath(dir));
    REQUIRE(db.open(QIODevice::ReadOnly));
    CHECK_FALSE(db.read(16).startsWith("SQLite format 3"));
    // Only the two profile files remain after lock: the WAL was checkpointed and removed/emptied.
    const QStringList leftovers = QDir(dir.path()).entryList(QDir::Files);
    for (const QString &name : leftovers) {
        if (name.endsWith(QLatin1String("-wal")))
            CHECK(QFileInfo(dir.file(name)).size() == 0);
    }
}

TEST_CASE("Creating a profile refuses weak passphrases and existing profiles", "[storage][profile]")
{
    testing::TempDir dir;
    auto weak = Profile::create(dir.path(), SecretBytes::fromUtf8("password1"));
    REQUIRE_FALSE(weak);
    CHECK(weak.error().code == ErrorCode::WeakParameters);
    CHECK_FALSE(Profile::exists(dir.path()));

    createLockedProfile(dir);
    auto again = Profile::create(dir.path(), passphrase());
    REQUIRE_FALSE(again);
    CHECK(again.error().code == ErrorCode::AlreadyExists);
    CHECK(Profile::unlock(dir.path(), passphrase()));
}

TEST_CASE("A flipped byte in the database is damage, never silent corruption", "[storage][profile]")
{
    testing::TempDir dir;
    createLockedProfile(dir);
    const qint64 size = QFileInfo(dbPath(dir)).size();
    REQUIRE(size >= 4096 * 4);
    const qint64 middlePage = (size / 4096 / 2) * 4096;
    // SQLCipher 3.4.1 reserves 48 bytes per page: IV (16), HMAC-SHA1 (20) and 12 bytes of padding
    // that is neither read nor authenticated (measured: offsets 4084–4095 of each page).
    auto isPadding = [](qint64 offset) { return offset % 4096 >= 4084; };
    const std::vector<qint64> offsets = {0,
                                         15,
                                         40,
                                         2000,
                                         middlePage + 1500,
                                         middlePage + 4050,
                                         middlePage + 4083,
                                         size - 4096 + 7,
                                         size - 13,
                                         size - 12,
                                         size - 1};
    int detected = 0;
    for (qint64 offset : offsets) {
        INFO("offset " << offset);
        REQUIRE(testing::flipBit(dbPath(dir), offset, 3));
        auto result = Profile::unlock(dir.path(), passphrase());
        if (isPadding(offset)) {
            // Not detectable, and harmless: every record reads back unchanged.
            REQUIRE(result);
            auto records = (*result)->records().list(QStringLiteral("diary.checkin"));
            REQUIRE(records);
            CHECK(records->size() == 200);
            for (const auto &record : *records)
                CHECK(record.body == QByteArray(300, 'x'));
        } else {
            REQUIRE_FALSE(result);
            CHECK(result.error().code == ErrorCode::Damaged);
            ++detected;
        }
        REQUIRE(testing::flipBit(dbPath(dir), offset, 3)); // restore
        REQUIRE(Profile::unlock(dir.path(), passphrase()));
    }
    CHECK(detected == 9);
}

TEST_CASE("A damaged, truncated or missing file is damage, not a wrong passphrase",
          "[storage][profile]")
{
    testing::TempDir dir;
    createLockedProfile(dir);
    const QByteArray keyBytes = [&] {
        QFile f(keyPath(dir));
        REQUIRE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    }();
    auto restoreKey = [&] {
        QFile f(keyPath(dir));
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(keyBytes);
    };

    SECTION("key file: every byte position flipped")
    {
        int damaged = 0;
        int wrongPassphrase = 0;
        for (qint64 offset = 0; offset < keyBytes.size(); offset += 7) {
            REQUIRE(testing::flipBit(keyPath(dir), offset, 1));
            auto result = Profile::unlock(dir.path(), passphrase());
            CHECK_FALSE(result);
            if (!result && result.error().code == ErrorCode::Damaged)
                ++damaged;
            if (!result && result.error().code == ErrorCode::WrongPassphrase)
                ++wrongPassphrase;
            restoreKey();
        }
        CHECK(wrongPassphrase == 0);
        CHECK(damaged > 0);
    }
    SECTION("key file truncated")
    {
        truncateFile(keyPath(dir), keyBytes.size() / 2);
        CHECK(Profile::unlock(dir.path(), passphrase()).error().code == ErrorCode::Damaged);
    }
    SECTION("database truncated")
    {
        truncateFile(dbPath(dir), QFileInfo(dbPath(dir)).size() - 4096);
        CHECK(Profile::unlock(dir.path(), passphrase()).error().code == ErrorCode::Damaged);
        truncateFile(dbPath(dir), 0);
        CHECK(Profile::unlock(dir.path(), passphrase()).error().code == ErrorCode::Damaged);
    }
    SECTION("database missing")
    {
        REQUIRE(QFile::remove(dbPath(dir)));
        CHECK(Profile::unlock(dir.path(), passphrase()).error().code == ErrorCode::Damaged);
    }
    SECTION("no profile at all")
    {
        testing::TempDir empty;
        CHECK(Profile::unlock(empty.path(), passphrase()).error().code == ErrorCode::NotFound);
    }
}

TEST_CASE("A key file rewritten with weaker KDF parameters is refused", "[storage][profile]")
{
    testing::TempDir dir;
    createLockedProfile(dir);
    auto file = readKeyFile(keyPath(dir));
    REQUIRE(file);
    file->kdf.opsLimit = 1;
    file->kdf.memLimit = 8 * 1024;
    REQUIRE(writeKeyFileAtomically(keyPath(dir), *file)); // valid checksum, weak parameters
    auto result = Profile::unlock(dir.path(), passphrase());
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::Damaged);
}

TEST_CASE("Changing the passphrase re-wraps the key without touching the database",
          "[storage][profile]")
{
    testing::TempDir dir;
    const QString recoveryText = createLockedProfile(dir);
    const QByteArray dbBefore = sha256(dbPath(dir));
    const SecretBytes newPassphrase = SecretBytes::fromUtf8("copper meadow lantern ninety");
    {
        auto unlocked = Profile::unlock(dir.path(), passphrase());
        REQUIRE(unlocked);
        CHECK(*(*unlocked)->verifyPassphrase(passphrase()));
        CHECK_FALSE(*(*unlocked)->verifyPassphrase(newPassphrase));
        CHECK((*unlocked)->changePassphrase(SecretBytes::fromUtf8("short")).error().code ==
              ErrorCode::WeakParameters);
        REQUIRE((*unlocked)->changePassphrase(newPassphrase));
        CHECK(*(*unlocked)->verifyPassphrase(newPassphrase));
    }
    CHECK(sha256(dbPath(dir)) == dbBefore);
    CHECK(Profile::unlock(dir.path(), passphrase()).error().code == ErrorCode::WrongPassphrase);
    CHECK(Profile::unlock(dir.path(), newPassphrase));

    // The recovery key still opens the profile after the change.
    auto recoveryKey = crypto::RecoveryKey::parse(recoveryText);
    REQUIRE(recoveryKey);
    auto recovered = Profile::unlockWithRecoveryKey(dir.path(), *recoveryKey);
    REQUIRE(recovered);
    CHECK(*(*recovered)->records().count(QStringLiteral("diary.checkin")) == 200);
}

TEST_CASE("A recovery key of another profile does not open this one", "[storage][profile]")
{
    testing::TempDir dir;
    createLockedProfile(dir);
    auto result = Profile::unlockWithRecoveryKey(dir.path(), crypto::RecoveryKey::generate());
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::WrongPassphrase);
}

TEST_CASE("A database swapped in from another profile is refused", "[storage][profile]")
{
    testing::TempDir a;
    testing::TempDir b;
    createLockedProfile(a);
    createLockedProfile(b);
    REQUIRE(QFile::remove(dbPath(a)));
    REQUIRE(QFile::copy(dbPath(b), dbPath(a)));
    CHECK(Profile::unlock(a.path(), passphrase()).error().code == ErrorCode::Damaged);
}
