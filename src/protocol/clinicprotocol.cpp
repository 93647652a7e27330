#include "protocol/clinicprotocol.h"

#include "protocol/json.h"
#include "protocol/keys.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace companion::protocol {

namespace {

constexpr std::int64_t kMaxInteger = std::int64_t(1) << 53;

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

Result<QJsonObject> parseObject(QByteArrayView json, qsizetype maxBytes, const QString &what)
{
    if (json.size() > maxBytes)
        return invalid(what + u": larger than %1 bytes"_s.arg(maxBytes));
    QJsonParseError error{};
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(what + u": not valid JSON (at offset %1)"_s.arg(error.offset));
    if (!document.isObject())
        return invalid(what + u": must be a JSON object"_s);
    return document.object();
}

} // namespace

QByteArray ClinicProtocolDocument::encode() const
{
    const QJsonObject protocol = QJsonDocument::fromJson(protocolJson).object();
    return toCompactJson({{u"version"_s, static_cast<qint64>(version)},
                          {u"issued_at"_s, static_cast<qint64>(issuedAt)},
                          {u"protocol"_s, protocol}});
}

Result<ClinicProtocolDocument> ClinicProtocolDocument::decode(QByteArrayView bytes)
{
    auto reader = JsonObjectReader::parse(bytes, kMaxClinicProtocolDocument,
                                          {u"version"_s, u"issued_at"_s, u"protocol"_s});
    if (!reader)
        return reader.error();
    ClinicProtocolDocument document;
    auto version = reader->integer(u"version"_s, 1, kMaxInteger);
    if (!version)
        return version.error();
    auto issuedAt = reader->integer(u"issued_at"_s, 0, kMaxInteger);
    if (!issuedAt)
        return issuedAt.error();
    const QJsonValue protocol = reader->object().value(u"protocol"_s);
    if (!protocol.isObject())
        return invalid(u"protocol: must be a JSON object"_s);
    document.version = *version;
    document.issuedAt = *issuedAt;
    document.protocolJson = toCompactJson(protocol.toObject());
    return document;
}

Result<QByteArray> compactClinicProtocolJson(QByteArrayView json)
{
    auto object = parseObject(json, kMaxClinicProtocolJson, u"protocol"_s);
    if (!object)
        return object.error();
    QByteArray compact = toCompactJson(*object);
    if (compact.size() > kMaxClinicProtocolJson)
        return invalid(u"protocol: larger than %1 bytes"_s.arg(kMaxClinicProtocolJson));
    return compact;
}

QByteArray clinicProtocolSigningMessage(QByteArrayView document)
{
    QByteArray message("companion-protocol-v1");
    message.append(document.data(), document.size());
    return message;
}

QByteArray PublishedProtocol::toJson() const
{
    return toCompactJson({{u"version"_s, static_cast<qint64>(version)},
                          {u"document"_s, encodeBase64(document)},
                          {u"signature"_s, encodeBase64(signature)}});
}

Result<PublishedProtocol> PublishedProtocol::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(body, kMaxClinicProtocolDocument * 4 / 3 + 1024,
                                          {u"version"_s, u"document"_s, u"signature"_s});
    if (!reader)
        return reader.error();
    PublishedProtocol published;
    auto version = reader->integer(u"version"_s, 1, kMaxInteger);
    if (!version)
        return version.error();
    auto document = reader->base64(u"document"_s, 1, kMaxClinicProtocolDocument);
    if (!document)
        return document.error();
    auto signature = reader->base64(u"signature"_s, static_cast<qsizetype>(kSignatureSize),
                                    static_cast<qsizetype>(kSignatureSize));
    if (!signature)
        return signature.error();
    published.version = *version;
    published.document = std::move(*document);
    published.signature = std::move(*signature);
    return published;
}

Result<ClinicProtocolDocument> PublishedProtocol::verify(QByteArrayView clinicSigningKey) const
{
    if (!verifySignature(clinicSigningKey, clinicProtocolSigningMessage(document), signature))
        return makeError(ErrorCode::Damaged, u"the clinic protocol's signature does not verify"_s);
    auto decoded = ClinicProtocolDocument::decode(document);
    if (!decoded)
        return makeError(ErrorCode::Damaged,
                         u"the signed clinic protocol is malformed: "_s + decoded.error().message);
    if (decoded->version != version)
        return makeError(ErrorCode::Damaged,
                         u"the clinic protocol's version differs from the one announced"_s);
    return decoded;
}

Result<PublishedProtocol> signClinicProtocol(const SecretBytes &clinicSigningKey,
                                             std::int64_t version, std::int64_t issuedAt,
                                             QByteArrayView protocolJson)
{
    if (clinicSigningKey.size() != kSigningSecretKeySize)
        return makeError(ErrorCode::Internal, u"the clinic key has a wrong size"_s);
    if (version < 1)
        return invalid(u"version: must be at least 1"_s);
    auto compact = compactClinicProtocolJson(protocolJson);
    if (!compact)
        return compact.error();
    PublishedProtocol published;
    published.version = version;
    published.document = ClinicProtocolDocument{version, issuedAt, *compact}.encode();
    published.signature = sign(clinicSigningKey, clinicProtocolSigningMessage(published.document));
    return published;
}

} // namespace companion::protocol
