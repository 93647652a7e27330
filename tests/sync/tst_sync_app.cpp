// The app's SyncController against the real server: enrolment from the Settings form, a sync
// on a worker thread, entry states in the diary list, sharing switches, the access log, and the
// conflict chooser against a second device of the same patient. Uses the real ProfileController
// and DiaryController; no QML engine is needed.
#include "harness.h"
#include "syncfixture.h"

#include "domain/diaryentry.h"
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

namespace {

// Another device of the same patient edits a check-in: the diary body decoded, changed, saved.
void editCheckIn(synctest::PatientDevice &device, const QString &id, int mood, const QString &note)
{
    auto record = device.records().find(RecordId::fromString(id));
    REQUIRE(record);
    REQUIRE(*record);
    auto body = domain::decodeBody((*record)->kind, (*record)->body);
    REQUIRE(body);
    auto &checkIn = std::get<domain::CheckIn>(*body);
    checkIn.mood = mood;
    checkIn.note = note;
    auto encoded = domain::encodeBody(*body);
    REQUIRE(encoded);
    REQUIRE(device.records().update(RecordId::fromString(id), *encoded));
}

} // namespace

TEST_CASE("The app lists entries edited on two devices with both versions; the choice syncs",
          "[sync][app][conflicts]")
{
    servertest::TestServer server;
    server.start();
    testing::TempDir dir;
    AppServicesOptions options;
    options.profileDirectory = dir.file(u"profile"_s);
    options.contentRoot = QStringLiteral(COMPANION_CONTENT_DIR);
    AppServices services(options);
    testing::createUnlockedProfile(services.profile);
    SyncController &sync = services.sync;
    const auto idle = [&] { return testing::waitUntil([&] { return !sync.busy(); }, 60000); };
    REQUIRE(idle());
    const QString url = u"http://127.0.0.1:%1"_s.arg(server.port());
    sync.enrol(url, server.newEnrolmentCode(), server.fingerprint(), testing::kTestPassphrase);
    REQUIRE(idle());
    REQUIRE(sync.enrolled());

    // A check-in on the phone, synced; the patient's second device joins with a code from it.
    services.diary.startCheckIn();
    services.diary.setValue(u"mood"_s, 5);
    services.diary.setValue(u"anxiety"_s, 2);
    services.diary.setValue(u"pain"_s, 1);
    REQUIRE(services.diary.save());
    const QString id = services.diary.entries().front().toMap().value(u"id"_s).toString();
    sync.syncNow();
    REQUIRE(idle());
    sync.createJoinCode();
    REQUIRE(idle());
    REQUIRE_FALSE(sync.joinCode().isEmpty());
    synctest::PatientDevice laptop;
    auto joined =
        laptop.engine().enrol({url, sync.joinCode(), server.fingerprint(), {}},
                              SecretBytes::fromUtf8(synctest::kPassphrase),
                              // The phone's passphrase opens the vault key the phone sealed.
                              [](int) {
                                  return Result<SecretBytes>(SecretBytes::fromUtf8(
                                      testing::kTestPassphrase.toStdString()));
                              });
    INFO((joined ? QString() : joined.error().message).toStdString());
    REQUIRE(joined);
    CHECK(laptop.syncOk().pulled == 1);
    CHECK(sync.conflicts().isEmpty());

    // Both edit the check-in; the laptop's edit reaches the server first.
    const auto makeConflict = [&](int laptopMood, int phoneMood) {
        editCheckIn(laptop, id, laptopMood, u"from the <b>laptop</b>"_s);
        laptop.syncOk();
        services.diary.startEdit(id);
        services.diary.setValue(u"mood"_s, phoneMood);
        services.diary.setValue(u"note"_s, u"from the phone"_s);
        REQUIRE(services.diary.save());
        sync.syncNow();
        REQUIRE(idle());
        INFO(sync.errorText().toStdString());
        REQUIRE(sync.conflicts().size() == 1);
        CHECK(sync.conflictCount() == 1);
        return sync.conflicts().front().toMap();
    };
    const auto moodShown = [&] {
        return services.diary.entries().front().toMap().value(u"summary"_s).toString();
    };

    // The chooser shows both versions in the diary's own words; the typed notes as given.
    QVariantMap conflict = makeConflict(9, 2);
    CHECK(conflict.value(u"title"_s).toString() == u"Check-in");
    CHECK(conflict.value(u"mineLabel"_s).toString().startsWith(u"Saved on this device, "));
    CHECK(conflict.value(u"mineSummary"_s).toString().startsWith(u"Mood 2 · Anxiety 2 · Pain 1"));
    CHECK(conflict.value(u"mineText"_s).toString() == u"from the phone");
    CHECK(conflict.value(u"theirsLabel"_s).toString().startsWith(u"Saved on your other device, "));
    CHECK(conflict.value(u"theirsSummary"_s).toString().startsWith(u"Mood 9 · Anxiety 2"));
    CHECK(conflict.value(u"theirsText"_s).toString() == u"from the <b>laptop</b>");
    // Until the patient chooses, the entry shows the other device's version.
    CHECK(moodShown().startsWith(u"Mood 9"));

    // "Keep this one" on the phone's version: a new version on top, synced to the laptop.
    sync.resolveConflict(conflict.value(u"conflictId"_s).toLongLong(), true);
    REQUIRE(idle());
    CHECK(sync.errorText().isEmpty());
    CHECK(sync.conflicts().isEmpty());
    CHECK(sync.conflictCount() == 0);
    CHECK(moodShown().startsWith(u"Mood 2"));
    CHECK(services.diary.entries().front().toMap().value(u"stateLabel"_s).toString() == u"Synced");
    CHECK(laptop.syncOk().pulled == 1);
    auto onLaptop = laptop.records().find(RecordId::fromString(id));
    REQUIRE(onLaptop);
    REQUIRE(*onLaptop);
    CHECK((*onLaptop)->version == 3);
    CHECK(
        std::get<domain::CheckIn>(*domain::decodeBody((*onLaptop)->kind, (*onLaptop)->body)).mood ==
        2);

    // Again, and this time the other device's version is kept: the phone's edit is dropped and
    // nothing new is sent.
    conflict = makeConflict(4, 7);
    sync.resolveConflict(conflict.value(u"conflictId"_s).toLongLong(), false);
    REQUIRE(idle());
    CHECK(sync.errorText().isEmpty());
    CHECK(sync.conflicts().isEmpty());
    CHECK(moodShown().startsWith(u"Mood 4"));
    CHECK(laptop.syncOk().pulled == 0);
    onLaptop = laptop.records().find(RecordId::fromString(id));
    REQUIRE(onLaptop);
    CHECK((*onLaptop)->version == 4);
}
