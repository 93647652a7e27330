// Enrolment and device joining by QR code (ADR 0018), end to end: the real companion-server
// (admin enrol-patient --qr writes a real PNG), zbar reads it back, real devices enrol and join
// through the real SyncEngine over HTTP, on SQLite and PostgreSQL like the rest of tst_sync.
#include "syncfixture.h"

#include "domain/diaryentry.h"
#include "protocol/careteamenrol.h"
#include "protocol/enrollink.h"
#include "protocol/keys.h"
#include "qr/qrcode.h"
#include "qr/qrdecoder.h"
#include "support/fakeclock.h"
#include "sync/clinicclient.h"
#include "sync/httptransport.h"

#include <catch2/catch.hpp>

#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace companion;
using namespace companion::synctest;
using namespace Qt::StringLiterals;
using servertest::TestServer;

namespace {

QByteArray checkInBody(int mood)
{
    domain::CheckIn checkIn;
    checkIn.occurredAt = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    checkIn.mood = mood;
    checkIn.anxiety = 3;
    checkIn.pain = 2;
    auto body = domain::encodeBody(domain::DiaryBody{checkIn});
    REQUIRE(body);
    return *body;
}

protocol::EnrolmentLink decodeLinkPng(const QString &path)
{
    auto payloads = qr::decodeImageFile(path);
    INFO((payloads ? QString() : payloads.error().message).toStdString());
    REQUIRE(payloads);
    REQUIRE(payloads->size() == 1);
    auto link = protocol::parseEnrolmentLink(payloads->first());
    INFO((link ? QString() : link.error().message).toStdString());
    REQUIRE(link);
    return std::move(*link);
}

// What device 1 shows: the link rendered to a PNG, as the app and `devices link --qr` do.
struct ShownLink
{
    QString slot;
    QString png;
};

ShownLink showDeviceLink(PatientDevice &device, const QString &png)
{
    auto link = device.engine().createDeviceLink();
    INFO((link ? QString() : link.error().message).toStdString());
    REQUIRE(link);
    auto code = qr::QrCode::encode(QByteArrayView(reinterpret_cast<const char *>(link->uri.data()),
                                                  static_cast<qsizetype>(link->uri.size())));
    REQUIRE(code);
    REQUIRE(code->writePng(png));
    return {link->slot, png};
}

// The vault's key slots as the server lists them, through the device's own login.
QStringList vaultSlots(PatientDevice &device)
{
    auto account = device.engine().account();
    REQUIRE(account);
    auto url = sync::parseServerUrl(account->serverUrl);
    REQUIRE(url);
    sync::QtHttpTransport transport(*url);
    sync::ClinicClient client(transport, fastRetries());
    auto signing = protocol::signingKeyPairFromSecret(account->deviceKey.clone());
    REQUIRE(signing);
    client.setDevice(account->deviceId, &*signing);
    auto blobs = client.keyBlobs();
    REQUIRE(blobs);
    QStringList out;
    for (const sync::KeyBlob &blob : *blobs)
        out << blob.slot;
    return out;
}

sync::EnrolOptions optionsFrom(protocol::EnrolmentLink &link)
{
    sync::EnrolOptions options{link.serverUrl, link.code, link.fingerprint, {}};
    if (link.kind == protocol::LinkKind::Join)
        options.linkSecret = std::make_shared<const SecretBytes>(std::move(link.linkSecret));
    return options;
}

// Every file below `directory` holding `needle` as raw bytes.
QStringList filesWithBytes(const QString &directory, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace

TEST_CASE("The clinic's enrolment QR: decoded from the PNG, it enrols and pins the clinic key",
          "[sync][qr][enrol]")
{
    TestServer server;
    server.start();
    PatientDevice device;
    const QString png = QDir(device.directory()).filePath(u"enrol.png"_s);
    const servertest::AdminResult issued =
        server.admin({u"enrol-patient"_s, u"--db"_s, server.dbUrl(), u"--server-url"_s,
                      device.serverUrl(server), u"--qr"_s, png});
    INFO(issued.err.toStdString());
    REQUIRE(issued.exitCode == 0);
    REQUIRE(QFile::exists(png));

    protocol::EnrolmentLink link = decodeLinkPng(png);
    CHECK(link.kind == protocol::LinkKind::Enrol);
    CHECK(link.serverUrl == device.serverUrl(server));
    CHECK(link.fingerprint == server.fingerprint());
    CHECK(protocol::normaliseEnrolmentCode(link.code) ==
          protocol::normaliseEnrolmentCode(issued.field(u"code"_s)));
    CHECK(issued.field(u"link"_s).startsWith(u"companion:enrol?v=1&"_s));

    // A payload edited to carry another fingerprint stops before the code is spent.
    protocol::EnrolmentLink forged = decodeLinkPng(png);
    forged.fingerprint = u"0123-4567-89ab-cdef-0123-4567-89ab-cdef"_s;
    auto refused =
        device.engine().enrol(optionsFrom(forged), SecretBytes::fromUtf8(kPassphrase), {});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Damaged);

    auto enrolled =
        device.engine().enrol(optionsFrom(link), SecretBytes::fromUtf8(kPassphrase), {});
    INFO((enrolled ? QString() : enrolled.error().message).toStdString());
    REQUIRE(enrolled);
    CHECK_FALSE(enrolled->joinedExistingVault);
    auto account = device.engine().account();
    REQUIRE(account);
    CHECK(account->fingerprint == server.fingerprint()); // pinned from the QR
    device.syncOk();

    // --qr without --server-url is a usage error, and spends no code.
    const servertest::AdminResult usage =
        server.admin({u"enrol-patient"_s, u"--db"_s, server.dbUrl(), u"--qr"_s, png});
    CHECK(usage.exitCode == 2);
}

TEST_CASE("A device QR joins a new device without the passphrase, once", "[sync][qr][join]")
{
    TestServer server;
    server.start();
    PatientDevice first;
    first.enrol(server);
    auto created = first.records().create(domain::kinds::diaryCheckIn, checkInBody(5),
                                          QDateTime::currentDateTimeUtc());
    REQUIRE(created);
    const domain::Record entry = *created;
    first.syncOk();

    const ShownLink shown =
        showDeviceLink(first, QDir(first.directory()).filePath(u"device-link.png"_s));
    CHECK(protocol::isDeviceLinkSlot(shown.slot));
    protocol::EnrolmentLink link = decodeLinkPng(shown.png);
    REQUIRE(link.kind == protocol::LinkKind::Join);
    REQUIRE(link.linkSecret.size() == protocol::kLinkSecretSize);
    const QByteArray secret(reinterpret_cast<const char *>(link.linkSecret.data()),
                            static_cast<qsizetype>(link.linkSecret.size()));
    CHECK(protocol::deviceLinkSlot(link.linkSecret) == shown.slot);

    // The slot is there for the new device.
    CHECK(vaultSlots(first).contains(shown.slot));
    auto before = first.engine().account();
    REQUIRE(before);

    PatientDevice second;
    bool asked = false;
    auto joined = second.engine().enrol(optionsFrom(link), SecretBytes::fromUtf8("another one"),
                                        [&asked](int) -> Result<SecretBytes> {
                                            asked = true;
                                            return makeError(ErrorCode::WrongPassphrase,
                                                             u"no passphrase here"_s);
                                        });
    INFO((joined ? QString() : joined.error().message).toStdString());
    REQUIRE(joined);
    CHECK(joined->joinedExistingVault);
    CHECK_FALSE(asked); // no passphrase typed
    CHECK(joined->vaultId == before->vaultId);
    CHECK_FALSE(joined->recoveryKey);

    // Converges with device 1, both ways.
    const sync::SyncReport pulled = second.syncOk();
    CHECK(pulled.pulled >= 1);
    auto copy = second.records().find(entry.id);
    REQUIRE(copy);
    REQUIRE(copy->has_value());
    CHECK((*copy)->body == entry.body);
    auto answered = second.records().create(domain::kinds::diaryCheckIn, checkInBody(6),
                                            QDateTime::currentDateTimeUtc());
    REQUIRE(answered);
    const domain::Record reply = *answered;
    second.syncOk();
    first.syncOk();
    auto back = first.records().find(reply.id);
    REQUIRE(back);
    CHECK(back->has_value());

    // The new device deleted the slot after use.
    CHECK_FALSE(vaultSlots(first).contains(shown.slot));
    auto devices = first.engine().devices();
    REQUIRE(devices);
    CHECK(devices->size() == 2); // the new device is in the patient's list

    // The same payload again: the code is spent, so a third device gets nothing.
    protocol::EnrolmentLink again = decodeLinkPng(shown.png);
    PatientDevice third;
    auto reused = third.engine().enrol(optionsFrom(again), SecretBytes::fromUtf8(kPassphrase),
                                       [](int) { return SecretBytes::fromUtf8(kPassphrase); });
    REQUIRE_FALSE(reused);
    CHECK(reused.error().code == ErrorCode::Refused);
    auto thirdEnrolled = third.engine().isEnrolled();
    REQUIRE(thirdEnrolled);
    CHECK_FALSE(*thirdEnrolled);

    // The link secret never reached the server: not in its database, its logs or its files,
    // in any of the forms it travels in.
    server.stop();
    const QList<QByteArray> forms{
        secret, secret.toHex(), secret.toBase64(),
        secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)};
    for (const QByteArray &form : forms) {
        CHECK(filesWithBytes(server.storageDir(), form).isEmpty());
        CHECK(filesWithBytes(server.tempDir(), form).isEmpty());
    }
}

TEST_CASE("A device link is deleted when closed, and at the first sync after it expired",
          "[sync][qr][join]")
{
    TestServer server;
    server.start();
    PatientDevice first;
    first.enrol(server);

    // Closed by the first device (the QR screen closed): the new device finds no slot and falls
    // back to the passphrase prompt.
    {
        const ShownLink shown =
            showDeviceLink(first, QDir(first.directory()).filePath(u"closed.png"_s));
        REQUIRE(vaultSlots(first).contains(shown.slot));
        REQUIRE(first.engine().closeDeviceLink(shown.slot));
        CHECK_FALSE(vaultSlots(first).contains(shown.slot));
        REQUIRE(first.engine().closeDeviceLink(shown.slot)); // twice: already gone is fine
        protocol::EnrolmentLink link = decodeLinkPng(shown.png);
        PatientDevice second;
        int prompts = 0;
        auto joined = second.engine().enrol(optionsFrom(link), SecretBytes::fromUtf8(kPassphrase),
                                            [&prompts](int) {
                                                ++prompts;
                                                return SecretBytes::fromUtf8(kPassphrase);
                                            });
        REQUIRE(joined);
        CHECK(prompts == 1);
        CHECK(joined->joinedExistingVault);
    }

    // Never closed (the app was killed): a sync after the code expired deletes the slot. The
    // clock of a second engine on the same profile stands 11 minutes later.
    const ShownLink stale = showDeviceLink(first, QDir(first.directory()).filePath(u"stale.png"_s));
    protocol::EnrolmentLink link = decodeLinkPng(stale.png);
    first.syncOk(); // not expired yet: kept
    CHECK(vaultSlots(first).contains(stale.slot));
    {
        testing::FakeClock later(QDateTime::currentDateTimeUtc().addSecs(11 * 60));
        sync::SyncEngine engine(first.profile().database(), first.records(), later);
        REQUIRE(engine.removeStaleDeviceLinks());
    }
    CHECK_FALSE(vaultSlots(first).contains(stale.slot));
    // The slot is gone: the secret opens nothing, so the passphrase is asked.
    PatientDevice third;
    int prompts = 0;
    auto joined = third.engine().enrol(optionsFrom(link), SecretBytes::fromUtf8(kPassphrase),
                                       [&prompts](int) {
                                           ++prompts;
                                           return SecretBytes::fromUtf8(kPassphrase);
                                       });
    REQUIRE(joined);
    CHECK(prompts == 1);
}

TEST_CASE("companion-cli: devices link writes the QR; enrol --qr-image joins with it",
          "[sync][qr][cli]")
{
    TestServer server;
    server.start();
    PatientDevice first;
    first.enrol(server);
    const QString firstFolder = first.profileDirectory();
    first.close();

    testing::TempDir scratch;
    const QString passphraseFile = scratch.file(u"passphrase"_s);
    {
        QFile file(passphraseFile);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(kPassphrase) + '\n');
    }
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    const auto cli = [&](const QStringList &arguments) {
        QProcess process;
        process.start(QStringLiteral(COMPANION_CLI_PATH), arguments);
        process.closeWriteChannel(); // nothing typed: a prompt would fail
        REQUIRE(process.waitForFinished(60000));
        Run run{process.exitCode(), process.readAllStandardOutput(),
                process.readAllStandardError()};
        UNSCOPED_INFO(run.err.toStdString());
        return run;
    };

    // No terminal and no --qr: refused before a link exists (no slot left open).
    const Run nowhere = cli({u"devices"_s, u"link"_s, u"--profile"_s, firstFolder,
                             u"--passphrase-file"_s, passphraseFile});
    CHECK(nowhere.exitCode == 2);
    CHECK(nowhere.err.contains("--qr"));

    const QString png = scratch.file(u"link.png"_s);
    const Run link = cli({u"devices"_s, u"link"_s, u"--qr"_s, png, u"--json"_s, u"--profile"_s,
                          firstFolder, u"--passphrase-file"_s, passphraseFile});
    REQUIRE(link.exitCode == 0);
    const QJsonObject shown = QJsonDocument::fromJson(link.out).object();
    const QString slot = shown.value(u"slot"_s).toString();
    CHECK(protocol::isDeviceLinkSlot(slot));
    CHECK(shown.value(u"qr_file"_s).toString() == png);
    CHECK_FALSE(link.out.contains("companion:join")); // the link is never printed as text

    const QString secondFolder = scratch.file(u"second"_s);
    REQUIRE(cli({u"init"_s, u"--profile"_s, secondFolder, u"--passphrase-file"_s, passphraseFile})
                .exitCode == 0);
    // The device link is refused on the command line (argv is visible to every user), before
    // anything is sent.
    {
        auto payloads = qr::decodeImageFile(png);
        REQUIRE(payloads);
        const Run onArgv =
            cli({u"enrol"_s, u"--uri"_s, QString::fromLatin1(payloads->first()), u"--profile"_s,
                 secondFolder, u"--passphrase-file"_s, passphraseFile});
        CHECK(onArgv.exitCode == 2);
        CHECK(onArgv.err.contains("secret"));
    }
    const Run joined = cli({u"enrol"_s, u"--qr-image"_s, png, u"--json"_s, u"--profile"_s,
                            secondFolder, u"--passphrase-file"_s, passphraseFile});
    REQUIRE(joined.exitCode == 0);
    const QJsonObject result = QJsonDocument::fromJson(joined.out).object();
    CHECK(result.value(u"joined"_s).toBool());
    CHECK(result.value(u"fingerprint"_s).toString() == server.fingerprint());
    CHECK(cli({u"sync"_s, u"--profile"_s, secondFolder, u"--passphrase-file"_s, passphraseFile})
              .exitCode == 0);
    // The slot is gone; closing it again is harmless.
    CHECK(cli({u"devices"_s, u"unlink"_s, slot, u"--profile"_s, firstFolder, u"--passphrase-file"_s,
               passphraseFile})
              .exitCode == 0);
    // Used: the same picture again is refused by the clinic (exit 6).
    const QString thirdFolder = scratch.file(u"third"_s);
    REQUIRE(cli({u"init"_s, u"--profile"_s, thirdFolder, u"--passphrase-file"_s, passphraseFile})
                .exitCode == 0);
    CHECK(cli({u"enrol"_s, u"--qr-image"_s, png, u"--profile"_s, thirdFolder,
               u"--passphrase-file"_s, passphraseFile})
              .exitCode == 6);
    // A picture with no code in it: a usage error naming the problem, nothing spent.
    const QString blank = scratch.file(u"blank.png"_s);
    QImage white(200, 200, QImage::Format_Grayscale8);
    white.fill(255);
    REQUIRE(white.save(blank));
    const Run none = cli({u"enrol"_s, u"--qr-image"_s, blank, u"--profile"_s, thirdFolder,
                          u"--passphrase-file"_s, passphraseFile});
    CHECK(none.exitCode == 2);
    CHECK(none.err.contains("no QR code"));
}
