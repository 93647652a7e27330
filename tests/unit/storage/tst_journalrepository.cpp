#include <catch2/catch.hpp>

#include "crypto/secretwrap.h"
#include "storage/journalrepository.h"
#include "storage/migrations.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"

using namespace companion;
using namespace Qt::StringLiterals;
using namespace companion::storage;
using namespace companion::domain::journal;

namespace {

struct Fixture
{
    testing::TempDir dir;
    testing::FakeClock clock;
    Database db;
    std::unique_ptr<RecordRepository> records;
    std::unique_ptr<JournalRepository> journal;

    Fixture()
    {
        auto opened = Database::openEncrypted(dir.file(QStringLiteral("j.db")), crypto::randomKey(),
                                              Database::OpenMode::CreateNew);
        REQUIRE(opened);
        db = std::move(*opened);
        REQUIRE(createFreshSchema(db));
        records = std::make_unique<RecordRepository>(db, clock);
        journal = std::make_unique<JournalRepository>(db, *records);
    }

    std::int64_t outboxRows()
    {
        auto stmt = db.prepare("SELECT count(*) FROM outbox;");
        REQUIRE(stmt);
        REQUIRE(*stmt->step());
        return stmt->columnInt64(0);
    }
};

EntryBody body(EntryKind kind, const QString &text)
{
    EntryBody b;
    b.kind = kind;
    b.text = text;
    b.infusionDate = QDate(2026, 3, 3);
    return b;
}

} // namespace

TEST_CASE("Journal entries are records of kind journal.entry", "[storage][journal]")
{
    Fixture f;
    auto added = f.journal->add(body(EntryKind::Intention, QStringLiteral("To be gentle")));
    REQUIRE(added);
    CHECK(added->version == 1);
    auto record = f.records->find(added->id);
    REQUIRE(record);
    REQUIRE(record->has_value());
    CHECK((*record)->kind == QStringLiteral("journal.entry"));
    auto listed = f.journal->list();
    REQUIRE(listed);
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().body.text == QStringLiteral("To be gentle"));
}

TEST_CASE("Invalid entries are refused and nothing is stored", "[storage][journal]")
{
    Fixture f;
    auto empty = f.journal->add(body(EntryKind::Insight, QStringLiteral("  ")));
    REQUIRE_FALSE(empty);
    CHECK(empty.error().code == ErrorCode::InvalidInput);
    CHECK_FALSE(f.journal->add(body(EntryKind::Insight, QString(kMaxTextLength + 1, u'x'))));
    CHECK(f.journal->list()->empty());
    CHECK(f.outboxRows() == 0);
}

TEST_CASE("Editing keeps every version, deleting leaves a tombstone", "[storage][journal]")
{
    Fixture f;
    auto added = f.journal->add(body(EntryKind::Experience, QStringLiteral("first words")));
    REQUIRE(added);
    f.clock.advanceSeconds(60);
    auto edited =
        f.journal->update(added->id, body(EntryKind::Experience, QStringLiteral("second")));
    REQUIRE(edited);
    CHECK(edited->version == 2);
    CHECK(edited->createdAt == added->createdAt);
    CHECK(edited->updatedAt > added->updatedAt);

    REQUIRE(f.journal->remove(added->id));
    CHECK(f.journal->list()->empty());
    CHECK_FALSE(f.journal->find(added->id)->has_value());
    auto record = f.records->find(added->id);
    REQUIRE(record->has_value());
    CHECK((*record)->deleted);
    CHECK((*record)->version == 3);

    auto versions = f.journal->versions(added->id);
    REQUIRE(versions);
    REQUIRE(versions->size() == 3);
    CHECK((*versions)[0]->text == QStringLiteral("first words"));
    CHECK((*versions)[1]->text == QStringLiteral("second"));
    CHECK_FALSE((*versions)[2].has_value());
    CHECK(f.outboxRows() == 3);

    CHECK(f.journal->remove(added->id).error().code == ErrorCode::NotFound);
    CHECK_FALSE(f.journal->update(added->id, body(EntryKind::Experience, QStringLiteral("x"))));
}

TEST_CASE("The share flag round-trips and is off by default", "[storage][journal]")
{
    Fixture f;
    auto privateEntry = f.journal->add(body(EntryKind::Insight, QStringLiteral("mine")));
    EntryBody sharedBody = body(EntryKind::Insight, QStringLiteral("for my therapist"));
    sharedBody.shared = true;
    auto sharedEntry = f.journal->add(sharedBody);
    REQUIRE(privateEntry);
    REQUIRE(sharedEntry);
    CHECK_FALSE((*f.journal->find(privateEntry->id))->body.shared);
    CHECK((*f.journal->find(sharedEntry->id))->body.shared);

    sharedBody.shared = false;
    REQUIRE(f.journal->update(sharedEntry->id, sharedBody));
    CHECK_FALSE((*f.journal->find(sharedEntry->id))->body.shared);
    CHECK((*f.journal->versions(sharedEntry->id))[0]->shared);
}

TEST_CASE("A draft is saved in place, restored, and discarded without versions or outbox",
          "[storage][journal]")
{
    Fixture f;
    CHECK_FALSE(f.journal->loadDraft()->has_value());

    Draft draft;
    draft.body = body(EntryKind::Intention, QStringLiteral("half a thought"));
    draft.savedAt = f.clock.nowUtc();
    REQUIRE(f.journal->saveDraft(draft));
    draft.body.text = QStringLiteral("half a thought, finished");
    REQUIRE(f.journal->saveDraft(draft));

    auto loaded = f.journal->loadDraft();
    REQUIRE(loaded);
    REQUIRE(loaded->has_value());
    CHECK((*loaded)->body.text == QStringLiteral("half a thought, finished"));
    CHECK((*loaded)->entryId.isNull());
    CHECK(f.outboxRows() == 0);
    CHECK(*f.records->count(QStringLiteral("journal.draft")) == 0);

    REQUIRE(f.journal->discardDraft());
    CHECK_FALSE(f.journal->loadDraft()->has_value());
    REQUIRE(f.journal->discardDraft()); // discarding nothing is fine
}

TEST_CASE("An unreadable stored draft is dropped, not fatal", "[storage][journal]")
{
    Fixture f;
    auto stmt = f.db.prepare("INSERT INTO meta (key, value) VALUES ('journal.draft', 'garbage');");
    REQUIRE(stmt);
    REQUIRE(stmt->run());
    auto loaded = f.journal->loadDraft();
    REQUIRE(loaded);
    CHECK_FALSE(loaded->has_value());
    auto check = f.db.prepare("SELECT count(*) FROM meta WHERE key = 'journal.draft';");
    REQUIRE(*check->step());
    CHECK(check->columnInt64(0) == 0);
}

TEST_CASE("An entry body that no longer decodes is skipped, not fatal", "[storage][journal]")
{
    Fixture f;
    REQUIRE(f.journal->add(body(EntryKind::Free, QStringLiteral("fine"))));
    REQUIRE(f.records->create(QStringLiteral("journal.entry"), QByteArrayLiteral(R"({"kind":1})")));
    int skipped = 0;
    auto listed = f.journal->list(&skipped);
    REQUIRE(listed);
    CHECK(listed->size() == 1);
    CHECK(skipped == 1);
}
