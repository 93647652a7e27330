#include "sync/clinicclient.h"

#include "protocol/json.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>

using namespace Qt::StringLiterals;

namespace companion::sync {

namespace {

using protocol::JsonObjectReader;

constexpr qsizetype kMaxAnswer = 24 * 1024 * 1024;
constexpr qsizetype kMaxIdLength = 64;
constexpr qsizetype kMaxTextLength = 512;

bool isTransient(int status)
{
    return status == 429 || status == 502 || status == 503 || status == 504;
}

Error malformedAnswer(const QString &what, const Error &cause)
{
    return makeError(
        ErrorCode::Damaged,
        u"the clinic server sent a malformed answer to %1 (%2)"_s.arg(what, cause.message));
}

// The `error` code of an error body, or empty when the body is not one.
QString serverErrorCode(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body.left(4096));
    return doc.isObject() ? doc.object().value(u"error"_s).toString().left(64) : QString();
}

QByteArray smallJson(const QJsonObject &object)
{
    return protocol::toCompactJson(object);
}

// A server that does not take the binary push body (ADR 0030): 415 from one that knows the
// media type check, and from servers before it the JSON parser's 400 (they read every push body
// as JSON whatever its type). Either refused the body before reading an item: nothing was stored.
bool refusesBinaryPush(const HttpResponse &response)
{
    if (response.status == 415)
        return true;
    if (response.status != 400)
        return false;
    const QJsonDocument answer = QJsonDocument::fromJson(response.body);
    return answer.object().value(u"message"_s).toString().startsWith(u"body is not valid JSON"_s);
}

} // namespace

ClinicClient::ClinicClient(HttpTransport &transport, RetryPolicy policy, Sleeper sleeper)
    : m_transport(transport)
    , m_policy(policy)
    , m_sleep(std::move(sleeper))
{
    if (!m_sleep)
        m_sleep = [](int ms) { QThread::msleep(static_cast<unsigned long>(ms)); };
}

void ClinicClient::setDevice(const QString &deviceId, const protocol::SigningKeyPair *signing)
{
    m_deviceId = deviceId;
    m_signing = signing;
    m_token.clear();
}

Error ClinicClient::errorFor(const HttpResponse &response) const
{
    const QString code = serverErrorCode(response.body);
    const QString detail = code.isEmpty() ? u"HTTP %1"_s.arg(response.status)
                                          : u"HTTP %1 %2"_s.arg(response.status).arg(code);
    switch (response.status) {
    case 400:
    case 413:
    case 431:
        return makeError(ErrorCode::InvalidInput,
                         u"the clinic server could not accept the request (%1)"_s.arg(detail));
    case 401:
    case 403:
        return makeError(ErrorCode::Refused,
                         u"the clinic server refused this device (%1)"_s.arg(detail));
    case 404:
        return makeError(ErrorCode::NotFound,
                         u"the clinic server has no such item (%1)"_s.arg(detail));
    case 409:
        return makeError(ErrorCode::Refused,
                         u"the clinic server holds a different version (%1)"_s.arg(detail));
    case 410:
        // Another of the patient's devices deleted everything (DELETE /v1/vault).
        return makeError(ErrorCode::Refused,
                         u"%1 (%2). This device can no longer sync; you can delete what is "
                         u"left on it with: companion-cli delete-everything --confirm "
                         u"--local-only"_s.arg(QLatin1String(kVaultDeletedMessage), detail));
    default:
        break;
    }
    if (isTransient(response.status) || response.status >= 500)
        return makeError(
            ErrorCode::Network,
            u"the clinic server is busy or failing (%1); try again later"_s.arg(detail));
    return makeError(ErrorCode::Refused,
                     u"unexpected answer from the clinic server (%1)"_s.arg(detail));
}

Result<HttpResponse> ClinicClient::sendWithRetries(const HttpRequest &request)
{
    const auto random = [] { return QRandomGenerator::global()->generateDouble(); };
    for (int attempt = 0;; ++attempt) {
        ++m_requests;
        auto response = m_transport.send(request);
        int retryAfter = -1;
        if (response) {
            if (!isTransient(response->status) && response->status < 500)
                return response;
            retryAfter = response->retryAfterSeconds;
        }
        if (attempt + 1 >= m_policy.maxAttempts) {
            if (!response)
                return response.error();
            return errorFor(*response);
        }
        ++m_retries;
        m_sleep(m_policy.delayMs(attempt, retryAfter, random));
    }
}

Result<void> ClinicClient::login()
{
    if (!m_signing || m_deviceId.isEmpty())
        return makeError(ErrorCode::Internal, u"this device is not enrolled"_s);
    protocol::ChallengeRequest challengeRequest{m_deviceId};
    auto challengeAnswer =
        sendWithRetries({"POST"_ba, "/v1/auth/challenge"_ba, challengeRequest.toJson(), {}});
    if (!challengeAnswer)
        return challengeAnswer.error();
    if (challengeAnswer->status != 200)
        return errorFor(*challengeAnswer);
    auto challenge = protocol::ChallengeResponse::fromJson(challengeAnswer->body);
    if (!challenge)
        return malformedAnswer(u"the login challenge"_s, challenge.error());

    protocol::TokenRequest tokenRequest;
    tokenRequest.principalId = m_deviceId;
    tokenRequest.challenge = challenge->challenge;
    tokenRequest.signature =
        protocol::sign(m_signing->secretKey,
                       protocol::authChallengeMessage(challenge->challenge, m_deviceId.toLatin1()));
    // Not retried: a challenge is single use, so a retry would only fail; the next sync logs in
    // afresh.
    ++m_requests;
    auto tokenAnswer =
        m_transport.send({"POST"_ba, "/v1/auth/token"_ba, tokenRequest.toJson(), {}});
    if (!tokenAnswer)
        return tokenAnswer.error();
    if (tokenAnswer->status != 200)
        return errorFor(*tokenAnswer);
    auto token = protocol::TokenResponse::fromJson(tokenAnswer->body);
    if (!token)
        return malformedAnswer(u"the login"_s, token.error());
    m_token = token->accessToken.toLatin1();
    return {};
}

Result<HttpResponse> ClinicClient::call(const QByteArray &method, const QByteArray &target,
                                        const QByteArray &body, bool authenticated,
                                        const QByteArray &contentType)
{
    if (authenticated && m_token.isEmpty())
        COMPANION_TRY(login());
    auto response = sendWithRetries(
        {method, target, body, authenticated ? m_token : QByteArray(), contentType});
    if (!response)
        return response;
    if (authenticated && response->status == 401) {
        // The token expired or was revoked: one fresh login; if that fails, the device was
        // revoked or the clinic changed, and the error says so.
        m_token.clear();
        COMPANION_TRY(login());
        response = sendWithRetries({method, target, body, m_token, contentType});
    }
    return response;
}

Result<protocol::ClinicInfo> ClinicClient::clinic()
{
    auto response = call("GET"_ba, "/v1/clinic"_ba, {}, false);
    if (!response)
        return response.error();
    if (response->status != 200)
        return errorFor(*response);
    const QJsonDocument doc = QJsonDocument::fromJson(response->body);
    auto info = protocol::ClinicInfo::fromJson(doc.object(), u"clinic"_s);
    if (!info)
        return malformedAnswer(u"the clinic's details"_s, info.error());
    return info;
}

Result<protocol::EnrolResponse> ClinicClient::enrol(const QString &code,
                                                    const QByteArray &devicePublicKey)
{
    protocol::EnrolRequest request{code, devicePublicKey};
    // Not retried blindly: a code is single use. A network failure is reported; the person
    // can ask the clinic for a new code if the first one was spent by a lost answer.
    ++m_requests;
    auto response = m_transport.send({"POST"_ba, "/v1/enrol"_ba, request.toJson(), {}});
    if (!response)
        return response.error();
    if (response->status == 403)
        return makeError(ErrorCode::Refused,
                         u"the clinic server did not accept this code: it is wrong, used or "
                         u"expired. Ask your clinic for a new one"_s);
    if (response->status != 201)
        return errorFor(*response);
    auto enrolled = protocol::EnrolResponse::fromJson(response->body);
    if (!enrolled)
        return malformedAnswer(u"the enrolment"_s, enrolled.error());
    return enrolled;
}

Result<protocol::PushResponse> ClinicClient::push(const protocol::PushRequest &request)
{
    const bool binary = m_binaryPush;
    auto response = binary ? call("POST"_ba, "/v1/sync/push"_ba, request.toBinary(), true,
                                  QByteArray(protocol::kPushBinaryMediaType))
                           : call("POST"_ba, "/v1/sync/push"_ba, request.toJson(), true);
    if (binary && response && refusesBinaryPush(*response)) {
        // The same items as JSON are the same push, not a second (nothing was stored).
        m_binaryPush = false;
        response = call("POST"_ba, "/v1/sync/push"_ba, request.toJson(), true);
    }
    if (!response)
        return response.error();
    if (response->status != 200 && response->status != 409)
        return errorFor(*response);
    auto parsed = protocol::PushResponse::fromJson(response->body);
    if (!parsed)
        return malformedAnswer(u"a push"_s, parsed.error());
    if (parsed->results.size() != request.items.size())
        return makeError(ErrorCode::Damaged,
                         u"the clinic server answered a push with the wrong number of results"_s);
    return parsed;
}

Result<protocol::PullResponse> ClinicClient::pull(std::int64_t after, int limit)
{
    const QByteArray target = "/v1/sync/pull?after="_ba + QByteArray::number(after) + "&limit="_ba +
                              QByteArray::number(limit);
    auto response = call("GET"_ba, target, {}, true);
    if (!response)
        return response.error();
    if (response->status != 200)
        return errorFor(*response);
    auto parsed = protocol::PullResponse::fromJson(response->body);
    if (!parsed)
        return malformedAnswer(u"a pull"_s, parsed.error());
    return parsed;
}

Result<std::vector<KeyBlob>> ClinicClient::keyBlobs()
{
    auto response = call("GET"_ba, "/v1/vault/key-blobs"_ba, {}, true);
    if (!response)
        return response.error();
    if (response->status != 200)
        return errorFor(*response);
    auto reader = JsonObjectReader::parse(response->body, kMaxAnswer, {u"blobs"_s});
    if (!reader)
        return malformedAnswer(u"the key list"_s, reader.error());
    auto array = reader->array(u"blobs"_s, 64);
    if (!array)
        return malformedAnswer(u"the key list"_s, array.error());
    std::vector<KeyBlob> blobs;
    for (qsizetype i = 0; i < array->size(); ++i) {
        auto item = JsonObjectReader::wrap(array->at(i), u"blobs[%1]"_s.arg(i),
                                           {u"slot"_s, u"epoch"_s, u"blob"_s});
        if (!item)
            return malformedAnswer(u"the key list"_s, item.error());
        auto slot = item->string(u"slot"_s, 32);
        auto epoch = item->integer(u"epoch"_s, 0, 0xffffffffLL);
        auto blob = item->base64(u"blob"_s, 1, protocol::kMaxKeyBlob);
        if (!slot || !epoch || !blob)
            return makeError(ErrorCode::Damaged, u"the clinic server sent a malformed key"_s);
        blobs.push_back({*slot, static_cast<std::uint32_t>(*epoch), *blob});
    }
    return blobs;
}

Result<void> ClinicClient::putKeyBlob(const QString &slot, std::uint32_t epoch,
                                      const QByteArray &blob)
{
    const QByteArray body = smallJson(
        {{u"epoch"_s, static_cast<qint64>(epoch)}, {u"blob"_s, protocol::encodeBase64(blob)}});
    auto response = call("PUT"_ba, "/v1/vault/key-blobs/"_ba + slot.toLatin1(), body, true);
    if (!response)
        return response.error();
    if (response->status != 204)
        return errorFor(*response);
    return {};
}

Result<void> ClinicClient::deleteKeyBlob(const QString &slot)
{
    auto response = call("DELETE"_ba, "/v1/vault/key-blobs/"_ba + slot.toLatin1(), {}, true);
    if (!response)
        return response.error();
    if (response->status != 204 && response->status != 404)
        return errorFor(*response);
    return {};
}

Result<JoinCode> ClinicClient::createJoinCode(std::optional<int> validMinutes)
{
    const QByteArray body =
        validMinutes ? smallJson({{u"valid_minutes"_s, static_cast<qint64>(*validMinutes)}})
                     : "{}"_ba;
    auto response = call("POST"_ba, "/v1/vault/join-codes"_ba, body, true);
    if (!response)
        return response.error();
    if (response->status != 201)
        return errorFor(*response);
    auto reader = JsonObjectReader::parse(response->body, 4096, {u"code"_s, u"expires_at"_s});
    if (!reader)
        return malformedAnswer(u"the join code"_s, reader.error());
    auto code = reader->string(u"code"_s, 64);
    auto expires = reader->integer(u"expires_at"_s, 0, 253402300799999LL);
    if (!code || !expires)
        return makeError(ErrorCode::Damaged, u"the clinic server sent a malformed join code"_s);
    return JoinCode{*code, *expires};
}

Result<std::vector<DeviceInfo>> ClinicClient::devices()
{
    auto response = call("GET"_ba, "/v1/vault/devices"_ba, {}, true);
    if (!response)
        return response.error();
    if (response->status != 200)
        return errorFor(*response);
    auto reader = JsonObjectReader::parse(response->body, kMaxAnswer, {u"devices"_s});
    if (!reader)
        return malformedAnswer(u"the device list"_s, reader.error());
    auto array = reader->array(u"devices"_s, 1000);
    if (!array)
        return malformedAnswer(u"the device list"_s, array.error());
    std::vector<DeviceInfo> devices;
    for (qsizetype i = 0; i < array->size(); ++i) {
        auto item = JsonObjectReader::wrap(
            array->at(i), u"devices[%1]"_s.arg(i),
            {u"device_id"_s, u"created_at"_s, u"revoked_at"_s, u"current"_s});
        if (!item)
            return malformedAnswer(u"the device list"_s, item.error());
        auto id = item->string(u"device_id"_s, kMaxIdLength);
        auto created = item->integer(u"created_at"_s, 0, 253402300799999LL);
        auto current = item->boolean(u"current"_s);
        if (!id || !created || !current)
            return makeError(ErrorCode::Damaged, u"the clinic server sent a malformed device"_s);
        DeviceInfo device{*id, *created, std::nullopt, *current};
        if (!item->object().value(u"revoked_at"_s).isNull()) {
            auto revoked = item->integer(u"revoked_at"_s, 0, 253402300799999LL);
            if (!revoked)
                return makeError(ErrorCode::Damaged,
                                 u"the clinic server sent a malformed device"_s);
            device.revokedAt = *revoked;
        }
        devices.push_back(std::move(device));
    }
    return devices;
}

bool isVaultDeleted(const Error &error)
{
    return error.code == ErrorCode::Refused &&
           error.message.startsWith(QLatin1String(kVaultDeletedMessage));
}

Result<void> ClinicClient::deleteVault()
{
    auto response = call("DELETE"_ba, "/v1/vault"_ba, {}, true);
    if (!response)
        return response.error();
    if (response->status != 204)
        return errorFor(*response);
    return {};
}

Result<void> ClinicClient::revokeDevice(const QString &deviceId)
{
    auto response = call("DELETE"_ba, "/v1/vault/devices/"_ba + deviceId.toLatin1(), {}, true);
    if (!response)
        return response.error();
    if (response->status != 204)
        return errorFor(*response);
    return {};
}

Result<bool> ClinicClient::putSharedCollectionKey(std::uint32_t generation,
                                                  std::uint32_t careTeamEpoch,
                                                  const QByteArray &sealed)
{
    const QByteArray body = smallJson({{u"generation"_s, static_cast<qint64>(generation)},
                                       {u"ctk_epoch"_s, static_cast<qint64>(careTeamEpoch)},
                                       {u"sealed"_s, protocol::encodeBase64(sealed)}});
    auto response = call("PUT"_ba, "/v1/vault/sck"_ba, body, true);
    if (!response)
        return response.error();
    if (response->status == 204)
        return true;
    if (response->status == 409 && serverErrorCode(response->body) == u"generation_exists")
        return false;
    return errorFor(*response);
}

Result<void> ClinicClient::putShare(const QString &recordIdHex, std::uint64_t version,
                                    const QByteArray &sharedKey)
{
    const QByteArray body = smallJson({{u"version"_s, static_cast<qint64>(version)},
                                       {u"shared_key"_s, protocol::encodeBase64(sharedKey)}});
    auto response = call("PUT"_ba, "/v1/vault/shares/"_ba + recordIdHex.toLatin1(), body, true);
    if (!response)
        return response.error();
    if (response->status != 204)
        return errorFor(*response);
    return {};
}

Result<void> ClinicClient::deleteShare(const QString &recordIdHex)
{
    auto response = call("DELETE"_ba, "/v1/vault/shares/"_ba + recordIdHex.toLatin1(), {}, true);
    if (!response)
        return response.error();
    // 404: not shared (any more) — the goal is reached either way.
    if (response->status != 204 && response->status != 404)
        return errorFor(*response);
    return {};
}

Result<AccessLogPage> ClinicClient::accessLog(std::int64_t after, int limit)
{
    const QByteArray target = "/v1/vault/access-log?after="_ba + QByteArray::number(after) +
                              "&limit="_ba + QByteArray::number(limit);
    auto response = call("GET"_ba, target, {}, true);
    if (!response)
        return response.error();
    if (response->status != 200)
        return errorFor(*response);
    auto reader =
        JsonObjectReader::parse(response->body, kMaxAnswer, {u"entries"_s, u"next_cursor"_s});
    if (!reader)
        return malformedAnswer(u"the access log"_s, reader.error());
    auto array = reader->array(u"entries"_s, 1000);
    auto cursor = reader->integer(u"next_cursor"_s, 0, 1LL << 53);
    if (!array || !cursor)
        return makeError(ErrorCode::Damaged, u"the clinic server sent a malformed access log"_s);
    AccessLogPage page;
    page.nextCursor = *cursor;
    for (qsizetype i = 0; i < array->size(); ++i) {
        auto item = JsonObjectReader::wrap(array->at(i), u"entries[%1]"_s.arg(i),
                                           {u"seq"_s, u"at"_s, u"actor_role"_s, u"actor_id"_s,
                                            u"actor_name"_s, u"action"_s, u"subject"_s});
        if (!item)
            return malformedAnswer(u"the access log"_s, item.error());
        auto seq = item->integer(u"seq"_s, 1, 1LL << 53);
        auto at = item->integer(u"at"_s, 0, 253402300799999LL);
        auto role = item->string(u"actor_role"_s, 32);
        auto actor = item->string(u"actor_id"_s, kMaxIdLength);
        auto name = item->string(u"actor_name"_s, kMaxTextLength);
        auto action = item->string(u"action"_s, 64);
        auto subject = item->string(u"subject"_s, kMaxTextLength);
        if (!seq || !at || !role || !actor || !name || !action || !subject)
            return makeError(ErrorCode::Damaged,
                             u"the clinic server sent a malformed access log"_s);
        page.entries.push_back({*seq, *at, *role, *actor, *name, *action, *subject});
    }
    return page;
}

Result<std::optional<protocol::PublishedProtocol>> ClinicClient::clinicProtocol()
{
    auto response = call("GET"_ba, "/v1/clinic/protocol"_ba, {}, true);
    if (!response)
        return response.error();
    if (response->status == 404)
        return std::optional<protocol::PublishedProtocol>();
    if (response->status != 200)
        return errorFor(*response);
    auto parsed = protocol::PublishedProtocol::fromJson(response->body);
    if (!parsed)
        return malformedAnswer(u"the clinic protocol"_s, parsed.error());
    return std::optional<protocol::PublishedProtocol>(std::move(*parsed));
}

Result<protocol::VaultMessagesPage> ClinicClient::messages(std::int64_t after, int limit)
{
    const QByteArray target = "/v1/vault/messages?after="_ba + QByteArray::number(after) +
                              "&limit="_ba + QByteArray::number(limit);
    auto response = call("GET"_ba, target, {}, true);
    if (!response)
        return response.error();
    if (response->status == 404) {
        protocol::VaultMessagesPage none;
        none.next = after;
        return none;
    }
    if (response->status != 200)
        return errorFor(*response);
    auto parsed = protocol::VaultMessagesPage::fromJson(response->body);
    if (!parsed)
        return malformedAnswer(u"the clinic's messages"_s, parsed.error());
    return parsed;
}

} // namespace companion::sync
