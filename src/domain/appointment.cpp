#include "domain/appointment.h"

#include "domain/diaryentry.h"
#include "domain/jsonfields.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

using namespace json;

constexpr int kFormat = 1;

Result<void> checkTime(const QDateTime &time, const QString &field)
{
    if (!time.isValid())
        return fieldError(field, u"must be a valid date and time"_s);
    if (time.date().year() < 2000 || time.date().year() > 2200)
        return fieldError(field, u"must be between the years 2000 and 2200"_s);
    return {};
}

Result<void> checkAppointmentId(const RecordId &id)
{
    if (id.isNull())
        return fieldError(u"appointmentId"_s, u"must be an appointment id"_s);
    return {};
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<QJsonObject> parseObject(const QByteArray &bytes, const QString &what)
{
    if (bytes.size() > kMaxBodyBytes)
        return fieldError(what, u"is too large"_s);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fieldError(what, u"is not a JSON object"_s);
    const QJsonObject object = document.object();
    auto format = requireInt(object, u"format"_s, what);
    if (!format)
        return format.error();
    if (*format != kFormat)
        return makeError(ErrorCode::Unsupported, what + u": format is not supported"_s);
    return object;
}

Result<QDateTime> readTime(const QJsonObject &object, const QString &key, const QString &where)
{
    auto text = requireString(object, key, where);
    if (!text)
        return text.error();
    auto time = fromIsoUtc(*text);
    if (!time)
        return fieldError(where + u'.' + key, u"must be an ISO 8601 time with a zone"_s);
    return *time;
}

Result<RecordId> readId(const QJsonObject &object, const QString &where)
{
    auto text = requireString(object, u"appointmentId"_s, where);
    if (!text)
        return text.error();
    const RecordId id = RecordId::fromString(*text);
    if (id.isNull())
        return fieldError(where + u".appointmentId"_s, u"must be a record id"_s);
    return id;
}

Result<bool> requireBool(const QJsonObject &object, const QString &key, const QString &where)
{
    const QJsonValue value = object.value(key);
    if (!value.isBool())
        return fieldError(where + u'.' + key, u"must be true or false"_s);
    return value.toBool();
}

#define COMPANION_ASSIGN(target, expr)                                                             \
    do {                                                                                           \
        auto companionValue_ = (expr);                                                             \
        if (!companionValue_)                                                                      \
            return companionValue_.error();                                                        \
        target = std::move(*companionValue_);                                                      \
    } while (false)

} // namespace

QString appointmentStatusName(AppointmentStatus status)
{
    return status == AppointmentStatus::Cancelled ? u"cancelled"_s : u"scheduled"_s;
}

QString appointmentSourceName(AppointmentSource source)
{
    return source == AppointmentSource::Clinic ? u"clinic"_s : u"patient"_s;
}

Result<void> validate(const AppointmentBody &body)
{
    COMPANION_TRY(checkTime(body.startsAt, u"startsAt"_s));
    if (body.durationMinutes < kMinAppointmentMinutes ||
        body.durationMinutes > kMaxAppointmentMinutes)
        return fieldError(u"durationMinutes"_s,
                          u"must be from %1 to %2 minutes"_s.arg(kMinAppointmentMinutes)
                              .arg(kMaxAppointmentMinutes));
    if (body.location.size() > kMaxLocationLength)
        return fieldError(u"location"_s,
                          u"must be at most %1 characters"_s.arg(kMaxLocationLength));
    return {};
}

Result<void> validate(const ChecklistState &state)
{
    COMPANION_TRY(checkAppointmentId(state.appointmentId));
    if (state.checked.size() > 100)
        return fieldError(u"checked"_s, u"must hold at most 100 items"_s);
    for (const auto &[item, at] : state.checked) {
        if (item.isEmpty() || item.size() > 40)
            return fieldError(u"checked"_s, u"item ids must be 1 to 40 characters"_s);
        COMPANION_TRY(checkTime(at, u"checked"_s));
    }
    return {};
}

Result<void> validate(const RidePlan &plan)
{
    COMPANION_TRY(checkAppointmentId(plan.appointmentId));
    if (plan.driverName.trimmed().isEmpty() || plan.driverName.size() > kMaxDriverNameLength)
        return fieldError(u"driverName"_s,
                          u"must be 1 to %1 characters"_s.arg(kMaxDriverNameLength));
    if (plan.phone.size() > kMaxPhoneLength)
        return fieldError(u"phone"_s, u"must be at most %1 characters"_s.arg(kMaxPhoneLength));
    int digits = 0;
    for (qsizetype i = 0; i < plan.phone.size(); ++i) {
        const QChar c = plan.phone.at(i);
        if (c.isDigit() && c.unicode() < 128)
            ++digits;
        else if (!(c == u' ' || c == u'-' || c == u'(' || c == u')' || c == u'.' ||
                   (c == u'+' && i == plan.phone.indexOf(u'+') && digits == 0)))
            return fieldError(u"phone"_s,
                              u"may hold only digits, spaces, a leading +, - . ( and )"_s);
    }
    if (digits < 3)
        return fieldError(u"phone"_s, u"must have at least 3 digits"_s);
    if (plan.pickupAt)
        COMPANION_TRY(checkTime(*plan.pickupAt, u"pickupAt"_s));
    return {};
}

Result<void> validate(const MorningCheck &check)
{
    COMPANION_TRY(checkAppointmentId(check.appointmentId));
    return checkTime(check.answeredAt, u"answeredAt"_s);
}

Result<QByteArray> encodeAppointment(const AppointmentBody &body)
{
    COMPANION_TRY(validate(body));
    QJsonObject object{{u"format"_s, kFormat},
                       {u"startsAt"_s, toIsoUtc(body.startsAt)},
                       {u"durationMinutes"_s, body.durationMinutes},
                       {u"status"_s, appointmentStatusName(body.status)},
                       {u"source"_s, appointmentSourceName(body.source)}};
    if (!body.location.isEmpty())
        object.insert(u"location"_s, body.location);
    return compact(object);
}

Result<AppointmentBody> decodeAppointment(const QByteArray &bytes)
{
    const QString where = u"appointment"_s;
    QJsonObject object;
    COMPANION_ASSIGN(object, parseObject(bytes, where));
    AppointmentBody body;
    COMPANION_ASSIGN(body.startsAt, readTime(object, u"startsAt"_s, where));
    COMPANION_ASSIGN(body.durationMinutes, requireInt(object, u"durationMinutes"_s, where));
    QString status;
    COMPANION_ASSIGN(status, requireString(object, u"status"_s, where));
    if (status == u"scheduled")
        body.status = AppointmentStatus::Scheduled;
    else if (status == u"cancelled")
        body.status = AppointmentStatus::Cancelled;
    else
        return fieldError(where + u".status"_s, u"must be scheduled or cancelled"_s);
    QString source = u"patient"_s;
    if (object.contains(u"source"_s))
        COMPANION_ASSIGN(source, requireString(object, u"source"_s, where));
    if (source == u"patient")
        body.source = AppointmentSource::Patient;
    else if (source == u"clinic")
        body.source = AppointmentSource::Clinic;
    else
        return fieldError(where + u".source"_s, u"must be patient or clinic"_s);
    COMPANION_ASSIGN(body.location, optionalString(object, u"location"_s, where));
    COMPANION_TRY(validate(body));
    return body;
}

Result<QByteArray> encodeChecklistState(const ChecklistState &state)
{
    COMPANION_TRY(validate(state));
    QJsonObject checked;
    for (const auto &[item, at] : state.checked)
        checked.insert(item, toIsoUtc(at));
    return compact(QJsonObject{{u"format"_s, kFormat},
                               {u"appointmentId"_s, state.appointmentId.toString()},
                               {u"checked"_s, checked}});
}

Result<ChecklistState> decodeChecklistState(const QByteArray &bytes)
{
    const QString where = u"checklist"_s;
    QJsonObject object;
    COMPANION_ASSIGN(object, parseObject(bytes, where));
    ChecklistState state;
    COMPANION_ASSIGN(state.appointmentId, readId(object, where));
    QJsonObject checked;
    COMPANION_ASSIGN(checked, requireObject(object, u"checked"_s, where));
    for (auto it = checked.begin(); it != checked.end(); ++it) {
        auto at = it.value().isString() ? fromIsoUtc(it.value().toString()) : std::nullopt;
        if (!at)
            return fieldError(where + u".checked"_s, u"must map item ids to times"_s);
        state.checked.emplace(it.key(), *at);
    }
    COMPANION_TRY(validate(state));
    return state;
}

Result<QByteArray> encodeRidePlan(const RidePlan &plan)
{
    COMPANION_TRY(validate(plan));
    QJsonObject object{{u"format"_s, kFormat},
                       {u"appointmentId"_s, plan.appointmentId.toString()},
                       {u"driverName"_s, plan.driverName},
                       {u"phone"_s, plan.phone},
                       {u"confirmed"_s, plan.confirmed}};
    if (plan.pickupAt)
        object.insert(u"pickupAt"_s, toIsoUtc(*plan.pickupAt));
    return compact(object);
}

Result<RidePlan> decodeRidePlan(const QByteArray &bytes)
{
    const QString where = u"ride"_s;
    QJsonObject object;
    COMPANION_ASSIGN(object, parseObject(bytes, where));
    RidePlan plan;
    COMPANION_ASSIGN(plan.appointmentId, readId(object, where));
    COMPANION_ASSIGN(plan.driverName, requireString(object, u"driverName"_s, where));
    COMPANION_ASSIGN(plan.phone, requireString(object, u"phone"_s, where));
    COMPANION_ASSIGN(plan.confirmed, requireBool(object, u"confirmed"_s, where));
    if (object.contains(u"pickupAt"_s)) {
        QDateTime pickup;
        COMPANION_ASSIGN(pickup, readTime(object, u"pickupAt"_s, where));
        plan.pickupAt = pickup;
    }
    COMPANION_TRY(validate(plan));
    return plan;
}

Result<QByteArray> encodeMorningCheck(const MorningCheck &check)
{
    COMPANION_TRY(validate(check));
    return compact(QJsonObject{{u"format"_s, kFormat},
                               {u"appointmentId"_s, check.appointmentId.toString()},
                               {u"answeredAt"_s, toIsoUtc(check.answeredAt)},
                               {u"slept"_s, check.slept},
                               {u"clearHeaded"_s, check.clearHeaded}});
}

Result<MorningCheck> decodeMorningCheck(const QByteArray &bytes)
{
    const QString where = u"morningCheck"_s;
    QJsonObject object;
    COMPANION_ASSIGN(object, parseObject(bytes, where));
    MorningCheck check;
    COMPANION_ASSIGN(check.appointmentId, readId(object, where));
    COMPANION_ASSIGN(check.answeredAt, readTime(object, u"answeredAt"_s, where));
    COMPANION_ASSIGN(check.slept, requireBool(object, u"slept"_s, where));
    COMPANION_ASSIGN(check.clearHeaded, requireBool(object, u"clearHeaded"_s, where));
    COMPANION_TRY(validate(check));
    return check;
}

#undef COMPANION_ASSIGN

QString telLink(const QString &phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit() && c.unicode() < 128)
            digits += c;
    }
    if (digits.isEmpty())
        return {};
    return u"tel:"_s + (phone.trimmed().startsWith(u'+') ? u"+"_s : QString()) + digits;
}

} // namespace companion::domain
