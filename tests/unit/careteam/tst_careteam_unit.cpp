// Unit tests of the care-team console's core (src/careteam) that need no server: the profile
// schema, the code-derived keys, the read path of a shared record, the flag rules and their
// order, the timeline, and the therapist profile on a real SQLCipher file.
#include "careteam/flags.h"
#include "careteam/keyring.h"
#include "careteam/schema.h"
#include "careteam/sharedentry.h"
#include "careteam/therapistprofile.h"
#include "careteam/timeline.h"
#include "protocol/careteamenrol.h"
#include "protocol/envelope.h"
#include "protocol/keys.h"
#include "storage/migrations.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace companion;
using namespace companion::careteam;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2026, 6, 10), QTime(12, 0), Qt::UTC);

QString hexId()
{
    return protocol::idToHex(protocol::randomId());
}

// A record id as devices make them (UUID v4), in the server's hex form.
QString recordHexId()
{
    return QString::fromLatin1(RecordId::generate().uuid().toRfc4122().toHex());
}

const domain::InstrumentCatalog &catalog();

SharedEntry entryOf(domain::DiaryBody body, bool read = false)
{
    SharedEntry entry;
    entry.recordId = hexId();
    entry.version = 1;
    entry.kind = domain::kindOf(body);
    entry.occurredAt = domain::occurredAtOf(body);
    entry.read = read;
    entry.body = std::move(body);
    return entry;
}

SharedEntry checkIn(const QDateTime &at, bool read = true)
{
    domain::CheckIn body;
    body.occurredAt = at;
    body.mood = 5;
    return entryOf(body, read);
}

SharedEntry phq9(const QDateTime &at, double total, QStringList flags = {})
{
    domain::InstrumentResult result;
    result.occurredAt = at;
    result.instrumentId = u"phq9"_s;
    result.total = total;
    result.flags = std::move(flags);
    for (const domain::SeverityBand &band : catalog().find(u"phq9"_s)->bands) {
        if (total >= band.min && total <= band.max)
            result.severity = band.id;
    }
    return entryOf(result, true);
}

SharedEntry appointment(const QDateTime &startsAt, const QString &hex,
                        domain::AppointmentStatus status = domain::AppointmentStatus::Scheduled)
{
    domain::AppointmentBody body;
    body.startsAt = startsAt;
    body.status = status;
    SharedEntry entry;
    entry.recordId = hex;
    entry.version = 1;
    entry.kind = domain::kinds::appointment;
    entry.occurredAt = startsAt;
    entry.read = true;
    entry.body = body;
    return entry;
}

SharedEntry ride(const QString &appointmentHex, bool confirmed)
{
    domain::RidePlan plan;
    plan.appointmentId =
        RecordId::fromString(QUuid::fromRfc4122(QByteArray::fromHex(appointmentHex.toLatin1()))
                                 .toString(QUuid::WithoutBraces));
    plan.driverName = u"Sam"_s;
    plan.confirmed = confirmed;
    SharedEntry entry;
    entry.recordId = hexId();
    entry.version = 1;
    entry.kind = domain::kinds::ridePlan;
    entry.occurredAt = kNow.addDays(-1);
    entry.read = true;
    entry.body = plan;
    return entry;
}

const domain::InstrumentCatalog &catalog()
{
    static const domain::InstrumentCatalog loaded = *domain::InstrumentCatalog::loadBuiltIn();
    return loaded;
}

PatientOverview assess(std::vector<SharedEntry> entries, int alerts = 0,
                       const QString &label = u"P"_s)
{
    PatientRecords records;
    records.entries = std::move(entries);
    return assessPatient(CachedPatient{hexId(), label, true, 0, 0}, records, alerts, catalog(),
                         kNow);
}

} // namespace

TEST_CASE("The console profile's fresh schema equals its migrated schema", "[careteam][schema]")
{
    testing::TempDir dir;
    auto fresh = storage::Database::openPlain(dir.file(u"fresh.db"_s));
    auto migrated = storage::Database::openPlain(dir.file(u"migrated.db"_s));
    REQUIRE(fresh);
    REQUIRE(migrated);
    REQUIRE(createCareTeamSchema(*fresh));
    REQUIRE(migrateCareTeamSchema(*migrated));
    CHECK(*storage::schemaFingerprint(*fresh) == *storage::schemaFingerprint(*migrated));
    CHECK(*fresh->userVersion() == careTeamSchemaVersion());
    // Its files are not a patient profile's.
    CHECK(QString::fromLatin1(careTeamFolderLayout().keyFileName) == u"console.key"_s);
}

TEST_CASE("A therapist code yields a lookup proof and a seal key that do not reveal each other",
          "[careteam][code]")
{
    const QString code = u"7KQ2-M9ZD-0PXA-4TRB-8WNE"_s;
    auto proof = protocol::therapistCodeProof(code);
    REQUIRE(proof);
    CHECK(proof->size() == protocol::kCodeProofSize);
    // Typed sloppily: the same proof.
    CHECK(*protocol::therapistCodeProof(u" 7kq2 m9zd OPXA 4trb-8wne "_s) == *proof);
    CHECK(*protocol::therapistCodeProof(u"7KQ2-M9ZD-0PXA-4TRB-8WNF"_s) != *proof);
    CHECK_FALSE(protocol::therapistCodeProof(u"7KQ2-M9ZD"_s));
    CHECK_FALSE(protocol::therapistCodeProof(u"7KQ2-M9ZD-0PXA-4TRB-8WN!"_s));
    CHECK_FALSE(protocol::isWellFormedEnrolmentCode(u"UUUU-UUUU-UUUU-UUUU-UUUU"_s)); // no U

    const protocol::BoxKeyPair careTeam = protocol::generateBoxKeyPair();
    const QString clinic = hexId();
    auto sealed = protocol::sealCareTeamKeyWithCode(code, careTeam.secretKey, clinic, 3);
    REQUIRE(sealed);
    CHECK(sealed->size() == protocol::kCodeSealedKeySize);
    CHECK_FALSE(sealed->contains(*proof));
    auto opened = protocol::openCareTeamKeyWithCode(u"7kq2m9zd0pxa4trb8wne"_s, *sealed, clinic, 3);
    REQUIRE(opened);
    CHECK(opened->equals(careTeam.secretKey));
    CHECK_FALSE(
        protocol::openCareTeamKeyWithCode(u"7KQ2-M9ZD-0PXA-4TRB-8WNF"_s, *sealed, clinic, 3));
    CHECK_FALSE(protocol::openCareTeamKeyWithCode(code, *sealed, hexId(), 3));
    CHECK_FALSE(protocol::openCareTeamKeyWithCode(code, *sealed, clinic, 4));
    QByteArray flipped = *sealed;
    flipped[40] = static_cast<char>(flipped[40] ^ 0x80);
    CHECK_FALSE(protocol::openCareTeamKeyWithCode(code, flipped, clinic, 3));
    CHECK(protocol::openCareTeamKeyWithCode(code, sealed->left(20), clinic, 3).error().code ==
          ErrorCode::Damaged);
}

TEST_CASE("A shared record opens only as the record asked for, and says why it does not",
          "[careteam][keyring]")
{
    const protocol::BoxKeyPair epoch1 = protocol::generateBoxKeyPair();
    const protocol::BoxKeyPair epoch2 = protocol::generateBoxKeyPair();
    const SecretBytes sck1 = protocol::generateKey();
    const SecretBytes sck2 = protocol::generateKey();
    CareTeamKeyRing ring;
    ring.add(1, protocol::BoxKeyPair{epoch1.publicKey, epoch1.secretKey.clone()});
    const PatientKeys keys = ring.openCollectionKeys(
        {{1, 1, *protocol::sealSharedCollectionKey(epoch1.publicKey, sck1)},
         {2, 2, *protocol::sealSharedCollectionKey(epoch2.publicKey, sck2)}});
    CHECK(keys.byGeneration.size() == 1);
    CHECK(keys.missingEpochByGeneration.at(2) == 2);

    const auto seal = [](const SecretBytes &sck, std::uint32_t generation,
                         const protocol::Id16 &vault, const protocol::Id16 &record) {
        protocol::EnvelopeHeader header;
        header.vaultId = vault;
        header.recordId = record;
        header.version = 1;
        header.keyEpoch = 1;
        protocol::RecordPayload payload{domain::kinds::diaryCheckIn, 1, 2, 3, false, "{}"};
        const SecretBytes dek = protocol::generateKey();
        auto envelope = protocol::sealEnvelope(header, payload.encode(), dek);
        REQUIRE(envelope);
        const protocol::SharedKeyBlob blob{
            generation,
            *protocol::wrapSharedDataKey(sck, dek, protocol::DataKeyBinding::of(header))};
        return std::pair{*envelope, protocol::encodeSharedKeyBlob(blob)};
    };
    const protocol::Id16 vault = protocol::randomId();
    const protocol::Id16 record = protocol::randomId();
    const QString vaultHex = protocol::idToHex(vault);
    const QString recordHex = protocol::idToHex(record);

    const auto [envelope, sharedKey] = seal(sck1, 1, vault, record);
    OpenedRecord opened = openSharedRecord(keys, vaultHex, recordHex, 1, envelope, sharedKey);
    REQUIRE(opened.payload);
    CHECK(opened.payload->kind == domain::kinds::diaryCheckIn);
    // Another record's id, vault or version: damaged, even though the envelope is intact.
    CHECK(openSharedRecord(keys, vaultHex, hexId(), 1, envelope, sharedKey).reason ==
          Unreadable::Damaged);
    CHECK(openSharedRecord(keys, hexId(), recordHex, 1, envelope, sharedKey).reason ==
          Unreadable::Damaged);
    CHECK(openSharedRecord(keys, vaultHex, recordHex, 2, envelope, sharedKey).reason ==
          Unreadable::Damaged);
    QByteArray altered = envelope;
    altered[altered.size() - 3] = static_cast<char>(altered[altered.size() - 3] ^ 1);
    CHECK(openSharedRecord(keys, vaultHex, recordHex, 1, altered, sharedKey).reason ==
          Unreadable::Damaged);

    // Under generation 2 (sealed to an epoch this ring lacks) and an unpublished generation 3.
    const auto [envelope2, sharedKey2] = seal(sck2, 2, vault, record);
    const OpenedRecord later =
        openSharedRecord(keys, vaultHex, recordHex, 1, envelope2, sharedKey2);
    CHECK(later.reason == Unreadable::NoCareTeamKey);
    CHECK(later.neededEpoch == 2);
    const auto [envelope3, sharedKey3] = seal(sck2, 3, vault, record);
    CHECK(openSharedRecord(keys, vaultHex, recordHex, 1, envelope3, sharedKey3).reason ==
          Unreadable::NoSharedKey);
}

TEST_CASE("Flags: safety, rising scores, ride, missed check-ins and unread", "[careteam][flags]")
{
    SECTION("safety from an alert, a recent safety event or a PHQ-9 item 9 answer")
    {
        CHECK(assess({}, 1).flags.front().detail == u"alert"_s);
        domain::SafetyEvent event;
        event.occurredAt = kNow.addDays(-3);
        CHECK(assess({entryOf(event)}).flags.front().detail == u"safety_event"_s);
        event.occurredAt = kNow.addDays(-20); // older than the 14-day look-back
        CHECK_FALSE(assess({entryOf(event, true)}).has(PatientFlag::Safety));
        const PatientOverview item9 =
            assess({phq9(kNow.addDays(-2), 9, {QString(domain::kSafetyFlag)})});
        CHECK(item9.has(PatientFlag::Safety));
        CHECK(item9.flags.front().detail == u"item9_positive"_s);
    }
    SECTION("rising scores: the early warning, or well above baseline")
    {
        const QString hex = hexId();
        // Baseline 20, infusion, a response (8), then back up to 17: the trend rules' warning.
        const PatientOverview warning =
            assess({phq9(kNow.addDays(-30), 20), appointment(kNow.addDays(-28), hex),
                    phq9(kNow.addDays(-20), 8), phq9(kNow.addDays(-1), 17)});
        CHECK(warning.has(PatientFlag::RisingScores));
        CHECK(warning.flags.front().detail == u"phq9"_s);
        // Never responded, but 25 % above the starting score.
        CHECK(assess({phq9(kNow.addDays(-10), 12), phq9(kNow.addDays(-1), 15)})
                  .has(PatientFlag::RisingScores));
        CHECK_FALSE(assess({phq9(kNow.addDays(-10), 12), phq9(kNow.addDays(-1), 14)})
                        .has(PatientFlag::RisingScores));
        CHECK_FALSE(assess({phq9(kNow.addDays(-10), 12), phq9(kNow.addDays(-1), 5)})
                        .has(PatientFlag::RisingScores));
    }
    SECTION("a ride is needed for an infusion in the next 48 hours")
    {
        const QString soon = recordHexId();
        const PatientOverview none = assess({appointment(kNow.addSecs(30 * 3600), soon)});
        REQUIRE(none.has(PatientFlag::RideNotConfirmed));
        CHECK(none.flags.front().detail == kNow.addSecs(30 * 3600).toString(Qt::ISODate));
        CHECK(assess({appointment(kNow.addSecs(30 * 3600), soon), ride(soon, false)})
                  .has(PatientFlag::RideNotConfirmed));
        CHECK_FALSE(assess({appointment(kNow.addSecs(30 * 3600), soon), ride(soon, true)})
                        .has(PatientFlag::RideNotConfirmed));
        CHECK_FALSE(assess({appointment(kNow.addSecs(60 * 3600), hexId())})
                        .has(PatientFlag::RideNotConfirmed));
        CHECK_FALSE(
            assess({appointment(kNow.addSecs(-3600), hexId())}).has(PatientFlag::RideNotConfirmed));
        CHECK_FALSE(assess({appointment(kNow.addSecs(5 * 3600), hexId(),
                                        domain::AppointmentStatus::Cancelled)})
                        .has(PatientFlag::RideNotConfirmed));
    }
    SECTION("missed check-ins only when check-ins are shared at all")
    {
        const PatientOverview missed = assess({checkIn(kNow.addDays(-4))});
        REQUIRE(missed.has(PatientFlag::MissedCheckIns));
        CHECK(missed.flags.front().detail == u"4"_s);
        CHECK_FALSE(assess({checkIn(kNow.addDays(-3))}).has(PatientFlag::MissedCheckIns));
        CHECK_FALSE(assess({phq9(kNow.addDays(-9), 10)}).has(PatientFlag::MissedCheckIns));
    }
    SECTION("unread entries are counted")
    {
        const PatientOverview unread =
            assess({checkIn(kNow.addDays(-1), false), checkIn(kNow, false), checkIn(kNow)});
        CHECK(unread.unread == 2);
        CHECK(unread.flags.back().flag == PatientFlag::Unread);
        CHECK(unread.flags.back().detail == u"2"_s);
        CHECK(FlagText::describe(unread.flags.back()).contains(u"2"_s));
    }
    SECTION("flags are listed most urgent first")
    {
        const PatientOverview all =
            assess({checkIn(kNow.addDays(-5), false), appointment(kNow.addSecs(3600), hexId())}, 1);
        REQUIRE(all.flags.size() == 4);
        CHECK(all.flags[0].flag == PatientFlag::Safety);
        CHECK(all.flags[1].flag == PatientFlag::RideNotConfirmed);
        CHECK(all.flags[2].flag == PatientFlag::MissedCheckIns);
        CHECK(all.flags[3].flag == PatientFlag::Unread);
    }
}

TEST_CASE("The patients list puts the most urgent patient first", "[careteam][flags]")
{
    std::vector<PatientOverview> patients{
        assess({checkIn(kNow, false), checkIn(kNow, false), checkIn(kNow, false)}, 0, u"Ann"_s),
        assess({checkIn(kNow.addDays(-6))}, 0, u"Bea"_s),
        assess({checkIn(kNow)}, 1, u"Cy"_s),
        assess({appointment(kNow.addSecs(7200), hexId())}, 0, u"Dee"_s),
        assess({checkIn(kNow, false)}, 0, u"Eve"_s),
        assess({}, 0, u"Fay"_s),
    };
    patients.back().sharing = false;
    sortByUrgency(patients);
    QStringList order;
    for (const PatientOverview &patient : patients)
        order << patient.label;
    // Safety; ride; missed check-ins; unread (more first); nothing; no longer sharing.
    CHECK(order == QStringList{u"Cy"_s, u"Dee"_s, u"Bea"_s, u"Ann"_s, u"Eve"_s, u"Fay"_s});
}

TEST_CASE("The timeline: newest first, a date range, scores with bands, what is not visible",
          "[careteam][timeline]")
{
    PatientRecords records;
    for (int day = 0; day < 6; ++day)
        records.entries.push_back(phq9(kNow.addDays(-30 + 5 * day), 20 - 3 * day));
    domain::CheckIn note;
    note.occurredAt = kNow.addDays(-2);
    note.note = u"<b>not markup</b>"_s;
    records.entries.push_back(entryOf(note));
    records.entries.push_back(appointment(kNow.addDays(-27), hexId()));
    records.notVisible.push_back(NotVisible{hexId(),
                                            2,
                                            1,
                                            {},
                                            kNow,
                                            std::nullopt,
                                            RecordState::Unreadable,
                                            Unreadable::NoCareTeamKey,
                                            false});
    records.notVisible.push_back(NotVisible{hexId(), 1, 3, domain::kinds::journalEntry, kNow,
                                            kNow.addDays(-1), RecordState::Withdrawn,
                                            Unreadable::None, false});
    std::stable_sort(
        records.entries.begin(), records.entries.end(),
        [](const SharedEntry &a, const SharedEntry &b) { return a.occurredAt < b.occurredAt; });
    const CachedPatient patient{hexId(), u"Rosa"_s, true, 0, 0};

    const PatientTimeline all = buildTimeline(patient, records, catalog());
    REQUIRE(all.entries.size() == 8);
    CHECK(all.entries.front().occurredAt == kNow.addDays(-2)); // newest first
    CHECK(all.entries.front().text == u"<b>not markup</b>"_s); // kept as typed: plain text
    REQUIRE(all.series.size() == 1);
    const InstrumentSeries &series = all.series.front();
    CHECK(series.name == u"PHQ-9"_s);
    CHECK(series.baselineScore == 20.0); // the latest score before the first infusion
    CHECK(series.points.back().score == 5);
    CHECK(series.points.back().response);
    CHECK(series.status == u"response"_s);
    CHECK_FALSE(series.points.front().severityLabel.isEmpty());
    CHECK(all.infusions.size() == 1);
    CHECK(all.notVisible.size() == 2);

    // The range keeps the baseline from before it.
    const PatientTimeline recent =
        buildTimeline(patient, records, catalog(), kNow.addDays(-11), kNow);
    REQUIRE(recent.series.size() == 1);
    CHECK(recent.series.front().points.size() == 2);
    CHECK(recent.series.front().baselineScore == 20.0);
    CHECK(recent.infusions.empty());

    const QJsonObject json = timelineToJson(all);
    const QJsonArray hidden = json.value(u"not_visible"_s).toArray();
    REQUIRE(hidden.size() == 2);
    CHECK(hidden[0][u"reason"_s].toString() == u"no_care_team_key"_s);
    CHECK(hidden[0][u"coarse_kind"_s].toString() == u"diary"_s);
    CHECK(hidden[1][u"reason"_s].toString() == u"no_longer_shared"_s);
    CHECK_FALSE(hidden[1][u"explanation"_s].toString().isEmpty());
}

TEST_CASE("The therapist profile: passphrase rules, secrets inside, pulls and withdrawals",
          "[careteam][profile]")
{
    testing::TempDir dir;
    const QString folder = dir.file(u"console"_s);
    testing::FakeClock clock(kNow);
    CHECK(
        TherapistProfile::create(folder, SecretBytes::fromUtf8("password1"), clock).error().code ==
        ErrorCode::WeakParameters);
    auto created = TherapistProfile::create(
        folder, SecretBytes::fromUtf8("quarry lantern meadow oboe"), clock);
    REQUIRE(created);
    TherapistProfile &profile = *created->profile;
    CHECK(QFile::exists(dir.file(u"console/console.db"_s)));
    CHECK_FALSE(QFile::exists(dir.file(u"console/profile.db"_s)));

    const protocol::SigningKeyPair signing = protocol::generateSigningKeyPair();
    const protocol::BoxKeyPair careTeam = protocol::generateBoxKeyPair();
    Account account;
    account.serverUrl = u"https://clinic.example"_s;
    account.therapistId = hexId();
    account.displayName = u"Dr Rivera"_s;
    account.clinicId = hexId();
    account.clinicName = u"Lakeside"_s;
    account.clinicSigningKey = protocol::generateSigningKeyPair().publicKey;
    account.fingerprint = protocol::keyFingerprint(account.clinicSigningKey);
    account.enrolledAt = kNow;
    REQUIRE(profile.saveEnrolment(account, signing.secretKey, 1, careTeam));
    auto key = profile.signingKey();
    REQUIRE(key);
    CHECK(key->publicKey == signing.publicKey);
    auto ring = profile.keyRing();
    REQUIRE(ring);
    CHECK(ring->holds(1));
    CHECK(*profile.storeCareTeamKey(1, careTeam) == false); // already held

    // A pull writes records; a later pull without one withdraws it and drops its payload.
    const QString vault = hexId();
    const QString kept = hexId();
    const QString gone = hexId();
    const auto row = [&](const QString &id) {
        CachedRecord record;
        record.vaultId = vault;
        record.recordId = id;
        record.version = 1;
        record.coarseKind = 1;
        record.sharedAt = kNow.toMSecsSinceEpoch();
        record.kind = domain::kinds::diaryCheckIn;
        record.body = R"({"secret":"payload"})";
        record.fetchedAt = kNow.toMSecsSinceEpoch();
        return record;
    };
    REQUIRE(profile.applyPatientPull(
        {{vault, u"Ana"_s, true, 1, 1}, {row(kept), row(gone)}, {kept, gone}}));
    CHECK(*profile.markPatientRead(vault, 5) == 2);
    REQUIRE(profile.applyPatientPull({{vault, u"Ana"_s, true, 2, 2}, {}, {kept}}));
    auto records = profile.records(vault);
    REQUIRE(records);
    REQUIRE(records->size() == 2);
    for (const CachedRecord &record : *records) {
        if (record.recordId == gone) {
            CHECK(record.state == RecordState::Withdrawn);
            CHECK(record.body.isEmpty());
        } else {
            CHECK(record.state == RecordState::Readable);
            CHECK(record.readAt == 5);
        }
    }
    auto patient = profile.patient(vault);
    REQUIRE(patient);
    REQUIRE(patient->has_value());
    CHECK((*patient)->firstSeenAt == 1);
    CHECK(*profile.withdrawPatient(vault, 9) == 1);
    created->profile.reset();

    CHECK(TherapistProfile::unlock(folder, SecretBytes::fromUtf8("quarry lantern meadow"), clock)
              .error()
              .code == ErrorCode::WrongPassphrase);
    auto reopened = TherapistProfile::unlock(
        folder, SecretBytes::fromUtf8("quarry lantern meadow oboe"), clock);
    REQUIRE(reopened);
    auto saved = (*reopened)->account();
    REQUIRE(saved);
    REQUIRE(saved->has_value());
    CHECK((*saved)->displayName == u"Dr Rivera"_s);
    CHECK_FALSE((*saved)->accessEndedAt);
}
