#include "storage/appointmentrepository.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::storage {

using domain::Appointment;
using domain::AppointmentBody;

namespace {

Error damaged(const QString &what, const domain::Record &record, const Error &error)
{
    // The record id helps support find it; the message names fields only, never values.
    return makeError(ErrorCode::Damaged,
                     u"%1 %2 does not decode: %3"_s.arg(what, record.id.toString(), error.message));
}

Result<Appointment> toAppointment(const domain::Record &record)
{
    auto body = domain::decodeAppointment(record.body);
    if (!body)
        return damaged(u"appointment"_s, record, body.error());
    return Appointment{record.id, record.version, record.createdAt, record.updatedAt,
                       std::move(*body)};
}

// An appointment the clinic booked is the clinic's: it arrives (and moves, and is cancelled) only
// through the clinic's signed messages, which each of the patient's devices applies itself; a
// local edit would silently disagree with the clinic and never reach it (ADR 0014).
Result<void> requirePatientMade(const Appointment &appointment)
{
    if (appointment.body.source == domain::AppointmentSource::Clinic)
        return makeError(ErrorCode::InvalidInput,
                         u"your clinic made this appointment; ask your clinic to move or cancel "
                         u"it"_s);
    return {};
}

} // namespace

AppointmentRepository::AppointmentRepository(RecordRepository &records)
    : m_records(records)
{}

Result<Appointment> AppointmentRepository::add(const AppointmentBody &body)
{
    auto bytes = domain::encodeAppointment(body);
    if (!bytes)
        return bytes.error();
    auto record = m_records.create(domain::kinds::appointment, *bytes, body.startsAt);
    if (!record)
        return record.error();
    return toAppointment(*record);
}

Result<Appointment> AppointmentRepository::get(const RecordId &id)
{
    auto record = m_records.find(id);
    if (!record)
        return record.error();
    if (!*record || (*record)->deleted || (*record)->kind != domain::kinds::appointment)
        return makeError(ErrorCode::NotFound, u"no such appointment"_s);
    return toAppointment(**record);
}

Result<void> AppointmentRepository::requireAppointment(const RecordId &id)
{
    auto appointment = get(id);
    if (!appointment)
        return appointment.error();
    return {};
}

Result<Appointment> AppointmentRepository::move(const RecordId &id, const QDateTime &startsAt,
                                                std::optional<int> durationMinutes)
{
    auto current = get(id);
    if (!current)
        return current.error();
    COMPANION_TRY(requirePatientMade(*current));
    if (current->cancelled())
        return makeError(ErrorCode::InvalidInput, u"a cancelled appointment cannot be moved"_s);
    AppointmentBody body = current->body;
    body.startsAt = startsAt.toUTC();
    if (durationMinutes)
        body.durationMinutes = *durationMinutes;
    auto bytes = domain::encodeAppointment(body);
    if (!bytes)
        return bytes.error();
    auto record = m_records.update(id, *bytes, body.startsAt);
    if (!record)
        return record.error();
    return toAppointment(*record);
}

Result<Appointment> AppointmentRepository::cancel(const RecordId &id)
{
    auto current = get(id);
    if (!current)
        return current.error();
    COMPANION_TRY(requirePatientMade(*current));
    if (current->cancelled())
        return *current; // already cancelled: nothing to write
    AppointmentBody body = current->body;
    body.status = domain::AppointmentStatus::Cancelled;
    auto bytes = domain::encodeAppointment(body);
    if (!bytes)
        return bytes.error();
    auto record = m_records.update(id, *bytes);
    if (!record)
        return record.error();
    return toAppointment(*record);
}

Result<std::vector<Appointment>> AppointmentRepository::list()
{
    auto records = m_records.list(domain::kinds::appointment);
    if (!records)
        return records.error();
    std::vector<Appointment> appointments;
    appointments.reserve(records->size());
    for (const domain::Record &record : *records) {
        auto appointment = toAppointment(record);
        if (!appointment)
            return appointment.error();
        appointments.push_back(std::move(*appointment));
    }
    std::stable_sort(appointments.begin(), appointments.end(),
                     [](const Appointment &a, const Appointment &b) {
                         return a.body.startsAt < b.body.startsAt;
                     });
    return appointments;
}

template<typename Body, typename Decode>
Result<std::vector<Body>> AppointmentRepository::listAll(const QString &kind, Decode decode)
{
    auto records = m_records.list(kind);
    if (!records)
        return records.error();
    std::vector<Body> bodies;
    for (const domain::Record &record : *records) {
        auto body = decode(record.body);
        if (!body)
            return damaged(kind, record, body.error());
        bodies.push_back(std::move(*body));
    }
    return bodies;
}

template<typename Body, typename Decode>
Result<std::optional<AppointmentRepository::Stored<Body>>>
AppointmentRepository::findFor(const QString &kind, const RecordId &appointmentId, Decode decode)
{
    // A handful of records per appointment and a few dozen appointments: a scan is enough and
    // keeps the appointment id inside the encrypted body rather than in an indexed column.
    auto records = m_records.list(kind);
    if (!records)
        return records.error();
    for (const domain::Record &record : *records) {
        auto body = decode(record.body);
        if (!body)
            return damaged(kind, record, body.error());
        if (body->appointmentId == appointmentId)
            return std::optional<Stored<Body>>(Stored<Body>{record.id, std::move(*body)});
    }
    return std::optional<Stored<Body>>();
}

Result<domain::ChecklistState> AppointmentRepository::checklist(const RecordId &appointmentId)
{
    COMPANION_TRY(requireAppointment(appointmentId));
    auto found = findFor<domain::ChecklistState>(domain::kinds::planChecklist, appointmentId,
                                                 domain::decodeChecklistState);
    if (!found)
        return found.error();
    if (!*found)
        return domain::ChecklistState{appointmentId, {}};
    return (*found)->body;
}

Result<domain::ChecklistState> AppointmentRepository::setChecked(const RecordId &appointmentId,
                                                                 const QString &itemId,
                                                                 bool checked, const QDateTime &at)
{
    COMPANION_TRY(requireAppointment(appointmentId));
    auto found = findFor<domain::ChecklistState>(domain::kinds::planChecklist, appointmentId,
                                                 domain::decodeChecklistState);
    if (!found)
        return found.error();
    domain::ChecklistState state =
        *found ? (*found)->body : domain::ChecklistState{appointmentId, {}};
    const bool was = state.checked.count(itemId) > 0;
    if (was == checked)
        return state; // no change, no new version
    if (checked)
        state.checked[itemId] = at.toUTC();
    else
        state.checked.erase(itemId);
    auto bytes = domain::encodeChecklistState(state);
    if (!bytes)
        return bytes.error();
    auto written = *found ? m_records.update((*found)->recordId, *bytes)
                          : m_records.create(domain::kinds::planChecklist, *bytes);
    if (!written)
        return written.error();
    return state;
}

Result<std::optional<domain::RidePlan>> AppointmentRepository::ride(const RecordId &appointmentId)
{
    COMPANION_TRY(requireAppointment(appointmentId));
    auto found =
        findFor<domain::RidePlan>(domain::kinds::ridePlan, appointmentId, domain::decodeRidePlan);
    if (!found)
        return found.error();
    if (!*found)
        return std::optional<domain::RidePlan>();
    return std::optional<domain::RidePlan>((*found)->body);
}

Result<domain::RidePlan> AppointmentRepository::setRide(const domain::RidePlan &plan)
{
    COMPANION_TRY(requireAppointment(plan.appointmentId));
    auto bytes = domain::encodeRidePlan(plan);
    if (!bytes)
        return bytes.error();
    auto found = findFor<domain::RidePlan>(domain::kinds::ridePlan, plan.appointmentId,
                                           domain::decodeRidePlan);
    if (!found)
        return found.error();
    auto written = *found ? m_records.update((*found)->recordId, *bytes)
                          : m_records.create(domain::kinds::ridePlan, *bytes);
    if (!written)
        return written.error();
    return plan;
}

Result<std::optional<domain::MorningCheck>>
AppointmentRepository::morningCheck(const RecordId &appointmentId)
{
    COMPANION_TRY(requireAppointment(appointmentId));
    auto found = findFor<domain::MorningCheck>(domain::kinds::noDrivingMorningCheck, appointmentId,
                                               domain::decodeMorningCheck);
    if (!found)
        return found.error();
    if (!*found)
        return std::optional<domain::MorningCheck>();
    return std::optional<domain::MorningCheck>((*found)->body);
}

Result<domain::MorningCheck>
AppointmentRepository::recordMorningCheck(const domain::MorningCheck &check)
{
    COMPANION_TRY(requireAppointment(check.appointmentId));
    auto bytes = domain::encodeMorningCheck(check);
    if (!bytes)
        return bytes.error();
    auto found = findFor<domain::MorningCheck>(domain::kinds::noDrivingMorningCheck,
                                               check.appointmentId, domain::decodeMorningCheck);
    if (!found)
        return found.error();
    auto written =
        *found ? m_records.update((*found)->recordId, *bytes, check.answeredAt)
               : m_records.create(domain::kinds::noDrivingMorningCheck, *bytes, check.answeredAt);
    if (!written)
        return written.error();
    return check;
}

Result<domain::PlanInputs> AppointmentRepository::planInputs()
{
    domain::PlanInputs inputs;
    auto appointments = list();
    if (!appointments)
        return appointments.error();
    inputs.appointments = std::move(*appointments);
    auto checklists =
        listAll<domain::ChecklistState>(domain::kinds::planChecklist, domain::decodeChecklistState);
    if (!checklists)
        return checklists.error();
    inputs.checklists = std::move(*checklists);
    auto rides = listAll<domain::RidePlan>(domain::kinds::ridePlan, domain::decodeRidePlan);
    if (!rides)
        return rides.error();
    inputs.rides = std::move(*rides);
    auto checks = listAll<domain::MorningCheck>(domain::kinds::noDrivingMorningCheck,
                                                domain::decodeMorningCheck);
    if (!checks)
        return checks.error();
    inputs.morningChecks = std::move(*checks);
    return inputs;
}

} // namespace companion::storage
