#include "domain/protocol.h"

#include "assets/assets.h"
#include "domain/jsonfields.h"

#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

using namespace json;

Result<int> boundedInt(const QJsonObject &object, const QString &key, const QString &where, int low,
                       int high)
{
    auto value = requireInt(object, key, where);
    if (!value)
        return value.error();
    if (*value < low || *value > high)
        return fieldError(where + u'.' + key, u"must be from %1 to %2"_s.arg(low).arg(high));
    return value;
}

Result<QStringList> stringList(const QJsonObject &object, const QString &key, const QString &where)
{
    auto array = requireArray(object, key, where);
    if (!array)
        return array.error();
    QStringList list;
    for (const QJsonValue &value : *array) {
        if (!value.isString() || value.toString().isEmpty())
            return fieldError(where + u'.' + key, u"must hold non-empty strings"_s);
        list << value.toString();
    }
    return list;
}

} // namespace

Result<ClinicProtocol> parseProtocol(const QByteArray &bytes)
{
    if (bytes.size() > kMaxProtocolFileBytes)
        return makeError(ErrorCode::InvalidInput, u"the protocol file is too large"_s);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::InvalidInput, u"the protocol file is not a JSON object"_s);
    const QJsonObject root = document.object();
    const QString where = u"protocol"_s;
    auto format = requireInt(root, u"format"_s, where);
    if (!format)
        return format.error();
    if (*format != 1)
        return makeError(ErrorCode::Unsupported, u"protocol format is not supported"_s);

    ClinicProtocol protocol;
#define COMPANION_SET(target, expr)                                                                \
    do {                                                                                           \
        auto companionValue_ = (expr);                                                             \
        if (!companionValue_)                                                                      \
            return companionValue_.error();                                                        \
        target = *companionValue_;                                                                 \
    } while (false)

    COMPANION_SET(protocol.id, requireString(root, u"id"_s, where));
    COMPANION_SET(protocol.version, requireString(root, u"version"_s, where));
    COMPANION_SET(protocol.fastingHours, boundedInt(root, u"fastingHours"_s, where, 0, 24));
    COMPANION_SET(protocol.clearFluidsCutoffHours,
                  boundedInt(root, u"clearFluidsCutoffHours"_s, where, 0, 24));
    COMPANION_SET(protocol.arrivalMinutesEarly,
                  boundedInt(root, u"arrivalMinutesEarly"_s, where, 0, 240));

    QJsonObject noDriving;
    COMPANION_SET(noDriving, requireObject(root, u"noDriving"_s, where));
    COMPANION_SET(protocol.noDrivingMinimumHours,
                  boundedInt(noDriving, u"minimumHours"_s, where + u".noDriving"_s, 0, 72));
    QString until;
    COMPANION_SET(until, requireString(noDriving, u"untilNextDayAt"_s, where + u".noDriving"_s));
    protocol.noDrivingUntilNextDayAt = QTime::fromString(until, u"HH:mm"_s);
    if (!protocol.noDrivingUntilNextDayAt.isValid())
        return fieldError(where + u".noDriving.untilNextDayAt"_s, u"must be HH:mm"_s);

    const QString sw = where + u".instrumentSchedule"_s;
    QJsonObject schedule;
    COMPANION_SET(schedule, requireObject(root, u"instrumentSchedule"_s, where));
    COMPANION_SET(protocol.schedule.instruments, stringList(schedule, u"instruments"_s, sw));
    QJsonObject optional;
    COMPANION_SET(optional, requireObject(schedule, u"optionalInstruments"_s, sw));
    for (auto it = optional.begin(); it != optional.end(); ++it) {
        if (!it.value().isBool())
            return fieldError(sw + u".optionalInstruments"_s, u"values must be true or false"_s);
        protocol.schedule.optionalInstruments << it.key();
        if (it.value().toBool())
            protocol.schedule.enabledByDefault << it.key();
    }
    QJsonObject baseline;
    COMPANION_SET(baseline, requireObject(schedule, u"baseline"_s, sw));
    COMPANION_SET(protocol.schedule.baselineDaysBeforeFirstInfusion,
                  boundedInt(baseline, u"daysBeforeFirstInfusion"_s, sw + u".baseline"_s, 1, 90));
    QJsonObject before;
    COMPANION_SET(before, requireObject(schedule, u"beforeEachInfusion"_s, sw));
    COMPANION_SET(protocol.schedule.hoursBeforeInfusion,
                  boundedInt(before, u"hoursBefore"_s, sw + u".beforeEachInfusion"_s, 1, 168));
    QJsonObject after;
    COMPANION_SET(after, requireObject(schedule, u"afterInfusion"_s, sw));
    QJsonArray days;
    COMPANION_SET(days, requireArray(after, u"days"_s, sw + u".afterInfusion"_s));
    for (const QJsonValue &day : days) {
        const int value = day.toInt(-1);
        if (!day.isDouble() || value < 1 || value > 365 || day.toDouble() != value)
            return fieldError(sw + u".afterInfusion.days"_s, u"must be whole days from 1"_s);
        protocol.schedule.daysAfterInfusion.push_back(value);
    }
    COMPANION_SET(protocol.schedule.afterWindowHours,
                  boundedInt(after, u"windowHours"_s, sw + u".afterInfusion"_s, 1, 24 * 14));

    QJsonObject crisis;
    COMPANION_SET(crisis, requireObject(root, u"crisis"_s, where));
    COMPANION_SET(protocol.crisisLocale, requireString(crisis, u"locale"_s, where + u".crisis"_s));
    COMPANION_SET(protocol.reviewWindowText,
                  requireString(crisis, u"reviewWindowText"_s, where + u".crisis"_s));
    QJsonArray numbers;
    COMPANION_SET(numbers, requireArray(crisis, u"numbers"_s, where + u".crisis"_s));
    if (numbers.isEmpty())
        return fieldError(where + u".crisis.numbers"_s, u"must list at least one number"_s);
    for (const QJsonValue &value : numbers) {
        const QJsonObject number = value.toObject();
        const QString at = where + u".crisis.numbers"_s;
        CrisisNumber entry;
        COMPANION_SET(entry.id, requireString(number, u"id"_s, at));
        COMPANION_SET(entry.label, requireString(number, u"label"_s, at));
        COMPANION_SET(entry.number, requireString(number, u"number"_s, at));
        protocol.crisisNumbers.push_back(entry);
    }
    COMPANION_SET(protocol.safetyFlagsStaffed,
                  optionalBool(root, u"safetyFlagsStaffed"_s, where, false));
#undef COMPANION_SET
    return protocol;
}

Result<ClinicProtocol> loadDefaultProtocol()
{
    QFile file(assets::defaultProtocolPath());
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal, u"the default protocol is not compiled in"_s);
    auto protocol = parseProtocol(file.read(kMaxProtocolFileBytes + 1));
    if (!protocol)
        return makeError(ErrorCode::Internal,
                         u"the default protocol is broken: "_s + protocol.error().message);
    return protocol;
}

QString crisisMessage(const ClinicProtocol &protocol)
{
    QString text = u"You said you have had thoughts of being better off dead or of hurting "
                   u"yourself. You deserve help right now, and you do not have to wait.\n"_s;
    for (const CrisisNumber &number : protocol.crisisNumbers)
        text += u"  %1: %2\n"_s.arg(number.label, number.number);
    text += protocol.reviewWindowText + u'\n';
    return text;
}

} // namespace companion::domain
