#include "protocol/api.h"

#include "protocol/json.h"
#include "protocol/keys.h"

#include <QJsonArray>

namespace companion::protocol {

namespace {

constexpr std::int64_t kMaxInteger = (std::int64_t(1) << 53);
constexpr qsizetype kMaxIdText = 32;
constexpr qsizetype kMaxResponse = kMaxPushBody; // what a client accepts from the server

Result<QString> idField(const JsonObjectReader &reader, const QString &key)
{
    auto text = reader.string(key, kMaxIdText);
    if (!text)
        return text.error();
    if (!idFromHex(*text))
        return makeError(ErrorCode::InvalidInput,
                         reader.path(key) + QStringLiteral(": must be 32 lower-case hex digits"));
    return text;
}

// A macro-free way to unwrap inside codecs: assign or return the error.
template<typename T>
bool take(Result<T> result, T &out, Error &error)
{
    if (!result) {
        error = result.error();
        return false;
    }
    out = std::move(result).value();
    return true;
}

} // namespace

QJsonObject ClinicInfo::toJson() const
{
    return QJsonObject{
        {QStringLiteral("clinic_id"), clinicId},
        {QStringLiteral("name"), name},
        {QStringLiteral("signing_public_key"), encodeBase64(signingPublicKey)},
        {QStringLiteral("fingerprint"), fingerprint},
        {QStringLiteral("safety_alerts"), safetyAlerts},
        {QStringLiteral("care_team_epoch"), static_cast<qint64>(careTeamEpoch)},
        {QStringLiteral("care_team_public_key"), encodeBase64(careTeamPublicKey)},
        {QStringLiteral("care_team_key_signature"), encodeBase64(careTeamKeySignature)},
    };
}

Result<ClinicInfo> ClinicInfo::fromJson(const QJsonValue &value, const QString &path)
{
    auto reader = JsonObjectReader::wrap(
        value, path,
        {QStringLiteral("clinic_id"), QStringLiteral("name"), QStringLiteral("signing_public_key"),
         QStringLiteral("fingerprint"), QStringLiteral("safety_alerts"),
         QStringLiteral("care_team_epoch"), QStringLiteral("care_team_public_key"),
         QStringLiteral("care_team_key_signature")});
    if (!reader)
        return reader.error();
    ClinicInfo info;
    Error error;
    std::int64_t epoch = 0;
    if (!take(idField(*reader, QStringLiteral("clinic_id")), info.clinicId, error) ||
        !take(reader->string(QStringLiteral("name"), 200), info.name, error) ||
        !take(reader->base64(QStringLiteral("signing_public_key"), 32, 32), info.signingPublicKey,
              error) ||
        !take(reader->string(QStringLiteral("fingerprint"), 64), info.fingerprint, error) ||
        !take(reader->boolean(QStringLiteral("safety_alerts")), info.safetyAlerts, error) ||
        !take(reader->integer(QStringLiteral("care_team_epoch"), 1, 0xffffffff), epoch, error) ||
        !take(reader->base64(QStringLiteral("care_team_public_key"), 32, 32),
              info.careTeamPublicKey, error) ||
        !take(reader->base64(QStringLiteral("care_team_key_signature"), 64, 64),
              info.careTeamKeySignature, error))
        return error;
    info.careTeamEpoch = static_cast<std::uint32_t>(epoch);
    return info;
}

bool ClinicInfo::verify(const QString &expectedFingerprint) const
{
    if (keyFingerprint(signingPublicKey) != expectedFingerprint)
        return false;
    return verifySignature(
        signingPublicKey,
        careTeamKeyStatement(clinicId.toLatin1(), careTeamEpoch, careTeamPublicKey),
        careTeamKeySignature);
}

QByteArray EnrolRequest::toJson() const
{
    return toCompactJson({{QStringLiteral("code"), code},
                          {QStringLiteral("device_public_key"), encodeBase64(devicePublicKey)}});
}

Result<EnrolRequest> EnrolRequest::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(
        body, kMaxSmallBody, {QStringLiteral("code"), QStringLiteral("device_public_key")});
    if (!reader)
        return reader.error();
    EnrolRequest request;
    Error error;
    if (!take(reader->string(QStringLiteral("code"), 64), request.code, error) ||
        !take(reader->base64(QStringLiteral("device_public_key"), 32, 32), request.devicePublicKey,
              error))
        return error;
    return request;
}

QByteArray EnrolResponse::toJson() const
{
    return toCompactJson({{QStringLiteral("vault_id"), vaultId},
                          {QStringLiteral("device_id"), deviceId},
                          {QStringLiteral("clinic"), clinic.toJson()}});
}

Result<EnrolResponse> EnrolResponse::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(
        body, kMaxSmallBody,
        {QStringLiteral("vault_id"), QStringLiteral("device_id"), QStringLiteral("clinic")});
    if (!reader)
        return reader.error();
    EnrolResponse response;
    Error error;
    if (!take(idField(*reader, QStringLiteral("vault_id")), response.vaultId, error) ||
        !take(idField(*reader, QStringLiteral("device_id")), response.deviceId, error) ||
        !take(ClinicInfo::fromJson(reader->object().value(QStringLiteral("clinic")),
                                   QStringLiteral("clinic")),
              response.clinic, error))
        return error;
    return response;
}

QByteArray ChallengeRequest::toJson() const
{
    return toCompactJson({{QStringLiteral("principal_id"), principalId}});
}

Result<ChallengeRequest> ChallengeRequest::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(body, kMaxSmallBody, {QStringLiteral("principal_id")});
    if (!reader)
        return reader.error();
    ChallengeRequest request;
    Error error;
    if (!take(idField(*reader, QStringLiteral("principal_id")), request.principalId, error))
        return error;
    return request;
}

QByteArray ChallengeResponse::toJson() const
{
    return toCompactJson({{QStringLiteral("challenge"), encodeBase64(challenge)},
                          {QStringLiteral("expires_at"), static_cast<qint64>(expiresAt)}});
}

Result<ChallengeResponse> ChallengeResponse::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(
        body, kMaxSmallBody, {QStringLiteral("challenge"), QStringLiteral("expires_at")});
    if (!reader)
        return reader.error();
    ChallengeResponse response;
    Error error;
    if (!take(reader->base64(QStringLiteral("challenge"), kChallengeSize, kChallengeSize),
              response.challenge, error) ||
        !take(reader->integer(QStringLiteral("expires_at"), 0, kMaxInteger), response.expiresAt,
              error))
        return error;
    return response;
}

QByteArray TokenRequest::toJson() const
{
    return toCompactJson({{QStringLiteral("principal_id"), principalId},
                          {QStringLiteral("challenge"), encodeBase64(challenge)},
                          {QStringLiteral("signature"), encodeBase64(signature)}});
}

Result<TokenRequest> TokenRequest::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(
        body, kMaxSmallBody,
        {QStringLiteral("principal_id"), QStringLiteral("challenge"), QStringLiteral("signature")});
    if (!reader)
        return reader.error();
    TokenRequest request;
    Error error;
    if (!take(idField(*reader, QStringLiteral("principal_id")), request.principalId, error) ||
        !take(reader->base64(QStringLiteral("challenge"), kChallengeSize, kChallengeSize),
              request.challenge, error) ||
        !take(reader->base64(QStringLiteral("signature"), 64, 64), request.signature, error))
        return error;
    return request;
}

QByteArray TokenResponse::toJson() const
{
    return toCompactJson({{QStringLiteral("access_token"), accessToken},
                          {QStringLiteral("expires_at"), static_cast<qint64>(expiresAt)},
                          {QStringLiteral("role"), role}});
}

Result<TokenResponse> TokenResponse::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(
        body, kMaxSmallBody,
        {QStringLiteral("access_token"), QStringLiteral("expires_at"), QStringLiteral("role")});
    if (!reader)
        return reader.error();
    TokenResponse response;
    Error error;
    if (!take(reader->string(QStringLiteral("access_token"), 128), response.accessToken, error) ||
        !take(reader->integer(QStringLiteral("expires_at"), 0, kMaxInteger), response.expiresAt,
              error) ||
        !take(reader->string(QStringLiteral("role"), 16), response.role, error))
        return error;
    return response;
}

QByteArray PushRequest::toJson() const
{
    QJsonArray array;
    for (const PushItem &item : items) {
        QJsonObject object{{QStringLiteral("envelope"), encodeBase64(item.envelope)},
                           {QStringLiteral("key"), encodeBase64(item.key)}};
        if (!item.sharedKey.isEmpty())
            object.insert(QStringLiteral("shared_key"), encodeBase64(item.sharedKey));
        array.append(object);
    }
    return toCompactJson({{QStringLiteral("items"), array}});
}

Result<PushRequest> PushRequest::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(body, kMaxPushBody, {QStringLiteral("items")});
    if (!reader)
        return reader.error();
    auto items = reader->array(QStringLiteral("items"), kMaxPushItems);
    if (!items)
        return items.error();
    if (items->isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("items: must not be empty"));
    PushRequest request;
    request.items.reserve(static_cast<std::size_t>(items->size()));
    for (qsizetype i = 0; i < items->size(); ++i) {
        auto item = JsonObjectReader::wrap(
            items->at(i), QStringLiteral("items[%1]").arg(i),
            {QStringLiteral("envelope"), QStringLiteral("key"), QStringLiteral("shared_key")});
        if (!item)
            return item.error();
        PushItem out;
        Error error;
        if (!take(item->base64(QStringLiteral("envelope"), kHeaderSize,
                               static_cast<qsizetype>(kMaxEnvelopeSize)),
                  out.envelope, error) ||
            !take(item->base64(QStringLiteral("key"), 1, 256), out.key, error) ||
            !take(item->base64(QStringLiteral("shared_key"), 1, 256, false), out.sharedKey, error))
            return error;
        request.items.push_back(std::move(out));
    }
    return request;
}

QString pushStatusName(PushStatus status)
{
    switch (status) {
    case PushStatus::Accepted:
        return QStringLiteral("accepted");
    case PushStatus::Duplicate:
        return QStringLiteral("duplicate");
    case PushStatus::Conflict:
        return QStringLiteral("conflict");
    case PushStatus::Rejected:
        return QStringLiteral("rejected");
    }
    return QString();
}

QByteArray PushResponse::toJson() const
{
    QJsonArray array;
    for (const PushResult &result : results) {
        QJsonObject object{{QStringLiteral("record_id"), result.recordId},
                           {QStringLiteral("version"), static_cast<qint64>(result.version)},
                           {QStringLiteral("status"), pushStatusName(result.status)}};
        switch (result.status) {
        case PushStatus::Accepted:
        case PushStatus::Duplicate:
            object.insert(QStringLiteral("seq"), static_cast<qint64>(result.seq));
            break;
        case PushStatus::Conflict:
            object.insert(QStringLiteral("stored"), encodeBase64(result.stored));
            break;
        case PushStatus::Rejected:
            object.insert(QStringLiteral("reason"), result.reason);
            object.insert(QStringLiteral("current_version"),
                          static_cast<qint64>(result.currentVersion));
            break;
        }
        array.append(object);
    }
    return toCompactJson({{QStringLiteral("results"), array}});
}

Result<PushResponse> PushResponse::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(body, kMaxResponse, {QStringLiteral("results")});
    if (!reader)
        return reader.error();
    auto results = reader->array(QStringLiteral("results"), kMaxPushItems);
    if (!results)
        return results.error();
    PushResponse response;
    for (qsizetype i = 0; i < results->size(); ++i) {
        auto item = JsonObjectReader::wrap(results->at(i), QStringLiteral("results[%1]").arg(i),
                                           {QStringLiteral("record_id"), QStringLiteral("version"),
                                            QStringLiteral("status"), QStringLiteral("seq"),
                                            QStringLiteral("stored"), QStringLiteral("reason"),
                                            QStringLiteral("current_version")});
        if (!item)
            return item.error();
        PushResult out;
        Error error;
        QString status;
        std::int64_t version = 0;
        std::int64_t current = 0;
        if (!take(idField(*item, QStringLiteral("record_id")), out.recordId, error) ||
            !take(item->integer(QStringLiteral("version"), 1, kMaxInteger), version, error) ||
            !take(item->string(QStringLiteral("status"), 16), status, error) ||
            !take(item->integer(QStringLiteral("seq"), 0, kMaxInteger, false), out.seq, error) ||
            !take(item->base64(QStringLiteral("stored"), 0,
                               static_cast<qsizetype>(kMaxEnvelopeSize), false),
                  out.stored, error) ||
            !take(item->string(QStringLiteral("reason"), 32, false), out.reason, error) ||
            !take(item->integer(QStringLiteral("current_version"), 0, kMaxInteger, false), current,
                  error))
            return error;
        out.version = static_cast<std::uint64_t>(version);
        out.currentVersion = static_cast<std::uint64_t>(current);
        if (status == QLatin1String("accepted"))
            out.status = PushStatus::Accepted;
        else if (status == QLatin1String("duplicate"))
            out.status = PushStatus::Duplicate;
        else if (status == QLatin1String("conflict"))
            out.status = PushStatus::Conflict;
        else if (status == QLatin1String("rejected"))
            out.status = PushStatus::Rejected;
        else
            return makeError(ErrorCode::InvalidInput, item->path(QStringLiteral("status")) +
                                                          QStringLiteral(": unknown status"));
        response.results.push_back(std::move(out));
    }
    return response;
}

QByteArray PullResponse::toJson() const
{
    QJsonArray array;
    for (const PullItem &item : items)
        array.append(QJsonObject{{QStringLiteral("seq"), static_cast<qint64>(item.seq)},
                                 {QStringLiteral("envelope"), encodeBase64(item.envelope)},
                                 {QStringLiteral("key"), encodeBase64(item.key)}});
    return toCompactJson({{QStringLiteral("items"), array},
                          {QStringLiteral("next_cursor"), static_cast<qint64>(nextCursor)},
                          {QStringLiteral("more"), more}});
}

Result<PullResponse> PullResponse::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(
        body, kMaxResponse,
        {QStringLiteral("items"), QStringLiteral("next_cursor"), QStringLiteral("more")});
    if (!reader)
        return reader.error();
    PullResponse response;
    Error error;
    QJsonArray items;
    if (!take(reader->array(QStringLiteral("items"), kMaxPullItems), items, error) ||
        !take(reader->integer(QStringLiteral("next_cursor"), 0, kMaxInteger), response.nextCursor,
              error) ||
        !take(reader->boolean(QStringLiteral("more")), response.more, error))
        return error;
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto item = JsonObjectReader::wrap(
            items.at(i), QStringLiteral("items[%1]").arg(i),
            {QStringLiteral("seq"), QStringLiteral("envelope"), QStringLiteral("key")});
        if (!item)
            return item.error();
        PullItem out;
        if (!take(item->integer(QStringLiteral("seq"), 1, kMaxInteger), out.seq, error) ||
            !take(item->base64(QStringLiteral("envelope"), kHeaderSize,
                               static_cast<qsizetype>(kMaxEnvelopeSize)),
                  out.envelope, error) ||
            !take(item->base64(QStringLiteral("key"), 1, 256), out.key, error))
            return error;
        response.items.push_back(std::move(out));
    }
    return response;
}

QByteArray errorBody(const QString &code, const QString &message)
{
    return toCompactJson({{QStringLiteral("error"), code}, {QStringLiteral("message"), message}});
}

} // namespace companion::protocol
