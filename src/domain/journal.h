#pragma once

#include "common/ids.h"
#include "common/result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace companion::domain {

// The integration journal: entries written between sessions, grouped into a thread per infusion
// (intention before → experience after → insights → actions → follow-up), plus free entries.
// Pure rules only; storage is storage/journalrepository.h. The body format is in
// docs/architecture.md ("Integration journal").

namespace kinds {
inline const QString journalEntry = QStringLiteral("journal.entry");
} // namespace kinds

namespace journal {

// The canonical step order of a thread; Free entries come after the steps.
enum class EntryKind { Intention = 0, Experience, Insight, Action, FollowUp, Free };

inline constexpr EntryKind kAllKinds[] = {EntryKind::Intention, EntryKind::Experience,
                                          EntryKind::Insight,   EntryKind::Action,
                                          EntryKind::FollowUp,  EntryKind::Free};

inline constexpr qsizetype kMaxTextLength = 20000; // characters (QChar units)
inline constexpr qsizetype kMaxAppointmentIdLength = 128;
inline constexpr qsizetype kMaxPromptIdLength = 64;

// "intention", "experience", "insight", "action", "followup", "free".
QString entryKindName(EntryKind kind);
std::optional<EntryKind> entryKindFromName(const QString &name);
// 0 … 5 in the canonical step order.
int stepOrder(EntryKind kind);
// The translated name of a step ("Intention", "Follow-up", …).
QString entryKindLabel(EntryKind kind);

// What a journal.entry record's body holds.
struct EntryBody
{
    EntryKind kind = EntryKind::Free;
    QString text;                      // plain text, never rendered as markup
    QString appointmentId;             // empty: none (appointments arrive with a later issue)
    std::optional<QDate> infusionDate; // groups a thread while there are no appointments
    bool shared = false;               // private by default; takes effect once sync exists
    QString promptId;                  // the prompt shown while writing, if any
    bool remind = false;               // actions only: "remind me" (scheduling comes later)

    friend bool operator==(const EntryBody &, const EntryBody &) = default;
};

// InvalidInput naming the field (never its value): empty or whitespace-only text, text over
// kMaxTextLength, an over-long appointment or prompt id, an invalid date, remind on a non-action.
Result<void> validate(const EntryBody &body);
// Validates, then encodes compact JSON.
Result<QByteArray> encodeBody(const EntryBody &body);
// Strict decode, validated.
Result<EntryBody> decodeBody(const QByteArray &bytes);

// One stored entry: the record's identity plus its decoded body.
struct Entry
{
    RecordId id;
    std::int64_t version = 0;
    QDateTime createdAt; // UTC; orders entries within a step
    QDateTime updatedAt; // UTC
    EntryBody body;
};

// The unsaved text of the editor. Unlike an entry it may be empty, and it is never synced.
struct Draft
{
    EntryBody body;
    RecordId entryId; // the entry being edited; null for a new entry
    QDateTime savedAt;
};
Result<QByteArray> encodeDraft(const Draft &draft);
Result<Draft> decodeDraft(const QByteArray &bytes);

// A thread: the entries about one infusion (same appointment id, or else the same infusion
// date), or the free entries (neither).
struct Thread
{
    QString key; // "appointment:<id>", "date:<yyyy-MM-dd>" or "free"
    QString appointmentId;
    std::optional<QDate> infusionDate;
    bool free = false;
    std::vector<Entry> entries; // step order, then creation time, then id
    QDateTime lastActivity;     // the newest createdAt/updatedAt in the thread
};

QString threadKeyOf(const EntryBody &body);
// Groups entries into threads. Threads are newest first: by infusion date when they have one,
// else by last activity (a dated thread sorts at the start of its date, UTC); the free thread is
// always last. Within a thread: canonical step order, then createdAt, then id.
std::vector<Thread> groupIntoThreads(std::vector<Entry> entries);

// What to carry into the next infusion's preparation and Today.
struct CarryForward
{
    std::optional<Entry> lastIntention; // the most recently written intention
    std::vector<Entry> recentInsights;  // insights of the thread with the newest insight,
                                        // newest first, at most maxInsights
};
CarryForward carryForward(const std::vector<Entry> &entries, int maxInsights = 3);

// Action entries with "remind me" on, newest first.
std::vector<Entry> pendingActions(const std::vector<Entry> &entries);

// Gentle prompts for each kind (2–3 each), translated. Ids are stable ("intention.bring").
struct Prompt
{
    QString id;
    QString text;
};
std::vector<Prompt> promptsFor(EntryKind kind);
// The prompt with this id, if any (for showing what an entry was written against).
std::optional<Prompt> promptById(const QString &id);

} // namespace journal
} // namespace companion::domain
