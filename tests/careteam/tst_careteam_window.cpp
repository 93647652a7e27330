// The care-team window's controllers (src/careteampresentation): the session (enrol, unlock,
// lock, pull on a worker), the patients and timeline models, the patient view's reports and the
// auto-lock. "[seeded]" cases use a therapist profile filled without a server (the self-test's
// seedSelfTestProfile); "[server]" cases run against the real companion-server with a real
// patient device (tests/sync/syncfixture.h), nothing mocked.
#define CATCH_CONFIG_RUNNER
#include "syncfixture.h"

#include "careteam/console.h"
#include "careteam/therapistprofile.h"
#include "careteampresentation/careteamautolock.h"
#include "careteampresentation/careteamselftest.h"
#include "careteampresentation/careteamsession.h"
#include "domain/diaryentry.h"
#include "domain/instrumentcatalog.h"
#include "domain/instrumentscoring.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QThreadPool>

using namespace companion;
using namespace companion::careteampresentation;
using namespace Qt::StringLiterals;

namespace {

const QString kPassphrase = u"quarry lantern meadow oboe"_s;

QStringList flagIds(const PatientListModel &model, int row)
{
    QStringList ids;
    const QVariantList flags = model.data(model.index(row), PatientListModel::FlagsRole).toList();
    for (const QVariant &flag : flags)
        ids << flag.toMap().value(u"id"_s).toString();
    return ids;
}

QString labelAt(const PatientListModel &model, int row)
{
    return model.data(model.index(row), PatientListModel::LabelRole).toString();
}

void unlockOk(CareTeamSession &session, const QString &passphrase)
{
    session.unlock(passphrase);
    REQUIRE(testing::waitUntil([&] { return !session.busy(); }, 60000));
    INFO(session.errorMessage().toStdString());
    REQUIRE(session.state() == CareTeamSession::Unlocked);
}

struct Seeded
{
    testing::TempDir dir;
    QString folder = dir.file(u"console"_s);
    Seeded() { REQUIRE(seedSelfTestProfile(folder)); }
};

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

} // namespace

TEST_CASE("The session refuses a wrong passphrase, unlocks, and lists the safety flag first",
          "[window][seeded]")
{
    Seeded seeded;
    CareTeamSession session({.profileDirectory = seeded.folder});
    CHECK(session.state() == CareTeamSession::Locked);

    session.unlock(u"not the passphrase at all"_s);
    REQUIRE(testing::waitUntil([&] { return !session.busy(); }, 60000));
    CHECK(session.state() == CareTeamSession::Locked);
    CHECK(session.errorMessage() == u"That passphrase is not right."_s);
    CHECK(session.patients()->rowCount() == 0);

    unlockOk(session, kSelfTestPassphrase);
    CHECK(session.errorMessage().isEmpty());
    CHECK(session.therapistName() == u"Dr Self Test"_s);
    CHECK(session.lastPulledText().startsWith(u"Last pulled"_s));

    PatientListModel &patients = *session.patients();
    REQUIRE(patients.rowCount() == 2);
    CHECK(labelAt(patients, 0) == u"Ben"_s); // the open safety alert outranks Ana's unread entries
    CHECK(flagIds(patients, 0).front() == u"safety"_s);
    CHECK(patients.data(patients.index(0), PatientListModel::SafetyRole).toBool());
    CHECK(labelAt(patients, 1) == u"Ana"_s);
    CHECK(flagIds(patients, 1).contains(u"unread"_s));
    CHECK(flagIds(patients, 1).contains(u"ride_not_confirmed"_s)); // the infusion tomorrow
    CHECK(patients.data(patients.index(1), PatientListModel::UnreadRole).toInt() == 2);
    CHECK(patients.data(patients.index(1), PatientListModel::NotVisibleRole).toInt() == 2);
    const QVariantList chips =
        patients.data(patients.index(1), PatientListModel::FlagsRole).toList();
    bool unreadChip = false;
    for (const QVariant &chip : chips)
        unreadChip = unreadChip || chip.toMap().value(u"label"_s).toString() == u"2 unread"_s;
    CHECK(unreadChip);
}

TEST_CASE("Opening a patient fills the timeline, the charts and what is not visible; it marks "
          "the entries read",
          "[window][seeded]")
{
    Seeded seeded;
    CareTeamSession session({.profileDirectory = seeded.folder});
    unlockOk(session, kSelfTestPassphrase);
    const QString anaId = session.patients()
                              ->data(session.patients()->index(1), PatientListModel::VaultIdRole)
                              .toString();
    session.openPatient(anaId);
    PatientView &view = *session.patient();
    REQUIRE(view.isOpen());
    CHECK(view.label() == u"Ana"_s);

    TimelineModel &timeline = *view.timeline();
    // Three PHQ-9, two check-ins, one journal entry, two infusion appointments.
    REQUIRE(timeline.rowCount() == 8);
    // Newest first (tomorrow's infusion on top); the newest check-in is unread and its
    // text comes through unchanged (QML shows it as plain text).
    CHECK(timeline.data(timeline.index(0), TimelineModel::KindRole).toString() == u"appointment"_s);
    int checkIn = -1;
    for (int row = timeline.rowCount() - 1; row >= 0; --row) {
        if (timeline.data(timeline.index(row), TimelineModel::KindRole).toString() ==
            u"diary.checkin")
            checkIn = row; // ends at the newest
    }
    REQUIRE(checkIn >= 0);
    CHECK(timeline.data(timeline.index(checkIn), TimelineModel::TextRole).toString() ==
          u"Slept badly, <b>better</b> by noon."_s);
    CHECK(timeline.data(timeline.index(checkIn), TimelineModel::UnreadRole).toBool());
    int instruments = 0;
    for (int row = 0; row < timeline.rowCount(); ++row) {
        if (timeline.data(timeline.index(row), TimelineModel::KindRole).toString() !=
            u"instrument.result")
            continue;
        ++instruments;
        CHECK(timeline.data(timeline.index(row), TimelineModel::TitleRole)
                  .toString()
                  .startsWith(u"PHQ-9: "_s));
        CHECK_FALSE(
            timeline.data(timeline.index(row), TimelineModel::SeverityRole).toString().isEmpty());
    }
    CHECK(instruments == 3);

    REQUIRE(view.series().size() == 1);
    const QVariantMap phq9 = view.series().front().toMap();
    CHECK(phq9.value(u"name"_s).toString() == u"PHQ-9"_s);
    CHECK(phq9.value(u"points"_s).toList().size() == 3);
    CHECK(phq9.value(u"infusions"_s).toList().size() == 2);
    CHECK(phq9.value(u"baselineValue"_s).toDouble() >
          phq9.value(u"points"_s).toList().back().toMap().value(u"v"_s).toDouble());
    CHECK_FALSE(phq9.value(u"status"_s).toString().isEmpty());
    REQUIRE(view.notVisible().size() == 2);
    for (const QVariant &item : view.notVisible())
        CHECK_FALSE(item.toMap().value(u"reason"_s).toString().isEmpty());

    // Shown is read: Ana's unread flag is gone from the list.
    for (int row = 0; row < session.patients()->rowCount(); ++row) {
        if (labelAt(*session.patients(), row) == u"Ana")
            CHECK_FALSE(flagIds(*session.patients(), row).contains(u"unread"_s));
    }

    session.closePatient();
    CHECK_FALSE(view.isOpen());
    CHECK(timeline.rowCount() == 0);
}

TEST_CASE("The patient view saves a one-page PDF and a FHIR bundle, never over an existing file",
          "[window][seeded]")
{
    Seeded seeded;
    CareTeamSession session({.profileDirectory = seeded.folder});
    unlockOk(session, kSelfTestPassphrase);
    session.openPatient(session.patients()
                            ->data(session.patients()->index(1), PatientListModel::VaultIdRole)
                            .toString());
    PatientView &view = *session.patient();
    CHECK(view.suggestedPath(u"pdf"_s).endsWith(u".pdf"_s));
    CHECK(view.suggestedPath(u"fhir"_s).contains(u"Ana-"_s));

    const QString pdf = seeded.dir.file(u"ana.pdf"_s);
    REQUIRE(view.savePdfReport(pdf));
    CHECK(view.errorMessage().isEmpty());
    CHECK(view.reportMessage().contains(pdf));
    QFile pdfFile(pdf);
    REQUIRE(pdfFile.open(QIODevice::ReadOnly));
    CHECK(pdfFile.read(5) == QByteArray("%PDF-"));
    CHECK(pdfFile.permissions() ==
          (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    pdfFile.close();
    const qint64 size = QFileInfo(pdf).size();

    // A second save to the same name is refused and leaves the first file alone.
    CHECK_FALSE(view.savePdfReport(QUrl::fromLocalFile(pdf).toString()));
    CHECK(view.errorMessage().contains(u"already exists"_s));
    CHECK(QFileInfo(pdf).size() == size);

    const QString fhir = seeded.dir.file(u"ana.json"_s);
    REQUIRE(view.exportFhir(fhir));
    QFile fhirFile(fhir);
    REQUIRE(fhirFile.open(QIODevice::ReadOnly));
    const QJsonObject bundle = QJsonDocument::fromJson(fhirFile.readAll()).object();
    CHECK(bundle.value(u"resourceType"_s).toString() == u"Bundle"_s);
    CHECK(QJsonDocument(bundle).toJson().contains("QuestionnaireResponse"));
}

TEST_CASE("Locking, by hand or after five idle minutes, empties every model", "[window][seeded]")
{
    Seeded seeded;
    testing::FakeClock clock(QDateTime::currentDateTimeUtc());
    CareTeamSession session({.profileDirectory = seeded.folder});
    CareTeamAutoLock autoLock(session, clock);
    unlockOk(session, kSelfTestPassphrase);
    session.openPatient(session.patients()
                            ->data(session.patients()->index(0), PatientListModel::VaultIdRole)
                            .toString());
    REQUIRE(session.patient()->timeline()->rowCount() > 0);

    clock.advanceSeconds(4 * 60);
    autoLock.activity(); // a key press: the five minutes start again
    clock.advanceSeconds(4 * 60);
    autoLock.evaluate();
    CHECK(session.state() == CareTeamSession::Unlocked);
    CHECK(autoLock.secondsUntilLock() == 60);
    clock.advanceSeconds(61);
    autoLock.evaluate();
    CHECK(session.state() == CareTeamSession::Locked);
    CHECK(session.patients()->rowCount() == 0);
    CHECK(session.patient()->timeline()->rowCount() == 0);
    CHECK_FALSE(session.patient()->isOpen());
    CHECK(session.patient()->series().isEmpty());
    CHECK(session.therapistName().isEmpty());

    // Unlocked again, the list comes back from the profile (no network needed).
    unlockOk(session, kSelfTestPassphrase);
    CHECK(session.patients()->rowCount() == 2);
    session.lock();
    CHECK(session.patients()->rowCount() == 0);
}

TEST_CASE("Enrolment checks the passphrase before anything leaves the computer", "[window][seeded]")
{
    testing::TempDir dir;
    CareTeamSession session({.profileDirectory = dir.file(u"console"_s)});
    CHECK(session.state() == CareTeamSession::NeedsEnrolment);
    session.enrol(u"http://127.0.0.1:9"_s, u"code"_s, u"ab12"_s, kPassphrase, kPassphrase + u'x');
    CHECK(session.errorMessage() == u"The two passphrases do not match."_s);
    CHECK_FALSE(session.busy());
    session.enrol(u"http://127.0.0.1:9"_s, u"code"_s, u"ab12"_s, u"password"_s, u"password"_s);
    CHECK(session.errorMessage().contains(u"too easy to guess"_s));
    CHECK_FALSE(session.busy());
    CHECK(session.assessPassphrase(kPassphrase).value(u"acceptable"_s).toBool());
    CHECK_FALSE(session.assessPassphrase(u"password"_s).value(u"acceptable"_s).toBool());
}

TEST_CASE("The window enrols against the real server, pulls a real patient's entries on a worker "
          "and shows them with their flags",
          "[window][server]")
{
    servertest::TestServer server;
    server.start();
    synctest::PatientDevice device;
    const sync::EnrolResult enrolled =
        device.enrol(server, server.newEnrolmentCode(u"Ana"_s), {u"checkins"_s, u"instruments"_s});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // The last check-in five days ago: missed check-ins (more than three days).
    REQUIRE(device.records().create(domain::kinds::diaryCheckIn,
                                    checkInBody(6, u"window-note <i>x</i>"_s, now.addDays(-6)),
                                    now.addDays(-6)));
    REQUIRE(device.records().create(domain::kinds::diaryCheckIn,
                                    checkInBody(5, QString(), now.addDays(-5)), now.addDays(-5)));
    REQUIRE(device.records().create(domain::kinds::instrumentResult,
                                    phq9Body({1, 1, 1, 1, 1, 1, 1, 1, 0}, now.addDays(-5)),
                                    now.addDays(-5)));
    device.syncOk();

    testing::TempDir dir;
    CareTeamSessionOptions options{.profileDirectory = dir.file(u"console"_s)};
    options.retryPolicy = synctest::fastRetries();
    CareTeamSession session(options);
    REQUIRE(session.state() == CareTeamSession::NeedsEnrolment);

    // A wrong fingerprint: refused plainly, nothing saved, the code not spent.
    const QString code = server.newTherapistCode(u"Dr Rivera"_s);
    const QString url = u"http://127.0.0.1:%1"_s.arg(server.port());
    session.enrol(url, code, u"0000-0000-0000-0000-0000-0000-0000-0000"_s, kPassphrase,
                  kPassphrase);
    REQUIRE(testing::waitUntil([&] { return !session.busy(); }, 120000));
    CHECK(session.state() == CareTeamSession::NeedsEnrolment);
    CHECK(session.errorMessage().contains(u"fingerprint does not match"_s));

    session.enrol(url, code, server.fingerprint(), kPassphrase, kPassphrase);
    REQUIRE(testing::waitUntil([&] { return !session.busy(); }, 120000));
    INFO(session.errorMessage().toStdString());
    REQUIRE(session.state() == CareTeamSession::Unlocked);
    CHECK(session.therapistName() == u"Dr Rivera"_s);
    CHECK(session.recoveryKeyText().size() > 20);
    session.acknowledgeRecoveryKey();
    CHECK(session.recoveryKeyText().isEmpty());
    CHECK(session.patients()->rowCount() == 0);
    CHECK(session.lastPulledText() == u"Not pulled yet."_s);

    // The pull runs on a worker: the call returns at once, the list fills when it is done.
    session.pullNow();
    CHECK(session.pulling());
    REQUIRE(testing::waitUntil([&] { return !session.pulling(); }, 120000));
    INFO(session.pullError().toStdString());
    CHECK(session.pullError().isEmpty());
    CHECK(session.lastPulledText().startsWith(u"Last pulled"_s));
    PatientListModel &patients = *session.patients();
    REQUIRE(patients.rowCount() == 1);
    CHECK(labelAt(patients, 0) == u"Ana"_s);
    const QStringList flags = flagIds(patients, 0);
    CHECK(flags.contains(u"missed_checkins"_s));
    CHECK(flags.contains(u"unread"_s));
    CHECK_FALSE(flags.contains(u"safety"_s));
    CHECK(patients.data(patients.index(0), PatientListModel::UnreadRole).toInt() == 3);

    session.openPatient(enrolled.vaultId);
    TimelineModel &timeline = *session.patient()->timeline();
    REQUIRE(timeline.rowCount() == 3);
    bool noteSeen = false;
    for (int row = 0; row < timeline.rowCount(); ++row)
        noteSeen = noteSeen || timeline.data(timeline.index(row), TimelineModel::TextRole) ==
                                   u"window-note <i>x</i>"_s;
    CHECK(noteSeen);
    CHECK(session.patient()->series().size() == 1);
    CHECK_FALSE(flagIds(patients, 0).contains(u"unread"_s));

    // A second pull while the patient is open refreshes it (nothing new, nothing lost).
    session.pullNow();
    REQUIRE(testing::waitUntil([&] { return !session.pulling(); }, 120000));
    CHECK(session.patient()->isOpen());
    CHECK(timeline.rowCount() == 3);

    session.lock();
    CHECK(session.state() == CareTeamSession::Locked);
    CHECK(patients.rowCount() == 0);
    CHECK(timeline.rowCount() == 0);
    CHECK_FALSE(session.patient()->isOpen());

    // Unlock with the passphrase chosen at enrolment.
    unlockOk(session, kPassphrase);
    CHECK(patients.rowCount() == 1);

    // A reply written while the window is locked (as `--headless reply` does) shows under its
    // entry, as typed.
    session.lock();
    QString answered;
    {
        auto profile = careteam::TherapistProfile::unlock(
            dir.file(u"console"_s), SecretBytes::fromUtf8("quarry lantern meadow oboe"));
        REQUIRE(profile);
        careteam::CareTeamConsole console(**profile, SystemClock::instance(), {},
                                          synctest::fastRetries());
        auto shown = console.timeline(enrolled.vaultId);
        REQUIRE(shown);
        REQUIRE_FALSE(shown->entries.empty());
        answered = shown->entries.front().recordId;
        auto sent = console.reply(enrolled.vaultId, answered, u"See you <b>Thursday</b>"_s);
        INFO((sent ? QString() : sent.error().message).toStdString());
        REQUIRE(sent);
    }
    unlockOk(session, kPassphrase);
    session.openPatient(enrolled.vaultId);
    bool replyShown = false;
    for (int row = 0; row < timeline.rowCount(); ++row) {
        if (timeline.data(timeline.index(row), TimelineModel::RecordIdRole) != answered)
            continue;
        const QVariantList replies =
            timeline.data(timeline.index(row), TimelineModel::RepliesRole).toList();
        REQUIRE(replies.size() == 1);
        CHECK(replies.front().toMap().value(u"text"_s).toString() == u"See you <b>Thursday</b>"_s);
        CHECK(replies.front()
                  .toMap()
                  .value(u"status"_s)
                  .toString()
                  .startsWith(u"Your reply, sent"_s));
        replyShown = true;
    }
    CHECK(replyShown);

    // A reply from the window's own box: on a worker, then shown under its entry, and the
    // patient's device receives it. Text a reply cannot be is refused before anything is sent.
    QString second;
    for (int row = 0; row < timeline.rowCount() && second.isEmpty(); ++row) {
        const QString id =
            timeline.data(timeline.index(row), TimelineModel::RecordIdRole).toString();
        if (id != answered)
            second = id;
    }
    REQUIRE_FALSE(second.isEmpty());
    session.reply(second, QString(2001, u'x'));
    REQUIRE(testing::waitUntil([&] { return !session.replying(); }, 120000));
    CHECK(session.replyMessage() == u"A reply is plain text of 1 to 2,000 characters."_s);
    QStringList sent;
    QObject::connect(&session, &CareTeamSession::replySent,
                     [&sent](const QString &recordId) { sent << recordId; });
    session.reply(second, u"Thank you for sharing this."_s);
    CHECK(session.replying()); // the call returns at once
    REQUIRE(testing::waitUntil([&] { return !session.replying(); }, 120000));
    INFO(session.replyMessage().toStdString());
    CHECK(session.replyMessage() == u"Reply sent."_s);
    CHECK(sent == QStringList{second});
    bool secondShown = false;
    for (int row = 0; row < timeline.rowCount(); ++row) {
        if (timeline.data(timeline.index(row), TimelineModel::RecordIdRole) != second)
            continue;
        const QVariantList replies =
            timeline.data(timeline.index(row), TimelineModel::RepliesRole).toList();
        REQUIRE(replies.size() == 1);
        CHECK(replies.front().toMap().value(u"text"_s).toString() ==
              u"Thank you for sharing this."_s);
        secondShown = true;
    }
    CHECK(secondShown);
    CHECK(device.syncOk().messages == 2); // both replies reach the patient
    session.closePatient();

    // Locking while a pull is on the network clears everything at once; the pull's result,
    // when it comes back, is dropped.
    session.pullNow();
    session.lock();
    CHECK(session.state() == CareTeamSession::Locked);
    CHECK_FALSE(session.pulling());
    CHECK(patients.rowCount() == 0);
    // The pull's worker (QtConcurrent, the global pool) really finishes and its result is
    // delivered, however long that takes on a loaded machine; only then is "dropped" shown.
    REQUIRE(QThreadPool::globalInstance()->waitForDone(120000));
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    CHECK(patients.rowCount() == 0);
    CHECK(session.state() == CareTeamSession::Locked);
    unlockOk(session, kPassphrase);
    CHECK(patients.rowCount() == 1);

    // The clinic removes the therapist: the next pull says access ended, the list stays.
    QString therapistId;
    {
        auto profile = careteam::TherapistProfile::unlock(
            dir.file(u"console"_s), SecretBytes::fromUtf8("quarry lantern meadow oboe"));
        REQUIRE(profile);
        auto account = (*profile)->account();
        REQUIRE(account);
        REQUIRE(account->has_value());
        therapistId = (*account)->therapistId;
    }
    REQUIRE(server
                .admin({u"remove-therapist"_s, u"--db"_s, server.dbUrl(), u"--keys-dir"_s,
                        server.keysDir(), u"--id"_s, therapistId})
                .exitCode == 0);
    session.pullNow();
    REQUIRE(testing::waitUntil([&] { return !session.pulling(); }, 120000));
    CHECK(session.pullError().contains(u"access has ended"_s));
    CHECK(session.accessEndedText().startsWith(u"The clinic ended your access"_s));
    CHECK(patients.rowCount() == 1);

    // The server is gone: the pull fails in words, and the list keeps what was pulled.
    server.stop();
    session.pullNow();
    REQUIRE(testing::waitUntil([&] { return !session.pulling(); }, 120000));
    CHECK(session.pullError().startsWith(u"The clinic server could not be reached."_s));
    CHECK(patients.rowCount() == 1);
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
