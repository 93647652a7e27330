#include <catch2/catch.hpp>

#include "domain/journal.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace companion;
using namespace Qt::StringLiterals;
using namespace companion::domain::journal;

namespace {

const QDateTime kStart(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

Entry entry(EntryKind kind, const QString &text, int minutes, const QString &appointment = {},
            std::optional<QDate> date = std::nullopt)
{
    Entry e;
    e.id = RecordId::generate();
    e.version = 1;
    e.createdAt = kStart.addSecs(minutes * 60);
    e.updatedAt = e.createdAt;
    e.body.kind = kind;
    e.body.text = text;
    e.body.appointmentId = appointment;
    e.body.infusionDate = date;
    return e;
}

QStringList texts(const std::vector<Entry> &entries)
{
    QStringList result;
    for (const Entry &e : entries)
        result << e.body.text;
    return result;
}

} // namespace

TEST_CASE("Entry kinds have stable names and the canonical step order", "[domain][journal]")
{
    CHECK(entryKindName(EntryKind::FollowUp) == QStringLiteral("followup"));
    for (EntryKind kind : kAllKinds)
        CHECK(entryKindFromName(entryKindName(kind)) == kind);
    CHECK_FALSE(entryKindFromName(QStringLiteral("Intention")).has_value());
    CHECK(stepOrder(EntryKind::Intention) < stepOrder(EntryKind::Experience));
    CHECK(stepOrder(EntryKind::Experience) < stepOrder(EntryKind::Insight));
    CHECK(stepOrder(EntryKind::Insight) < stepOrder(EntryKind::Action));
    CHECK(stepOrder(EntryKind::Action) < stepOrder(EntryKind::FollowUp));
    CHECK(stepOrder(EntryKind::FollowUp) < stepOrder(EntryKind::Free));
}

TEST_CASE("Validation refuses empty and over-long text", "[domain][journal]")
{
    EntryBody body;
    body.kind = EntryKind::Intention;
    body.text = QStringLiteral("   \n\t ");
    auto empty = encodeBody(body);
    REQUIRE_FALSE(empty);
    CHECK(empty.error().code == ErrorCode::InvalidInput);
    CHECK(empty.error().message.contains(QStringLiteral("text")));

    body.text = QString(kMaxTextLength, u'a');
    CHECK(encodeBody(body));
    body.text.append(u'a');
    auto tooLong = encodeBody(body);
    REQUIRE_FALSE(tooLong);
    CHECK_FALSE(tooLong.error().message.contains(QStringLiteral("aaaa")));

    body.text = QStringLiteral("ok");
    body.remind = true;
    CHECK_FALSE(validate(body)); // "remind me" is for actions only
    body.kind = EntryKind::Action;
    CHECK(validate(body));
    body.appointmentId = QString(kMaxAppointmentIdLength + 1, u'x');
    CHECK_FALSE(validate(body));
}

TEST_CASE("Bodies round-trip, private by default, strict decoding", "[domain][journal]")
{
    EntryBody body;
    body.kind = EntryKind::Action;
    body.text = QStringLiteral("Walk <b>after</b> lunch\nevery day");
    body.appointmentId = QStringLiteral("appt-7");
    body.infusionDate = QDate(2026, 3, 14);
    body.promptId = QStringLiteral("action.step");
    body.remind = true;
    auto bytes = encodeBody(body);
    REQUIRE(bytes);
    auto decoded = decodeBody(*bytes);
    REQUIRE(decoded);
    CHECK(*decoded == body);
    CHECK_FALSE(decoded->shared);

    body.shared = true;
    auto sharedBytes = encodeBody(body);
    REQUIRE(sharedBytes);
    CHECK(decodeBody(*sharedBytes)->shared);

    // A body without a "shared" field is private.
    auto minimal = decodeBody(QByteArrayLiteral(R"({"kind":"insight","text":"x"})"));
    REQUIRE(minimal);
    CHECK_FALSE(minimal->shared);
    CHECK_FALSE(minimal->infusionDate.has_value());

    CHECK_FALSE(decodeBody(QByteArrayLiteral(R"({"kind":"dream","text":"x"})")));
    CHECK_FALSE(decodeBody(QByteArrayLiteral(R"({"kind":"free","text":""})")));
    CHECK_FALSE(decodeBody(QByteArrayLiteral(R"({"kind":"free","text":"x","shared":"yes"})")));
    CHECK_FALSE(
        decodeBody(QByteArrayLiteral(R"({"kind":"free","text":"x","infusionDate":"14/03/2026"})")));
    CHECK_FALSE(decodeBody(QByteArrayLiteral("[1,2]")));
}

TEST_CASE("Drafts may be empty and remember the entry they edit", "[domain][journal]")
{
    Draft draft;
    draft.body.kind = EntryKind::Experience;
    draft.entryId = RecordId::generate();
    draft.savedAt = kStart;
    auto bytes = encodeDraft(draft);
    REQUIRE(bytes);
    auto decoded = decodeDraft(*bytes);
    REQUIRE(decoded);
    CHECK(decoded->body == draft.body);
    CHECK(decoded->entryId == draft.entryId);
    CHECK(decoded->savedAt == kStart);
    CHECK_FALSE(decodeDraft(QByteArrayLiteral(R"({"format":99,"body":{}})")));
}

TEST_CASE("Threads group by appointment, else infusion date, the rest are free entries",
          "[domain][journal]")
{
    const QDate march3(2026, 3, 3);
    const QDate march10(2026, 3, 10);
    std::vector<Entry> entries = {
        entry(EntryKind::Free, u"free later"_s, 50),
        entry(EntryKind::Insight, u"insight 3rd"_s, 30, {}, march3),
        entry(EntryKind::Intention, u"intention 10th"_s, 40, {}, march10),
        entry(EntryKind::Experience, u"experience 3rd"_s, 20, {}, march3),
        entry(EntryKind::Intention, u"intention 3rd"_s, 10, {}, march3),
        entry(EntryKind::Intention, u"free intention"_s, 5),
        entry(EntryKind::FollowUp, u"follow-up appt"_s, 60, QStringLiteral("A1")),
        entry(EntryKind::Intention, u"intention appt"_s, 55, QStringLiteral("A1"), march10),
    };
    const auto threads = groupIntoThreads(entries);
    REQUIRE(threads.size() == 4);
    // Newest first by infusion date (the appointment thread and the date thread share the 10th:
    // the one with the newer activity first); free entries last.
    CHECK(threads[0].key == QStringLiteral("appointment:A1"));
    CHECK(threads[0].infusionDate == march10);
    CHECK(texts(threads[0].entries) == QStringList{u"intention appt"_s, u"follow-up appt"_s});
    CHECK(threads[1].key == QStringLiteral("date:2026-03-10"));
    CHECK(threads[2].key == QStringLiteral("date:2026-03-03"));
    CHECK(texts(threads[2].entries) ==
          QStringList{u"intention 3rd"_s, u"experience 3rd"_s, u"insight 3rd"_s});
    CHECK(threads[3].free);
    CHECK(texts(threads[3].entries) == QStringList{u"free intention"_s, u"free later"_s});
}

TEST_CASE("Within a thread: step order first, then the time of writing", "[domain][journal]")
{
    const QDate day(2026, 3, 3);
    std::vector<Entry> entries = {
        entry(EntryKind::FollowUp, u"follow-up"_s, 1, {}, day),
        entry(EntryKind::Action, u"action 2"_s, 9, {}, day),
        entry(EntryKind::Insight, u"insight"_s, 3, {}, day),
        entry(EntryKind::Action, u"action 1"_s, 2, {}, day),
        entry(EntryKind::Experience, u"experience"_s, 8, {}, day),
        entry(EntryKind::Intention, u"intention"_s, 7, {}, day),
        entry(EntryKind::Free, u"note"_s, 0, {}, day),
    };
    const auto threads = groupIntoThreads(entries);
    REQUIRE(threads.size() == 1);
    CHECK(texts(threads[0].entries) == QStringList{u"intention"_s, u"experience"_s, u"insight"_s,
                                                   u"action 1"_s, u"action 2"_s, u"follow-up"_s,
                                                   u"note"_s});
    // Editing later does not move an entry (creation time orders).
    entries[3].updatedAt = kStart.addDays(5);
    CHECK(texts(groupIntoThreads(entries)[0].entries)[3] == QStringLiteral("action 1"));
}

TEST_CASE("Undated threads sort by last activity, free entries stay last", "[domain][journal]")
{
    std::vector<Entry> entries = {
        entry(EntryKind::Free, u"free newest"_s, 100),
        entry(EntryKind::Intention, u"old appt"_s, 10, QStringLiteral("old")),
        entry(EntryKind::Intention, u"new appt"_s, 20, QStringLiteral("new")),
    };
    auto threads = groupIntoThreads(entries);
    REQUIRE(threads.size() == 3);
    CHECK(threads[0].appointmentId == QStringLiteral("new"));
    CHECK(threads[1].appointmentId == QStringLiteral("old"));
    CHECK(threads[2].free);
    entries[1].updatedAt = kStart.addDays(1); // an edit is activity
    threads = groupIntoThreads(entries);
    CHECK(threads[0].appointmentId == QStringLiteral("old"));
    CHECK(groupIntoThreads({}).empty());
}

TEST_CASE("Carry-forward: the last intention and the insights of the latest thread",
          "[domain][journal]")
{
    const QDate first(2026, 3, 3);
    const QDate second(2026, 3, 10);
    std::vector<Entry> entries = {
        entry(EntryKind::Intention, u"first intention"_s, 0, {}, first),
        entry(EntryKind::Insight, u"first insight"_s, 5, {}, first),
        entry(EntryKind::Intention, u"second intention"_s, 100, {}, second),
        entry(EntryKind::Insight, u"second insight a"_s, 110, {}, second),
        entry(EntryKind::Insight, u"second insight b"_s, 120, {}, second),
        entry(EntryKind::Insight, u"second insight c"_s, 130, {}, second),
        entry(EntryKind::Insight, u"second insight d"_s, 140, {}, second),
        entry(EntryKind::Experience, u"experience"_s, 150, {}, second),
    };
    auto carried = carryForward(entries);
    REQUIRE(carried.lastIntention);
    CHECK(carried.lastIntention->body.text == QStringLiteral("second intention"));
    CHECK(texts(carried.recentInsights) ==
          QStringList{u"second insight d"_s, u"second insight c"_s, u"second insight b"_s});
    CHECK(carryForward(entries, 1).recentInsights.size() == 1);

    // A newer insight in the first thread makes that thread the latest one for insights.
    entries.push_back(entry(EntryKind::Insight, u"late first insight"_s, 200, {}, first));
    carried = carryForward(entries);
    CHECK(texts(carried.recentInsights) ==
          QStringList{u"late first insight"_s, u"first insight"_s});
    CHECK(carried.lastIntention->body.text == QStringLiteral("second intention"));

    const auto none = carryForward({entry(EntryKind::Free, u"just a note"_s, 0)});
    CHECK_FALSE(none.lastIntention);
    CHECK(none.recentInsights.empty());
}

TEST_CASE("Pending actions are the actions marked remind me, newest first", "[domain][journal]")
{
    auto walk = entry(EntryKind::Action, u"walk"_s, 10);
    walk.body.remind = true;
    auto call = entry(EntryKind::Action, u"call a friend"_s, 20);
    call.body.remind = true;
    const auto quiet = entry(EntryKind::Action, u"no reminder"_s, 30);
    const auto insight = entry(EntryKind::Insight, u"insight"_s, 40);
    CHECK(texts(pendingActions({walk, quiet, call, insight})) ==
          QStringList{u"call a friend"_s, u"walk"_s});
}

TEST_CASE("Every kind has two or three prompts with unique ids", "[domain][journal]")
{
    QStringList ids;
    for (EntryKind kind : kAllKinds) {
        const auto prompts = promptsFor(kind);
        CHECK(prompts.size() >= 2);
        CHECK(prompts.size() <= 3);
        for (const Prompt &prompt : prompts) {
            CHECK(prompt.id.startsWith(entryKindName(kind) + u'.'));
            CHECK_FALSE(prompt.text.isEmpty());
            CHECK(prompt.id.size() <= kMaxPromptIdLength);
            CHECK_FALSE(ids.contains(prompt.id));
            ids << prompt.id;
            CHECK(promptById(prompt.id)->text == prompt.text);
        }
    }
    CHECK(promptsFor(EntryKind::Intention).front().text ==
          QStringLiteral("What would you like to bring to this session?"));
    CHECK_FALSE(promptById(QStringLiteral("nope")));
}
