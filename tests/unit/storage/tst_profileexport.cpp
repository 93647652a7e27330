// The JSON export and import at the storage level: bodies that are not JSON survive byte for
// byte (base64), inconsistent histories are refused, and (hidden, "[.bench]") how long a large
// profile takes.
#include <catch2/catch.hpp>

#include "storage/profile.h"
#include "storage/profileexport.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace companion;
using namespace companion::storage;

namespace {

const SecretBytes &passphrase()
{
    static const SecretBytes p = SecretBytes::fromUtf8("harbor violet pumpkin seventy");
    return p;
}

std::unique_ptr<Profile> newProfile(const testing::TempDir &dir, const QString &name)
{
    auto created = Profile::create(dir.file(name), passphrase());
    REQUIRE(created);
    return std::move(created->profile);
}

QByteArray withoutExportedAt(const QByteArray &json)
{
    QJsonObject object = QJsonDocument::fromJson(json).object();
    object.remove(QStringLiteral("exported_at"));
    return QJsonDocument(object).toJson();
}

} // namespace

TEST_CASE("A body that is not JSON round-trips byte for byte as base64", "[storage][export]")
{
    testing::TempDir dir;
    testing::FakeClock clock;
    auto source = newProfile(dir, QStringLiteral("a"));
    const QByteArray odd("\x00\x01{not json}\xff", 14);
    auto record = source->records().create(QStringLiteral("custom.kind"), odd);
    REQUIRE(record);
    REQUIRE(source->records().update(record->id, R"({"a":1.5,"b":"ñ"})"));
    auto exported = exportProfile(source->database(), clock.nowUtc());
    REQUIRE(exported);
    CHECK(exported->json.contains("body_base64"));

    auto target = newProfile(dir, QStringLiteral("b"));
    auto counts = importProfile(target->database(), exported->json, clock);
    REQUIRE(counts);
    CHECK(counts->records == 1);
    CHECK(counts->versions == 2);
    auto history = target->records().history(record->id);
    REQUIRE(history);
    REQUIRE(history->size() == 2);
    CHECK(history->front().body == odd);
    auto again = exportProfile(target->database(), clock.nowUtc());
    REQUIRE(again);
    CHECK(again->json == exported->json); // same clock: identical, exported_at included
}

TEST_CASE("Import refuses inconsistent histories and a deleted record with a body",
          "[storage][export]")
{
    testing::TempDir dir;
    testing::FakeClock clock;
    auto source = newProfile(dir, QStringLiteral("a"));
    auto record = source->records().create(QStringLiteral("journal.entry"), R"({"t":1})");
    REQUIRE(record);
    auto exported = exportProfile(source->database(), clock.nowUtc());
    REQUIRE(exported);
    const QJsonObject document = QJsonDocument::fromJson(exported->json).object();

    const auto tampered = [&](auto change) {
        QJsonObject copy = document;
        QJsonArray records = copy.value(QStringLiteral("records")).toArray();
        QJsonObject first = records.at(0).toObject();
        change(first);
        records.replace(0, first);
        copy.insert(QStringLiteral("records"), records);
        return QJsonDocument(copy).toJson();
    };
    auto target = newProfile(dir, QStringLiteral("b"));
    const QList<QByteArray> bad{
        tampered([](QJsonObject &r) { r.insert(QStringLiteral("version"), 2); }),
        tampered([](QJsonObject &r) { r.insert(QStringLiteral("history"), QJsonArray()); }),
        tampered([](QJsonObject &r) {
            r.insert(QStringLiteral("body"), QJsonObject{{QStringLiteral("t"), 2}});
        }),
        tampered([](QJsonObject &r) { r.insert(QStringLiteral("deleted"), true); }),
        tampered(
            [](QJsonObject &r) { r.insert(QStringLiteral("kind"), QStringLiteral("Bad Kind")); }),
        tampered([](QJsonObject &r) {
            r.insert(QStringLiteral("created_at"), QStringLiteral("2026-03-01T09:00:00Z"));
        }),
    };
    for (const QByteArray &json : bad) {
        auto refused = importProfile(target->database(), json, clock);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::InvalidInput);
    }
    auto none = target->records().list(QStringLiteral("journal.entry"), true);
    REQUIRE(none);
    CHECK(none->empty());
    REQUIRE(importProfile(target->database(), exported->json, clock));
}

TEST_CASE("Export and import of 20,000 records (timing)", "[.bench][storage][export]")
{
    testing::TempDir dir;
    testing::FakeClock clock;
    auto source = newProfile(dir, QStringLiteral("a"));
    std::vector<QByteArray> bodies;
    for (int i = 0; i < 20000; ++i)
        bodies.push_back(
            QStringLiteral(R"({"mood":%1,"note":"entry number %2"})").arg(i % 11).arg(i).toUtf8());
    REQUIRE(source->records().createMany(QStringLiteral("diary.checkin"), bodies));
    QElapsedTimer timer;
    timer.start();
    auto exported = exportProfile(source->database(), clock.nowUtc());
    const qint64 exportMs = timer.restart();
    REQUIRE(exported);
    auto target = newProfile(dir, QStringLiteral("b"));
    timer.restart();
    REQUIRE(importProfile(target->database(), exported->json, clock));
    const qint64 importMs = timer.restart();
    auto again = exportProfile(target->database(), clock.nowUtc());
    REQUIRE(again);
    CHECK(withoutExportedAt(again->json) == withoutExportedAt(exported->json));
    WARN("20,000 records: " << exported->json.size() / 1024 << " KiB, export " << exportMs
                            << " ms, import " << importMs << " ms");
}
