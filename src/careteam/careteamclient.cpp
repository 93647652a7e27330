#include "careteam/careteamclient.h"

#include "protocol/json.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace companion::careteam {

namespace {

using protocol::JsonObjectReader;

constexpr qsizetype kMaxListAnswer = 24 * 1024 * 1024;
constexpr qsizetype kMaxList = 100000;
constexpr std::int64_t kMaxTime = 253402300799999LL;
constexpr std::int64_t kMaxInteger = std::int64_t(1) << 53;

Error malformed(const QString &what, const Error &cause)
{
    return makeError(
        ErrorCode::Damaged,
        u"the clinic server sent a malformed answer to %1 (%2)"_s.arg(what, cause.message));
}

// One list answer: {"<key>": [ {...}, … ]}, each item read by `item`.
template<typename T, typename ReadItem>
Result<std::vector<T>> readList(const QByteArray &body, const QString &key, const QString &what,
                                const QStringList &fields, ReadItem item)
{
    auto reader = JsonObjectReader::parse(body, kMaxListAnswer, {key});
    if (!reader)
        return malformed(what, reader.error());
    auto array = reader->array(key, kMaxList);
    if (!array)
        return malformed(what, array.error());
    std::vector<T> out;
    out.reserve(static_cast<std::size_t>(array->size()));
    for (qsizetype i = 0; i < array->size(); ++i) {
        auto object = JsonObjectReader::wrap(array->at(i), u"%1[%2]"_s.arg(key).arg(i), fields);
        if (!object)
            return malformed(what, object.error());
        auto value = item(*object);
        if (!value)
            return malformed(what, value.error());
        out.push_back(std::move(value).value());
    }
    return out;
}

Result<QString> idOf(const JsonObjectReader &reader, const QString &key)
{
    auto text = reader.string(key, 32);
    if (!text)
        return text.error();
    if (!protocol::idFromHex(*text))
        return makeError(ErrorCode::InvalidInput, reader.path(key) + u": not an id"_s);
    return text;
}

} // namespace

CareTeamClient::CareTeamClient(sync::HttpTransport &transport, sync::RetryPolicy policy,
                               sync::ClinicClient::Sleeper sleeper)
    : m_transport(transport)
    , m_client(transport, policy, std::move(sleeper))
{}

void CareTeamClient::setTherapist(const QString &therapistId,
                                  const protocol::SigningKeyPair *signing)
{
    // A therapist id is a principal like a device id: the same challenge login.
    m_client.setDevice(therapistId, signing);
}

Result<protocol::ClinicInfo> CareTeamClient::clinic()
{
    return m_client.clinic();
}

Result<protocol::CareTeamEnrolResponse> CareTeamClient::enrol(const QByteArray &codeProof,
                                                              const QByteArray &publicKey)
{
    const protocol::CareTeamEnrolRequest request{codeProof, publicKey};
    // Sent once, like the patient's enrolment: the code is single use, so a retry after a lost
    // answer could only be refused, and the person would be told the wrong reason.
    auto response = m_transport.send({"POST"_ba, "/v1/careteam/enrol"_ba, request.toJson(), {}});
    if (!response)
        return response.error();
    if (response->status == 403)
        return makeError(ErrorCode::Refused,
                         u"the clinic server did not accept this code: it is wrong, used, "
                         u"expired, or older than the care team's current key. Ask the clinic "
                         u"for a new one"_s);
    if (response->status != 201)
        return m_client.errorFor(*response);
    auto enrolled = protocol::CareTeamEnrolResponse::fromJson(response->body);
    if (!enrolled)
        return malformed(u"the enrolment"_s, enrolled.error());
    return enrolled;
}

Result<QByteArray> CareTeamClient::get(const QByteArray &target, const QString &what)
{
    auto response = m_client.call("GET"_ba, target, {}, true);
    if (!response)
        return response.error();
    if (response->status != 200) {
        Error error = m_client.errorFor(*response);
        if (error.code == ErrorCode::Refused)
            error.message = u"the clinic server refused this console (%1)"_s.arg(what);
        return error;
    }
    return response->body;
}

Result<std::vector<SealedCareTeamKey>> CareTeamClient::keys()
{
    auto body = get("/v1/careteam/keys"_ba, u"care-team keys"_s);
    if (!body)
        return body.error();
    return readList<SealedCareTeamKey>(
        *body, u"keys"_s, u"the care-team keys"_s,
        {u"epoch"_s, u"public_key"_s, u"sealed_secret"_s},
        [](const JsonObjectReader &item) -> Result<SealedCareTeamKey> {
            auto epoch = item.integer(u"epoch"_s, 1, 0xffffffffLL);
            auto publicKey = item.base64(u"public_key"_s, 32, 32);
            auto sealed = item.base64(u"sealed_secret"_s, protocol::kSealedBoxSecretSize,
                                      protocol::kSealedBoxSecretSize);
            if (!epoch)
                return epoch.error();
            if (!publicKey)
                return publicKey.error();
            if (!sealed)
                return sealed.error();
            return SealedCareTeamKey{static_cast<std::uint32_t>(*epoch), *publicKey, *sealed};
        });
}

Result<std::vector<PatientListing>> CareTeamClient::patients()
{
    auto body = get("/v1/careteam/patients"_ba, u"patient list"_s);
    if (!body)
        return body.error();
    return readList<PatientListing>(*body, u"patients"_s, u"the patient list"_s,
                                    {u"vault_id"_s, u"label"_s, u"shared_records"_s},
                                    [](const JsonObjectReader &item) -> Result<PatientListing> {
                                        auto vault = idOf(item, u"vault_id"_s);
                                        auto label = item.string(u"label"_s, 200);
                                        auto count =
                                            item.integer(u"shared_records"_s, 0, kMaxInteger);
                                        if (!vault)
                                            return vault.error();
                                        if (!label)
                                            return label.error();
                                        if (!count)
                                            return count.error();
                                        return PatientListing{*vault, *label, *count};
                                    });
}

Result<std::vector<SealedCollectionKey>> CareTeamClient::collectionKeys(const QString &vaultId)
{
    auto body = get("/v1/careteam/vaults/"_ba + vaultId.toLatin1() + "/sck"_ba,
                    u"shared-collection keys"_s);
    if (!body)
        return body.error();
    return readList<SealedCollectionKey>(
        *body, u"keys"_s, u"the shared-collection keys"_s,
        {u"generation"_s, u"ctk_epoch"_s, u"sealed"_s},
        [](const JsonObjectReader &item) -> Result<SealedCollectionKey> {
            auto generation = item.integer(u"generation"_s, 1, 0xffffffffLL);
            auto epoch = item.integer(u"ctk_epoch"_s, 1, 0xffffffffLL);
            auto sealed =
                item.base64(u"sealed"_s, protocol::kSealedKeySize, protocol::kSealedKeySize);
            if (!generation)
                return generation.error();
            if (!epoch)
                return epoch.error();
            if (!sealed)
                return sealed.error();
            return SealedCollectionKey{static_cast<std::uint32_t>(*generation),
                                       static_cast<std::uint32_t>(*epoch), *sealed};
        });
}

Result<std::vector<SharedRecordListing>> CareTeamClient::records(const QString &vaultId)
{
    auto body =
        get("/v1/careteam/vaults/"_ba + vaultId.toLatin1() + "/records"_ba, u"shared records"_s);
    if (!body)
        return body.error();
    return readList<SharedRecordListing>(
        *body, u"records"_s, u"the shared records"_s,
        {u"record_id"_s, u"version"_s, u"kind"_s, u"shared_at"_s},
        [](const JsonObjectReader &item) -> Result<SharedRecordListing> {
            auto record = idOf(item, u"record_id"_s);
            auto version = item.integer(u"version"_s, 1, kMaxInteger);
            auto kind = item.integer(u"kind"_s, 0, 0xffff);
            auto sharedAt = item.integer(u"shared_at"_s, 0, kMaxTime);
            if (!record)
                return record.error();
            if (!version)
                return version.error();
            if (!kind)
                return kind.error();
            if (!sharedAt)
                return sharedAt.error();
            return SharedRecordListing{*record, static_cast<std::uint64_t>(*version),
                                       static_cast<int>(*kind), *sharedAt};
        });
}

Result<SharedRecordBlob> CareTeamClient::record(const QString &vaultId, const QString &recordId)
{
    auto body =
        get("/v1/careteam/vaults/"_ba + vaultId.toLatin1() + "/records/"_ba + recordId.toLatin1(),
            u"a shared record"_s);
    if (!body)
        return body.error();
    auto reader = JsonObjectReader::parse(
        *body, kMaxListAnswer, {u"record_id"_s, u"version"_s, u"envelope"_s, u"shared_key"_s});
    if (!reader)
        return malformed(u"a shared record"_s, reader.error());
    auto id = idOf(*reader, u"record_id"_s);
    auto version = reader->integer(u"version"_s, 1, kMaxInteger);
    auto envelope = reader->base64(u"envelope"_s, static_cast<qsizetype>(protocol::kHeaderSize),
                                   static_cast<qsizetype>(protocol::kMaxEnvelopeSize));
    auto sharedKey = reader->base64(u"shared_key"_s, 1, 256);
    if (!id || !version || !envelope || !sharedKey)
        return makeError(ErrorCode::Damaged, u"the clinic server sent a malformed record"_s);
    if (*id != recordId)
        return makeError(ErrorCode::Damaged,
                         u"the clinic server answered with another record than asked"_s);
    return SharedRecordBlob{*id, static_cast<std::uint64_t>(*version), *envelope, *sharedKey};
}

Result<PostedMessage> CareTeamClient::postMessage(const QString &vaultId,
                                                  const protocol::PostMessageRequest &request)
{
    auto response =
        m_client.call("POST"_ba, "/v1/careteam/vaults/"_ba + vaultId.toLatin1() + "/messages"_ba,
                      request.toJson(), true);
    if (!response)
        return response.error();
    if (response->status != 201 && response->status != 200) {
        // 409 is not a refusal of this console: another message holds the id (never expected
        // with random ids), so the caller can tell it from a removed therapist.
        if (response->status == 409)
            return makeError(ErrorCode::AlreadyExists,
                             u"the clinic server holds another message under this id"_s);
        Error error = m_client.errorFor(*response);
        if (error.code == ErrorCode::Refused)
            error.message = u"the clinic server refused this console (a reply)"_s;
        return error;
    }
    auto reader = JsonObjectReader::parse(response->body, 4096, {u"seq"_s});
    if (!reader)
        return malformed(u"a reply"_s, reader.error());
    auto seq = reader->integer(u"seq"_s, 1, kMaxInteger);
    if (!seq)
        return malformed(u"a reply"_s, seq.error());
    return PostedMessage{*seq, response->status == 200};
}

Result<std::vector<AlertListing>> CareTeamClient::alerts()
{
    auto body = get("/v1/careteam/alerts"_ba, u"alerts"_s);
    if (!body)
        return body.error();
    return readList<AlertListing>(
        *body, u"alerts"_s, u"the alerts"_s,
        {u"alert_id"_s, u"vault_id"_s, u"record_id"_s, u"version"_s, u"created_at"_s},
        [](const JsonObjectReader &item) -> Result<AlertListing> {
            auto alert = idOf(item, u"alert_id"_s);
            auto vault = idOf(item, u"vault_id"_s);
            auto record = idOf(item, u"record_id"_s);
            auto version = item.integer(u"version"_s, 1, kMaxInteger);
            auto created = item.integer(u"created_at"_s, 0, kMaxTime);
            if (!alert || !vault || !record || !version || !created)
                return makeError(ErrorCode::InvalidInput, u"alerts: malformed item"_s);
            return AlertListing{*alert, *vault, *record, static_cast<std::uint64_t>(*version),
                                *created};
        });
}

Result<void> CareTeamClient::acknowledgeAlert(const QString &alertId)
{
    auto response = m_client.call(
        "POST"_ba, "/v1/careteam/alerts/"_ba + alertId.toLatin1() + "/ack"_ba, "{}"_ba, true);
    if (!response)
        return response.error();
    // 404: already acknowledged (by a colleague) — the goal is reached either way.
    if (response->status != 204 && response->status != 404)
        return m_client.errorFor(*response);
    return {};
}

} // namespace companion::careteam
