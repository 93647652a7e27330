#include "sync/clinicinbox.h"

#include "domain/appointment.h"
#include "protocol/clinicprotocol.h"
#include "protocol/keys.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace companion::sync {

// The protocol library keeps its own copy of the size cap (it does not link domain).
static_assert(protocol::kMaxClinicProtocolJson == domain::kMaxProtocolFileBytes);
static_assert(protocol::kMinMessageAppointmentMinutes == domain::kMinAppointmentMinutes);
static_assert(protocol::kMaxMessageAppointmentMinutes == domain::kMaxAppointmentMinutes);
static_assert(protocol::kMaxMessageLocation == domain::kMaxLocationLength);

Result<std::optional<domain::ClinicProtocol>> acceptedClinicProtocol(storage::Database &db)
{
    SyncStore store(db);
    auto held = store.clinicProtocol();
    if (!held)
        return held.error();
    if (!*held)
        return std::optional<domain::ClinicProtocol>();
    auto document = protocol::ClinicProtocolDocument::decode((*held)->document);
    if (!document)
        return makeError(ErrorCode::Damaged, u"the stored clinic protocol is damaged"_s);
    auto parsed = domain::parseProtocol(document->protocolJson);
    if (!parsed)
        return makeError(ErrorCode::Damaged, u"the stored clinic protocol is damaged"_s);
    return std::optional<domain::ClinicProtocol>(std::move(*parsed));
}

Result<domain::ClinicProtocol> protocolInUse(storage::Database &db)
{
    auto accepted = acceptedClinicProtocol(db);
    if (accepted && *accepted)
        return std::move(**accepted);
    return domain::loadDefaultProtocol();
}

Result<protocol::ClinicMessage> messageContent(const ReceivedMessage &message)
{
    auto content = protocol::ClinicMessage::fromJson(message.message);
    if (!content)
        return makeError(ErrorCode::Damaged, u"a stored clinic message is damaged"_s);
    return content;
}

RecordId clinicAppointmentRecordId(const QString &appointmentIdHex)
{
    auto bytes = protocol::idFromHex(appointmentIdHex);
    if (!bytes)
        return {};
    QByteArray raw(reinterpret_cast<const char *>(bytes->data()),
                   static_cast<qsizetype>(bytes->size()));
    raw[6] = static_cast<char>((raw[6] & 0x0f) | 0x40); // version 4
    raw[8] = static_cast<char>((raw[8] & 0x3f) | 0x80); // RFC 4122 variant
    return RecordId::fromString(QUuid::fromRfc4122(raw).toString(QUuid::WithoutBraces));
}

RecordId recordIdFromHex(const QString &hex)
{
    auto bytes = protocol::idFromHex(hex);
    if (!bytes)
        return {};
    const QUuid uuid = QUuid::fromRfc4122(
        QByteArrayView(reinterpret_cast<const char *>(bytes->data()), bytes->size()));
    return RecordId::fromString(uuid.toString(QUuid::WithoutBraces));
}

} // namespace companion::sync
