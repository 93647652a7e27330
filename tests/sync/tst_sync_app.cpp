// The app's SyncController against the real server: enrolment from the Settings form, a sync
// on a worker thread, entry states in the diary list, sharing switches, the access log. Uses
// the real ProfileController and DiaryController; no QML engine is needed.
#include "harness.h"

#include "presentation/appservices.h"
#include "profilesession.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <catch2/catch.hpp>

using namespace companion;
using namespace companion::presentation;
using namespace Qt::StringLiterals;

TEST_CASE("The app connects to the clinic, syncs in the background and shows entry states",
          "[sync][app]")
{
    servertest::TestServer server;
    servertest::addTherapist(server, u"Dr Okafor"_s);
    server.start();
    testing::TempDir dir;
    AppServicesOptions options;
    options.profileDirectory = dir.file(u"profile"_s);
    options.contentRoot = QStringLiteral(COMPANION_CONTENT_DIR);
    AppServices services(options);
    testing::createUnlockedProfile(services.profile);
    SyncController &sync = services.sync;
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    CHECK_FALSE(sync.enrolled());

    // A wrong passphrase is caught before the clinic's code is spent.
    const QString code = server.newEnrolmentCode();
    const QString url = u"http://127.0.0.1:%1"_s.arg(server.port());
    sync.enrol(url, code, server.fingerprint(), u"not my passphrase"_s);
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    CHECK(sync.errorText() == u"That passphrase is not right.");
    CHECK_FALSE(sync.enrolled());

    sync.enrol(url, code, server.fingerprint(), testing::kTestPassphrase);
    CHECK(sync.busy()); // on the worker: the UI thread is free
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    INFO(sync.errorText().toStdString());
    REQUIRE(sync.enrolled());
    CHECK_FALSE(sync.clinicName().isEmpty());
    CHECK(sync.statusText().contains(sync.clinicName()));
    CHECK(sync.fingerprint() == server.fingerprint());
    CHECK(sync.errorText().isEmpty());

    // A check-in is "Saved on this device" until the sync after it, then "Synced"; with
    // check-ins shared, "Shared with your care team".
    services.diary.startCheckIn();
    services.diary.setValue(u"mood"_s, 6);
    services.diary.setValue(u"anxiety"_s, 2);
    services.diary.setValue(u"pain"_s, 1);
    REQUIRE(services.diary.save());
    const auto firstState = [&] {
        const QVariantList entries = services.diary.entries();
        return entries.isEmpty() ? QString()
                                 : entries.front().toMap().value(u"stateLabel"_s).toString();
    };
    CHECK(firstState() == u"Saved on this device");
    sync.syncNow();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    CHECK(firstState() == u"Synced");

    sync.setShared(u"checkins"_s, true);
    CHECK(sync.shareCheckIns()); // shown at once
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    CHECK(firstState() == u"Shared with your care team");

    sync.refreshActivity();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    CHECK(sync.devices().size() == 1);
    CHECK_FALSE(sync.accessLog().isEmpty());

    // The clinic goes away: a clear message, the entry stays saved, nothing is lost.
    server.stop();
    services.diary.startCheckIn();
    services.diary.setValue(u"mood"_s, 3);
    services.diary.setValue(u"anxiety"_s, 3);
    services.diary.setValue(u"pain"_s, 3);
    REQUIRE(services.diary.save());
    sync.syncNow();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }, 60000));
    CHECK(sync.errorText().contains(u"could not be reached"));
    CHECK(firstState() == u"Saved on this device");
}
