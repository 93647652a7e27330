// Settings → Your summary: SummaryController on a real profile writes the PDF into its folder
// under a new name each time, notes off by default and again after a lock, and an unwritable
// folder gives a clear error and no file.
#include <catch2/catch.hpp>

#include "domain/instrumentcatalog.h"
#include "domain/instrumentscoring.h"
#include "domain/journal.h"
#include "pdftext.h"
#include "presentation/profilecontroller.h"
#include "presentation/summarycontroller.h"
#include "storage/diaryrepository.h"
#include "storage/journalrepository.h"
#include "storage/profile.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"
#include "unit/presentation/profilesession.h"

#include <QDir>
#include <QFileInfo>

using namespace companion;
using namespace companion::presentation;
using namespace Qt::StringLiterals;

namespace {

struct Fixture
{
    testing::TempDir dir;
    testing::TempDir documents;
    testing::FakeClock clock{QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC)};
    ProfileController profile{dir.path(), clock};
    SummaryController summary{profile, u"US"_s, clock};

    Fixture()
    {
        testing::createUnlockedProfile(profile);
        summary.setFolder(documents.path());
        auto catalog = domain::InstrumentCatalog::loadBuiltIn();
        REQUIRE(catalog);
        const std::vector<int> answers{2, 2, 2, 1, 1, 1, 1, 1, 0};
        auto score = domain::scoreInstrument(*catalog->find(u"phq9"_s), answers);
        REQUIRE(score);
        storage::DiaryRepository diary(profile.profile()->records());
        REQUIRE(diary.add(
            domain::InstrumentResult::fromScore(*score, answers, clock.nowUtc().addDays(-3))));
        storage::JournalRepository journal(profile.profile()->database(),
                                           profile.profile()->records());
        domain::journal::EntryBody body;
        body.text = u"CANARY-controller"_s;
        REQUIRE(journal.add(body));
    }
};

} // namespace

TEST_CASE("The summary is saved into the folder shown, never overwriting one",
          "[summary][presentation]")
{
    Fixture f;
    CHECK(f.summary.available());
    CHECK_FALSE(f.summary.includeNotes());
    CHECK(f.summary.folderText().contains(QDir::toNativeSeparators(f.documents.path())));
    CHECK(f.summary.periods().size() == 4);
    CHECK(f.summary.periodIndex() == 1); // the last 90 days

    REQUIRE(f.summary.save());
    const QString first = f.summary.savedPath();
    CHECK(QFileInfo(first).fileName() == u"Companion summary 2026-06-01.pdf"_s);
    CHECK(f.summary.statusText().contains(QDir::toNativeSeparators(first)));
    CHECK(f.summary.errorText().isEmpty());
    const QString text = testing::pdfText(first);
    CHECK(text.contains(u"PHQ-9"_s));
    CHECK(text.contains(u"11 of 27"_s));
    CHECK_FALSE(text.contains(u"CANARY"_s));

    f.summary.setIncludeNotes(true);
    REQUIRE(f.summary.save());
    CHECK(QFileInfo(f.summary.savedPath()).fileName() == u"Companion summary 2026-06-01 (2).pdf"_s);
    CHECK(testing::pdfText(f.summary.savedPath()).contains(u"CANARY-controller"_s));
    CHECK(QFileInfo::exists(first));

    // Locking forgets the choice and the last result.
    testing::relockProfile(f.profile);
    CHECK_FALSE(f.summary.includeNotes());
    CHECK(f.summary.statusText().isEmpty());
    CHECK(f.summary.savedPath().isEmpty());
}

TEST_CASE("Nothing is saved while locked", "[summary][presentation]")
{
    Fixture f;
    f.profile.lock();
    CHECK_FALSE(f.summary.available());
    CHECK_FALSE(f.summary.save());
    CHECK(QDir(f.documents.path()).isEmpty());
}

TEST_CASE("An unwritable folder gives an error and no file", "[summary][presentation]")
{
    Fixture f;
    // /proc/self exists and takes no new files, even from root.
    f.summary.setFolder(u"/proc/self"_s);
    CHECK_FALSE(f.summary.save());
    CHECK(f.summary.errorText().contains(u"/proc/self"_s));
    CHECK(f.summary.savedPath().isEmpty());
    CHECK(f.summary.statusText().isEmpty());
    CHECK_FALSE(QFileInfo::exists(u"/proc/self/Companion summary 2026-06-01.pdf"_s));
}
