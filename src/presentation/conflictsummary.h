#pragma once

#include "common/result.h"
#include "storage/recordrepository.h"
#include "sync/syncstore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVariantList>

#include <vector>

namespace companion::presentation {

// The conflict chooser's words (Settings → Your clinic): for each entry that was edited on two
// devices at once, both versions in plain language — which device, when, and the entry's own
// summary (the same words as the diary and journal lists) — so the patient can pick one.
// Runs on the sync worker, which holds the database; QML only lays the result out.
class ConflictSummary
{
    Q_DECLARE_TR_FUNCTIONS(ConflictSummary)

public:
    // One version of an entry in words. `text` is what the person typed (a note, a journal
    // entry, a place): shown as plain text, never as markup.
    struct Version
    {
        QString title;   // "Check-in", "Journal: Insight", "PHQ-9"
        QString summary; // "Mood 6 · Anxiety 2 · Pain 1"; "Deleted" for a deletion
        QString text;
    };
    static Version describe(const QString &kind, const QByteArray &body, bool deleted);

    // One map per open conflict, in the order given, with the keys conflictId, title,
    // mineLabel, mineSummary, mineText, theirsLabel, theirsSummary, theirsText. "Mine" is the
    // edit this device kept aside; "theirs" is the record as it is now (the other device's).
    static Result<QVariantList> list(const std::vector<sync::Conflict> &conflicts,
                                     storage::RecordRepository &records);
};

} // namespace companion::presentation
