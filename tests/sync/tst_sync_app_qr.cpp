// The app's QR paths (ADR 0018) against the real server: the clinic's QR read from a picture
// fills the form and enrols; "Add another device" shows a QR that a new device joins with, the
// patient sees the new device and can remove it; bad pictures give plain messages. No QML
// engine (the scanner page itself loads in the self-test, which has no camera).
#include "harness.h"
#include "syncfixture.h"
#include "unlockedapp.h"

#include "presentation/appservices.h"
#include "presentation/qrscanner.h"
#include "profilesession.h"
#include "protocol/enrollink.h"
#include "qr/qrcode.h"
#include "qr/qrdecoder.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QImage>
#include <QUrl>

using namespace companion;
using namespace companion::presentation;
using namespace Qt::StringLiterals;

TEST_CASE("The app enrols from the clinic's QR and adds a device with its own QR",
          "[sync][app][qr]")
{
    servertest::TestServer server;
    server.start();
    testing::UnlockedApp app;
    AppServices &services = app.services;
    SyncController &sync = services.sync;

    // Pictures that are not a Companion code: a plain message, nothing filled.
    QImage blank(300, 300, QImage::Format_Grayscale8);
    blank.fill(255);
    const QString blankPng = app.dir.file(u"blank.png"_s);
    REQUIRE(blank.save(blankPng));
    sync.openQrImage(QUrl::fromLocalFile(blankPng));
    CHECK(sync.scanError().contains(u"No QR code"));
    CHECK(sync.scannedCode().isEmpty());
    auto foreign = qr::QrCode::encode("https://example.org/not-companion");
    REQUIRE(foreign);
    QrScanner scanner;
    scanner.setController(&sync);
    CHECK_FALSE(scanner.offerImage(foreign->toImage()));
    CHECK(sync.scanError().contains(u"not a Companion code"));
    auto newer = qr::QrCode::encode("companion:enrol?v=7&s=x");
    REQUIRE(newer);
    CHECK_FALSE(scanner.offerImage(newer->toImage()));
    CHECK(sync.scanError().contains(u"newer version"));

    // The clinic's QR (admin enrol-patient --qr) fills the form; the patient confirms.
    const QString url = u"http://127.0.0.1:%1"_s.arg(server.port());
    const QString clinicPng = app.dir.file(u"clinic.png"_s);
    const servertest::AdminResult issued =
        server.admin({u"enrol-patient"_s, u"--db"_s, server.dbUrl(), u"--server-url"_s, url,
                      u"--qr"_s, clinicPng});
    REQUIRE(issued.exitCode == 0);
    sync.openQrImage(QUrl::fromLocalFile(clinicPng));
    CHECK(sync.scanError().isEmpty());
    CHECK(sync.scannedServerUrl() == url);
    CHECK(sync.scannedFingerprint() == server.fingerprint());
    CHECK_FALSE(sync.scannedDeviceLink());
    sync.enrol(sync.scannedServerUrl(), sync.scannedCode(), sync.scannedFingerprint(),
               testing::kTestPassphrase);
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    INFO(sync.errorText().toStdString());
    REQUIRE(sync.enrolled());
    CHECK(sync.fingerprint() == server.fingerprint());
    CHECK(sync.scannedCode().isEmpty()); // the scan is dropped once it did its job

    // "Add another device": a QR code image, never the link as text.
    CHECK_FALSE(sync.deviceLinkOpen());
    sync.openDeviceLink();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    INFO(sync.errorText().toStdString());
    REQUIRE(sync.deviceLinkOpen());
    CHECK(sync.deviceLinkText().contains(u"show it to no one"));
    const QList<QByteArray> payloads = qr::decodeImage(sync.deviceLinkImage());
    REQUIRE(payloads.size() == 1);
    auto link = protocol::parseEnrolmentLink(payloads.first());
    REQUIRE(link);
    REQUIRE(link->kind == protocol::LinkKind::Join);

    // A second copy of the app on another device scans it and joins with no passphrase typed
    // for the other device.
    testing::TempDir otherDir;
    AppServicesOptions otherOptions;
    otherOptions.profileDirectory = otherDir.file(u"profile"_s);
    otherOptions.contentRoot = QStringLiteral(COMPANION_CONTENT_DIR);
    AppServices other(otherOptions);
    testing::createUnlockedProfile(other.profile);
    REQUIRE(testing::waitUntil([&] { return !other.sync.busy(); }));
    QrScanner otherScanner;
    otherScanner.setController(&other.sync);
    bool found = false;
    QObject::connect(&otherScanner, &QrScanner::found, [&found] { found = true; });
    REQUIRE(otherScanner.offerImage(sync.deviceLinkImage()));
    CHECK(found);
    CHECK_FALSE(otherScanner.active()); // the camera page closes
    CHECK(other.sync.scannedDeviceLink());
    other.sync.enrol(other.sync.scannedServerUrl(), other.sync.scannedCode(),
                     other.sync.scannedFingerprint(), testing::kTestPassphrase);
    REQUIRE(testing::waitUntil([&] { return !other.sync.busy(); }));
    INFO(other.sync.errorText().toStdString());
    REQUIRE(other.sync.enrolled());

    // The first device notices the new device while its QR is shown, and the patient removes
    // it (say it was not theirs): it is revoked at once and the link is closed.
    REQUIRE(testing::waitUntil([&] { return !sync.joinedDeviceText().isEmpty(); }, 30000));
    sync.removeJoinedDevice();
    CHECK_FALSE(sync.deviceLinkOpen());
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    other.sync.syncNow();
    REQUIRE(testing::waitUntil([&] { return !other.sync.busy(); }, 60000));
    CHECK_FALSE(other.sync.errorText().isEmpty()); // the removed device is refused

    // Opened and closed again without anyone joining: nothing stays on the server.
    sync.openDeviceLink();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    REQUIRE(sync.deviceLinkOpen());
    sync.closeDeviceLink();
    CHECK_FALSE(sync.deviceLinkOpen());
    CHECK(sync.deviceLinkImage().isNull());
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
}
