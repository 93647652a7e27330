#include "domain/diaryentry.h"
#include "domain/journal.h"
#include "sync/retrypolicy.h"
#include "sync/sharing.h"

#include <catch2/catch.hpp>

using namespace companion;
using namespace companion::sync;
using namespace Qt::StringLiterals;

namespace {

domain::Record record(const QString &kind, const QByteArray &body)
{
    domain::Record r;
    r.id = RecordId::generate();
    r.kind = kind;
    r.version = 1;
    r.body = body;
    return r;
}

QByteArray journal(bool shared)
{
    domain::journal::EntryBody body;
    body.kind = domain::journal::EntryKind::Free;
    body.text = u"text"_s;
    body.shared = shared;
    return *domain::journal::encodeBody(body);
}

QByteArray safety(bool toldClinic)
{
    domain::SafetyEvent event;
    event.occurredAt = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    event.toldClinic = toldClinic;
    return *domain::encodeBody(domain::DiaryBody{event});
}

} // namespace

TEST_CASE("Nothing is shared unless the patient turned it on", "[sync][sharing]")
{
    ShareChoices none;
    const auto checkIn = record(u"diary.checkin"_s, "{}");
    CHECK_FALSE(shouldShare(checkIn, none, true));
    CHECK_FALSE(shouldShare(record(u"journal.entry"_s, journal(false)), none, true));
    CHECK_FALSE(shouldShare(record(u"profile.settings"_s, "{}"), none, true));

    ShareChoices checkIns;
    checkIns.categories.insert(ShareCategory::CheckIns);
    CHECK(shouldShare(checkIn, checkIns, false));
    auto deleted = checkIn;
    deleted.deleted = true;
    CHECK_FALSE(shouldShare(deleted, checkIns, false));

    // The entry's own choice wins over its category, both ways.
    ShareChoices entryOff = checkIns;
    entryOff.entries.insert(checkIn.id.toString(), false);
    CHECK_FALSE(shouldShare(checkIn, entryOff, false));
    ShareChoices entryOn;
    entryOn.entries.insert(checkIn.id.toString(), true);
    CHECK(shouldShare(checkIn, entryOn, false));

    // A journal entry marked "share" is shared on its own; the category shares them all.
    CHECK(shouldShare(record(u"journal.entry"_s, journal(true)), none, false));
    ShareChoices journals;
    journals.categories.insert(ShareCategory::Journal);
    CHECK(shouldShare(record(u"journal.entry"_s, journal(false)), journals, false));

    // "Tell my clinic now" reaches the clinic only when it opted in.
    CHECK(shouldShare(record(u"safety.event"_s, safety(true)), none, true));
    CHECK_FALSE(shouldShare(record(u"safety.event"_s, safety(true)), none, false));
    CHECK_FALSE(shouldShare(record(u"safety.event"_s, safety(false)), none, true));
}

TEST_CASE("Category names round-trip", "[sync][sharing]")
{
    for (const QString &name : shareCategoryNames()) {
        const auto category = shareCategoryFromName(name);
        REQUIRE(category);
        CHECK(shareCategoryName(*category) == name);
    }
    CHECK_FALSE(shareCategoryFromName(u"everything"_s));
    CHECK(shareCategoryOf(u"ride.plan"_s) == ShareCategory::Preparation);
    CHECK_FALSE(shareCategoryOf(u"profile.settings"_s));
}

TEST_CASE("Backoff doubles up to the cap, with jitter, and respects Retry-After", "[sync][retry]")
{
    const RetryPolicy policy{5, 100, 1000};
    const auto low = [] { return 0.0; };
    const auto high = [] { return 1.0; };
    CHECK(policy.delayMs(0, high) == 100);
    CHECK(policy.delayMs(0, low) == 50);
    CHECK(policy.delayMs(1, high) == 200);
    CHECK(policy.delayMs(3, high) == 800);
    CHECK(policy.delayMs(10, high) == 1000);
    CHECK(policy.delayMs(10, low) == 500);
    CHECK(policy.delayMs(0, 0, high) == 100); // Retry-After shorter than the backoff
    CHECK(policy.delayMs(0, 5, low) == 1000); // longer: capped
    CHECK(policy.delayMs(0, -1, low) == 50);  // none given
}
