#include "careteam/sharedentry.h"

#include "protocol/envelope.h"

#include <algorithm>

namespace companion::careteam {

namespace {

QDateTime fromMs(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// The body as the domain decodes it for `kind`; monostate when this build does not know the
// kind or the body fails validation.
SharedBody decodeBody(const QString &kind, const QByteArray &body)
{
    if (domain::isDiaryKind(kind)) {
        auto decoded = domain::decodeBody(kind, body);
        return decoded ? SharedBody(std::move(decoded).value()) : SharedBody();
    }
    if (kind == domain::kinds::journalEntry) {
        auto decoded = domain::journal::decodeBody(body);
        return decoded ? SharedBody(std::move(decoded).value()) : SharedBody();
    }
    if (kind == domain::kinds::appointment) {
        auto decoded = domain::decodeAppointment(body);
        return decoded ? SharedBody(std::move(decoded).value()) : SharedBody();
    }
    if (kind == domain::kinds::ridePlan) {
        auto decoded = domain::decodeRidePlan(body);
        return decoded ? SharedBody(std::move(decoded).value()) : SharedBody();
    }
    if (kind == domain::kinds::planChecklist) {
        auto decoded = domain::decodeChecklistState(body);
        return decoded ? SharedBody(std::move(decoded).value()) : SharedBody();
    }
    if (kind == domain::kinds::noDrivingMorningCheck) {
        auto decoded = domain::decodeMorningCheck(body);
        return decoded ? SharedBody(std::move(decoded).value()) : SharedBody();
    }
    return SharedBody();
}

QDateTime occurredAtOf(const SharedBody &body, const CachedRecord &record)
{
    if (const auto *diary = std::get_if<domain::DiaryBody>(&body))
        return domain::occurredAtOf(*diary);
    if (const auto *appointment = std::get_if<domain::AppointmentBody>(&body))
        return appointment->startsAt;
    if (const auto *check = std::get_if<domain::MorningCheck>(&body))
        return check->answeredAt;
    if (record.occurredAt)
        return fromMs(*record.occurredAt);
    return fromMs(record.updatedAt.value_or(record.sharedAt));
}

} // namespace

QString coarseKindName(int coarseKind)
{
    switch (static_cast<protocol::RecordKind>(coarseKind)) {
    case protocol::RecordKind::Diary:
        return QStringLiteral("diary");
    case protocol::RecordKind::Instrument:
        return QStringLiteral("instrument");
    case protocol::RecordKind::Note:
        return QStringLiteral("note");
    case protocol::RecordKind::Checklist:
        return QStringLiteral("checklist");
    case protocol::RecordKind::Appointment:
        return QStringLiteral("appointment");
    case protocol::RecordKind::Settings:
        return QStringLiteral("settings");
    case protocol::RecordKind::Safety:
        return QStringLiteral("safety");
    }
    return QStringLiteral("unknown");
}

PatientRecords decodePatientRecords(const std::vector<CachedRecord> &records)
{
    PatientRecords out;
    for (const CachedRecord &record : records) {
        NotVisible hidden{record.recordId,
                          record.version,
                          record.coarseKind,
                          record.kind,
                          fromMs(record.sharedAt),
                          record.occurredAt ? std::optional(fromMs(*record.occurredAt))
                                            : std::nullopt,
                          record.state,
                          record.reason,
                          false};
        if (record.state != RecordState::Readable) {
            out.notVisible.push_back(std::move(hidden));
            continue;
        }
        SharedEntry entry;
        entry.recordId = record.recordId;
        entry.version = record.version;
        entry.kind = record.kind;
        entry.sharedAt = fromMs(record.sharedAt);
        entry.read = record.readAt.has_value();
        entry.createdAt = fromMs(record.createdAt.value_or(record.sharedAt));
        entry.updatedAt = fromMs(record.updatedAt.value_or(record.sharedAt));
        entry.body = decodeBody(record.kind, record.body);
        if (std::holds_alternative<std::monostate>(entry.body)) {
            hidden.undecodable = true;
            out.notVisible.push_back(std::move(hidden));
            continue;
        }
        entry.occurredAt = occurredAtOf(entry.body, record);
        out.entries.push_back(std::move(entry));
    }
    std::stable_sort(
        out.entries.begin(), out.entries.end(),
        [](const SharedEntry &a, const SharedEntry &b) { return a.occurredAt < b.occurredAt; });
    return out;
}

} // namespace companion::careteam
