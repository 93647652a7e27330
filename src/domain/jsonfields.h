#pragma once

#include "common/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <optional>

namespace companion::domain::json {

// Strict readers for the JSON files and record bodies this library owns. Messages name the field
// (`where`), never a value: record bodies hold patient text.

inline Error fieldError(const QString &where, const QString &problem)
{
    return makeError(ErrorCode::InvalidInput, where + QStringLiteral(": ") + problem);
}

inline Result<QString> requireString(const QJsonObject &object, const QString &key,
                                     const QString &where, bool allowEmpty = false)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return fieldError(where + u'.' + key, QStringLiteral("must be a string"));
    if (!allowEmpty && value.toString().isEmpty())
        return fieldError(where + u'.' + key, QStringLiteral("must not be empty"));
    return value.toString();
}

inline Result<QString> optionalString(const QJsonObject &object, const QString &key,
                                      const QString &where)
{
    if (!object.contains(key))
        return QString();
    return requireString(object, key, where, true);
}

inline Result<double> requireNumber(const QJsonObject &object, const QString &key,
                                    const QString &where)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return fieldError(where + u'.' + key, QStringLiteral("must be a number"));
    return value.toDouble();
}

inline Result<int> requireInt(const QJsonObject &object, const QString &key, const QString &where)
{
    auto number = requireNumber(object, key, where);
    if (!number)
        return number.error();
    const double value = *number;
    if (value != std::floor(value) || std::abs(value) > 1e9)
        return fieldError(where + u'.' + key, QStringLiteral("must be a whole number"));
    return static_cast<int>(value);
}

inline Result<bool> optionalBool(const QJsonObject &object, const QString &key,
                                 const QString &where, bool fallback)
{
    if (!object.contains(key))
        return fallback;
    const QJsonValue value = object.value(key);
    if (!value.isBool())
        return fieldError(where + u'.' + key, QStringLiteral("must be true or false"));
    return value.toBool();
}

inline Result<QJsonArray> requireArray(const QJsonObject &object, const QString &key,
                                       const QString &where)
{
    const QJsonValue value = object.value(key);
    if (!value.isArray())
        return fieldError(where + u'.' + key, QStringLiteral("must be an array"));
    return value.toArray();
}

inline Result<QJsonObject> requireObject(const QJsonObject &object, const QString &key,
                                         const QString &where)
{
    const QJsonValue value = object.value(key);
    if (!value.isObject())
        return fieldError(where + u'.' + key, QStringLiteral("must be an object"));
    return value.toObject();
}

} // namespace companion::domain::json
