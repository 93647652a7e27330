#include "domain/protocol.h"

#include "assets/assets.h"
#include "domain/jsonfields.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

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

Result<QTime> requireTime(const QJsonObject &object, const QString &key, const QString &where)
{
    auto text = requireString(object, key, where);
    if (!text)
        return text.error();
    const QTime time = QTime::fromString(*text, u"HH:mm"_s);
    if (!time.isValid())
        return fieldError(where + u'.' + key, u"must be HH:mm"_s);
    return time;
}

const QStringList kCategories = {u"fasting"_s,   u"fluids"_s,  u"medicines"_s, u"bring"_s,
                                 u"intention"_s, u"arrival"_s, u"ride"_s,      u"other"_s};
constexpr int kMaxChecklistItems = 50;
constexpr qint64 kMaxOffsetBeforeSeconds = 60LL * 86400;
constexpr qint64 kMaxOffsetAfterSeconds = 14LL * 86400;

bool validItemId(const QString &id)
{
    if (id.isEmpty() || id.size() > 40)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
    });
}

Result<ChecklistTemplateItem> parseChecklistItem(const QJsonValue &value, const QString &at)
{
    if (!value.isObject())
        return fieldError(at, u"must be an object"_s);
    const QJsonObject object = value.toObject();
    ChecklistTemplateItem item;
    auto id = requireString(object, u"id"_s, at);
    if (!id)
        return id.error();
    if (!validItemId(*id))
        return fieldError(at + u".id"_s, u"must be 1-40 of a-z, 0-9, _ and -"_s);
    item.id = *id;
    auto title = requireString(object, u"title"_s, at);
    if (!title)
        return title.error();
    if (title->size() > 200)
        return fieldError(at + u".title"_s, u"must be at most 200 characters"_s);
    item.title = *title;
    auto detail = optionalString(object, u"detail"_s, at);
    if (!detail)
        return detail.error();
    if (detail->size() > 2000)
        return fieldError(at + u".detail"_s, u"must be at most 2000 characters"_s);
    item.detail = *detail;
    auto category = requireString(object, u"category"_s, at);
    if (!category)
        return category.error();
    if (!kCategories.contains(*category))
        return fieldError(at + u".category"_s, u"must be one of "_s + kCategories.join(u", "_s));
    item.category = *category;

    const QString anchor = object.value(u"anchor"_s).toString(u"start"_s);
    if (object.contains(u"anchor"_s) && !object.value(u"anchor"_s).isString())
        return fieldError(at + u".anchor"_s, u"must be a string"_s);
    bool anchorKnown = false;
    for (ChecklistAnchor candidate :
         {ChecklistAnchor::Start, ChecklistAnchor::FastingCutoff,
          ChecklistAnchor::ClearFluidsCutoff, ChecklistAnchor::Arrival}) {
        if (checklistAnchorName(candidate) == anchor) {
            item.anchor = candidate;
            anchorKnown = true;
        }
    }
    if (!anchorKnown)
        return fieldError(at + u".anchor"_s,
                          u"must be start, fastingCutoff, clearFluidsCutoff or arrival"_s);

    // "due": an ISO 8601 duration relative to the anchor, or whole minutes (negative = before).
    const QJsonValue due = object.value(u"due"_s);
    if (due.isString()) {
        auto offset = parseRelativeOffset(due.toString());
        if (!offset)
            return fieldError(at + u".due"_s,
                              u"must be a duration like -P7D, -PT3H or -P1DT2H30M, or minutes"_s);
        item.offset = *offset;
    } else if (due.isDouble()) {
        const double minutes = due.toDouble();
        if (minutes != std::floor(minutes) || std::abs(minutes) > 1e6)
            return fieldError(at + u".due"_s, u"must be whole minutes"_s);
        item.offset.seconds = static_cast<qint64>(minutes) * 60;
    } else if (!due.isUndefined()) {
        return fieldError(at + u".due"_s, u"must be a duration string or minutes"_s);
    }
    const qint64 approximate = item.offset.days * 86400LL + item.offset.seconds;
    if (approximate < -kMaxOffsetBeforeSeconds || approximate > kMaxOffsetAfterSeconds)
        return fieldError(at + u".due"_s,
                          u"must be from 60 days before to 14 days after the anchor"_s);
    auto remind = optionalBool(object, u"remind"_s, at, true);
    if (!remind)
        return remind.error();
    item.remind = *remind;
    return item;
}

Result<std::vector<ChecklistTemplateItem>> parseChecklist(const QJsonArray &array,
                                                          const QString &where)
{
    if (array.size() > kMaxChecklistItems)
        return fieldError(where, u"must have at most %1 items"_s.arg(kMaxChecklistItems));
    std::vector<ChecklistTemplateItem> items;
    QStringList ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto item = parseChecklistItem(array.at(i), where + u'[' + QString::number(i) + u']');
        if (!item)
            return item.error();
        if (ids.contains(item->id))
            return fieldError(where + u'[' + QString::number(i) + u"].id"_s, u"is used twice"_s);
        ids << item->id;
        items.push_back(std::move(*item));
    }
    return items;
}

// Reads "reminders.texts": every text the file gives replaces the fallback's.
Result<void> readTexts(const QJsonObject &texts, const QString &where, ReminderTexts &out)
{
    const std::pair<QString, QString *> fields[] = {
        {u"lockScreen"_s, &out.lockScreen},
        {u"rideUnconfirmed"_s, &out.rideUnconfirmed},
        {u"fasting"_s, &out.fasting},
        {u"morningCheck"_s, &out.morningCheck},
        {u"noDrivingEnded"_s, &out.noDrivingEnded},
        {u"appointmentTitle"_s, &out.appointmentTitle},
        {u"noDrivingTitle"_s, &out.noDrivingTitle},
    };
    for (auto it = texts.begin(); it != texts.end(); ++it) {
        bool known = false;
        for (const auto &[key, target] : fields)
            known = known || key == it.key();
        if (!known)
            return fieldError(where + u'.' + it.key(), u"is not a known reminder text"_s);
    }
    for (const auto &[key, target] : fields) {
        if (!texts.contains(key))
            continue;
        auto text = requireString(texts, key, where);
        if (!text)
            return text.error();
        if (text->size() > 300)
            return fieldError(where + u'.' + key, u"must be at most 300 characters"_s);
        *target = *text;
    }
    for (const auto &[key, target] : fields) {
        if (target->isEmpty())
            return fieldError(where + u'.' + key, u"is missing"_s);
        if (soundsLikePermissionToDrive(*target))
            return fieldError(where + u'.' + key,
                              u"must not read as permission to drive (see docs/api.md)"_s);
    }
    return {};
}

Result<ClinicProtocol> parseProtocolWith(const QByteArray &bytes, const ClinicProtocol *fallback);

// The shipped default, parsed once: it fills what an older or shorter clinic file leaves out.
Result<ClinicProtocol> shippedDefault()
{
    QFile file(assets::defaultProtocolPath());
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal, u"the default protocol is not compiled in"_s);
    auto protocol = parseProtocolWith(file.read(kMaxProtocolFileBytes + 1), nullptr);
    if (!protocol)
        return makeError(ErrorCode::Internal,
                         u"the default protocol is broken: "_s + protocol.error().message);
    return protocol;
}

} // namespace

Result<ClinicProtocol> parseProtocol(const QByteArray &bytes)
{
    static const Result<ClinicProtocol> fallback = shippedDefault();
    if (!fallback)
        return fallback.error();
    return parseProtocolWith(bytes, &*fallback);
}

namespace {

// `fallback` null: every optional section must be present (the shipped default itself).
Result<ClinicProtocol> parseProtocolWith(const QByteArray &bytes, const ClinicProtocol *fallback)
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

    // Preparation, reminders, course: optional in clinic files written before they existed.
    if (fallback) {
        protocol.defaultAppointmentMinutes = fallback->defaultAppointmentMinutes;
        protocol.checklist = fallback->checklist;
        protocol.reminders = fallback->reminders;
        protocol.course = fallback->course;
    }
    auto missing = [&](const QString &key) {
        return fieldError(where + u'.' + key, u"is required in the shipped default"_s);
    };
    if (root.contains(u"appointment"_s)) {
        QJsonObject appointment;
        COMPANION_SET(appointment, requireObject(root, u"appointment"_s, where));
        COMPANION_SET(
            protocol.defaultAppointmentMinutes,
            boundedInt(appointment, u"defaultMinutes"_s, where + u".appointment"_s, 10, 12 * 60));
    } else if (!fallback) {
        return missing(u"appointment"_s);
    }
    if (root.contains(u"course"_s)) {
        QJsonObject course;
        COMPANION_SET(course, requireObject(root, u"course"_s, where));
        COMPANION_SET(protocol.course.seriesLength,
                      boundedInt(course, u"seriesLength"_s, where + u".course"_s, 1, 20));
        COMPANION_SET(protocol.course.seriesWithinDays,
                      boundedInt(course, u"seriesWithinDays"_s, where + u".course"_s, 1, 365));
    } else if (!fallback) {
        return missing(u"course"_s);
    }
    if (root.contains(u"checklist"_s)) {
        QJsonArray checklist;
        COMPANION_SET(checklist, requireArray(root, u"checklist"_s, where));
        COMPANION_SET(protocol.checklist, parseChecklist(checklist, where + u".checklist"_s));
    } else if (!fallback) {
        return missing(u"checklist"_s);
    }
    if (root.contains(u"reminders"_s)) {
        const QString rw = where + u".reminders"_s;
        QJsonObject reminders;
        COMPANION_SET(reminders, requireObject(root, u"reminders"_s, where));
        if (reminders.contains(u"rideDayBeforeAt"_s) || !fallback)
            COMPANION_SET(protocol.reminders.rideDayBeforeAt,
                          requireTime(reminders, u"rideDayBeforeAt"_s, rw));
        if (reminders.contains(u"rideMorningOfAt"_s) || !fallback)
            COMPANION_SET(protocol.reminders.rideMorningOfAt,
                          requireTime(reminders, u"rideMorningOfAt"_s, rw));
        if (reminders.contains(u"fastingLeadMinutes"_s) || !fallback)
            COMPANION_SET(protocol.reminders.fastingLeadMinutes,
                          boundedInt(reminders, u"fastingLeadMinutes"_s, rw, 0, 24 * 60));
        if (reminders.contains(u"texts"_s) || !fallback) {
            QJsonObject texts;
            COMPANION_SET(texts, requireObject(reminders, u"texts"_s, rw));
            COMPANION_TRY(readTexts(texts, rw + u".texts"_s, protocol.reminders.texts));
        }
    } else if (!fallback) {
        return missing(u"reminders"_s);
    }
#undef COMPANION_SET
    return protocol;
}

} // namespace

bool soundsLikePermissionToDrive(const QString &text)
{
    // The product never tells anyone it is fine to drive: the window ending is not permission.
    static const QRegularExpression permission(
        u"\\b(you (may|can|are (now )?(allowed|cleared|free) to) (now )?drive|(safe|fine|ok|okay|"
        u"cleared) to drive|drive now)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    return permission.match(text).hasMatch();
}

Result<ClinicProtocol> loadDefaultProtocol()
{
    // Compiled in and unchanging: parsed once (five controllers ask for it as the app starts;
    // ADR 0029).
    static const Result<ClinicProtocol> shipped = shippedDefault();
    return shipped;
}

std::optional<RelativeOffset> parseRelativeOffset(const QString &text)
{
    // [-]P[nD][T[nH][nM]] with at least one part.
    static const QRegularExpression pattern(
        u"^(-)?P(?:(\\d{1,3})D)?(?:T(?:(\\d{1,4})H)?(?:(\\d{1,5})M)?)?$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch() || text.endsWith(u'T') || text == u"P" || text == u"-P")
        return std::nullopt;
    if (match.captured(2).isEmpty() && match.captured(3).isEmpty() && match.captured(4).isEmpty())
        return std::nullopt;
    const int sign = match.captured(1).isEmpty() ? 1 : -1;
    RelativeOffset offset;
    offset.days = sign * match.captured(2).toInt();
    offset.seconds =
        sign * (match.captured(3).toLongLong() * 3600 + match.captured(4).toLongLong() * 60);
    return offset;
}

QString relativeOffsetToString(const RelativeOffset &offset)
{
    const bool negative = offset.days < 0 || offset.seconds < 0;
    const int days = std::abs(offset.days);
    const qint64 seconds = std::abs(offset.seconds);
    QString text = negative ? u"-P"_s : u"P"_s;
    if (days)
        text += QString::number(days) + u'D';
    if (seconds || !days) {
        text += u'T';
        if (seconds / 3600)
            text += QString::number(seconds / 3600) + u'H';
        if ((seconds % 3600) / 60 || seconds / 3600 == 0)
            text += QString::number((seconds % 3600) / 60) + u'M';
    }
    return text;
}

QString checklistAnchorName(ChecklistAnchor anchor)
{
    switch (anchor) {
    case ChecklistAnchor::Start:
        return u"start"_s;
    case ChecklistAnchor::FastingCutoff:
        return u"fastingCutoff"_s;
    case ChecklistAnchor::ClearFluidsCutoff:
        return u"clearFluidsCutoff"_s;
    case ChecklistAnchor::Arrival:
        return u"arrival"_s;
    }
    return {};
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
