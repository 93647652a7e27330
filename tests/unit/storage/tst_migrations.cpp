#include <catch2/catch.hpp>

#include "crypto/secretwrap.h"
#include "domain/diaryentry.h"
#include "domain/listsummary.h"
#include "domain/record.h"
#include "storage/migrations.h"
#include "support/tempdir.h"

using namespace companion;
using namespace companion::storage;

namespace {
Database newDatabase(const testing::TempDir &dir, const char *name)
{
    auto db = Database::openEncrypted(dir.file(QString::fromLatin1(name)), crypto::randomKey(),
                                      Database::OpenMode::CreateNew);
    REQUIRE(db);
    return std::move(*db);
}

// Applies migrations 1..version only, as an older build of the app would have.
void migrateTo(Database &db, int version)
{
    for (const Migration &step : migrations()) {
        if (step.version > version)
            break;
        REQUIRE(db.exec(step.sql));
        if (step.backfill)
            REQUIRE(step.backfill(db));
        REQUIRE(db.setUserVersion(step.version));
    }
}
} // namespace

TEST_CASE("A migrated schema equals a fresh schema", "[storage][migrations]")
{
    testing::TempDir dir;
    Database fresh = newDatabase(dir, "fresh.db");
    Database migrated = newDatabase(dir, "migrated.db");
    REQUIRE(createFreshSchema(fresh));
    REQUIRE(migrate(migrated));

    auto freshPrint = schemaFingerprint(fresh);
    auto migratedPrint = schemaFingerprint(migrated);
    REQUIRE(freshPrint);
    REQUIRE(migratedPrint);
    CHECK(freshPrint->contains(QStringLiteral("record_versions")));
    CHECK(*freshPrint == *migratedPrint);
}

TEST_CASE("Every intermediate version migrates to the fresh schema", "[storage][migrations]")
{
    testing::TempDir dir;
    Database fresh = newDatabase(dir, "fresh.db");
    REQUIRE(createFreshSchema(fresh));
    const QString expected = *schemaFingerprint(fresh);
    for (const Migration &step : migrations()) {
        Database db =
            newDatabase(dir, QStringLiteral("from-%1.db").arg(step.version).toLatin1().constData());
        migrateTo(db, step.version);
        REQUIRE(migrate(db));
        CHECK(*schemaFingerprint(db) == expected);
    }
}

TEST_CASE("Migration 2 keeps existing records and backfills their history", "[storage][migrations]")
{
    testing::TempDir dir;
    Database db = newDatabase(dir, "v1.db");
    migrateTo(db, 1);
    REQUIRE(db.exec("INSERT INTO records VALUES "
                    "('3f2a7c1e-0000-4000-8000-000000000001', 'diary', 3, 1, 2, 0, x'7b7d');"));
    REQUIRE(migrate(db));
    CHECK(*db.userVersion() == latestSchemaVersion());
    auto stmt = db.prepare("SELECT version, body FROM record_versions;");
    REQUIRE(stmt);
    REQUIRE(*stmt->step());
    CHECK(stmt->columnInt64(0) == 3);
    CHECK(stmt->columnBlob(1) == QByteArrayLiteral("{}"));
}

TEST_CASE("A database from a newer app is refused, not downgraded", "[storage][migrations]")
{
    testing::TempDir dir;
    Database db = newDatabase(dir, "future.db");
    REQUIRE(createFreshSchema(db));
    REQUIRE(db.setUserVersion(latestSchemaVersion() + 1));
    auto result = migrate(db);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::Unsupported);
    CHECK(*db.userVersion() == latestSchemaVersion() + 1);
}

TEST_CASE("A failing migration step leaves the previous version intact", "[storage][migrations]")
{
    testing::TempDir dir;
    Database db = newDatabase(dir, "fail.db");
    migrateTo(db, 1);
    // Fail after step 2's DDL ran, when its version is recorded: the DDL must roll back too.
    db.setFaultInjector([](std::string_view sql) {
        return sql.find("user_version = 2") != std::string_view::npos;
    });
    REQUIRE_FALSE(migrate(db));
    db.setFaultInjector({});
    CHECK(*db.userVersion() == 1);
    auto table = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'record_versions';");
    REQUIRE(table);
    REQUIRE(*table->step());
    CHECK(table->columnInt64(0) == 0);
    table = Statement();
    REQUIRE(migrate(db));
    CHECK(*db.userVersion() == latestSchemaVersion());
}

TEST_CASE("Migration 3 keeps v2 records and gives them an occurred_at", "[storage][migrations]")
{
    testing::TempDir dir;
    Database db = newDatabase(dir, "v2.db");
    migrateTo(db, 2);
    REQUIRE(db.exec("INSERT INTO records VALUES "
                    "('3f2a7c1e-0000-4000-8000-000000000002', 'diary.checkin', 1, 1000, 2000, 0, "
                    "x'7b7d');"
                    "INSERT INTO record_versions VALUES "
                    "('3f2a7c1e-0000-4000-8000-000000000002', 1, 2000, 0, x'7b7d');"));
    REQUIRE(migrate(db));
    CHECK(*db.userVersion() == latestSchemaVersion());
    auto stmt = db.prepare("SELECT occurred_at, version, body FROM records;");
    REQUIRE(stmt);
    REQUIRE(*stmt->step());
    CHECK(stmt->columnInt64(0) == 1000); // backfilled from created_at
    CHECK(stmt->columnInt64(1) == 1);
    CHECK(stmt->columnBlob(2) == QByteArrayLiteral("{}"));
    auto index =
        db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'records_by_kind_occurred';");
    REQUIRE(index);
    REQUIRE(*index->step());
    CHECK(index->columnInt64(0) == 1);
}

TEST_CASE("Migration 4 fills the chart series of existing instrument results",
          "[storage][migrations]")
{
    testing::TempDir dir;
    Database db = newDatabase(dir, "v3.db");
    migrateTo(db, 3);
    domain::InstrumentResult result;
    result.occurredAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    result.instrumentId = QStringLiteral("phq9");
    result.instrumentVersion = QStringLiteral("1");
    result.scoringRuleVersion = QStringLiteral("1");
    result.answers = {2, 2};
    result.total = 14;
    auto body = domain::encodeBody(result);
    REQUIRE(body);
    auto insert = db.prepare("INSERT INTO records VALUES (?1, ?2, 1, 1000, 2000, ?3, ?4, 1000);");
    REQUIRE(insert);
    auto add = [&](const char *id, const QString &kind, bool deleted, const QByteArray &bytes) {
        insert->reset();
        insert->bind(1, QString::fromLatin1(id))
            .bind(2, kind)
            .bind(3, deleted ? 1 : 0)
            .bindBlob(4, bytes);
        REQUIRE(insert->run());
    };
    add("3f2a7c1e-0000-4000-8000-000000000001", domain::kinds::instrumentResult, false, *body);
    add("3f2a7c1e-0000-4000-8000-000000000002", domain::kinds::instrumentResult, true, {});
    add("3f2a7c1e-0000-4000-8000-000000000003", domain::kinds::instrumentResult, false,
        "{\"format\":1}");
    add("3f2a7c1e-0000-4000-8000-000000000004", domain::kinds::diaryCheckIn, false, *body);
    insert = Statement();

    REQUIRE(migrate(db));
    CHECK(*db.userVersion() == latestSchemaVersion());
    auto rows = db.prepare("SELECT id, series_key, series_value FROM records ORDER BY id;");
    REQUIRE(rows);
    REQUIRE(*rows->step());
    CHECK(rows->columnText(1) == QStringLiteral("phq9"));
    CHECK(rows->columnDouble(2) == 14);
    for (int i = 0; i < 3; ++i) { // tombstone, undecodable body, another kind: no series
        REQUIRE(*rows->step());
        CHECK(rows->columnIsNull(1));
        CHECK(rows->columnIsNull(2));
    }
    CHECK_FALSE(*rows->step());
}

TEST_CASE("Migration 6 fills the list summaries of existing diary entries", "[storage][migrations]")
{
    testing::TempDir dir;
    Database db = newDatabase(dir, "v5.db");
    migrateTo(db, 5);
    const QDateTime at(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    domain::CheckIn checkIn;
    checkIn.occurredAt = at;
    checkIn.mood = 7;
    checkIn.anxiety = 2;
    checkIn.pain = 0;
    checkIn.sleepHours = 6.75;
    checkIn.note = QStringLiteral("a quiet day");
    domain::InstrumentResult result;
    result.occurredAt = at;
    result.instrumentId = QStringLiteral("gad7");
    result.instrumentVersion = QStringLiteral("1");
    result.scoringRuleVersion = QStringLiteral("1");
    result.answers = {1, 1};
    result.total = 9;
    result.severity = QStringLiteral("mild");
    domain::SafetyEvent event;
    event.occurredAt = at;
    event.toldClinic = true;
    auto insert = db.prepare("INSERT INTO records VALUES (?1, ?2, 1, 1000, 2000, ?3, ?4, 1000, "
                             "NULL, NULL);");
    REQUIRE(insert);
    auto add = [&](const char *id, const QString &kind, bool deleted, const QByteArray &bytes) {
        insert->reset();
        insert->bind(1, QString::fromLatin1(id))
            .bind(2, kind)
            .bind(3, deleted ? 1 : 0)
            .bindBlob(4, bytes);
        REQUIRE(insert->run());
    };
    add("3f2a7c1e-0000-4000-8000-000000000001", domain::kinds::diaryCheckIn, false,
        *domain::encodeBody(checkIn));
    add("3f2a7c1e-0000-4000-8000-000000000002", domain::kinds::instrumentResult, false,
        *domain::encodeBody(result));
    add("3f2a7c1e-0000-4000-8000-000000000003", domain::kinds::safetyEvent, false,
        *domain::encodeBody(event));
    add("3f2a7c1e-0000-4000-8000-000000000004", domain::kinds::diaryCheckIn, true, {});
    add("3f2a7c1e-0000-4000-8000-000000000005", domain::kinds::diaryCheckIn, false,
        "{\"format\":1}");
    add("3f2a7c1e-0000-4000-8000-000000000006", domain::kinds::profileSettings, false,
        *domain::encodeBody(checkIn));
    insert = Statement();

    REQUIRE(migrate(db));
    CHECK(*db.userVersion() == latestSchemaVersion());
    auto rows = db.prepare("SELECT summary_values, summary_number, summary_text, series_key, "
                           "series_value FROM records ORDER BY id;");
    REQUIRE(rows);
    auto next = [&] {
        REQUIRE(*rows->step());
        domain::ListSummary summary;
        summary.values = domain::SummarySlots::fromPacked(rows->columnInt64(0));
        if (!rows->columnIsNull(1))
            summary.number = rows->columnDouble(1);
        summary.text = rows->columnText(2);
        return summary;
    };
    CHECK(next() == domain::listSummaryOf(checkIn));
    CHECK(rows->columnText(2) == QStringLiteral("a quiet day"));
    CHECK(rows->columnIsNull(3));
    CHECK(next() == domain::listSummaryOf(result));
    CHECK(rows->columnText(3) == QStringLiteral("gad7")); // the series columns agree too
    CHECK(rows->columnDouble(4) == 9);
    CHECK(next() == domain::listSummaryOf(event));
    CHECK_FALSE(rows->columnIsNull(0));
    for (int i = 0; i < 3; ++i) { // tombstone, undecodable body, another kind: nothing derived
        REQUIRE(*rows->step());
        for (int column = 0; column < 5; ++column)
            CHECK(rows->columnIsNull(column));
    }
    CHECK_FALSE(*rows->step());
}

TEST_CASE("Migration 8 keeps the envelopes of a v7 profile and derives acknowledged from the "
          "outbox",
          "[storage][migrations]")
{
    testing::TempDir dir;
    Database db = newDatabase(dir, "v7.db");
    migrateTo(db, 7);
    auto envelope = db.prepare("INSERT INTO sync_envelopes (record_id, version, envelope, "
                               "wrapped_key, hash, acknowledged) VALUES (?1, ?2, ?3, ?4, ?5, ?6);");
    auto queue =
        db.prepare("INSERT INTO outbox (record_id, version, queued_at) VALUES (?1, ?2, 1);");
    REQUIRE(envelope);
    REQUIRE(queue);
    const auto seal = [&](const char *id, int version, bool acknowledged) {
        envelope->reset();
        envelope->bind(1, QString::fromLatin1(id))
            .bind(2, static_cast<std::int64_t>(version))
            .bindBlob(3, QByteArray("envelope ") + id + QByteArray::number(version))
            .bindBlob(4, QByteArray("key ") + id)
            .bindBlob(5, QByteArray(32, static_cast<char>(version)))
            .bind(6, acknowledged ? 1 : 0);
        REQUIRE(envelope->run());
    };
    const auto enqueue = [&](const char *id, int version) {
        queue->reset();
        queue->bind(1, QString::fromLatin1(id)).bind(2, static_cast<std::int64_t>(version));
        REQUIRE(queue->run());
    };
    seal("a", 1, true); // pushed and acknowledged (or received)
    seal("a", 2, true);
    seal("b", 1, false); // sealed, not acknowledged yet: still queued
    enqueue("b", 1);
    seal("c", 1, false); // unacknowledged, nothing queues it: never to be sent
    seal("d", 1, true);  // acknowledged, with an outbox row left over
    enqueue("d", 1);
    enqueue("e", 1); // queued, not sealed yet
    envelope = Statement();
    queue = Statement();

    REQUIRE(migrate(db));
    CHECK(*db.userVersion() == latestSchemaVersion());
    auto rows = db.prepare(
        "SELECT v.record_id, v.version, v.envelope, v.wrapped_key, length(v.hash), NOT EXISTS "
        "(SELECT 1 FROM outbox o WHERE o.record_id = v.record_id AND o.version = v.version) "
        "FROM sync_versions v ORDER BY v.record_id, v.version;");
    REQUIRE(rows);
    const auto next = [&](const char *id, int version, bool acknowledged) {
        REQUIRE(*rows->step());
        CHECK(rows->columnText(0) == QString::fromLatin1(id));
        CHECK(rows->columnInt64(1) == version);
        CHECK(rows->columnBlob(2) == QByteArray("envelope ") + id + QByteArray::number(version));
        CHECK(rows->columnBlob(3) == QByteArray("key ") + id);
        CHECK(rows->columnInt64(4) == 32);
        CHECK((rows->columnInt64(5) != 0) == acknowledged);
    };
    next("a", 1, true);
    next("a", 2, true);
    next("b", 1, false);
    next("d", 1, true);
    CHECK_FALSE(*rows->step());
    rows = Statement();

    auto outbox = db.prepare("SELECT record_id, version FROM outbox ORDER BY sequence;");
    REQUIRE(outbox);
    REQUIRE(*outbox->step());
    CHECK(outbox->columnText(0) == QStringLiteral("b"));
    REQUIRE(*outbox->step());
    CHECK(outbox->columnText(0) == QStringLiteral("e"));
    CHECK_FALSE(*outbox->step());
}
