#include "protocol/api.h"

#include "protocol/json.h"
#include "protocol/keys.h"

#include <QJsonArray>
#include <QList>

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

// One push item's byte strings and their caps, shared by the JSON and the binary decoder so the
// two accept exactly the same items.
struct PushField
{
    const char *name;
    qsizetype minBytes;
    qsizetype maxBytes;
    bool required; // optional fields may be absent (JSON) or length 0 (binary)
};
constexpr PushField kEnvelopeField{"envelope", static_cast<qsizetype>(kHeaderSize),
                                   static_cast<qsizetype>(kMaxEnvelopeSize), true};
constexpr PushField kKeyField{"key", 1, 256, true};
constexpr PushField kSharedKeyField{"shared_key", 1, 256, false};

QString pushFieldPath(qsizetype index, const PushField &field)
{
    return QStringLiteral("items[%1].%2").arg(index).arg(QLatin1String(field.name));
}

// The same words as JsonObjectReader::base64 for a value of the wrong size.
Result<void> checkPushFieldSize(qsizetype index, const PushField &field, std::uint64_t size)
{
    if (size == 0 && !field.required)
        return {};
    if (size < static_cast<std::uint64_t>(field.minBytes) ||
        size > static_cast<std::uint64_t>(field.maxBytes))
        return makeError(
            ErrorCode::InvalidInput,
            pushFieldPath(index, field) +
                QStringLiteral(": must be %1 to %2 bytes").arg(field.minBytes).arg(field.maxBytes));
    return {};
}

Result<QByteArray> readPushField(const JsonObjectReader &item, const PushField &field)
{
    return item.base64(QLatin1String(field.name), field.minBytes, field.maxBytes, field.required);
}

void appendU32(QByteArray &out, std::uint32_t value)
{
    const char bytes[4] = {static_cast<char>(value >> 24), static_cast<char>(value >> 16),
                           static_cast<char>(value >> 8), static_cast<char>(value)};
    out.append(bytes, 4);
}

// Reads the binary push body front to back; never reads past its end.
class BinaryCursor
{
public:
    explicit BinaryCursor(QByteArrayView bytes)
        : m_bytes(bytes)
    {}
    qsizetype remaining() const { return m_bytes.size() - m_pos; }
    bool readU32(std::uint32_t &out)
    {
        if (remaining() < 4)
            return false;
        const auto *p = reinterpret_cast<const unsigned char *>(m_bytes.data() + m_pos);
        out = (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) |
              (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
        m_pos += 4;
        return true;
    }
    // The caller checked size <= remaining().
    void skip(qsizetype size) { m_pos += size; }
    QByteArray take(qsizetype size)
    {
        QByteArray out(m_bytes.data() + m_pos, size);
        m_pos += size;
        return out;
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
};

// One length-prefixed field of item `index`: length checked against the field's caps and against
// what is left of the body before anything is allocated.
Result<QByteArray> readBinaryField(BinaryCursor &cursor, qsizetype index, const PushField &field)
{
    std::uint32_t size = 0;
    if (!cursor.readU32(size))
        return makeError(ErrorCode::InvalidInput,
                         pushFieldPath(index, field) + QStringLiteral(": body ends in its length"));
    if (auto checked = checkPushFieldSize(index, field, size); !checked)
        return checked.error();
    if (size > static_cast<std::uint64_t>(cursor.remaining()))
        return makeError(ErrorCode::InvalidInput,
                         pushFieldPath(index, field) +
                             QStringLiteral(": %1 bytes announced, only %2 left in the body")
                                 .arg(size)
                                 .arg(cursor.remaining()));
    return cursor.take(static_cast<qsizetype>(size));
}

} // namespace

std::optional<PushBodyFormat> pushBodyFormat(QByteArrayView contentType)
{
    const QByteArray text = contentType.toByteArray().trimmed().toLower();
    if (text.isEmpty())
        return PushBodyFormat::Json;
    const QList<QByteArray> parts = text.split(';');
    const QByteArray type = parts.front().trimmed();
    if (type == "application/json")
        return PushBodyFormat::Json;
    QByteArrayView binaryType(kPushBinaryMediaType);
    binaryType = binaryType.first(binaryType.indexOf(';'));
    if (type != binaryType)
        return std::nullopt;
    // The version parameter is required, and nothing else is understood: a later format gets
    // 415 here and its client falls back instead of being misread.
    bool versionOne = false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts[i].trimmed();
        const qsizetype equals = parameter.indexOf('=');
        if (equals < 0 || parameter.left(equals).trimmed() != "v")
            return std::nullopt;
        const QByteArray value = parameter.mid(equals + 1).trimmed();
        if (value != "1" && value != "\"1\"")
            return std::nullopt;
        versionOne = true;
    }
    if (!versionOne)
        return std::nullopt;
    return PushBodyFormat::Binary;
}

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
        if (!take(readPushField(*item, kEnvelopeField), out.envelope, error) ||
            !take(readPushField(*item, kKeyField), out.key, error) ||
            !take(readPushField(*item, kSharedKeyField), out.sharedKey, error))
            return error;
        request.items.push_back(std::move(out));
    }
    return request;
}

QByteArray PushRequest::toBinary() const
{
    qsizetype size = 8;
    for (const PushItem &item : items)
        size += 12 + item.envelope.size() + item.key.size() + item.sharedKey.size();
    QByteArray out;
    out.reserve(size);
    out.append(kPushBinaryMagic, 4);
    appendU32(out, static_cast<std::uint32_t>(items.size()));
    for (const PushItem &item : items) {
        for (const QByteArray *field : {&item.envelope, &item.key, &item.sharedKey}) {
            appendU32(out, static_cast<std::uint32_t>(field->size()));
            out.append(*field);
        }
    }
    return out;
}

Result<PushRequest> PushRequest::fromBinary(QByteArrayView body)
{
    if (body.size() > kMaxPushBody)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("request body is too large"));
    BinaryCursor cursor(body);
    if (body.size() < 4 || QByteArrayView(body.data(), 4) != QByteArrayView(kPushBinaryMagic, 4))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("body: does not start with the binary push magic"));
    cursor.skip(4);
    std::uint32_t count = 0;
    if (!cursor.readU32(count))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("items: body ends in the count"));
    if (count == 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("items: must not be empty"));
    if (count > static_cast<std::uint64_t>(kMaxPushItems))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("items: more than %1 items").arg(kMaxPushItems));
    // The smallest item is three lengths, a header-only envelope and a one-byte key: a count the
    // rest of the body cannot hold is refused before the item list is allocated for it.
    const std::uint64_t smallestItem = 12 + static_cast<std::uint64_t>(kEnvelopeField.minBytes) +
                                       static_cast<std::uint64_t>(kKeyField.minBytes);
    if (count * smallestItem > static_cast<std::uint64_t>(cursor.remaining()))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("items: %1 items cannot fit in the %2 bytes left")
                             .arg(count)
                             .arg(cursor.remaining()));
    PushRequest request;
    request.items.reserve(count);
    for (qsizetype i = 0; i < static_cast<qsizetype>(count); ++i) {
        PushItem out;
        Error error;
        if (!take(readBinaryField(cursor, i, kEnvelopeField), out.envelope, error) ||
            !take(readBinaryField(cursor, i, kKeyField), out.key, error) ||
            !take(readBinaryField(cursor, i, kSharedKeyField), out.sharedKey, error))
            return error;
        request.items.push_back(std::move(out));
    }
    if (cursor.remaining() != 0)
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("body: %1 bytes after the last item").arg(cursor.remaining()));
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
