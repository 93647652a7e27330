#pragma once

#include "common/ids.h"
#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace companion::domain {

// The infusion plan's record bodies: appointments, the checked state of each appointment's
// preparation checklist, the ride plan and the morning-after check-in. Like the diary, each body
// is validated before it is written and again when it is read (a body from sync must not crash
// the planner). JSON field names are in docs/api.md.

namespace kinds {
inline const QString appointment = QStringLiteral("appointment");
inline const QString planChecklist = QStringLiteral("plan.checklist");
inline const QString ridePlan = QStringLiteral("ride.plan");
inline const QString noDrivingMorningCheck = QStringLiteral("nodriving.morningcheck");
} // namespace kinds

inline constexpr int kMinAppointmentMinutes = 10;
inline constexpr int kMaxAppointmentMinutes = 12 * 60;
inline constexpr qsizetype kMaxLocationLength = 200;
inline constexpr qsizetype kMaxDriverNameLength = 100;
inline constexpr qsizetype kMaxPhoneLength = 32;

enum class AppointmentStatus { Scheduled, Cancelled };
// Who made it: the patient on this device, or the clinic (delivered through sync later). The
// app never lets the patient move a clinic appointment silently; that rule arrives with sync.
enum class AppointmentSource { Patient, Clinic };

struct AppointmentBody
{
    QDateTime startsAt; // UTC
    int durationMinutes = 60;
    AppointmentStatus status = AppointmentStatus::Scheduled;
    AppointmentSource source = AppointmentSource::Patient;
    QString location; // optional, plain text

    QDateTime endsAt() const { return startsAt.addSecs(60LL * durationMinutes); }
    friend bool operator==(const AppointmentBody &, const AppointmentBody &) = default;
};

// One stored appointment: the record's identity plus its body. The record id is the
// appointment's id everywhere (checklist, ride, journal threads, calendar UIDs).
struct Appointment
{
    RecordId id;
    std::int64_t version = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    AppointmentBody body;

    bool cancelled() const { return body.status == AppointmentStatus::Cancelled; }
};

// The checked items of one appointment's checklist, by template item id, with when they were
// checked. Kept apart from the appointment so moving it keeps what was already done.
struct ChecklistState
{
    RecordId appointmentId;
    std::map<QString, QDateTime> checked;
    friend bool operator==(const ChecklistState &, const ChecklistState &) = default;
};

struct RidePlan
{
    RecordId appointmentId;
    QString driverName;
    QString phone;
    std::optional<QDateTime> pickupAt;
    bool confirmed = false;
    friend bool operator==(const RidePlan &, const RidePlan &) = default;
};

// "Did you sleep? Do you feel clear-headed?" the morning after an infusion.
struct MorningCheck
{
    RecordId appointmentId;
    QDateTime answeredAt;
    bool slept = false;
    bool clearHeaded = false;
    friend bool operator==(const MorningCheck &, const MorningCheck &) = default;
};

QString appointmentStatusName(AppointmentStatus status);
QString appointmentSourceName(AppointmentSource source);

// InvalidInput naming the field, never the value.
Result<void> validate(const AppointmentBody &body);
Result<void> validate(const ChecklistState &state);
Result<void> validate(const RidePlan &plan);
Result<void> validate(const MorningCheck &check);

Result<QByteArray> encodeAppointment(const AppointmentBody &body);
Result<AppointmentBody> decodeAppointment(const QByteArray &bytes);
Result<QByteArray> encodeChecklistState(const ChecklistState &state);
Result<ChecklistState> decodeChecklistState(const QByteArray &bytes);
Result<QByteArray> encodeRidePlan(const RidePlan &plan);
Result<RidePlan> decodeRidePlan(const QByteArray &bytes);
Result<QByteArray> encodeMorningCheck(const MorningCheck &check);
Result<MorningCheck> decodeMorningCheck(const QByteArray &bytes);

// A phone number as typed ("+1 (555) 010-2030") → "tel:+15550102030" for a one-tap call
// (RFC 3966 global numbers keep the "+"; local numbers are passed as digits). Empty when the
// number has no digits.
QString telLink(const QString &phone);

} // namespace companion::domain
