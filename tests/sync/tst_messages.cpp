// The clinic → patient channel (issues 6 and 7): the clinic protocol signed by the clinic, the
// clinic's appointments and therapists' replies sealed with the patient's SCK. Real devices
// against the real companion-server on SQLite and PostgreSQL (part of tst_sync).
#include "syncfixture.h"

#include "assets/assets.h"
#include "domain/diaryentry.h"
#include "protocol/clinicmessage.h"
#include "protocol/clinicprotocol.h"
#include "protocol/json.h"
#include "protocol/keys.h"
#include "storage/appointmentrepository.h"
#include "support/filescan.h"
#include "sync/clinicinbox.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace companion;
using namespace companion::synctest;
using namespace Qt::StringLiterals;
using servertest::TestServer;

namespace {

QByteArray checkInBody(const QString &note)
{
    domain::CheckIn checkIn;
    checkIn.occurredAt = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    checkIn.mood = 5;
    checkIn.anxiety = 3;
    checkIn.pain = 2;
    checkIn.note = note;
    auto body = domain::encodeBody(domain::DiaryBody{checkIn});
    REQUIRE(body);
    return *body;
}

// The shipped default protocol as a clinic would adapt it: its own id, crisis line and fasting.
QByteArray clinicProtocolJson(int fastingHours, const QString &crisisLabel)
{
    QFile file(assets::defaultProtocolPath());
    REQUIRE(file.open(QIODevice::ReadOnly));
    QJsonObject protocol = QJsonDocument::fromJson(file.readAll()).object();
    protocol[u"id"_s] = u"riverside"_s;
    protocol[u"version"_s] = u"2026-%1"_s.arg(fastingHours);
    protocol[u"fastingHours"_s] = fastingHours;
    QJsonObject crisis = protocol[u"crisis"_s].toObject();
    crisis[u"numbers"_s] = QJsonArray{QJsonObject{{u"id"_s, u"clinic_line"_s},
                                                  {u"label"_s, crisisLabel},
                                                  {u"number"_s, u"+1 555 0100"_s}},
                                      QJsonObject{{u"id"_s, u"emergency"_s},
                                                  {u"label"_s, u"Emergency services"_s},
                                                  {u"number"_s, u"911"_s}}};
    protocol[u"crisis"_s] = crisis;
    return QJsonDocument(protocol).toJson();
}

servertest::AdminResult publish(TestServer &server, const QByteArray &json)
{
    const QString path = QDir(server.tempDir()).filePath(u"protocol.json"_s);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(json);
    file.close();
    return server.admin({u"publish-protocol"_s, u"--db"_s, server.dbUrl(), u"--keys-dir"_s,
                         server.keysDir(), u"--file"_s, path});
}

servertest::AdminResult addAppointment(TestServer &server, const QString &vaultId,
                                       const QString &at, const QStringList &extra = {})
{
    return server.admin(QStringList{u"add-appointment"_s, u"--db"_s, server.dbUrl(),
                                    u"--keys-dir"_s, server.keysDir(), u"--vault"_s, vaultId,
                                    u"--at"_s, at} +
                        extra);
}

SecretBytes clinicSigningKey(TestServer &server)
{
    QFile file(QDir(server.keysDir()).filePath(u"clinic-signing.key"_s));
    REQUIRE(file.open(QIODevice::ReadOnly));
    auto decoded = protocol::decodeBase64(file.readAll().trimmed());
    REQUIRE(decoded);
    return SecretBytes::fromView({reinterpret_cast<const std::uint8_t *>(decoded->constData()),
                                  static_cast<std::size_t>(decoded->size())});
}

QString deviceToken(TestServer &server, PatientDevice &device)
{
    auto account = device.engine().account();
    REQUIRE(account);
    auto key = protocol::signingKeyPairFromSecret(account->deviceKey.clone());
    REQUIRE(key);
    return servertest::loginAs(server, account->deviceId, *key);
}

std::vector<QString> integrityReasons(PatientDevice &device)
{
    auto events = device.engine().integrityEvents();
    REQUIRE(events);
    std::vector<QString> reasons;
    for (const sync::IntegrityEvent &event : *events)
        reasons.push_back(event.reason);
    return reasons;
}

std::vector<domain::Appointment> appointments(PatientDevice &device)
{
    storage::AppointmentRepository repository(device.records());
    auto list = repository.list();
    REQUIRE(list);
    return *list;
}

// The request body the console sends: the reply sealed with the newest SCK it can open.
QByteArray sealedReply(TestServer &server, servertest::Therapist &therapist,
                       const protocol::ClinicMessage &message)
{
    auto keys = servertest::careTeamSharedKeys(server, therapist, message.vaultId);
    REQUIRE_FALSE(keys.empty());
    auto sealed = protocol::sealClinicMessage(
        message, protocol::MessageAuthor::Therapist, therapist.id, therapist.signing.secretKey,
        keys.rbegin()->second, static_cast<std::uint32_t>(keys.rbegin()->first));
    REQUIRE(sealed);
    return protocol::PostMessageRequest{message.messageId, *sealed}.toJson();
}

servertest::Reply postBody(TestServer &server, const servertest::Therapist &therapist,
                           const QString &vaultId, const QByteArray &body)
{
    return server.request("POST", (u"/v1/careteam/vaults/"_s + vaultId + u"/messages"_s).toLatin1(),
                          body, therapist.token);
}

servertest::Reply postReply(TestServer &server, servertest::Therapist &therapist,
                            const protocol::ClinicMessage &message)
{
    const QByteArray body = sealedReply(server, therapist, message);
    return postBody(server, therapist, message.vaultId, body);
}

protocol::ClinicMessage replyTo(const QString &vaultId, const RecordId &entry, const QString &text)
{
    return protocol::ClinicMessage{protocol::newMessageId(), vaultId,
                                   QDateTime::currentMSecsSinceEpoch(),
                                   protocol::ReplyMessage{recordHex(entry), text, u"Dr Rivera"_s}};
}

} // namespace

TEST_CASE("A clinic protocol signed by the clinic reaches the patient; hostile offers are refused",
          "[sync][messages][protocol]")
{
    TestServer server;
    server.start();
    PatientDevice device;
    device.enrol(server);
    // Nothing published: the bundled default stays in use.
    CHECK(device.syncOk().protocolVersion == 0);
    auto none = sync::acceptedClinicProtocol(device.profile().database());
    REQUIRE(none);
    CHECK_FALSE(none->has_value());

    // The admin refuses what is not one JSON object within the cap.
    CHECK(publish(server, "not json").exitCode != 0);
    CHECK(publish(server, "[1, 2, 3]").exitCode != 0);
    CHECK(publish(server, QByteArray(300 * 1024, ' ')).exitCode != 0);

    const servertest::AdminResult first =
        publish(server, clinicProtocolJson(6, u"Riverside line"_s));
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);
    CHECK(first.out.contains(u"version 1"_s));
    const QString token = deviceToken(server, device);
    const servertest::Reply offeredV1 = server.request("GET", "/v1/clinic/protocol", {}, token);
    REQUIRE(offeredV1.status == 200);
    auto v1 = protocol::PublishedProtocol::fromJson(offeredV1.body);
    REQUIRE(v1);
    CHECK(device.syncOk().protocolVersion == 1);
    auto accepted = sync::acceptedClinicProtocol(device.profile().database());
    REQUIRE(accepted);
    REQUIRE(accepted->has_value());
    CHECK((*accepted)->id == u"riverside");
    CHECK((*accepted)->fastingHours == 6);
    CHECK(device.syncOk().protocolVersion == 0); // the same one again changes nothing

    REQUIRE(publish(server, clinicProtocolJson(8, u"Riverside night line"_s)).exitCode == 0);
    CHECK(device.syncOk().protocolVersion == 2);
    const auto fastingHours = [&] {
        auto held = sync::acceptedClinicProtocol(device.profile().database());
        REQUIRE(held);
        REQUIRE(held->has_value());
        return (*held)->fastingHours;
    };
    CHECK(fastingHours() == 8);
    CHECK(integrityReasons(device).empty());

    // A hostile server: the older version (genuinely signed), one signed by another key, a
    // flipped signature bit, and a validly signed protocol the app cannot use. Each is one
    // integrity event and the protocol in use stays version 2.
    sync::SyncReport report;
    REQUIRE(device.engine().applyClinicProtocol(*v1, report));
    const SecretBytes realKey = clinicSigningKey(server);
    auto wrongKey = protocol::signClinicProtocol(protocol::generateSigningKeyPair().secretKey, 3, 1,
                                                 clinicProtocolJson(1, u"Fake line"_s));
    REQUIRE(wrongKey);
    REQUIRE(device.engine().applyClinicProtocol(*wrongKey, report));
    auto flipped = protocol::signClinicProtocol(realKey, 4, 1, clinicProtocolJson(2, u"x"_s));
    REQUIRE(flipped);
    flipped->signature[10] = static_cast<char>(flipped->signature[10] ^ 0x04);
    REQUIRE(device.engine().applyClinicProtocol(*flipped, report));
    auto unusable = protocol::signClinicProtocol(realKey, 5, 1, R"({"fastingHours": "six"})");
    REQUIRE(unusable);
    REQUIRE(device.engine().applyClinicProtocol(*unusable, report));
    REQUIRE(device.engine().applyClinicProtocol(*unusable, report)); // offered again: no new event
    CHECK(report.integrity == 4);
    CHECK(report.protocolVersion == 0);
    CHECK(fastingHours() == 8);
    auto reasons = integrityReasons(device);
    std::sort(reasons.begin(), reasons.end());
    CHECK(reasons == std::vector<QString>{u"protocol_invalid"_s, u"protocol_rollback"_s,
                                          u"protocol_signature"_s, u"protocol_signature"_s});

    // The clinic's own next version is accepted again (the refusals did not stick).
    auto genuine = protocol::signClinicProtocol(realKey, 3, 1, clinicProtocolJson(5, u"Line"_s));
    REQUIRE(genuine);
    REQUIRE(device.engine().applyClinicProtocol(*genuine, report));
    CHECK(report.protocolVersion == 3);
    CHECK(fastingHours() == 5);
}

TEST_CASE("The clinic books, moves and cancels an appointment; every device of the patient follows",
          "[sync][messages][appointments]")
{
    TestServer server;
    server.start();
    PatientDevice phone;
    const sync::EnrolResult enrolled = phone.enrol(server);

    // A vault with no device yet has no key to seal to, and an unknown vault none at all.
    const servertest::AdminResult waiting = server.admin(
        {u"enrol-patient"_s, u"--db"_s, server.dbUrl(), u"--label"_s, u"not yet connected"_s});
    REQUIRE(waiting.exitCode == 0);
    CHECK(addAppointment(server, waiting.field(u"vault"_s), u"2026-12-01T09:00:00Z"_s).exitCode ==
          1);
    CHECK(addAppointment(server, protocol::newMessageId(), u"2026-12-01T09:00:00Z"_s).exitCode ==
          1);
    CHECK(addAppointment(server, enrolled.vaultId, u"2026-12-01T09:00:00"_s).exitCode == 2);

    const servertest::AdminResult booked =
        addAppointment(server, enrolled.vaultId, u"2026-12-01T09:30:00+01:00"_s,
                       {u"--minutes"_s, u"90"_s, u"--location"_s, u"Infusion suite, floor 2"_s});
    INFO(booked.err.toStdString());
    REQUIRE(booked.exitCode == 0);
    const QString appointmentId = booked.field(u"appointment"_s);
    REQUIRE(appointmentId.size() == 32);

    sync::SyncReport report = phone.syncOk();
    CHECK(report.messages == 1);
    CHECK(report.appointments == 1);
    std::vector<domain::Appointment> planned = appointments(phone);
    REQUIRE(planned.size() == 1);
    const domain::Appointment appointment = planned.front();
    CHECK(appointment.id == sync::clinicAppointmentRecordId(appointmentId));
    CHECK(appointment.body.source == domain::AppointmentSource::Clinic);
    CHECK(appointment.body.startsAt == QDateTime(QDate(2026, 12, 1), QTime(8, 30), Qt::UTC));
    CHECK(appointment.body.durationMinutes == 90);
    CHECK(appointment.body.location == u"Infusion suite, floor 2");
    CHECK_FALSE(appointment.cancelled());
    // The clinic's appointment is the clinic's: the patient cannot move or cancel it here.
    storage::AppointmentRepository repository(phone.records());
    auto moved = repository.move(appointment.id, appointment.body.startsAt.addDays(1));
    REQUIRE_FALSE(moved);
    CHECK(moved.error().code == ErrorCode::InvalidInput);
    CHECK_FALSE(repository.cancel(appointment.id));
    // It is not the patient's record to push: nothing waits in the outbox.
    auto pending = phone.records().pendingOutbox(10);
    REQUIRE(pending);
    CHECK(pending->empty());
    CHECK(phone.syncOk().messages == 0); // applied once

    // A second device of the same patient derives the same appointment from the same messages.
    PatientDevice laptop;
    laptop.join(server, phone);
    CHECK(laptop.syncOk().appointments == 1);
    REQUIRE(appointments(laptop).size() == 1);
    CHECK(appointments(laptop).front().id == appointment.id);
    CHECK(appointments(laptop).front().body == appointment.body);

    // The clinic moves it, then cancels it.
    REQUIRE(addAppointment(server, enrolled.vaultId, u"2026-12-03T10:00:00Z"_s,
                           {u"--appointment"_s, appointmentId, u"--location"_s, u"Room 4"_s})
                .exitCode == 0);
    CHECK(phone.syncOk().appointments == 1);
    planned = appointments(phone);
    REQUIRE(planned.size() == 1);
    CHECK(planned.front().body.startsAt == QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC));
    CHECK(planned.front().body.durationMinutes == 60);
    CHECK(planned.front().version == 2);
    REQUIRE(server
                .admin({u"cancel-appointment"_s, u"--db"_s, server.dbUrl(), u"--keys-dir"_s,
                        server.keysDir(), u"--vault"_s, enrolled.vaultId, u"--appointment"_s,
                        appointmentId})
                .exitCode == 0);
    CHECK(phone.syncOk().appointments == 1);
    CHECK(laptop.syncOk().appointments == 2);
    CHECK(appointments(phone).front().cancelled());
    CHECK(appointments(laptop).front().body == appointments(phone).front().body);
    CHECK(appointments(laptop).front().version == 3);

    auto messages = phone.engine().messages();
    REQUIRE(messages);
    REQUIRE(messages->size() == 3);
    CHECK(messages->at(0).type == u"appointment");
    CHECK(messages->at(2).type == u"appointment.cancel");
    CHECK(messages->at(0).authorType == u"clinic");
    CHECK(messages->at(0).subjectId == appointment.id.toString());
    CHECK(integrityReasons(phone).empty());

    // The same page again (a replayed answer) changes nothing; a cursor that goes back stops.
    const QString token = deviceToken(server, phone);
    const servertest::Reply page =
        server.request("GET", "/v1/vault/messages?after=0&limit=10", {}, token);
    REQUIRE(page.status == 200);
    auto parsed = protocol::VaultMessagesPage::fromJson(page.body);
    REQUIRE(parsed);
    REQUIRE(parsed->messages.size() == 3);
    sync::SyncReport replayed;
    REQUIRE(phone.engine().applyMessages(*parsed, replayed));
    CHECK(replayed.messages == 0);
    CHECK(replayed.appointments == 0);
    protocol::VaultMessagesPage back;
    back.next = 1;
    auto stopped = phone.engine().applyMessages(back, replayed);
    REQUIRE_FALSE(stopped);
    CHECK(stopped.error().code == ErrorCode::Damaged);

    // Hostile relabelling by the server: the clinic's message under another author id, or
    // under the therapist author type, is refused (the clinic's must verify under the pinned
    // key, and only the clinic books appointments).
    PatientDevice fresh;
    fresh.join(server, phone);
    protocol::VaultMessagesPage hostile = *parsed;
    hostile.messages.resize(2);
    hostile.messages[0].authorId = protocol::newMessageId();
    hostile.messages[1].author = protocol::MessageAuthor::Therapist;
    sync::SyncReport refused;
    REQUIRE(fresh.engine().applyMessages(hostile, refused));
    CHECK(refused.integrity == 2);
    CHECK(refused.messages == 0);
    auto reasons = integrityReasons(fresh);
    std::sort(reasons.begin(), reasons.end());
    CHECK(reasons == std::vector<QString>{u"message_damaged"_s, u"message_foreign_author"_s});
    CHECK(appointments(fresh).empty());
}

TEST_CASE("A therapist's reply reaches the patient under the entry it answers, and only there",
          "[sync][messages][reply]")
{
    TestServer server;
    servertest::Therapist therapist = servertest::addTherapist(server, u"Dr Rivera"_s);
    servertest::Therapist leaving = servertest::addTherapist(server, u"Dr Leaving"_s);
    server.start();
    PatientDevice device;
    const sync::EnrolResult enrolled = device.enrol(server, {}, {u"checkins"_s});
    auto checkIn = device.records().create(domain::kinds::diaryCheckIn, checkInBody(u"rough"_s),
                                           QDateTime::currentDateTimeUtc());
    REQUIRE(checkIn);
    device.syncOk();

    const QString canary = u"CANARY-reply-4be1-we-will-adjust-your-dose"_s;
    const protocol::ClinicMessage reply = replyTo(enrolled.vaultId, checkIn->id, canary);
    const QByteArray replyBody = sealedReply(server, therapist, reply);
    const servertest::Reply posted = postBody(server, therapist, enrolled.vaultId, replyBody);
    INFO(posted.body.toStdString());
    REQUIRE(posted.status == 201);
    const qint64 seq = posted.json().value(u"seq"_s).toInteger();
    CHECK(seq > 0);
    // A retry of the same request is the same message; another blob under its id is not.
    const servertest::Reply retried = postBody(server, therapist, enrolled.vaultId, replyBody);
    CHECK(retried.status == 200);
    CHECK(retried.json().value(u"seq"_s).toInteger() == seq);
    CHECK(postReply(server, therapist, reply).status == 409); // sealed again: other bytes

    sync::SyncReport report = device.syncOk();
    CHECK(report.messages == 1);
    auto messages = device.engine().messages();
    REQUIRE(messages);
    REQUIRE(messages->size() == 1);
    const sync::ReceivedMessage &received = messages->front();
    CHECK(received.type == u"reply");
    CHECK(received.authorType == u"therapist");
    CHECK(received.authorId == therapist.id);
    CHECK(received.authorName == u"Dr Rivera");
    CHECK(received.subjectId == checkIn->id.toString());
    auto content = sync::messageContent(received);
    REQUIRE(content);
    CHECK(std::get<protocol::ReplyMessage>(content->body).text == canary);

    // The patient sees in the access log that a therapist wrote to them.
    auto log = device.engine().accessLog();
    REQUIRE(log);
    CHECK(std::any_of(log->begin(), log->end(), [&](const sync::AccessLogEntry &entry) {
        return entry.action == u"message.send" && entry.actorName == u"Dr Rivera";
    }));

    // Reach: a vault that shares nothing, a vault that does not exist, a malformed id, a device
    // token, no token, and a removed therapist.
    PatientDevice other;
    const sync::EnrolResult otherVault = other.enrol(server);
    const QByteArray body =
        protocol::PostMessageRequest{protocol::newMessageId(), QByteArray(304, 'm')}.toJson();
    const auto post = [&](const QString &vaultId, const QString &token) {
        return server.request(
            "POST", (u"/v1/careteam/vaults/"_s + vaultId + u"/messages"_s).toLatin1(), body, token);
    };
    const servertest::Reply notShared = post(otherVault.vaultId, therapist.token);
    const servertest::Reply unknown = post(protocol::newMessageId(), therapist.token);
    CHECK(notShared.status == 404);
    CHECK(unknown.status == 404);
    CHECK(notShared.body == unknown.body);
    CHECK(post(u"nothex"_s, therapist.token).status == 404);
    CHECK(post(enrolled.vaultId, deviceToken(server, device)).status == 403);
    CHECK(post(enrolled.vaultId, QString()).status == 401);
    leaving.token = servertest::loginAs(server, leaving.id, leaving.signing);
    REQUIRE(server
                .admin({u"remove-therapist"_s, u"--db"_s, server.dbUrl(), u"--keys-dir"_s,
                        server.keysDir(), u"--id"_s, leaving.id})
                .exitCode == 0);
    CHECK(post(enrolled.vaultId, leaving.token).status == 401);
    auto otherMessages = other.engine().messages();
    REQUIRE(otherMessages);
    CHECK(otherMessages->empty());

    // A sealed blob altered in transit (or by a therapist's broken client): the server cannot
    // tell, the patient's device refuses it as an integrity event, and the sync carries on.
    device.syncOk(); // adopts the care-team rotation from the removal: generation 2
    const protocol::ClinicMessage second =
        replyTo(enrolled.vaultId, checkIn->id, u"second reply"_s);
    auto keys = servertest::careTeamSharedKeys(server, therapist, enrolled.vaultId);
    auto sealed = protocol::sealClinicMessage(
        second, protocol::MessageAuthor::Therapist, therapist.id, therapist.signing.secretKey,
        keys.rbegin()->second, static_cast<std::uint32_t>(keys.rbegin()->first));
    REQUIRE(sealed);
    QByteArray flipped = *sealed;
    flipped[100] = static_cast<char>(flipped[100] ^ 0x20);
    REQUIRE(server
                .request("POST",
                         (u"/v1/careteam/vaults/"_s + enrolled.vaultId + u"/messages"_s).toLatin1(),
                         protocol::PostMessageRequest{second.messageId, flipped}.toJson(),
                         therapist.token)
                .status == 201);
    report = device.syncOk();
    CHECK(report.messages == 0);
    CHECK(report.integrity == 1);
    CHECK(integrityReasons(device) == std::vector<QString>{u"message_damaged"_s});
    // …and a good reply after it still arrives (the cursor moved past the bad one).
    const protocol::ClinicMessage third = replyTo(enrolled.vaultId, checkIn->id, u"third"_s);
    REQUIRE(postReply(server, therapist, third).status == 201);
    CHECK(device.syncOk().messages == 1);

    // The server never held the reply's words.
    server.stop();
    CHECK(testing::filesContaining(server.storageDir(), canary).isEmpty());
    CHECK(testing::filesContaining(server.tempDir(), canary).isEmpty());
}
