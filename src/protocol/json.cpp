#include "protocol/json.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace companion::protocol {

namespace {

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

constexpr std::int64_t kMaxSafeInteger = (std::int64_t(1) << 53);

} // namespace

Result<JsonObjectReader> JsonObjectReader::parse(QByteArrayView body, qsizetype maxBytes,
                                                 QStringList allowedKeys)
{
    if (body.size() > maxBytes)
        return invalid(QStringLiteral("request body is too large"));
    QJsonParseError error{};
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(body.data(), body.size()), &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("body is not valid JSON (at offset %1)").arg(error.offset));
    if (!document.isObject())
        return invalid(QStringLiteral("body must be a JSON object"));
    return wrap(document.object(), QString(), std::move(allowedKeys));
}

Result<JsonObjectReader> JsonObjectReader::wrap(const QJsonValue &value, const QString &path,
                                                QStringList allowedKeys)
{
    if (!value.isObject())
        return invalid((path.isEmpty() ? QStringLiteral("body") : path) +
                       QStringLiteral(": must be an object"));
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowedKeys.contains(it.key())) {
            // The key name is the client's text, but bounded and not patient data; cap it anyway.
            return invalid((path.isEmpty() ? QString() : path + QLatin1Char('.')) +
                           it.key().left(40) + QStringLiteral(": unknown field"));
        }
    }
    return JsonObjectReader(object, path);
}

QString JsonObjectReader::path(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

Error JsonObjectReader::missing(const QString &key) const
{
    return invalid(path(key) + QStringLiteral(": required"));
}

Result<QString> JsonObjectReader::string(const QString &key, qsizetype maxLength,
                                         bool required) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return required ? Result<QString>(missing(key)) : Result<QString>(QString());
    if (!value.isString())
        return invalid(path(key) + QStringLiteral(": must be a string"));
    QString text = value.toString();
    if (text.size() > maxLength)
        return invalid(path(key) + QStringLiteral(": longer than %1 characters").arg(maxLength));
    return text;
}

Result<QByteArray> JsonObjectReader::base64(const QString &key, qsizetype minBytes,
                                            qsizetype maxBytes, bool required) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return required ? Result<QByteArray>(missing(key)) : Result<QByteArray>(QByteArray());
    if (!value.isString())
        return invalid(path(key) + QStringLiteral(": must be a base64 string"));
    const QString text = value.toString();
    // Check the encoded length before decoding so a huge value costs nothing more.
    if (text.size() > (maxBytes + 2) / 3 * 4)
        return invalid(path(key) + QStringLiteral(": longer than %1 bytes").arg(maxBytes));
    auto decoded = decodeBase64(text.toLatin1());
    if (!decoded)
        return invalid(path(key) + QStringLiteral(": not valid base64"));
    if (decoded->size() < minBytes || decoded->size() > maxBytes)
        return invalid(path(key) +
                       QStringLiteral(": must be %1 to %2 bytes").arg(minBytes).arg(maxBytes));
    return std::move(decoded).value();
}

Result<std::int64_t> JsonObjectReader::integer(const QString &key, std::int64_t min,
                                               std::int64_t max, bool required) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return missing(key);
        return min;
    }
    if (!value.isDouble())
        return invalid(path(key) + QStringLiteral(": must be an integer"));
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::floor(number) != number ||
        std::fabs(number) > static_cast<double>(kMaxSafeInteger))
        return invalid(path(key) + QStringLiteral(": must be an integer"));
    const auto integer = static_cast<std::int64_t>(number);
    if (integer < min || integer > max)
        return invalid(path(key) + QStringLiteral(": must be between %1 and %2").arg(min).arg(max));
    return integer;
}

Result<bool> JsonObjectReader::boolean(const QString &key, bool required) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return required ? Result<bool>(missing(key)) : Result<bool>(false);
    if (!value.isBool())
        return invalid(path(key) + QStringLiteral(": must be true or false"));
    return value.toBool();
}

Result<QJsonArray> JsonObjectReader::array(const QString &key, qsizetype maxItems,
                                           bool required) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return required ? Result<QJsonArray>(missing(key)) : Result<QJsonArray>(QJsonArray());
    if (!value.isArray())
        return invalid(path(key) + QStringLiteral(": must be an array"));
    QJsonArray items = value.toArray();
    if (items.size() > maxItems)
        return invalid(path(key) + QStringLiteral(": more than %1 items").arg(maxItems));
    return items;
}

Result<QByteArray> decodeBase64(QByteArrayView text)
{
    const auto result = QByteArray::fromBase64Encoding(
        QByteArray::fromRawData(text.data(), text.size()),
        QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    // Qt accepts missing padding; the wire format requires it so each value has one spelling.
    if (!result || text.size() % 4 != 0)
        return invalid(QStringLiteral("not valid base64"));
    return result.decoded;
}

QString encodeBase64(QByteArrayView bytes)
{
    return QString::fromLatin1(QByteArray::fromRawData(bytes.data(), bytes.size()).toBase64());
}

QByteArray toCompactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace companion::protocol
