#include <catch2/catch.hpp>

#include "presentation/journalcontroller.h"
#include "presentation/profilecontroller.h"
#include "profilesession.h"
#include "support/fakeclock.h"
#include "support/filescan.h"
#include "support/tempdir.h"
#include "support/wait.h"

using namespace companion;
using namespace Qt::StringLiterals;
using namespace companion::presentation;

namespace {

struct Fixture
{
    testing::TempDir dir;
    testing::FakeClock clock;
    ProfileController profile{dir.path(), clock};
    JournalController journal{profile, clock};

    Fixture()
    {
        testing::createUnlockedProfile(profile);
        journal.setDraftDelay(50);
    }

    void relock() { testing::relockProfile(profile); }

    void write(const QString &kind, const QString &text, const QString &thread = {})
    {
        journal.startEntry(kind, thread);
        REQUIRE(journal.editorOpen());
        journal.setEditorText(text);
        REQUIRE(journal.save());
    }
};

} // namespace

TEST_CASE("The journal loads on unlock and writes entries into threads", "[presentation][journal]")
{
    Fixture f;
    CHECK(f.journal.available());
    CHECK(f.journal.entryCount() == 0);

    f.journal.startInfusionThread();
    CHECK(f.journal.editorNeedsDate());
    CHECK(f.journal.editorInfusionDate() ==
          f.clock.nowUtc().toLocalTime().date().toString(Qt::ISODate));
    CHECK(f.journal.editorTitle() == QStringLiteral("New intention"));
    CHECK(f.journal.editorPrompt() ==
          QStringLiteral("What would you like to bring to this session?"));
    CHECK_FALSE(f.journal.editorShared());
    CHECK_FALSE(f.journal.editorCanSave());
    CHECK_FALSE(f.journal.save());
    f.journal.setEditorText(QStringLiteral("Stay curious"));
    f.journal.setEditorInfusionDate(QStringLiteral("2026-03-0"));
    CHECK_FALSE(f.journal.editorCanSave());
    f.journal.setEditorInfusionDate(QStringLiteral("2026-03-05"));
    REQUIRE(f.journal.save());
    CHECK_FALSE(f.journal.editorOpen());

    REQUIRE(f.journal.threads().size() == 1);
    const QVariantMap thread = f.journal.threads().front().toMap();
    CHECK(thread.value(u"key"_s).toString() == QStringLiteral("date:2026-03-05"));
    f.write(QStringLiteral("insight"), QStringLiteral("Rest is allowed"),
            thread.value(u"key"_s).toString());
    CHECK(f.journal.entries().back().body.infusionDate == QDate(2026, 3, 5));
    CHECK(f.journal.lastIntention() == QStringLiteral("Stay curious"));
    CHECK(f.journal.recentInsights() == QStringList{QStringLiteral("Rest is allowed")});
    CHECK(f.journal.hasCarryForward());

    const QVariantList steps = f.journal.threads().front().toMap().value(u"steps"_s).toList();
    REQUIRE(steps.size() == 5);
    CHECK(steps[0].toMap().value(u"kind"_s).toString() == QStringLiteral("intention"));
    const QVariantMap first = steps[0].toMap().value(u"entries"_s).toList().front().toMap();
    CHECK(first.value(u"text"_s).toString() == QStringLiteral("Stay curious"));
    CHECK(first.value(u"stateLabel"_s).toString() == QStringLiteral("Saved on this device"));
    CHECK_FALSE(first.value(u"shared"_s).toBool());
}

TEST_CASE("Editing keeps the kind's thread and makes a new version", "[presentation][journal]")
{
    Fixture f;
    f.write(QStringLiteral("free"), QStringLiteral("a free note"), QStringLiteral("free"));
    const QString id = f.journal.entries().front().id.toString();
    f.journal.startEdit(id);
    CHECK(f.journal.editorText() == QStringLiteral("a free note"));
    CHECK(f.journal.editorTitle() == QStringLiteral("Edit free entry"));
    f.journal.setEditorText(QStringLiteral("a better note"));
    f.journal.setEditorShared(true);
    REQUIRE(f.journal.save());
    REQUIRE(f.journal.entries().size() == 1);
    CHECK(f.journal.entries().front().version == 2);
    CHECK(f.journal.entries().front().body.shared);

    REQUIRE(f.journal.removeEntry(id));
    CHECK(f.journal.entryCount() == 0);
}

TEST_CASE("Actions marked remind me are listed as pending", "[presentation][journal]")
{
    Fixture f;
    f.journal.startEntry(QStringLiteral("action"), QString());
    CHECK(f.journal.editorIsAction());
    f.journal.setEditorText(QStringLiteral("Walk after lunch"));
    f.journal.setEditorRemind(true);
    REQUIRE(f.journal.save());
    REQUIRE(f.journal.pendingActions().size() == 1);
    CHECK(f.journal.pendingActions().front().toMap().value(u"text"_s).toString() ==
          QStringLiteral("Walk after lunch"));

    // Changing the kind away from action drops the flag.
    f.journal.startEdit(f.journal.entries().front().id.toString());
    f.journal.setEditorKindIndex(2);
    CHECK_FALSE(f.journal.editorRemind());
    REQUIRE(f.journal.save());
    CHECK(f.journal.pendingActions().isEmpty());
}

TEST_CASE("The draft is saved after a pause and restored after lock", "[presentation][journal]")
{
    Fixture f;
    f.journal.startEntry(QStringLiteral("experience"), QString());
    f.journal.setEditorText(QStringLiteral("Colours, then quiet"));
    CHECK(f.journal.draftSavePending());
    REQUIRE(testing::waitUntil([&] { return !f.journal.draftSavePending(); }));

    f.relock();
    CHECK(f.journal.hasDraft());
    CHECK_FALSE(f.journal.editorOpen());
    // Starting anything resumes the waiting draft instead of losing it.
    f.journal.startEntry(QStringLiteral("insight"), QString());
    CHECK(f.journal.editorOpen());
    CHECK(f.journal.editorRestored());
    CHECK(f.journal.editorText() == QStringLiteral("Colours, then quiet"));
    CHECK(f.journal.editorTitle() == QStringLiteral("New experience"));
    CHECK_FALSE(f.journal.hasDraft());

    // Cancel discards it for good.
    f.journal.cancel();
    f.relock();
    CHECK_FALSE(f.journal.hasDraft());
}

TEST_CASE("A pending draft is written when the profile locks", "[presentation][journal]")
{
    Fixture f;
    f.journal.setDraftDelay(60 * 60 * 1000); // the timer would never fire during the test
    f.journal.startEntry(QStringLiteral("insight"), QString());
    f.journal.setEditorText(QStringLiteral("typed just before locking"));
    CHECK(f.journal.draftSavePending());
    f.relock();
    CHECK(f.journal.hasDraft());
    f.journal.resumeDraft();
    CHECK(f.journal.editorText() == QStringLiteral("typed just before locking"));
    REQUIRE(f.journal.save());
    f.relock();
    CHECK_FALSE(f.journal.hasDraft());
    CHECK(f.journal.entryCount() == 1);
}

TEST_CASE("Locking drops all decrypted journal data, canary text is in no profile file",
          "[presentation][journal]")
{
    Fixture f;
    const QString canary = QStringLiteral("Canary Journal Zq8Rt");
    const QString draftCanary = QStringLiteral("Canary Draft Wm3Lp");
    f.write(QStringLiteral("intention"), canary + QStringLiteral(" intention"));
    f.write(QStringLiteral("insight"), canary + QStringLiteral(" insight"));
    f.journal.startEntry(QStringLiteral("action"), QString());
    f.journal.setEditorText(draftCanary);
    REQUIRE(testing::waitUntil([&] { return !f.journal.draftSavePending(); }));

    int entriesChanged = 0;
    QObject::connect(&f.journal, &JournalController::entriesChanged, [&] { ++entriesChanged; });
    f.profile.lock();
    CHECK(entriesChanged >= 1);
    CHECK_FALSE(f.journal.available());
    CHECK(f.journal.entryCount() == 0);
    CHECK(f.journal.entries().empty());
    CHECK(f.journal.threads().isEmpty());
    CHECK(f.journal.lastIntention().isEmpty());
    CHECK(f.journal.recentInsights().isEmpty());
    CHECK(f.journal.pendingActions().isEmpty());
    CHECK_FALSE(f.journal.editorOpen());
    CHECK(f.journal.editorText().isEmpty());
    CHECK_FALSE(f.journal.hasDraft());
    // Calls while locked do nothing.
    f.journal.startEntry(QStringLiteral("free"), QString());
    CHECK_FALSE(f.journal.editorOpen());

    CHECK(testing::filesContaining(f.dir.path(), canary).isEmpty());
    CHECK(testing::filesContaining(f.dir.path(), draftCanary).isEmpty());

    f.profile.unlock(testing::kTestPassphrase);
    REQUIRE(testing::waitUntil([&] { return !f.profile.busy(); }));
    CHECK(f.journal.available());
    CHECK(f.journal.entryCount() == 2);
    CHECK(f.journal.lastIntention() == canary + QStringLiteral(" intention"));
    CHECK(f.journal.hasDraft());
}
