// The app's SyncController against the real server: enrolment from the Settings form, a sync
// on a worker thread, entry states in the diary list, sharing switches, the access log, and the
// conflict chooser against a second device of the same patient. Uses the real ProfileController
// and DiaryController; no QML engine is needed.
#include "harness.h"
#include "syncfixture.h"
#include "unlockedapp.h"

#include "assets/assets.h"
#include "domain/diaryentry.h"
#include "presentation/appservices.h"
#include "profilesession.h"
#include "protocol/clinicmessage.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace companion;
using namespace companion::presentation;
using namespace Qt::StringLiterals;

TEST_CASE("The app connects to the clinic, syncs in the background and shows entry states",
          "[sync][app]")
{
    servertest::TestServer server;
    servertest::addTherapist(server, u"Dr Okafor"_s);
    server.start();
    testing::UnlockedApp app;
    AppServices &services = app.services;
    SyncController &sync = services.sync;
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

// The shipped default, adapted as a clinic would: its own id and crisis line.
QString writeClinicProtocol(const servertest::TestServer &server, const QString &crisisLabel)
{
    QFile shipped(assets::defaultProtocolPath());
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    QJsonObject protocol = QJsonDocument::fromJson(shipped.readAll()).object();
    protocol[u"id"_s] = u"riverside"_s;
    protocol[u"version"_s] = u"2026-2"_s;
    QJsonObject crisis = protocol[u"crisis"_s].toObject();
    crisis[u"numbers"_s] = QJsonArray{QJsonObject{
        {u"id"_s, u"clinic_line"_s}, {u"label"_s, crisisLabel}, {u"number"_s, u"+1 555 0100"_s}}};
    protocol[u"crisis"_s] = crisis;
    const QString path = QDir(server.tempDir()).filePath(u"protocol.json"_s);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(protocol).toJson());
    return path;
}

QStringList crisisLabels(const SafetyController &safety)
{
    QStringList labels;
    for (const QVariant &number : safety.numbers())
        labels << number.toMap().value(u"label"_s).toString();
    return labels;
}

} // namespace

TEST_CASE("The app follows what the clinic sends: its protocol, appointments and replies",
          "[sync][app][messages]")
{
    servertest::TestServer server;
    servertest::Therapist therapist = servertest::addTherapist(server, u"Dr Okafor"_s);
    server.start();
    testing::UnlockedApp app;
    AppServices &services = app.services;
    SyncController &sync = services.sync;
    MessagesController &messages = services.messages;
    sync.enrol(u"http://127.0.0.1:%1"_s.arg(server.port()), server.newEnrolmentCode(),
               server.fingerprint(), testing::kTestPassphrase);
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    REQUIRE(sync.enrolled());
    CHECK_FALSE(messages.clinicProtocolInUse());
    CHECK_FALSE(services.safety.numbersFromClinic());
    CHECK_FALSE(messages.hasMessages());

    // The clinic publishes its protocol: after the next sync the app uses it (crisis help shows
    // the clinic's line), and says so in Settings.
    const servertest::AdminResult published = server.admin(
        {u"publish-protocol"_s, u"--db"_s, server.dbUrl(), u"--keys-dir"_s, server.keysDir(),
         u"--file"_s, writeClinicProtocol(server, u"Riverside crisis line"_s)});
    REQUIRE(published.exitCode == 0);
    sync.syncNow();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    INFO(sync.errorText().toStdString());
    CHECK(messages.clinicProtocolInUse());
    CHECK(services.safety.numbersFromClinic());
    CHECK(crisisLabels(services.safety).contains(u"Riverside crisis line"_s));
    CHECK(messages.protocolStatus().contains(u"2026-2"_s));

    // The clinic books an infusion: it is in the plan, marked as the clinic's, not editable.
    const QString vaultId = [&] {
        auto log = server.admin({u"audit"_s, u"--db"_s, server.dbUrl(), u"--json"_s});
        REQUIRE(log.exitCode == 0);
        for (const QJsonValue &row :
             QJsonDocument::fromJson(log.out.toUtf8()).object()[u"entries"_s].toArray()) {
            if (row[u"action"_s].toString() == u"device.enrol")
                return row[u"vault_id"_s].toString();
        }
        return QString();
    }();
    REQUIRE(vaultId.size() == 32);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(10);
    REQUIRE(server
                .admin({u"add-appointment"_s, u"--db"_s, server.dbUrl(), u"--keys-dir"_s,
                        server.keysDir(), u"--vault"_s, vaultId, u"--at"_s,
                        start.toString(Qt::ISODate), u"--location"_s, u"Suite 2"_s})
                .exitCode == 0);
    sync.syncNow();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    REQUIRE(services.plan.hasAppointments());
    CHECK(services.plan.selectedFromClinic());
    CHECK_FALSE(services.plan.selectedEditable());
    REQUIRE(messages.messages().size() == 1);
    CHECK(messages.messages().front().toMap().value(u"text"_s).toString().contains(u"Suite 2"_s));

    // A shared check-in and the therapist's reply to it, shown under the entry.
    sync.setShared(u"checkins"_s, true);
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    services.diary.startCheckIn();
    services.diary.setValue(u"mood"_s, 4);
    services.diary.setValue(u"anxiety"_s, 4);
    services.diary.setValue(u"pain"_s, 2);
    REQUIRE(services.diary.save());
    sync.syncNow();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    const QString entryId = services.diary.entries().front().toMap().value(u"id"_s).toString();
    const QString entryHex = QString::fromLatin1(QUuid::fromString(entryId).toRfc4122().toHex());
    auto keys = servertest::careTeamSharedKeys(server, therapist, vaultId);
    REQUIRE_FALSE(keys.empty());
    const protocol::ClinicMessage reply{
        protocol::newMessageId(), vaultId, QDateTime::currentMSecsSinceEpoch(),
        protocol::ReplyMessage{entryHex, u"Thank you. We will call you tomorrow."_s,
                               u"Dr Okafor"_s}};
    auto sealed = protocol::sealClinicMessage(
        reply, protocol::MessageAuthor::Therapist, therapist.id, therapist.signing.secretKey,
        keys.rbegin()->second, static_cast<std::uint32_t>(keys.rbegin()->first));
    REQUIRE(sealed);
    REQUIRE(server
                .request("POST", (u"/v1/careteam/vaults/"_s + vaultId + u"/messages"_s).toLatin1(),
                         protocol::PostMessageRequest{reply.messageId, *sealed}.toJson(),
                         therapist.token)
                .status == 201);
    sync.syncNow();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    const QVariantList replies = messages.replies().value(entryId).toList();
    REQUIRE(replies.size() == 1);
    CHECK(replies.front().toMap().value(u"text"_s).toString() ==
          u"Thank you. We will call you tomorrow.");
    CHECK(replies.front().toMap().value(u"heading"_s).toString().contains(u"Dr Okafor"_s));
    CHECK(messages.messages().size() == 2);

    // Locked: nothing from the clinic stays in memory, and the defaults are back.
    services.profile.lock();
    CHECK_FALSE(messages.hasMessages());
    CHECK(messages.replies().isEmpty());
    CHECK_FALSE(messages.clinicProtocolInUse());
    CHECK_FALSE(services.safety.numbersFromClinic());
    services.profile.unlock(testing::kTestPassphrase);
    REQUIRE(testing::waitUntil([&] { return !services.profile.busy(); }));
    CHECK(messages.clinicProtocolInUse());
    CHECK(services.safety.numbersFromClinic());
    CHECK(messages.replies().value(entryId).toList().size() == 1);
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
    testing::UnlockedApp app;
    AppServices &services = app.services;
    SyncController &sync = services.sync;
    const auto idle = [&] { return testing::waitUntil([&] { return !sync.busy(); }, 60000); };
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

TEST_CASE("The app's sync jobs share one login until the profile is locked", "[sync][app][token]")
{
    servertest::TestServer server;
    server.start();
    testing::UnlockedApp app;
    AppServices &services = app.services;
    SyncController &sync = services.sync;
    // Logins as the server's audit log records them (one `auth.login` row each).
    const auto logins = [&] {
        const servertest::AdminResult audit = server.admin({u"audit"_s, u"--db"_s, server.dbUrl()});
        REQUIRE(audit.exitCode == 0);
        return audit.out.count(u"auth.login"_s);
    };
    sync.enrol(u"http://127.0.0.1:%1"_s.arg(server.port()), server.newEnrolmentCode(),
               server.fingerprint(), testing::kTestPassphrase);
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    INFO(sync.errorText().toStdString());
    REQUIRE(sync.enrolled());
    const qsizetype afterEnrolment = logins();
    CHECK(afterEnrolment >= 1);

    // Each job has its own engine and connection; the token goes from one job to the next.
    for (int i = 0; i < 3; ++i) {
        sync.syncNow();
        REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
        CHECK(sync.errorText().isEmpty());
    }
    CHECK(logins() == afterEnrolment);

    // Locking drops the token: the first sync after unlocking logs in again, once.
    services.profile.lock();
    services.profile.unlock(testing::kTestPassphrase);
    REQUIRE(testing::waitUntil([&] { return !services.profile.busy() && sync.enrolled(); }));
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    sync.syncNow();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    CHECK(sync.errorText().isEmpty());
    sync.syncNow();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }));
    CHECK(logins() == afterEnrolment + 1);
}
