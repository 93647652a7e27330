#include "careteampresentation/careteamselftest.h"

#include "careteam/therapistprofile.h"
#include "careteampresentation/careteamsession.h"
#include "domain/appointment.h"
#include "domain/diaryentry.h"
#include "domain/instrumentcatalog.h"
#include "domain/instrumentscoring.h"
#include "domain/journal.h"
#include "presentation/passphrasefeedback.h"
#include "presentation/preferences.h"
#include "presentation/selftestsupport.h"
#include "protocol/envelope.h"
#include "protocol/keys.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>
#include <QUuid>

#include <algorithm>
#include <vector>

namespace companion::careteampresentation {

namespace selftest = presentation::selftest;

namespace {

const QString kPagesDirectory = QStringLiteral(":/qt/qml/Companion/CareTeam/pages");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

careteam::CachedRecord readable(const QString &vaultId, protocol::RecordKind coarse,
                                const QString &kind, const QByteArray &body, const QDateTime &at,
                                bool read)
{
    careteam::CachedRecord record;
    record.vaultId = vaultId;
    record.recordId = newId();
    record.version = 1;
    record.coarseKind = static_cast<int>(coarse);
    record.sharedAt = at.toMSecsSinceEpoch();
    record.state = careteam::RecordState::Readable;
    record.keyEpoch = 1;
    record.kind = kind;
    record.createdAt = at.toMSecsSinceEpoch();
    record.updatedAt = at.toMSecsSinceEpoch();
    record.occurredAt = at.toMSecsSinceEpoch();
    record.body = body;
    record.fetchedAt = at.toMSecsSinceEpoch();
    if (read)
        record.readAt = at.toMSecsSinceEpoch();
    return record;
}

} // namespace

Result<void> seedSelfTestProfile(const QString &directory)
{
    auto created =
        careteam::TherapistProfile::create(directory, presentation::toSecret(kSelfTestPassphrase));
    if (!created)
        return created.error();
    careteam::TherapistProfile &profile = *created->profile;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    protocol::SigningKeyPair clinic = protocol::generateSigningKeyPair();
    protocol::SigningKeyPair login = protocol::generateSigningKeyPair();
    careteam::Account account;
    account.serverUrl = QStringLiteral("http://127.0.0.1:9");
    account.therapistId = newId();
    account.displayName = QStringLiteral("Dr Self Test");
    account.clinicId = newId();
    account.clinicName = QStringLiteral("Self-test clinic");
    account.clinicSigningKey = clinic.publicKey;
    account.fingerprint = protocol::keyFingerprint(clinic.publicKey);
    account.enrolledAt = now.addDays(-30);
    account.lastPullAt = now.addSecs(-600);
    COMPANION_TRY(
        profile.saveEnrolment(account, login.secretKey, 1, protocol::generateBoxKeyPair()));
    COMPANION_TRY(profile.setLastPull(*account.lastPullAt));

    auto catalog = domain::InstrumentCatalog::loadBuiltIn();
    if (!catalog)
        return catalog.error();
    const domain::Instrument *phq9 = catalog->find(QStringLiteral("phq9"));
    if (!phq9)
        return makeError(ErrorCode::Internal, QStringLiteral("no PHQ-9 in the catalog"));

    // Ana: three PHQ-9 scores falling across two infusions, check-ins, a shared journal entry,
    // an infusion appointment, one entry withdrawn and one under a key this console lacks.
    careteam::PatientPull ana;
    ana.patient = {newId(), QStringLiteral("Ana"), true, now.addDays(-28).toMSecsSinceEpoch(),
                   now.toMSecsSinceEpoch()};
    const QString anaId = ana.patient.vaultId;
    const std::vector<std::pair<int, std::vector<int>>> scores{{-21, {3, 3, 2, 2, 2, 2, 2, 2, 0}},
                                                               {-12, {2, 2, 1, 1, 1, 1, 1, 1, 0}},
                                                               {-2, {1, 1, 0, 0, 1, 0, 0, 0, 0}}};
    for (const auto &[days, answers] : scores) {
        const QDateTime at = now.addDays(days);
        auto score = domain::scoreInstrument(*phq9, answers);
        if (!score)
            return score.error();
        auto body = domain::encodeBody(
            domain::DiaryBody{domain::InstrumentResult::fromScore(*score, answers, at)});
        if (!body)
            return body.error();
        ana.changed.push_back(readable(anaId, protocol::RecordKind::Instrument,
                                       domain::kinds::instrumentResult, *body, at, true));
    }
    for (int day : {-3, -1}) {
        domain::CheckIn checkIn;
        checkIn.occurredAt = now.addDays(day);
        checkIn.mood = 6 - day;
        checkIn.anxiety = 3;
        checkIn.pain = 1;
        checkIn.note = QStringLiteral("Slept badly, <b>better</b> by noon.");
        auto body = domain::encodeBody(domain::DiaryBody{checkIn});
        if (!body)
            return body.error();
        ana.changed.push_back(readable(anaId, protocol::RecordKind::Diary,
                                       domain::kinds::diaryCheckIn, *body, checkIn.occurredAt,
                                       day < -2));
    }
    domain::journal::EntryBody journal;
    journal.kind = domain::journal::EntryKind::Free;
    journal.text = QStringLiteral("The music helped. I want to talk about my father.");
    journal.shared = true;
    auto journalBytes = domain::journal::encodeBody(journal);
    if (!journalBytes)
        return journalBytes.error();
    ana.changed.push_back(readable(anaId, protocol::RecordKind::Note, domain::kinds::journalEntry,
                                   *journalBytes, now.addDays(-11), false));
    // Two infusions (the chart's markers): two weeks ago, and tomorrow without a confirmed ride.
    for (int day : {-14, 1}) {
        domain::AppointmentBody appointment;
        appointment.startsAt = now.addDays(day);
        appointment.durationMinutes = 90;
        auto body = domain::encodeAppointment(appointment);
        if (!body)
            return body.error();
        ana.changed.push_back(readable(anaId, protocol::RecordKind::Appointment,
                                       domain::kinds::appointment, *body, now.addDays(-20), true));
    }
    careteam::CachedRecord withdrawn;
    withdrawn.vaultId = anaId;
    withdrawn.recordId = newId();
    withdrawn.version = 2;
    withdrawn.coarseKind = static_cast<int>(protocol::RecordKind::Diary);
    withdrawn.sharedAt = now.addDays(-20).toMSecsSinceEpoch();
    withdrawn.state = careteam::RecordState::Withdrawn;
    withdrawn.kind = domain::kinds::diaryCheckIn;
    withdrawn.fetchedAt = withdrawn.sharedAt;
    ana.changed.push_back(withdrawn);
    careteam::CachedRecord locked = withdrawn;
    locked.recordId = newId();
    locked.version = 1;
    locked.state = careteam::RecordState::Unreadable;
    locked.reason = careteam::Unreadable::NoCareTeamKey;
    locked.kind.clear();
    ana.changed.push_back(locked);
    for (const careteam::CachedRecord &record : ana.changed)
        ana.listed << record.recordId;
    COMPANION_TRY(profile.applyPatientPull(ana));

    // Ben: a safety event he asked to tell the clinic about, and the open alert it raised.
    careteam::PatientPull ben;
    ben.patient = {newId(), QStringLiteral("Ben"), true, now.addDays(-10).toMSecsSinceEpoch(),
                   now.toMSecsSinceEpoch()};
    domain::SafetyEvent event;
    event.occurredAt = now.addDays(-1);
    event.toldClinic = true;
    auto eventBody = domain::encodeBody(domain::DiaryBody{event});
    if (!eventBody)
        return eventBody.error();
    ben.changed.push_back(readable(ben.patient.vaultId, protocol::RecordKind::Safety,
                                   domain::kinds::safetyEvent, *eventBody, event.occurredAt,
                                   false));
    ben.listed << ben.changed.front().recordId;
    COMPANION_TRY(profile.applyPatientPull(ben));
    COMPANION_TRY(
        profile.replaceAlerts({{newId(), ben.patient.vaultId, ben.changed.front().recordId, 1,
                                event.occurredAt.toMSecsSinceEpoch()}}));
    return {};
}

int runCareTeamSelfTest(QQmlApplicationEngine &engine, CareTeamSession &session,
                        presentation::Preferences &preferences,
                        const CareTeamSelfTestOptions &options)
{
    QTextStream out(stdout);
    selftest::startCollectingWarnings();
    const auto fail = [&](const QString &why) {
        selftest::stopCollectingWarnings();
        out << "self-test: FAILED: " << why << '\n';
        return 1;
    };

    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Companion/CareTeam/Main.qml")));
    auto *window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return fail(QStringLiteral("Main.qml did not load"));
    if (!options.screenshotDirectory.isEmpty())
        QDir().mkpath(options.screenshotDirectory);

    // A wrong passphrase is refused with a message, then the right one unlocks.
    session.unlock(QStringLiteral("not the passphrase at all"));
    if (!selftest::waitFor([&] { return !session.busy() && !session.errorMessage().isEmpty(); },
                           60000) ||
        session.state() != CareTeamSession::Locked)
        return fail(QStringLiteral("a wrong passphrase was not refused"));
    selftest::settle();
    if (!options.screenshotDirectory.isEmpty())
        selftest::saveScreenshot(window,
                                 options.screenshotDirectory + QStringLiteral("/locked.png"));
    session.unlock(kSelfTestPassphrase);
    if (!selftest::waitFor([&] { return session.state() == CareTeamSession::Unlocked; }, 60000))
        return fail(QStringLiteral("could not unlock: ") + session.errorMessage());
    selftest::settle();
    if (session.patients()->rowCount() != 2 ||
        session.patients()->patients().front().label != QLatin1String("Ben"))
        return fail(QStringLiteral("the patients list is not Ben (safety) then Ana"));
    if (!options.screenshotDirectory.isEmpty())
        selftest::saveScreenshot(window,
                                 options.screenshotDirectory + QStringLiteral("/patients.png"));
    session.openPatient(session.patients()->patients().back().vaultId);
    selftest::settle();
    if (session.patient()->timeline()->rowCount() == 0 || session.patient()->series().isEmpty() ||
        session.patient()->notVisible().size() != 2)
        return fail(QStringLiteral("the patient view is not filled"));

    const QStringList pages =
        QDir(kPagesDirectory).entryList({QStringLiteral("*.qml")}, QDir::Files, QDir::Name);
    if (pages.isEmpty())
        return fail(QStringLiteral("no pages found in ") + kPagesDirectory);

    using presentation::Preferences;
    const std::vector<selftest::Variant> variants = {
        {"desktop-light", Preferences::Light, false, 1.0, {1280, 800}, false},
        {"desktop-dark", Preferences::Dark, false, 1.0, {1280, 800}, false},
        {"small-large-text", Preferences::Light, false, 2.0, {800, 700}, false},
        {"small-dark-large-text", Preferences::Dark, false, 2.0, {800, 700}, true},
        {"small-high-contrast-large-text", Preferences::Light, true, 2.0, {800, 700}, true},
        {"high-contrast-dark-large-text", Preferences::Dark, true, 2.0, {1280, 800}, true},
    };
    int variantsRun = 0;
    const int loaded = selftest::loadPagesInVariants(
        engine, window, preferences, variants, pages,
        {QStringLiteral("qrc:/qt/qml/Companion/CareTeam/pages/"), QStringLiteral("window"),
         options.screenshotDirectory, options.checkTextFit, options.checkAccessibility},
        &variantsRun);

    session.lock();
    selftest::settle();
    if (session.patients()->rowCount() != 0 || session.patient()->timeline()->rowCount() != 0 ||
        session.patient()->isOpen())
        return fail(QStringLiteral("locking left patient data in the models"));
    selftest::stopCollectingWarnings();
    if (!selftest::problems().isEmpty()) {
        out << "self-test: FAILED with " << selftest::problems().size() << " problem(s):\n";
        for (const QString &problem : std::as_const(selftest::problems()))
            out << "  " << problem << '\n';
        return 1;
    }
    out << "self-test: OK: " << pages.size() << " pages loaded " << loaded << " times ("
        << variantsRun << " variants), wrong passphrase refused, unlocked, patient "
        << "opened, locked with empty models"
        << (options.checkTextFit ? ", every visible text fits" : "")
        << (options.checkAccessibility
                ? ", every text has 4.5:1 contrast, every control is reachable with Tab and named"
                : "")
        << '\n';
    return 0;
}

} // namespace companion::careteampresentation
