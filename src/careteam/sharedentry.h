#pragma once

#include "careteam/therapistprofile.h"
#include "domain/appointment.h"
#include "domain/diaryentry.h"
#include "domain/journal.h"

#include <QDateTime>
#include <QString>

#include <variant>
#include <vector>

namespace companion::careteam {

// A readable shared record, decoded with the same domain rules the patient's app uses (a body
// from another device is validated again here; one that fails is reported, never shown half).
using SharedBody = std::variant<std::monostate, domain::DiaryBody, domain::journal::EntryBody,
                                domain::AppointmentBody, domain::RidePlan, domain::ChecklistState,
                                domain::MorningCheck>;

struct SharedEntry
{
    QString recordId;
    std::uint64_t version = 0;
    QString kind;
    QDateTime occurredAt; // when it happened; for kinds without a time, when it was last changed
    QDateTime sharedAt;
    QDateTime createdAt; // as the patient's device recorded them
    QDateTime updatedAt;
    bool read = false;
    SharedBody body;
};

// What the console holds for one patient, sorted: entries oldest first, and the records it
// cannot show (unreadable, withdrawn, or readable but of a kind or body this build cannot
// decode) with why.
struct NotVisible
{
    QString recordId;
    std::uint64_t version = 0;
    int coarseKind = 0;
    QString kind; // empty when never opened
    QDateTime sharedAt;
    std::optional<QDateTime> occurredAt;
    RecordState state = RecordState::Unreadable;
    Unreadable reason = Unreadable::None;
    bool undecodable = false; // opened, but this build cannot read the kind or the body
};

struct PatientRecords
{
    std::vector<SharedEntry> entries;
    std::vector<NotVisible> notVisible;
};

PatientRecords decodePatientRecords(const std::vector<CachedRecord> &records);

// The coarse kind's name ("diary", "instrument", "note", "checklist", "appointment",
// "settings", "safety") for records never opened.
QString coarseKindName(int coarseKind);

} // namespace companion::careteam
