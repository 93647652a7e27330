// Delete everything with real devices (encrypted profiles, the real SyncEngine) and the real
// companion-cli against the real companion-server (issue 9 item 5; docs/sync-protocol.md
// "Deleting a vault").
#include "syncfixture.h"

#include "domain/diaryentry.h"
#include "domain/journal.h"
#include "storage/profilewipe.h"
#include "support/tempdir.h"
#include "sync/clinicclient.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

using namespace companion;
using namespace companion::synctest;
using namespace Qt::StringLiterals;
using servertest::TestServer;

namespace {

const QString kCheckIn = domain::kinds::diaryCheckIn;

QByteArray checkInBody(int mood, const QString &note = {})
{
    domain::CheckIn checkIn;
    checkIn.occurredAt = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    checkIn.mood = mood;
    checkIn.anxiety = 3;
    checkIn.pain = 2;
    checkIn.note = note;
    auto body = domain::encodeBody(domain::DiaryBody{checkIn});
    REQUIRE(body);
    return *body;
}

QByteArray journalBody(const QString &text, bool shared)
{
    domain::journal::EntryBody body;
    body.kind = domain::journal::EntryKind::Free;
    body.text = text;
    body.shared = shared;
    auto bytes = domain::journal::encodeBody(body);
    REQUIRE(bytes);
    return *bytes;
}

domain::Record createRecord(PatientDevice &device, const QString &kind, const QByteArray &body)
{
    auto record = device.records().create(kind, body, QDateTime::currentDateTimeUtc());
    REQUIRE(record);
    return *record;
}

} // namespace

TEST_CASE("Delete everything: the server keeps only audit entries, the device keeps no file, "
          "the patient's other device is told",
          "[sync][delete]")
{
    TestServer server;
    servertest::Therapist therapist = servertest::addTherapist(server, u"Dr Rivera"_s);
    server.start();
    PatientDevice laptop;
    const sync::EnrolResult enrolled = laptop.enrol(server, {}, {u"checkins"_s});
    PatientDevice phone;
    phone.join(server, laptop);
    const domain::Record checkIn = createRecord(laptop, kCheckIn, checkInBody(6, u"shared"_s));
    createRecord(laptop, domain::kinds::journalEntry, journalBody(u"private"_s, false));
    laptop.syncOk();
    phone.syncOk();
    REQUIRE(readShared(server, therapist, enrolled.vaultId, checkIn.id).status == 200);

    // The laptop deletes everything: the server first, then its own folder.
    REQUIRE(laptop.engine().deleteEverywhere());
    const QString folder = laptop.profileDirectory();
    REQUIRE(QFileInfo(folder).isDir());
    laptop.close();
    auto wiped = storage::wipeProfileFolder(folder, storage::Profile::kKeyFileName);
    REQUIRE(wiped);
    CHECK(wiped->files >= 2); // at least profile.key and profile.db
    CHECK(!QFileInfo::exists(folder));
    CHECK(QDir(laptop.directory()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());

    // The therapist reads nothing any more; the phone's next sync says why.
    CHECK(readShared(server, therapist, enrolled.vaultId, checkIn.id).status == 404);
    auto refused = phone.engine().sync();
    REQUIRE_FALSE(refused);
    INFO(refused.error().message.toStdString());
    CHECK(sync::isVaultDeleted(refused.error()));
    CHECK(refused.error().message.contains(u"--local-only"_s));
    // Its local copy is still there until the patient wipes it too.
    CHECK(phone.records().count(kCheckIn).value() == 1);

    // Server rows (PostgreSQL only: this suite never loads QtSql's SQLite driver beside
    // SQLCipher; tests/server checks the same on both backends).
    if (servertest::backend() == servertest::Backend::Postgres) {
        const QString vault = u"'%1'"_s.arg(enrolled.vaultId);
        for (const QString &table :
             {u"envelopes"_s, u"shares"_s, u"key_blobs"_s, u"shared_collection_keys"_s, u"alerts"_s,
              u"vault_messages"_s, u"enrolment_codes"_s}) {
            INFO(table.toStdString());
            CHECK(server.count(
                      u"SELECT COUNT(*) FROM %1 WHERE vault_id = %2"_s.arg(table, vault)) == 0);
        }
        CHECK(server.count(u"SELECT COUNT(*) FROM audit_log WHERE vault_id = %1 AND action = "
                           u"'vault.delete'"_s.arg(vault)) == 1);
        CHECK(server.count(u"SELECT COUNT(*) FROM principals WHERE vault_id = %1 AND revoked_at "
                           u"IS NULL"_s.arg(vault)) == 0);
    }
}

TEST_CASE("companion-cli delete-everything against the real server: offline deletes nothing; the "
          "second device then wipes itself",
          "[sync][delete][cli]")
{
    TestServer server;
    server.start();
    PatientDevice laptop;
    laptop.enrol(server);
    PatientDevice phone;
    phone.join(server, laptop);
    createRecord(laptop, kCheckIn, checkInBody(5));
    laptop.syncOk();
    phone.syncOk();
    const QString laptopFolder = laptop.profileDirectory();
    const QString phoneFolder = phone.profileDirectory();
    laptop.close();
    phone.close();

    testing::TempDir scratch;
    const QString passphraseFile = scratch.file(u"passphrase"_s);
    {
        QFile file(passphraseFile);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(kPassphrase) + '\n');
    }
    const auto cli = [&](const QString &folder, QStringList extra) {
        QProcess process;
        process.start(QStringLiteral(COMPANION_CLI_PATH),
                      QStringList{u"delete-everything"_s, u"--confirm"_s, u"--profile"_s, folder,
                                  u"--passphrase-file"_s, passphraseFile} +
                          extra);
        REQUIRE(process.waitForFinished(60000));
        UNSCOPED_INFO(process.readAllStandardError().toStdString());
        return process.exitCode();
    };

    // The clinic cannot be reached: exit 5, nothing deleted anywhere.
    const std::uint16_t port = server.port();
    server.stop();
    CHECK(cli(laptopFolder, {}) == 5);
    CHECK(QFileInfo::exists(QDir(laptopFolder).filePath(u"profile.key"_s)));
    server.start({}, port);
    CHECK(server.request("GET", "/v1/vault/devices").status == 401); // the server is back

    // Online: the clinic's copy goes, then the laptop's folder.
    CHECK(cli(laptopFolder, {}) == 0);
    CHECK_FALSE(QFileInfo::exists(laptopFolder));
    // The phone's vault is gone already: its delete-everything still wipes it (410 counts as
    // done), without --local-only.
    CHECK(cli(phoneFolder, {}) == 0);
    CHECK_FALSE(QFileInfo::exists(phoneFolder));
}
