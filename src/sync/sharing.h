#pragma once

#include "domain/record.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <set>

namespace companion::sync {

// What a patient can share with their care team, by category (issue 6, "Sharing"). Nothing is
// shared unless the patient turned it on: at enrolment, in Settings, or per entry.
enum class ShareCategory {
    CheckIns,     // diary.checkin
    Instruments,  // instrument.result
    PostInfusion, // diary.postinfusion
    Preparation,  // appointment, plan.checklist, ride.plan, nodriving.morningcheck
    Journal,      // journal.entry
    Safety,       // safety.event
};

QString shareCategoryName(ShareCategory category); // "checkins", "post-infusion", …
std::optional<ShareCategory> shareCategoryFromName(const QString &name);
QStringList shareCategoryNames();
// The category a record kind belongs to; nullopt for kinds that are never shared (settings).
std::optional<ShareCategory> shareCategoryOf(const QString &kind);

struct ShareChoices
{
    std::set<ShareCategory> categories; // categories turned on
    QHash<QString, bool> entries;       // record id → on/off, overriding everything else

    bool operator==(const ShareChoices &) const = default;
};

// Whether this version of a record should be readable by the care team:
//  1. never a tombstone or a kind outside the categories;
//  2. the patient's choice for this entry, when they made one;
//  3. a journal entry the patient marked "share with my care team" when writing it;
//  4. a safety event where the patient pressed "tell my clinic now", when the clinic opted in
//     to receive those (otherwise the app says it cannot, ADR 0008);
//  5. otherwise the entry's category.
bool shouldShare(const domain::Record &record, const ShareChoices &choices,
                 bool clinicReceivesSafetyAlerts);

} // namespace companion::sync
