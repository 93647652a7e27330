#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace companion::protocol {

// Strict JSON for the sync API. Every document is size-capped before parsing; every object lists
// the keys it accepts (anything else is an error, so a typo never silently means "absent"); every
// value is type- and range-checked; binary values are standard base64 with padding, decoded
// strictly and capped. Errors are InvalidInput with a message naming the field ("items[3].key:
// not base64") — safe to return to a client, never containing the value itself.
class JsonObjectReader
{
public:
    // Parses `body` (at most maxBytes) as one JSON object.
    static Result<JsonObjectReader> parse(QByteArrayView body, qsizetype maxBytes,
                                          QStringList allowedKeys);
    // Wraps a nested object; `path` prefixes error messages ("items[2]").
    static Result<JsonObjectReader> wrap(const QJsonValue &value, const QString &path,
                                         QStringList allowedKeys);

    Result<QString> string(const QString &key, qsizetype maxLength, bool required = true) const;
    Result<QByteArray> base64(const QString &key, qsizetype minBytes, qsizetype maxBytes,
                              bool required = true) const;
    // Integers are JSON numbers without a fraction, within [min, max] (max ≤ 2^53).
    Result<std::int64_t> integer(const QString &key, std::int64_t min, std::int64_t max,
                                 bool required = true) const;
    Result<bool> boolean(const QString &key, bool required = true) const;
    Result<QJsonArray> array(const QString &key, qsizetype maxItems, bool required = true) const;
    bool has(const QString &key) const { return m_object.contains(key); }
    QString path(const QString &key) const;
    const QJsonObject &object() const { return m_object; }

private:
    JsonObjectReader(QJsonObject object, QString path)
        : m_object(std::move(object))
        , m_path(std::move(path))
    {}
    Error missing(const QString &key) const;
    QJsonObject m_object;
    QString m_path;
};

// Strict standard base64 (with padding); fails on any other character.
Result<QByteArray> decodeBase64(QByteArrayView text);
QString encodeBase64(QByteArrayView bytes);
QByteArray toCompactJson(const QJsonObject &object);

} // namespace companion::protocol
