#include <catch2/catch.hpp>

#include "crypto/secretwrap.h"
#include "storage/migrations.h"
#include "storage/recordrepository.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"

#include <functional>

using namespace companion;
using namespace companion::storage;

namespace {

struct Fixture
{
    testing::TempDir dir;
    testing::FakeClock clock;
    Database db;
    std::unique_ptr<RecordRepository> repo;

    Fixture()
    {
        auto opened = Database::openEncrypted(dir.file(QStringLiteral("r.db")), crypto::randomKey(),
                                              Database::OpenMode::CreateNew);
        REQUIRE(opened);
        db = std::move(*opened);
        REQUIRE(createFreshSchema(db));
        repo = std::make_unique<RecordRepository>(db, clock);
    }

    std::int64_t countRows(const char *table)
    {
        auto stmt = db.prepare(std::string("SELECT count(*) FROM ") + table + ";");
        REQUIRE(stmt);
        REQUIRE(*stmt->step());
        return stmt->columnInt64(0);
    }
};

const QString kDiary = QStringLiteral("diary.checkin");

} // namespace

TEST_CASE("A new record gets a random id, version 1 and an outbox row", "[storage][records]")
{
    Fixture f;
    auto record = f.repo->create(kDiary, QByteArrayLiteral(R"({"mood":6})"));
    REQUIRE(record);
    CHECK_FALSE(record->id.isNull());
    CHECK(record->version == 1);
    CHECK(record->createdAt == f.clock.nowUtc());
    CHECK_FALSE(record->deleted);

    auto outbox = f.repo->pendingOutbox(10);
    REQUIRE(outbox);
    REQUIRE(outbox->size() == 1);
    CHECK(outbox->front().recordId == record->id);
    CHECK(outbox->front().version == 1);

    auto found = f.repo->find(record->id);
    REQUIRE(found);
    REQUIRE(found->has_value());
    CHECK((*found)->body == QByteArrayLiteral(R"({"mood":6})"));
}

TEST_CASE("The sync's outbox read carries the record only for a current queued version",
          "[storage][records]")
{
    // The push seals a queued version from this record; an older queued version must not get
    // the current record's body (it is read from the history instead).
    Fixture f;
    const auto first =
        *f.repo->create(kDiary, QByteArrayLiteral("a1"), QDateTime::currentDateTimeUtc());
    const auto second = *f.repo->create(kDiary, QByteArrayLiteral("b1"));
    f.clock.advanceSeconds(60);
    const auto firstUpdated = *f.repo->update(first.id, QByteArrayLiteral("a2"));

    auto queued = f.repo->pendingOutboxWithRecords(10);
    REQUIRE(queued);
    auto plain = f.repo->pendingOutbox(10);
    REQUIRE(plain);
    REQUIRE(queued->size() == 3);
    REQUIRE(plain->size() == 3);
    for (std::size_t i = 0; i < queued->size(); ++i) {
        CHECK((*queued)[i].entry.sequence == (*plain)[i].sequence);
        CHECK((*queued)[i].entry.recordId == (*plain)[i].recordId);
        CHECK((*queued)[i].entry.version == (*plain)[i].version);
        CHECK((*queued)[i].entry.queuedAt == (*plain)[i].queuedAt);
    }
    CHECK_FALSE((*queued)[0].current); // first, version 1: no longer current
    REQUIRE((*queued)[1].current);
    CHECK((*queued)[1].current->id == second.id);
    CHECK((*queued)[1].current->version == 1);
    CHECK((*queued)[1].current->body == QByteArrayLiteral("b1"));
    CHECK_FALSE((*queued)[1].current->occurredAt);
    REQUIRE((*queued)[2].current);
    const domain::Record &current = *(*queued)[2].current;
    CHECK(current.id == first.id);
    CHECK(current.kind == kDiary);
    CHECK(current.version == 2);
    CHECK(current.body == QByteArrayLiteral("a2"));
    CHECK(current.createdAt == first.createdAt);
    CHECK(current.updatedAt == firstUpdated.updatedAt);
    CHECK_FALSE(current.deleted);
    REQUIRE(current.occurredAt);
    CHECK(current.occurredAt->toMSecsSinceEpoch() == first.occurredAt->toMSecsSinceEpoch());
    CHECK(f.repo->pendingOutboxWithRecords(2)->size() == 2);
}

TEST_CASE("Updates and deletes are new versions with history and outbox rows", "[storage][records]")
{
    Fixture f;
    const auto created = *f.repo->create(kDiary, QByteArrayLiteral("v1"));
    f.clock.advanceSeconds(60);
    const auto updated = f.repo->update(created.id, QByteArrayLiteral("v2"));
    REQUIRE(updated);
    CHECK(updated->version == 2);
    CHECK(updated->createdAt == created.createdAt);
    CHECK(updated->updatedAt == created.updatedAt.addSecs(60));

    f.clock.advanceSeconds(60);
    const auto removed = f.repo->remove(created.id);
    REQUIRE(removed);
    CHECK(removed->version == 3);
    CHECK(removed->deleted);
    CHECK(removed->body.isEmpty());

    auto history = f.repo->history(created.id);
    REQUIRE(history);
    REQUIRE(history->size() == 3);
    CHECK((*history)[0].body == QByteArrayLiteral("v1"));
    CHECK((*history)[1].body == QByteArrayLiteral("v2"));
    CHECK((*history)[2].deleted);
    CHECK(f.repo->pendingOutbox(10)->size() == 3);

    CHECK(f.repo->list(kDiary)->empty());
    CHECK(f.repo->list(kDiary, true)->size() == 1);
    CHECK(*f.repo->count(kDiary) == 0);
    CHECK(f.repo->update(created.id, QByteArrayLiteral("v4")).error().code == ErrorCode::NotFound);
    CHECK(f.repo->remove(RecordId::generate()).error().code == ErrorCode::NotFound);
}

TEST_CASE("A clock that steps back never reorders a record's history", "[storage][records]")
{
    Fixture f;
    const auto created = *f.repo->create(kDiary, QByteArrayLiteral("a"));
    f.clock.advanceSeconds(-3600);
    const auto updated = *f.repo->update(created.id, QByteArrayLiteral("b"));
    CHECK(updated.updatedAt >= created.updatedAt);
}

TEST_CASE("Lists are newest first and filtered by kind", "[storage][records]")
{
    Fixture f;
    const auto first = *f.repo->create(kDiary, QByteArrayLiteral("1"));
    f.clock.advanceSeconds(10);
    const auto second = *f.repo->create(kDiary, QByteArrayLiteral("2"));
    REQUIRE(f.repo->create(QStringLiteral("journal.note"), QByteArrayLiteral("x")));
    auto list = f.repo->list(kDiary);
    REQUIRE(list);
    REQUIRE(list->size() == 2);
    CHECK((*list)[0].id == second.id);
    CHECK((*list)[1].id == first.id);
    CHECK(f.repo->createMany(QString(), {QByteArrayLiteral("x")}).error().code ==
          ErrorCode::InvalidInput);
}

TEST_CASE("Record, history and outbox commit or roll back together", "[storage][records]")
{
    // Fail the i-th write statement of a save for every i (Nextcloud's testdatabaseerror
    // pattern): nothing of that save may remain, and the save after the fault must succeed.
    Fixture f;
    const auto existing = *f.repo->create(kDiary, QByteArrayLiteral("base"));

    auto failEachStatement = [&](const std::function<bool()> &save) {
        const std::int64_t records = f.countRows("records");
        const std::int64_t versions = f.countRows("record_versions");
        const std::int64_t outbox = f.countRows("outbox");
        int failures = 0;
        for (int failAt = 1; failAt < 50; ++failAt) {
            int seen = 0;
            f.db.setFaultInjector([&](std::string_view sql) {
                const bool isWrite = sql.rfind("INSERT", 0) == 0 || sql.rfind("UPDATE", 0) == 0 ||
                                     sql.rfind("COMMIT", 0) == 0;
                return isWrite && ++seen == failAt;
            });
            const bool saved = save();
            f.db.setFaultInjector({});
            if (saved)
                break;
            ++failures;
            CHECK(f.countRows("records") == records);
            CHECK(f.countRows("record_versions") == versions);
            CHECK(f.countRows("outbox") == outbox);
            CHECK((*f.repo->find(existing.id))->body == QByteArrayLiteral("base"));
        }
        return failures;
    };

    // record row, version row, outbox row, COMMIT
    CHECK(failEachStatement(
              [&] { return f.repo->create(kDiary, QByteArrayLiteral("new")).hasValue(); }) == 4);
    CHECK(failEachStatement([&] {
              return f.repo->update(existing.id, QByteArrayLiteral("changed")).hasValue();
          }) == 4);
    const auto after = *f.repo->find(existing.id);
    CHECK(after->body == QByteArrayLiteral("changed"));
    CHECK(after->version == 2);
    CHECK(f.repo->history(existing.id)->size() == 2);
}
