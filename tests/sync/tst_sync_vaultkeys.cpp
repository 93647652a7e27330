// Issue 6: a new data recovery key for the synced vault, and the passphrase slot sealed again
// after the profile passphrase changed. Real devices against the real companion-server.

#include "syncfixture.h"

#include "crypto/recoverykey.h"
#include "domain/diaryentry.h"
#include "support/tempdir.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <map>

#include <sys/stat.h>

using namespace companion;
using namespace companion::synctest;
using namespace Qt::StringLiterals;
using servertest::TestServer;

namespace {

QByteArray vaultCheckIn(int mood)
{
    domain::CheckIn checkIn;
    checkIn.occurredAt = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
    checkIn.mood = mood;
    checkIn.anxiety = 2;
    checkIn.pain = 1;
    auto body = domain::encodeBody(domain::DiaryBody{checkIn});
    REQUIRE(body);
    return *body;
}

std::map<QString, QByteArray> writeEntries(PatientDevice &device, int count)
{
    std::map<QString, QByteArray> written;
    for (int i = 0; i < count; ++i) {
        auto record = device.records().create(domain::kinds::diaryCheckIn, vaultCheckIn(i % 11),
                                              QDateTime::currentDateTimeUtc());
        REQUIRE(record);
        written[record->id.toString()] = record->body;
    }
    return written;
}

std::map<QString, QByteArray> entriesOf(PatientDevice &device)
{
    auto records = device.records().list(domain::kinds::diaryCheckIn);
    REQUIRE(records);
    std::map<QString, QByteArray> found;
    for (const domain::Record &record : *records)
        found[record.id.toString()] = record.body;
    return found;
}

QString recoveryCode(TestServer &server, const QString &vaultId)
{
    const servertest::AdminResult code =
        server.admin({u"recovery-code"_s, u"--db"_s, server.dbUrl(), u"--vault"_s, vaultId});
    INFO(code.err.toStdString());
    REQUIRE(code.exitCode == 0);
    return code.field(u"code"_s);
}

// A new device with a clinic recovery code, typing `secret` at every prompt.
Result<sync::EnrolResult> recoverWith(TestServer &server, PatientDevice &device,
                                      const QString &vaultId, const QString &secret)
{
    return device.engine().enrol(
        {device.serverUrl(server), recoveryCode(server, vaultId), server.fingerprint(), {}},
        SecretBytes::fromUtf8(kPassphrase),
        [&](int) { return Result<SecretBytes>(SecretBytes::fromUtf8(secret.toStdString())); });
}

// Joins `first`'s vault with a join code, typing `passphrase` at every prompt.
Result<sync::EnrolResult> joinWith(TestServer &server, PatientDevice &first, PatientDevice &device,
                                   const QString &passphrase)
{
    auto code = first.engine().createJoinCode();
    REQUIRE(code);
    return device.engine().enrol(
        {device.serverUrl(server), code->code, server.fingerprint(), {}},
        SecretBytes::fromUtf8(kPassphrase),
        [&](int) { return Result<SecretBytes>(SecretBytes::fromUtf8(passphrase.toStdString())); });
}

} // namespace

TEST_CASE("A new data recovery key opens the vault and the old one no longer does",
          "[sync][recovery][vaultkeys]")
{
    TestServer server;
    server.start();
    PatientDevice first;
    sync::EnrolResult enrolled = first.enrol(server);
    REQUIRE(enrolled.recoveryKey);
    const QString oldKey = enrolled.recoveryKey->displayText();
    const auto written = writeEntries(first, 5);
    first.syncOk();

    auto replaced = first.engine().replaceRecoveryKey();
    INFO((replaced ? QString() : replaced.error().message).toStdString());
    REQUIRE(replaced);
    const QString newKey = replaced->displayText();
    CHECK(newKey != oldKey);
    first.syncOk(); // this device syncs on as before

    PatientDevice stranger;
    auto refused = recoverWith(server, stranger, enrolled.vaultId, oldKey);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::WrongPassphrase);

    PatientDevice replacement;
    auto recovered = recoverWith(server, replacement, enrolled.vaultId, newKey);
    INFO((recovered ? QString() : recovered.error().message).toStdString());
    REQUIRE(recovered);
    CHECK(recovered->joinedExistingVault);
    CHECK(recovered->vaultId == enrolled.vaultId);
    replacement.syncOk();
    CHECK(entriesOf(replacement) == written);
}

TEST_CASE("A vault enrolled before the recovery slot existed gets one",
          "[sync][recovery][vaultkeys]")
{
    TestServer server;
    server.start();
    // An old Companion never stored the recovery slot: the enrolment's PUT of it is dropped
    // here (answered 204 without reaching the server).
    const sync::TransportFactory noRecoverySlot = [](const QUrl &url) {
        struct Dropping final : sync::HttpTransport
        {
            explicit Dropping(const QUrl &url)
                : inner(url, 5000)
            {}
            Result<sync::HttpResponse> send(const sync::HttpRequest &request) override
            {
                if (request.method == "PUT" && request.target == "/v1/vault/key-blobs/recovery")
                    return sync::HttpResponse{204, {}};
                return inner.send(request);
            }
            sync::QtHttpTransport inner;
        };
        return std::make_unique<Dropping>(url);
    };
    QString vaultId;
    std::map<QString, QByteArray> written;
    {
        PatientDevice old(noRecoverySlot);
        sync::EnrolResult enrolled = old.enrol(server);
        vaultId = enrolled.vaultId;
        REQUIRE(enrolled.recoveryKey);
        written = writeEntries(old, 3);
        old.syncOk();

        // Without the slot, the key shown at enrolment opens nothing.
        PatientDevice nothing;
        auto refused = recoverWith(server, nothing, vaultId, enrolled.recoveryKey->displayText());
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::WrongPassphrase);

        // Updated Companion on the same profile: a fresh engine with the ordinary transport.
        sync::SyncEngine updated(old.profile().database(), old.records(), SystemClock::instance(),
                                 {}, fastRetries());
        auto replaced = updated.replaceRecoveryKey();
        INFO((replaced ? QString() : replaced.error().message).toStdString());
        REQUIRE(replaced);

        PatientDevice replacement;
        auto recovered = recoverWith(server, replacement, vaultId, replaced->displayText());
        INFO((recovered ? QString() : recovered.error().message).toStdString());
        REQUIRE(recovered);
        replacement.syncOk();
        CHECK(entriesOf(replacement) == written);
    }
}

TEST_CASE("The clinic server down: no new recovery key, and the old one still works",
          "[sync][recovery][vaultkeys]")
{
    TestServer server;
    server.start();
    PatientDevice first;
    sync::EnrolResult enrolled = first.enrol(server);
    REQUIRE(enrolled.recoveryKey);
    const QString oldKey = enrolled.recoveryKey->displayText();
    const auto written = writeEntries(first, 2);
    first.syncOk();

    const std::uint16_t port = server.port();
    server.stop();
    auto offline = first.engine().replaceRecoveryKey();
    REQUIRE_FALSE(offline);
    CHECK(offline.error().code == ErrorCode::Network);
    server.start({}, port);

    PatientDevice replacement;
    auto recovered = recoverWith(server, replacement, enrolled.vaultId, oldKey);
    INFO((recovered ? QString() : recovered.error().message).toStdString());
    REQUIRE(recovered);
    replacement.syncOk();
    CHECK(entriesOf(replacement) == written);
}

TEST_CASE("After the passphrase changed, a new device joins with the new passphrase",
          "[sync][enrol][vaultkeys]")
{
    TestServer server;
    server.start();
    PatientDevice first;
    first.enrol(server);
    const auto written = writeEntries(first, 2);
    first.syncOk();

    const QString next = u"otter lantern quartz meadow"_s;
    REQUIRE(first.profile().changePassphrase(SecretBytes::fromUtf8(next.toStdString())));
    auto resealed = first.engine().resealPassphraseSlot(SecretBytes::fromUtf8(next.toStdString()));
    INFO((resealed ? QString() : resealed.error().message).toStdString());
    REQUIRE(resealed);

    PatientDevice withOld;
    auto refused = joinWith(server, first, withOld, QString::fromUtf8(kPassphrase));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::WrongPassphrase);

    PatientDevice withNew;
    auto joined = joinWith(server, first, withNew, next);
    INFO((joined ? QString() : joined.error().message).toStdString());
    REQUIRE(joined);
    withNew.syncOk();
    CHECK(entriesOf(withNew) == written);
}

TEST_CASE("companion-cli vault-recovery-key and change-passphrase against the real server",
          "[sync][recovery][vaultkeys][cli]")
{
    TestServer server;
    server.start();
    QString vaultId;
    QString oldKey;
    QString folder;
    std::map<QString, QByteArray> written;
    PatientDevice first;
    {
        sync::EnrolResult enrolled = first.enrol(server);
        vaultId = enrolled.vaultId;
        REQUIRE(enrolled.recoveryKey);
        oldKey = enrolled.recoveryKey->displayText();
        written = writeEntries(first, 3);
        first.syncOk();
        folder = first.profileDirectory();
        first.close();
    }

    testing::TempDir scratch;
    const auto writeSecret = [&](const QString &name, const QByteArray &text) {
        const QString path = scratch.file(name);
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(text + '\n');
        return path;
    };
    const QString passphraseFile = writeSecret(u"passphrase"_s, kPassphrase);
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    const auto cli = [&](const QStringList &arguments) {
        QProcess process;
        process.start(QStringLiteral(COMPANION_CLI_PATH), arguments);
        REQUIRE(process.waitForFinished(60000));
        Run run{process.exitCode(), process.readAllStandardOutput(),
                process.readAllStandardError()};
        UNSCOPED_INFO(run.err.toStdString());
        return run;
    };

    // The clinic down: exit 5, no key file left behind, the old key still works (below).
    const QString keyFile = scratch.file(u"new-key.txt"_s);
    const std::uint16_t port = server.port();
    server.stop();
    const Run offline = cli({u"vault-recovery-key"_s, u"--recovery-key-out"_s, keyFile,
                             u"--profile"_s, folder, u"--passphrase-file"_s, passphraseFile});
    CHECK(offline.exitCode == 5);
    CHECK_FALSE(QFileInfo::exists(keyFile));
    server.start({}, port);

    // To a 0600 file.
    const Run toFile = cli({u"vault-recovery-key"_s, u"--recovery-key-out"_s, keyFile,
                            u"--profile"_s, folder, u"--passphrase-file"_s, passphraseFile});
    REQUIRE(toFile.exitCode == 0);
    CHECK_FALSE(toFile.out.contains(oldKey.toLatin1()));
    struct stat info
    {};
    REQUIRE(::stat(QFile::encodeName(keyFile).constData(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    QFile file(keyFile);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString fileKey = QString::fromLatin1(file.readAll()).trimmed();
    REQUIRE(crypto::RecoveryKey::parse(fileKey));

    // Again, to stdout as JSON: this one replaces the file's key.
    const Run json = cli({u"vault-recovery-key"_s, u"--json"_s, u"--profile"_s, folder,
                          u"--passphrase-file"_s, passphraseFile});
    REQUIRE(json.exitCode == 0);
    const QString newKey =
        QJsonDocument::fromJson(json.out).object().value(u"recovery_key"_s).toString();
    REQUIRE(crypto::RecoveryKey::parse(newKey));
    CHECK(newKey != fileKey);

    for (const QString &stale : {oldKey, fileKey}) {
        PatientDevice stranger;
        auto refused = recoverWith(server, stranger, vaultId, stale);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::WrongPassphrase);
    }
    {
        PatientDevice replacement;
        auto recovered = recoverWith(server, replacement, vaultId, newKey);
        INFO((recovered ? QString() : recovered.error().message).toStdString());
        REQUIRE(recovered);
        replacement.syncOk();
        CHECK(entriesOf(replacement) == written);
    }

    // change-passphrase re-seals the server's passphrase slot: a join code from this profile
    // then opens with the new passphrase only.
    const QByteArray next = "otter lantern quartz meadow violet";
    const QString nextFile = writeSecret(u"next"_s, next);
    const Run changed = cli({u"change-passphrase"_s, u"--profile"_s, folder, u"--passphrase-file"_s,
                             passphraseFile, u"--new-passphrase-file"_s, nextFile});
    REQUIRE(changed.exitCode == 0);
    const Run code = cli({u"devices"_s, u"join-code"_s, u"--json"_s, u"--profile"_s, folder,
                          u"--passphrase-file"_s, nextFile});
    REQUIRE(code.exitCode == 0);
    const QString joinCode = QJsonDocument::fromJson(code.out).object().value(u"code"_s).toString();
    REQUIRE_FALSE(joinCode.isEmpty());
    PatientDevice joining;
    int attempts = 0;
    auto joined = joining.engine().enrol(
        {joining.serverUrl(server), joinCode, server.fingerprint(), {}},
        SecretBytes::fromUtf8(kPassphrase), [&](int attempt) {
            ++attempts;
            // The old passphrase first: refused; then the new one.
            return Result<SecretBytes>(attempt == 0 ? SecretBytes::fromUtf8(kPassphrase)
                                                    : SecretBytes::fromUtf8(next.toStdString()));
        });
    INFO((joined ? QString() : joined.error().message).toStdString());
    REQUIRE(joined);
    CHECK(attempts == 2);
}
