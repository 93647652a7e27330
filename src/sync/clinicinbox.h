#pragma once

#include "common/ids.h"
#include "common/result.h"
#include "domain/protocol.h"
#include "protocol/clinicmessage.h"
#include "storage/database.h"
#include "sync/syncstore.h"

#include <QString>

#include <optional>

namespace companion::sync {

// Reading what the clinic sent, from any connection to the profile (the app's UI thread, the
// CLI). The sync engine checked all of it when it arrived (docs/sync-protocol.md, "Clinic
// messages" and "Clinic protocol"); these only decode.

// The clinic protocol this device accepted, parsed; nullopt when none arrived yet (the bundled
// default applies). Damaged if the stored copy no longer parses (never expected: it was parsed
// before it was stored).
Result<std::optional<domain::ClinicProtocol>> acceptedClinicProtocol(storage::Database &db);

// The protocol the patient's apps follow: the clinic's accepted one, else the bundled default
// (also when the stored copy cannot be read: crisis numbers must never be missing).
Result<domain::ClinicProtocol> protocolInUse(storage::Database &db);

// The content of a stored message.
Result<protocol::ClinicMessage> messageContent(const ReceivedMessage &message);

// The local record id of an appointment the clinic booked: its 16-byte id with the UUID v4
// version and variant bits set, so every device of the patient derives the same record id.
RecordId clinicAppointmentRecordId(const QString &appointmentIdHex);
// A record id sent as 32 hex digits (the envelope's record id bytes) as the local UUID text;
// null when the bytes are not a version 4 UUID.
RecordId recordIdFromHex(const QString &hex);

} // namespace companion::sync
