// The care-team console (src/careteam) against the real companion-server on SQLite and on
// PostgreSQL (CTest runs this executable once per backend, like tests/sync), with real patient
// devices (tests/sync/syncfixture.h: encrypted profiles and the real SyncEngine). Nothing mocked;
// a test that needs a hostile network puts a tampering transport in front of the real one.
#define CATCH_CONFIG_RUNNER
#include "syncfixture.h"

#include "careteam/console.h"
#include "careteam/report.h"
#include "domain/appointment.h"
#include "domain/diaryentry.h"
#include "domain/instrumentcatalog.h"
#include "domain/instrumentscoring.h"
#include "domain/journal.h"
#include "protocol/careteamenrol.h"
#include "protocol/clinicmessage.h"
#include "protocol/json.h"
#include "support/filescan.h"
#include "support/tempdir.h"
#include "sync/clinicinbox.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QUuid>

using namespace companion;
using namespace companion::synctest;
using namespace Qt::StringLiterals;
using careteam::CareTeamConsole;
using servertest::TestServer;

namespace {

const char *kConsolePassphrase = "quarry lantern meadow oboe";

QString serverUrl(const TestServer &server)
{
    return u"http://127.0.0.1:%1"_s.arg(server.port());
}

// A real transport with a hook that may rewrite an answer on its way in (a hostile network or
// server), counting the requests that went out.
class TamperingTransport final : public sync::HttpTransport
{
public:
    using Hook = std::function<void(const sync::HttpRequest &, sync::HttpResponse &)>;
    TamperingTransport(const QUrl &url, Hook hook, int *requests)
        : m_inner(url, 30000)
        , m_hook(std::move(hook))
        , m_requests(requests)
    {}
    Result<sync::HttpResponse> send(const sync::HttpRequest &request) override
    {
        if (m_requests)
            ++*m_requests;
        auto response = m_inner.send(request);
        if (response && m_hook)
            m_hook(request, *response);
        return response;
    }

private:
    sync::QtHttpTransport m_inner;
    Hook m_hook;
    int *m_requests;
};

// A real transport whose answers to one kind of request are lost on the way back: the server
// received and handled the request, the console hears nothing (a dropped connection).
class LosingTransport final : public sync::HttpTransport
{
public:
    LosingTransport(const QUrl &url, QByteArray lostSuffix, int *lost)
        : m_inner(url, 30000)
        , m_lostSuffix(std::move(lostSuffix))
        , m_lost(lost)
    {}
    Result<sync::HttpResponse> send(const sync::HttpRequest &request) override
    {
        auto response = m_inner.send(request);
        if (request.method == "POST" && request.target.endsWith(m_lostSuffix)) {
            ++*m_lost;
            return makeError(ErrorCode::Network, u"connection reset (test)"_s);
        }
        return response;
    }

private:
    sync::QtHttpTransport m_inner;
    QByteArray m_lostSuffix;
    int *m_lost;
};

careteam::TransportFactory tampering(TamperingTransport::Hook hook, int *requests = nullptr)
{
    return [hook, requests](const QUrl &url) -> std::unique_ptr<sync::HttpTransport> {
        return std::make_unique<TamperingTransport>(url, hook, requests);
    };
}

// Rewrites one base64 field of a JSON answer (top level or inside "clinic") with one bit flipped.
void flipField(sync::HttpResponse &response, const QString &field)
{
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const auto flip = [&field](QJsonObject &object) {
        if (!object.contains(field))
            return false;
        QByteArray bytes = QByteArray::fromBase64(object.value(field).toString().toLatin1());
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
        object.insert(field, QString::fromLatin1(bytes.toBase64()));
        return true;
    };
    if (!flip(body)) {
        QJsonObject clinic = body.value(u"clinic"_s).toObject();
        if (flip(clinic))
            body.insert(u"clinic"_s, clinic);
    }
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// A therapist's console: its own profile folder, enrolled by a code from the admin CLI.
struct TherapistConsole
{
    testing::TempDir dir;
    std::unique_ptr<careteam::TherapistProfile> profile;
    std::unique_ptr<CareTeamConsole> console;
    QString therapistId;
    QString name;

    QString folder() const { return dir.file(u"console"_s); }
    careteam::PullReport pullOk()
    {
        auto report = console->pull();
        INFO((report ? QString() : report.error().message).toStdString());
        REQUIRE(report);
        return *report;
    }
    careteam::PatientTimeline timeline(const QString &vaultId)
    {
        auto timeline = console->timeline(vaultId);
        REQUIRE(timeline);
        return *timeline;
    }
};

std::unique_ptr<TherapistConsole> enrolConsole(TestServer &server, const QString &name)
{
    auto therapist = std::make_unique<TherapistConsole>();
    const QString code = server.newTherapistCode(name);
    auto enrolled =
        CareTeamConsole::enrol(therapist->folder(), SecretBytes::fromUtf8(kConsolePassphrase),
                               {serverUrl(server), code, server.fingerprint()},
                               SystemClock::instance(), {}, fastRetries());
    INFO((enrolled ? QString() : enrolled.error().message).toStdString());
    REQUIRE(enrolled);
    CHECK(enrolled->name == name);
    therapist->profile = std::move(enrolled->profile);
    therapist->therapistId = enrolled->therapistId;
    therapist->name = name;
    therapist->console = std::make_unique<CareTeamConsole>(
        *therapist->profile, SystemClock::instance(), careteam::TransportFactory{}, fastRetries());
    return therapist;
}

QByteArray checkInBody(int mood, const QString &note, const QDateTime &at)
{
    domain::CheckIn checkIn;
    checkIn.occurredAt = at;
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

QByteArray phq9Body(const std::vector<int> &answers, const QDateTime &at)
{
    static const domain::InstrumentCatalog catalog = *domain::InstrumentCatalog::loadBuiltIn();
    auto score = domain::scoreInstrument(*catalog.find(u"phq9"_s), answers);
    REQUIRE(score);
    auto body = domain::encodeBody(
        domain::DiaryBody{domain::InstrumentResult::fromScore(*score, answers, at)});
    REQUIRE(body);
    return *body;
}

domain::Record create(PatientDevice &device, const QString &kind, const QByteArray &body,
                      const QDateTime &at = QDateTime::currentDateTimeUtc())
{
    auto record = device.records().create(kind, body, at);
    REQUIRE(record);
    return *record;
}

// The record.read rows of the patient's access log, as "record_hex:version" by therapist name.
std::multimap<QString, QString> readsInAccessLog(PatientDevice &device)
{
    auto log = device.engine().accessLog();
    REQUIRE(log);
    std::multimap<QString, QString> reads;
    for (const sync::AccessLogEntry &entry : *log) {
        if (entry.action == u"record.read")
            reads.emplace(entry.actorName, entry.subject);
    }
    return reads;
}

// The server's SQL from the test: PostgreSQL through the harness; SQLite through Debian's
// python3 (this executable links SQLCipher, whose sqlite3 symbols clash with QtSql's driver).
void serverSql(const TestServer &server, const QString &statement)
{
    if (servertest::backend() == servertest::Backend::Postgres) {
        server.sql(statement);
        return;
    }
    QProcess python;
    python.start(u"/usr/bin/python3"_s, {u"-c"_s,
                                         u"import sqlite3, sys\n"
                                         u"c = sqlite3.connect(sys.argv[1], timeout=30)\n"
                                         u"c.execute(sys.argv[2])\n"
                                         u"c.commit()\n"_s,
                                         server.dbUrl(), statement});
    REQUIRE(python.waitForFinished(60000));
    INFO(python.readAllStandardError().toStdString());
    REQUIRE(python.exitCode() == 0);
}

QString toJsonText(const careteam::PatientTimeline &timeline)
{
    return QString::fromUtf8(
        QJsonDocument(careteam::timelineToJson(timeline)).toJson(QJsonDocument::Compact));
}

} // namespace

TEST_CASE("The console sees the shared check-ins, not the journal; every read is logged",
          "[careteam][share]")
{
    TestServer server;
    server.start();
    auto therapist = enrolConsole(server, u"Dr Rivera"_s);
    PatientDevice device;
    const sync::EnrolResult enrolled =
        device.enrol(server, server.newEnrolmentCode(u"Ana"_s), {u"checkins"_s});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const domain::Record first =
        create(device, domain::kinds::diaryCheckIn,
               checkInBody(6, u"slept badly, better by noon"_s, now.addDays(-2)), now.addDays(-2));
    const domain::Record second =
        create(device, domain::kinds::diaryCheckIn, checkInBody(7, QString(), now.addDays(-1)),
               now.addDays(-1));
    create(device, domain::kinds::journalEntry,
           journalBody(u"private-journal-canary-5321"_s, false));
    create(device, domain::kinds::instrumentResult, phq9Body({1, 1, 1, 1, 1, 1, 1, 1, 0}, now),
           now);
    device.syncOk();

    const careteam::PullReport pulled = therapist->pullOk();
    CHECK(pulled.patients == 1);
    CHECK(pulled.fetched == 2);
    CHECK(pulled.opened == 2);
    CHECK(pulled.unreadable == 0);

    const careteam::PatientTimeline timeline = therapist->timeline(enrolled.vaultId);
    CHECK(timeline.label == u"Ana"_s);
    REQUIRE(timeline.entries.size() == 2);
    CHECK(timeline.entries[0].recordId == recordHex(second.id)); // newest first
    CHECK(timeline.entries[1].recordId == recordHex(first.id));
    for (const careteam::TimelineEntry &entry : timeline.entries)
        CHECK(entry.kind == domain::kinds::diaryCheckIn);
    CHECK(timeline.entries[1].text == u"slept badly, better by noon"_s);
    CHECK(timeline.entries[1].details.value(u"mood"_s).toInt() == 6);
    CHECK(timeline.series.empty()); // the instrument was not shared
    CHECK(timeline.notVisible.empty());
    CHECK_FALSE(toJsonText(timeline).contains(u"private-journal-canary-5321"_s));

    // The patient's access log shows each read, by this therapist, of exactly these versions.
    auto reads = readsInAccessLog(device);
    CHECK(reads.size() == 2);
    CHECK(reads.count(u"Dr Rivera"_s) == 2);
    const std::set<QString> subjects{reads.begin()->second, std::next(reads.begin())->second};
    CHECK(subjects ==
          std::set<QString>{recordHex(first.id) + u":1"_s, recordHex(second.id) + u":1"_s});

    // A second pull reads nothing again (the cache holds it); an edit is read once more.
    CHECK(therapist->pullOk().fetched == 0);
    CHECK(readsInAccessLog(device).size() == 2);
    REQUIRE(device.records().update(first.id, checkInBody(8, u"edited"_s, now.addDays(-2))));
    device.syncOk();
    CHECK(therapist->pullOk().fetched == 1);
    reads = readsInAccessLog(device);
    CHECK(reads.size() == 3);
    bool editRead = false;
    for (const auto &[name, subject] : reads)
        editRead = editRead || subject == recordHex(first.id) + u":2"_s;
    CHECK(editRead);

    // Unread until the patient view was shown.
    auto patients = therapist->console->patients();
    REQUIRE(patients);
    REQUIRE(patients->size() == 1);
    CHECK(patients->front().unread == 2);
    CHECK(patients->front().has(careteam::PatientFlag::Unread));
    REQUIRE(therapist->console->markRead(enrolled.vaultId));
    patients = therapist->console->patients();
    REQUIRE(patients);
    CHECK(patients->front().unread == 0);
    CHECK_FALSE(patients->front().has(careteam::PatientFlag::Unread));

    // The patient stops sharing check-ins: the console drops the payloads and says so.
    REQUIRE(device.engine().setCategoryShared(sync::ShareCategory::CheckIns, false));
    device.syncOk();
    CHECK(therapist->pullOk().withdrawn == 2);
    const careteam::PatientTimeline after = therapist->timeline(enrolled.vaultId);
    CHECK(after.entries.empty());
    REQUIRE(after.notVisible.size() == 2);
    for (const careteam::NotVisible &item : after.notVisible) {
        CHECK(item.state == careteam::RecordState::Withdrawn);
        CHECK(item.kind == domain::kinds::diaryCheckIn);
        CHECK_FALSE(careteam::TimelineText::notVisible(item).isEmpty());
    }
    auto cached = therapist->profile->records(enrolled.vaultId);
    REQUIRE(cached);
    for (const careteam::CachedRecord &record : *cached)
        CHECK(record.body.isEmpty());
    patients = therapist->console->patients();
    REQUIRE(patients);
    CHECK_FALSE(patients->front().sharing);
}

TEST_CASE("A safety flag puts that patient at the top of the patients list", "[careteam][flags]")
{
    TestServer server(true); // the clinic receives "tell my clinic now" alerts
    server.start();
    auto therapist = enrolConsole(server, u"Dr Okafor"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    // Abel shares more (three unread check-ins): without a safety flag he would come first.
    PatientDevice abel;
    const sync::EnrolResult abelVault =
        abel.enrol(server, server.newEnrolmentCode(u"Abel"_s), {u"checkins"_s});
    for (int i = 0; i < 3; ++i)
        create(abel, domain::kinds::diaryCheckIn,
               checkInBody(5, QString(), now.addSecs(-3600 * (i + 1))),
               now.addSecs(-3600 * (i + 1)));
    abel.syncOk();

    PatientDevice zoe;
    const sync::EnrolResult zoeVault =
        zoe.enrol(server, server.newEnrolmentCode(u"Zoe"_s), {u"checkins"_s});
    domain::SafetyEvent event;
    event.occurredAt = now.addSecs(-600);
    event.trigger = domain::SafetyEvent::Trigger::Manual;
    event.toldClinic = true; // "Tell my clinic now": shared even without the safety category
    auto eventBody = domain::encodeBody(domain::DiaryBody{event});
    REQUIRE(eventBody);
    create(zoe, domain::kinds::safetyEvent, *eventBody, event.occurredAt);
    zoe.syncOk();

    const careteam::PullReport pulled = therapist->pullOk();
    CHECK(pulled.patients == 2);
    CHECK(pulled.alerts == 1);
    auto patients = therapist->console->patients();
    REQUIRE(patients);
    REQUIRE(patients->size() == 2);
    CHECK(patients->at(0).vaultId == zoeVault.vaultId);
    REQUIRE_FALSE(patients->at(0).flags.empty());
    CHECK(patients->at(0).flags.front().flag == careteam::PatientFlag::Safety);
    CHECK(patients->at(0).flags.front().detail == u"alert"_s);
    CHECK(patients->at(0).openAlerts == 1);
    CHECK(patients->at(1).vaultId == abelVault.vaultId);
    CHECK_FALSE(patients->at(1).has(careteam::PatientFlag::Safety));
    CHECK(patients->at(1).unread > patients->at(0).unread);

    // Acknowledged: the alert is gone, the recent safety event still flags the patient.
    auto alerts = therapist->profile->alerts();
    REQUIRE(alerts);
    REQUIRE(alerts->size() == 1);
    REQUIRE(therapist->console->acknowledgeAlert(alerts->front().alertId));
    CHECK(therapist->pullOk().alerts == 0);
    patients = therapist->console->patients();
    REQUIRE(patients);
    CHECK(patients->at(0).vaultId == zoeVault.vaultId);
    CHECK(patients->at(0).flags.front().detail == u"safety_event"_s);
}

TEST_CASE("A removed therapist's console cannot open entries written after the removal",
          "[careteam][revocation]")
{
    TestServer server;
    server.start();
    auto leaving = enrolConsole(server, u"Dr Leaving"_s);
    auto staying = enrolConsole(server, u"Dr Staying"_s);
    PatientDevice device;
    const sync::EnrolResult enrolled = device.enrol(server, {}, {u"checkins"_s});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const domain::Record before =
        create(device, domain::kinds::diaryCheckIn, checkInBody(5, u"before"_s, now.addDays(-1)),
               now.addDays(-1));
    device.syncOk();
    CHECK(leaving->pullOk().opened == 1);
    CHECK(staying->pullOk().opened == 1);

    const servertest::AdminResult removed =
        server.admin({u"remove-therapist"_s, u"--db"_s, server.dbUrl(), u"--keys-dir"_s,
                      server.keysDir(), u"--id"_s, leaving->therapistId});
    REQUIRE(removed.exitCode == 0);
    const domain::Record after =
        create(device, domain::kinds::diaryCheckIn, checkInBody(9, u"after"_s, now), now);
    device.syncOk(); // sees epoch 2: a new SCK generation, every share re-wrapped

    // The therapist who stays receives epoch 2 sealed to their own key and reads both.
    const careteam::PullReport stays = staying->pullOk();
    CHECK(stays.newKeys == 1);
    CHECK(stays.opened == 1);
    CHECK(staying->timeline(enrolled.vaultId).entries.size() == 2);
    // A reply now is sealed with the new generation, which the removed therapist cannot open;
    // the patient's device opens it.
    auto rotatedReply =
        staying->console->reply(enrolled.vaultId, recordHex(after.id), u"after the rotation"_s);
    INFO((rotatedReply ? QString() : rotatedReply.error().message).toStdString());
    REQUIRE(rotatedReply);
    CHECK(rotatedReply->generation == 2);
    CHECK(device.syncOk().messages == 1);

    // The removed therapist is turned away at login; the console says access ended and keeps
    // only what it had already read.
    auto refused = leaving->console->pull();
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Refused);
    auto account = leaving->console->account();
    REQUIRE(account);
    CHECK(account->accessEndedAt.has_value());
    auto lateReply = leaving->console->reply(enrolled.vaultId, recordHex(before.id), u"late"_s);
    REQUIRE_FALSE(lateReply);
    CHECK(lateReply.error().code == ErrorCode::Refused);
    careteam::PatientTimeline kept = leaving->timeline(enrolled.vaultId);
    REQUIRE(kept.entries.size() == 1);
    CHECK(kept.entries.front().recordId == recordHex(before.id));

    // Even a server that ignored the removal (here: the revocation undone in its database) hands
    // out nothing the removed console can open: the new entry is named as unreadable.
    serverSql(server, u"UPDATE principals SET revoked_at = NULL WHERE id = '%1'"_s.arg(
                          leaving->therapistId));
    const careteam::PullReport ignored = leaving->pullOk();
    CHECK(ignored.newKeys == 0);
    CHECK(ignored.fetched == 1);
    CHECK(ignored.opened == 0);
    CHECK(ignored.unreadable == 1);
    const careteam::PatientTimeline seen = leaving->timeline(enrolled.vaultId);
    REQUIRE(seen.entries.size() == 1);
    CHECK(seen.entries.front().recordId == recordHex(before.id));
    REQUIRE(seen.notVisible.size() == 1);
    CHECK(seen.notVisible.front().recordId == recordHex(after.id));
    CHECK(seen.notVisible.front().state == careteam::RecordState::Unreadable);
    CHECK(seen.notVisible.front().reason == careteam::Unreadable::NoCareTeamKey);
    CHECK(seen.notVisible.front().coarseKind == static_cast<int>(protocol::RecordKind::Diary));
    CHECK_FALSE(toJsonText(seen).contains(u"\"after\""_s));
    auto overview = leaving->console->patients();
    REQUIRE(overview);
    CHECK(overview->front().notVisible == 1);
}

TEST_CASE("Enrolment by code: wrong fingerprint, tampered roster, reused code and a bad answer",
          "[careteam][enrol]")
{
    TestServer server;
    server.start();
    const QString code = server.newTherapistCode(u"Dr Code"_s);
    testing::TempDir dir;
    const SecretBytes passphrase = SecretBytes::fromUtf8(kConsolePassphrase);
    const auto enrolInto = [&](const QString &folder, const QString &withCode,
                               const QString &fingerprint, careteam::TransportFactory transports) {
        return CareTeamConsole::enrol(
            folder, passphrase, {serverUrl(server), withCode, fingerprint}, SystemClock::instance(),
            std::move(transports), fastRetries());
    };

    // A weak passphrase and a malformed code are refused before anything is sent.
    int requests = 0;
    auto weak = CareTeamConsole::enrol(dir.file(u"weak"_s), SecretBytes::fromUtf8("password1"),
                                       {serverUrl(server), code, server.fingerprint()},
                                       SystemClock::instance(), tampering({}, &requests));
    REQUIRE_FALSE(weak);
    CHECK(weak.error().code == ErrorCode::WeakParameters);
    auto malformed = enrolInto(dir.file(u"malformed"_s), u"ABCD-1234"_s, server.fingerprint(),
                               tampering({}, &requests));
    REQUIRE_FALSE(malformed);
    CHECK(malformed.error().code == ErrorCode::InvalidInput);
    CHECK(requests == 0);

    // Another clinic's fingerprint: refused after reading /v1/clinic only.
    const QString otherFingerprint =
        protocol::keyFingerprint(protocol::generateSigningKeyPair().publicKey);
    auto wrongClinic =
        enrolInto(dir.file(u"wrong"_s), code, otherFingerprint, tampering({}, &requests));
    REQUIRE_FALSE(wrongClinic);
    CHECK(wrongClinic.error().code == ErrorCode::Refused);
    CHECK(requests == 1);
    CHECK_FALSE(careteam::TherapistProfile::exists(dir.file(u"wrong"_s)));

    // A care-team key statement whose signature was altered on the way: refused, code unspent.
    auto tamperedRoster =
        enrolInto(dir.file(u"tampered"_s), code, server.fingerprint(),
                  tampering([](const sync::HttpRequest &request, sync::HttpResponse &response) {
                      if (request.target == "/v1/clinic")
                          flipField(response, u"care_team_key_signature"_s);
                  }));
    REQUIRE_FALSE(tamperedRoster);
    CHECK(tamperedRoster.error().code == ErrorCode::Damaged);
    CHECK_FALSE(careteam::TherapistProfile::exists(dir.file(u"tampered"_s)));

    // The code was spent by neither: it enrols now.
    auto enrolled = enrolInto(dir.file(u"good"_s), code, server.fingerprint().toUpper(), {});
    INFO((enrolled ? QString() : enrolled.error().message).toStdString());
    REQUIRE(enrolled);
    CHECK(enrolled->careTeamEpoch == 1);
    auto account = enrolled->profile->account();
    REQUIRE(account);
    REQUIRE(account->has_value());
    CHECK((*account)->fingerprint == server.fingerprint());
    CHECK((*account)->clinicName == u"Lakeside Clinic"_s);
    auto ring = enrolled->profile->keyRing();
    REQUIRE(ring);
    CHECK(ring->holds(1));
    enrolled->profile.reset();
    // The profile unlocks with its passphrase only.
    CHECK(careteam::TherapistProfile::unlock(dir.file(u"good"_s), passphrase));
    auto wrong = careteam::TherapistProfile::unlock(dir.file(u"good"_s),
                                                    SecretBytes::fromUtf8("quarry lantern meadow"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::WrongPassphrase);

    // Used once: a second enrolment with it is refused and leaves no profile behind.
    auto reused = enrolInto(dir.file(u"again"_s), code, server.fingerprint(), {});
    REQUIRE_FALSE(reused);
    CHECK(reused.error().code == ErrorCode::Refused);
    CHECK_FALSE(careteam::TherapistProfile::exists(dir.file(u"again"_s)));

    // An enrolment answer whose sealed care-team key was altered does not open with the code:
    // nothing is stored (the code is spent, and the console says so).
    auto badAnswer = enrolInto(
        dir.file(u"bad-answer"_s), server.newTherapistCode(u"Dr Bad"_s), server.fingerprint(),
        tampering([](const sync::HttpRequest &request, sync::HttpResponse &response) {
            if (request.target == "/v1/careteam/enrol")
                flipField(response, u"ctk_sealed_by_code"_s);
        }));
    REQUIRE_FALSE(badAnswer);
    CHECK(badAnswer.error().code == ErrorCode::Damaged);
    CHECK_FALSE(careteam::TherapistProfile::exists(dir.file(u"bad-answer"_s)));
}

TEST_CASE("A server cannot slip a care-team key of its own into a console", "[careteam][keys]")
{
    TestServer server;
    server.start();
    auto therapist = enrolConsole(server, u"Dr Keys"_s);
    auto signing = therapist->profile->signingKey();
    REQUIRE(signing);
    auto box = protocol::boxPublicKeyFromSigningKey(signing->publicKey);
    REQUIRE(box);
    // A key the clinic never signed, sealed to this therapist, listed as the current epoch and
    // as a later one: a server holding its secret could feed the console records of its own.
    const protocol::BoxKeyPair forged = protocol::generateBoxKeyPair();
    const QByteArray sealed = *protocol::sealToPublicKey(*box, forged.secretKey);
    const auto inject = [&](const sync::HttpRequest &request, sync::HttpResponse &response) {
        if (request.target != "/v1/careteam/keys")
            return;
        QJsonObject body = QJsonDocument::fromJson(response.body).object();
        QJsonArray keys = body.value(u"keys"_s).toArray();
        for (qint64 epoch : {1, 2})
            keys.append(QJsonObject{{u"epoch"_s, epoch},
                                    {u"public_key"_s, protocol::encodeBase64(forged.publicKey)},
                                    {u"sealed_secret"_s, protocol::encodeBase64(sealed)}});
        body.insert(u"keys"_s, keys);
        response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    };
    CareTeamConsole console(*therapist->profile, SystemClock::instance(), tampering(inject),
                            fastRetries());
    auto pulled = console.pull();
    REQUIRE(pulled);
    CHECK(pulled->newKeys == 0);
    auto ring = therapist->profile->keyRing();
    REQUIRE(ring);
    CHECK(ring->size() == 1);
    CHECK_FALSE(ring->holds(2));
}

TEST_CASE("The report is one page with the patient's scores; the FHIR export uses the domain "
          "mapping",
          "[careteam][report]")
{
    TestServer server;
    server.start();
    auto therapist = enrolConsole(server, u"Dr Report"_s);
    PatientDevice device;
    const sync::EnrolResult enrolled =
        device.enrol(server, server.newEnrolmentCode(u"Rosa"_s),
                     {u"checkins"_s, u"instruments"_s, u"preparation"_s, u"journal"_s});
    const QDateTime start(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    // Ninety days: a PHQ-9 every other day falling from 21 to 4, infusions weekly, a check-in
    // with a long note every day, a journal entry every third day. Far more than one page holds.
    int phq9 = 0;
    for (int day = 0; day < 90; ++day) {
        const QDateTime at = start.addDays(day);
        if (day % 2 == 0) {
            const int total = std::max(4, 21 - day / 5);
            std::vector<int> answers(9, 0);
            for (int i = 0; i < total; ++i)
                answers[static_cast<std::size_t>(i % 8)] += 1;
            create(device, domain::kinds::instrumentResult, phq9Body(answers, at), at);
            ++phq9;
        }
        create(device, domain::kinds::diaryCheckIn,
               checkInBody(5 + day % 5,
                           u"Day %1. "_s.arg(day) +
                               QString(u"A long note about the day. "_s).repeated(12),
                           at.addSecs(3600)),
               at.addSecs(3600));
        if (day % 3 == 0)
            create(device, domain::kinds::journalEntry,
                   journalBody(u"Journal %1: "_s.arg(day) + QString(u"thoughts "_s).repeated(40),
                               true),
                   at.addSecs(7200));
        if (day % 7 == 0) {
            domain::AppointmentBody appointment;
            appointment.startsAt = at.addSecs(4 * 3600);
            auto body = domain::encodeAppointment(appointment);
            REQUIRE(body);
            create(device, domain::kinds::appointment, *body);
        }
    }
    device.syncOk();
    const careteam::PullReport pulled = therapist->pullOk();
    CHECK(pulled.unreadable == 0);

    careteam::ReportRange range;
    range.from = QDate(2026, 3, 1);
    range.to = QDate(2026, 5, 29);
    auto timeline =
        therapist->console->timeline(enrolled.vaultId, range.fromTime(), range.toTime());
    REQUIRE(timeline);
    REQUIRE(timeline->series.size() == 1);
    CHECK(static_cast<int>(timeline->series.front().points.size()) == phq9);
    CHECK(timeline->infusions.size() == 13);
    CHECK(timeline->series.front().status == u"remission"_s); // 4 < 5 at the end
    auto overview = therapist->console->patients();
    REQUIRE(overview);

    testing::TempDir out;
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        REQUIRE(buffer.open(QIODevice::WriteOnly));
        REQUIRE(careteam::writePdfReport(
            buffer, *timeline, overview->front(), range,
            {u"Lakeside Clinic"_s, u"Dr Report"_s, QDateTime::currentDateTimeUtc()}));
    }
    QFile file(out.file(u"report.pdf"_s));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(pdf);
    file.close();
    QProcess info;
    info.start(u"pdfinfo"_s, {file.fileName()});
    REQUIRE(info.waitForFinished(30000));
    const QString infoText = QString::fromUtf8(info.readAllStandardOutput());
    INFO(infoText.toStdString());
    CHECK(infoText.contains(QRegularExpression(u"Pages:\\s+1\\n"_s)));
    CHECK(infoText.contains(u"A4"_s));
    QProcess text;
    text.start(u"pdftotext"_s, {u"-layout"_s, file.fileName(), u"-"_s});
    REQUIRE(text.waitForFinished(30000));
    const QString extracted = QString::fromUtf8(text.readAllStandardOutput());
    INFO(extracted.toStdString());
    CHECK(extracted.contains(u"Rosa"_s));
    CHECK(extracted.contains(u"PHQ-9"_s));
    // The newest scores are in the table: the last result (day 88, total 4, "Minimal" or the
    // band the instrument gives) and the one before.
    const careteam::SeriesPoint &last = timeline->series.front().points.back();
    CHECK(extracted.contains(QRegularExpression(u"PHQ-9\\s+%1\\s+%2"_s.arg(
        QString::number(last.score), QRegularExpression::escape(last.severityLabel)))));
    CHECK(extracted.contains(u"not shown"_s)); // the cut is said, not hidden

    // FHIR: one Observation and one QuestionnaireResponse per shared result in the range.
    auto cached = therapist->profile->records(enrolled.vaultId);
    REQUIRE(cached);
    careteam::ReportRange march;
    march.from = QDate(2026, 3, 1);
    march.to = QDate(2026, 3, 31);
    const QJsonObject bundle =
        careteam::fhirReport(careteam::decodePatientRecords(*cached), therapist->console->catalog(),
                             march, QDateTime::currentDateTimeUtc());
    int observations = 0;
    for (const QJsonValue &entry : bundle.value(u"entry"_s).toArray())
        observations +=
            entry[u"resource"_s][u"resourceType"_s].toString() == u"Observation"_s ? 1 : 0;
    CHECK(observations == 16); // days 0, 2, …, 30
    CHECK(bundle.value(u"resourceType"_s).toString() == u"Bundle"_s);
}

TEST_CASE("A reply from the console reaches the patient under the entry it answers, once",
          "[careteam][reply]")
{
    TestServer server;
    server.start();
    auto therapist = enrolConsole(server, u"Dr Rivera"_s);
    PatientDevice device;
    const sync::EnrolResult enrolled =
        device.enrol(server, server.newEnrolmentCode(u"Ana"_s), {u"checkins"_s});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const domain::Record checkIn =
        create(device, domain::kinds::diaryCheckIn,
               checkInBody(4, u"hard morning"_s, now.addDays(-1)), now.addDays(-1));
    const domain::Record privateJournal =
        create(device, domain::kinds::journalEntry, journalBody(u"not for the clinic"_s, false));
    device.syncOk();
    REQUIRE(therapist->pullOk().opened == 1);
    CareTeamConsole &console = *therapist->console;
    const QString entry = recordHex(checkIn.id);

    // Checked before anything is sealed or sent: the text, and that the entry is one this
    // console can see.
    for (const QString &bad : {QString(), u"   "_s, QString(2001, u'x'), u"bell\a"_s}) {
        auto refused = console.reply(enrolled.vaultId, entry, bad);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::InvalidInput);
    }
    auto notShared = console.reply(enrolled.vaultId, recordHex(privateJournal.id), u"hello"_s);
    REQUIRE_FALSE(notShared);
    CHECK(notShared.error().code == ErrorCode::NotFound);
    CHECK(notShared.error().message.contains(u"not shared"_s));
    auto unknownPatient = console.reply(protocol::newMessageId(), entry, u"hello"_s);
    REQUIRE_FALSE(unknownPatient);
    CHECK(unknownPatient.error().code == ErrorCode::NotFound);
    auto none = therapist->profile->replies();
    REQUIRE(none);
    CHECK(none->empty());

    // The reply: sealed, signed, sent, and shown under the entry in the console's timeline.
    const QString canary = u"CANARY-console-reply-7d2e\nSee you on Tuesday — ¿qué tal?"_s;
    auto sent = console.reply(enrolled.vaultId, entry, canary);
    INFO((sent ? QString() : sent.error().message).toStdString());
    REQUIRE(sent);
    CHECK(sent->state == careteam::ReplyState::Sent);
    REQUIRE(sent->seq.has_value());
    CHECK(*sent->seq > 0);
    CHECK(sent->authorName == u"Dr Rivera"_s);
    CHECK(sent->generation == 1);
    careteam::PatientTimeline timeline = therapist->timeline(enrolled.vaultId);
    REQUIRE(timeline.entries.size() == 1);
    REQUIRE(timeline.entries.front().replies.size() == 1);
    CHECK(timeline.entries.front().replies.front().text == canary);
    CHECK(timeline.entries.front().replies.front().state == u"sent"_s);
    CHECK(timeline.entries.front().replies.front().sentAt.has_value());
    const QJsonObject json = careteam::timelineToJson(timeline);
    const QJsonArray jsonReplies =
        json[u"entries"_s].toArray().at(0).toObject()[u"replies"_s].toArray();
    REQUIRE(jsonReplies.size() == 1);
    CHECK(jsonReplies.at(0)[u"text"_s].toString() == canary);
    CHECK(jsonReplies.at(0)[u"state"_s].toString() == u"sent"_s);

    // The patient's device: under the check-in, from this therapist, word for word.
    CHECK(device.syncOk().messages == 1);
    auto messages = device.engine().messages();
    REQUIRE(messages);
    REQUIRE(messages->size() == 1);
    CHECK(messages->front().type == u"reply"_s);
    CHECK(messages->front().authorType == u"therapist"_s);
    CHECK(messages->front().authorId == therapist->therapistId);
    CHECK(messages->front().subjectId == checkIn.id.toString());
    auto content = sync::messageContent(messages->front());
    REQUIRE(content);
    CHECK(std::get<protocol::ReplyMessage>(content->body).text == canary);
    CHECK(std::get<protocol::ReplyMessage>(content->body).inReplyTo == entry);

    // Every answer to the POST is lost (the server stored the reply each time): the console
    // keeps it pending; replying again with the same text re-sends the same bytes, and the
    // patient gets it once.
    int lost = 0;
    CareTeamConsole losing(
        *therapist->profile, SystemClock::instance(),
        [&lost](const QUrl &url) -> std::unique_ptr<sync::HttpTransport> {
            return std::make_unique<LosingTransport>(url, "/messages", &lost);
        },
        fastRetries());
    const QString second = u"Second reply: the dose stays the same."_s;
    auto unanswered = losing.reply(enrolled.vaultId, entry, second);
    REQUIRE_FALSE(unanswered);
    CHECK(unanswered.error().code == ErrorCode::Network);
    CHECK(lost == fastRetries().maxAttempts); // the transport retried; the server kept one
    auto stored = therapist->profile->replies(enrolled.vaultId);
    REQUIRE(stored);
    REQUIRE(stored->size() == 2);
    CHECK(stored->back().state == careteam::ReplyState::Pending);
    CHECK(therapist->timeline(enrolled.vaultId).entries.front().replies.back().state ==
          u"pending"_s);
    auto retried = console.reply(enrolled.vaultId, entry, second);
    INFO((retried ? QString() : retried.error().message).toStdString());
    REQUIRE(retried);
    CHECK(retried->messageId == stored->back().messageId);
    CHECK(retried->state == careteam::ReplyState::Sent);
    stored = therapist->profile->replies(enrolled.vaultId);
    REQUIRE(stored);
    CHECK(stored->size() == 2);

    // A third, lost too, goes out with the next pull (again the same bytes).
    const QString third = u"Third: see the nurse before the infusion."_s;
    REQUIRE_FALSE(losing.reply(enrolled.vaultId, entry, third));
    CHECK(therapist->pullOk().repliesSent == 1);
    CHECK(therapist->pullOk().repliesSent == 0);

    CHECK(device.syncOk().messages == 2);
    messages = device.engine().messages();
    REQUIRE(messages);
    REQUIRE(messages->size() == 3);
    QStringList texts;
    for (const sync::ReceivedMessage &message : *messages) {
        CHECK(message.subjectId == checkIn.id.toString());
        auto opened = sync::messageContent(message);
        REQUIRE(opened);
        texts << std::get<protocol::ReplyMessage>(opened->body).text;
    }
    CHECK(texts.count(second) == 1);
    CHECK(texts.count(third) == 1);

    // A forged request for a vault that shares nothing (here, a real patient who shares
    // nothing) gets the same 404 as a vault that does not exist.
    PatientDevice other;
    const sync::EnrolResult otherVault = other.enrol(server);
    auto signing = therapist->profile->signingKey();
    REQUIRE(signing);
    sync::QtHttpTransport transport(QUrl(serverUrl(server)), 30000);
    careteam::CareTeamClient client(transport, fastRetries());
    client.setTherapist(therapist->therapistId, &*signing);
    const protocol::PostMessageRequest forged{protocol::newMessageId(), QByteArray(304, 'm')};
    auto toOther = client.postMessage(otherVault.vaultId, forged);
    REQUIRE_FALSE(toOther);
    CHECK(toOther.error().code == ErrorCode::NotFound);
    auto toNowhere = client.postMessage(protocol::newMessageId(), forged);
    REQUIRE_FALSE(toNowhere);
    CHECK(toNowhere.error().code == ErrorCode::NotFound);
    CHECK(other.syncOk().messages == 0);

    // The patient stops sharing check-ins. Before the console pulls, the server's list refuses
    // the reply; after it, the console's own copy does.
    REQUIRE(device.engine().setCategoryShared(sync::ShareCategory::CheckIns, false));
    device.syncOk();
    auto stale = console.reply(enrolled.vaultId, entry, u"too late"_s);
    REQUIRE_FALSE(stale);
    CHECK(stale.error().code == ErrorCode::NotFound);
    CHECK(stale.error().message.contains(u"no longer shares"_s));
    therapist->pullOk();
    auto withdrawn = console.reply(enrolled.vaultId, entry, u"too late"_s);
    REQUIRE_FALSE(withdrawn);
    CHECK(withdrawn.error().code == ErrorCode::NotFound);
    CHECK(withdrawn.error().message.contains(u"no longer shares"_s));
    CHECK(device.syncOk().messages == 0);

    // The reply's words are on no server file, and not in the console's folder in the clear.
    server.stop();
    const QString canaryWord = u"CANARY-console-reply-7d2e"_s;
    CHECK(testing::filesContaining(server.storageDir(), canaryWord).isEmpty());
    CHECK(testing::filesContaining(server.tempDir(), canaryWord).isEmpty());
    CHECK(testing::filesContaining(therapist->dir.path(), canaryWord).isEmpty());
}

int main(int argc, char *argv[])
{
    // Reports draw text: fonts need a QGuiApplication, which needs no display offscreen.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"CompanionTests"_s);
    QLocale::setDefault(QLocale::c());
    return Catch::Session().run(argc, argv);
}
