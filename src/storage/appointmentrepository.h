#pragma once

#include "common/result.h"
#include "domain/appointment.h"
#include "domain/reminderplanner.h"
#include "storage/recordrepository.h"

#include <QDateTime>

#include <optional>
#include <vector>

namespace companion::storage {

// Appointments and what hangs off them, over RecordRepository (so every change keeps its
// previous version and queues an outbox row in the same transaction):
//
//   appointment             one record per appointment; its record id is the appointment id.
//                           Moving or cancelling writes a new version (cancelled appointments
//                           stay, so the cancellation syncs and calendars can drop the event).
//   plan.checklist          at most one per appointment: the checked items by template id.
//   ride.plan               at most one per appointment.
//   nodriving.morningcheck  at most one per appointment; a new answer is a new version.
//
// The per-appointment records are separate from the appointment so that moving it (or the
// clinic moving it through sync) never touches what the patient ticked off.
class AppointmentRepository
{
public:
    explicit AppointmentRepository(RecordRepository &records);

    Result<domain::Appointment> add(const domain::AppointmentBody &body);
    // New start (and optionally duration); a cancelled appointment cannot move (InvalidInput).
    Result<domain::Appointment> move(const RecordId &id, const QDateTime &startsAt,
                                     std::optional<int> durationMinutes = std::nullopt);
    Result<domain::Appointment> cancel(const RecordId &id);
    // NotFound when there is no such appointment.
    Result<domain::Appointment> get(const RecordId &id);
    // Every appointment (cancelled ones too), by start time.
    Result<std::vector<domain::Appointment>> list();

    // The checked state (empty when nothing was checked yet).
    Result<domain::ChecklistState> checklist(const RecordId &appointmentId);
    Result<domain::ChecklistState> setChecked(const RecordId &appointmentId, const QString &itemId,
                                              bool checked, const QDateTime &at);

    Result<std::optional<domain::RidePlan>> ride(const RecordId &appointmentId);
    Result<domain::RidePlan> setRide(const domain::RidePlan &plan);

    Result<std::optional<domain::MorningCheck>> morningCheck(const RecordId &appointmentId);
    Result<domain::MorningCheck> recordMorningCheck(const domain::MorningCheck &check);

    // Everything the reminder planner and the calendar export read.
    Result<domain::PlanInputs> planInputs();

private:
    template<typename Body>
    struct Stored
    {
        RecordId recordId;
        Body body;
    };
    // The record of `kind` for `appointmentId`, decoded with `decode`.
    template<typename Body, typename Decode>
    Result<std::optional<Stored<Body>>> findFor(const QString &kind, const RecordId &appointmentId,
                                                Decode decode);
    template<typename Body, typename Decode>
    Result<std::vector<Body>> listAll(const QString &kind, Decode decode);
    Result<void> requireAppointment(const RecordId &id);

    RecordRepository &m_records;
};

} // namespace companion::storage
