#include "domain/diaryentry.h"

#include "domain/jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

using namespace json;

constexpr int kFormat = 1;

Error invalid(const QString &field, const QString &problem)
{
    return fieldError(field, problem);
}

Result<void> checkScale(const QString &field, int value, int low = 0, int high = 10)
{
    if (value < low || value > high)
        return invalid(field, u"must be a whole number from %1 to %2"_s.arg(low).arg(high));
    return {};
}

Result<void> checkOptionalScale(const QString &field, const std::optional<int> &value)
{
    return value ? checkScale(field, *value) : Result<void>();
}

Result<void> checkTime(const QDateTime &time)
{
    if (!time.isValid())
        return invalid(u"occurredAt"_s, u"must be a valid date and time"_s);
    // Before 2000 or past 2200 is a parsing slip, not a diary entry.
    if (time.date().year() < 2000 || time.date().year() > 2200)
        return invalid(u"occurredAt"_s, u"must be between the years 2000 and 2200"_s);
    return {};
}

Result<void> checkNote(const QString &note)
{
    if (note.size() > kMaxNoteLength)
        return invalid(u"note"_s, u"must be at most %1 characters"_s.arg(kMaxNoteLength));
    return {};
}

Result<void> validateCheckIn(const CheckIn &entry)
{
    COMPANION_TRY(checkTime(entry.occurredAt));
    COMPANION_TRY(checkScale(u"mood"_s, entry.mood));
    COMPANION_TRY(checkScale(u"anxiety"_s, entry.anxiety));
    COMPANION_TRY(checkScale(u"pain"_s, entry.pain));
    if (entry.sleepHours &&
        (!std::isfinite(*entry.sleepHours) || *entry.sleepHours < 0 || *entry.sleepHours > 24))
        return invalid(u"sleepHours"_s, u"must be a number of hours from 0 to 24"_s);
    COMPANION_TRY(checkOptionalScale(u"sleepQuality"_s, entry.sleepQuality));
    COMPANION_TRY(checkOptionalScale(u"energy"_s, entry.energy));
    COMPANION_TRY(checkNote(entry.note));
    if (entry.tags.size() > kMaxTags)
        return invalid(u"tags"_s, u"must be at most %1 tags"_s.arg(kMaxTags));
    for (const QString &tag : entry.tags) {
        if (tag.trimmed().isEmpty() || tag.size() > kMaxTagLength)
            return invalid(u"tags"_s, u"each tag must be 1 to %1 characters"_s.arg(kMaxTagLength));
    }
    return {};
}

Result<void> validatePostInfusion(const PostInfusionCheck &entry)
{
    COMPANION_TRY(checkTime(entry.occurredAt));
    if (entry.systolic.has_value() != entry.diastolic.has_value())
        return invalid(u"bloodPressure"_s, u"needs both systolic and diastolic, or neither"_s);
    if (entry.systolic) {
        COMPANION_TRY(checkScale(u"systolic"_s, *entry.systolic, 50, 300));
        COMPANION_TRY(checkScale(u"diastolic"_s, *entry.diastolic, 20, 200));
        if (*entry.diastolic >= *entry.systolic)
            return invalid(u"diastolic"_s, u"must be below systolic"_s);
    }
    const bool anySymptom = entry.nausea || entry.dizziness || entry.headache ||
                            entry.dissociation || entry.urinary || entry.systolic;
    if (!anySymptom)
        return invalid(u"postInfusion"_s, u"needs at least one answer"_s);
    return checkNote(entry.note);
}

Result<void> validateResult(const InstrumentResult &entry)
{
    COMPANION_TRY(checkTime(entry.occurredAt));
    if (entry.instrumentId.isEmpty() || entry.instrumentVersion.isEmpty() ||
        entry.scoringRuleVersion.isEmpty())
        return invalid(u"instrument"_s, u"needs an id, a version and a scoring-rule version"_s);
    if (entry.answers.empty() || entry.answers.size() > 200)
        return invalid(u"answers"_s, u"must hold 1 to 200 answers"_s);
    if (!std::isfinite(entry.total))
        return invalid(u"total"_s, u"must be a number"_s);
    return {};
}

Result<void> validateSafety(const SafetyEvent &entry)
{
    COMPANION_TRY(checkTime(entry.occurredAt));
    if (entry.trigger == SafetyEvent::Trigger::Manual && !entry.sourceResultId.isNull())
        return invalid(u"sourceResultId"_s, u"is only for events raised by an instrument"_s);
    return {};
}

// --- encoding -------------------------------------------------------------------------------

void putOptional(QJsonObject &object, const QString &key, const std::optional<int> &value)
{
    if (value)
        object.insert(key, *value);
}

void putGrade(QJsonObject &object, const QString &key, const std::optional<SymptomGrade> &grade)
{
    if (grade)
        object.insert(key, symptomGradeName(*grade));
}

QJsonObject encode(const CheckIn &entry)
{
    QJsonObject object{{u"format"_s, kFormat},
                       {u"occurredAt"_s, toIsoUtc(entry.occurredAt)},
                       {u"mood"_s, entry.mood},
                       {u"anxiety"_s, entry.anxiety},
                       {u"pain"_s, entry.pain}};
    if (entry.sleepHours)
        object.insert(u"sleepHours"_s, *entry.sleepHours);
    putOptional(object, u"sleepQuality"_s, entry.sleepQuality);
    putOptional(object, u"energy"_s, entry.energy);
    if (!entry.note.isEmpty())
        object.insert(u"note"_s, entry.note);
    object.insert(u"tags"_s, QJsonArray::fromStringList(entry.tags));
    return object;
}

QJsonObject encode(const PostInfusionCheck &entry)
{
    QJsonObject object{{u"format"_s, kFormat}, {u"occurredAt"_s, toIsoUtc(entry.occurredAt)}};
    putGrade(object, u"nausea"_s, entry.nausea);
    putGrade(object, u"dizziness"_s, entry.dizziness);
    putGrade(object, u"headache"_s, entry.headache);
    putGrade(object, u"dissociation"_s, entry.dissociation);
    putGrade(object, u"urinary"_s, entry.urinary);
    putOptional(object, u"systolic"_s, entry.systolic);
    putOptional(object, u"diastolic"_s, entry.diastolic);
    if (!entry.note.isEmpty())
        object.insert(u"note"_s, entry.note);
    return object;
}

QJsonObject encode(const InstrumentResult &entry)
{
    QJsonArray answers;
    for (int value : entry.answers)
        answers.append(value);
    QJsonObject clusters;
    for (const ClusterScore &cluster : entry.clusters)
        clusters.insert(cluster.id, cluster.score);
    QJsonObject object{{u"format"_s, kFormat},
                       {u"occurredAt"_s, toIsoUtc(entry.occurredAt)},
                       {u"instrument"_s, entry.instrumentId},
                       {u"instrumentVersion"_s, entry.instrumentVersion},
                       {u"scoringRuleVersion"_s, entry.scoringRuleVersion},
                       {u"answers"_s, answers},
                       {u"total"_s, entry.total},
                       {u"severity"_s, entry.severity},
                       {u"clusters"_s, clusters},
                       {u"flags"_s, QJsonArray::fromStringList(entry.flags)}};
    return object;
}

QJsonObject encode(const SafetyEvent &entry)
{
    QJsonObject object{
        {u"format"_s, kFormat},
        {u"occurredAt"_s, toIsoUtc(entry.occurredAt)},
        {u"trigger"_s, entry.trigger == SafetyEvent::Trigger::Item9 ? u"item9"_s : u"manual"_s},
        {u"crisisHelpShown"_s, entry.crisisHelpShown},
        {u"toldClinic"_s, entry.toldClinic}};
    if (!entry.sourceResultId.isNull())
        object.insert(u"sourceResultId"_s, entry.sourceResultId.toString());
    return object;
}

// --- decoding -------------------------------------------------------------------------------

Result<QDateTime> readTime(const QJsonObject &object)
{
    auto text = requireString(object, u"occurredAt"_s, u"entry"_s);
    if (!text)
        return text.error();
    auto time = fromIsoUtc(*text);
    if (!time)
        return invalid(u"entry.occurredAt"_s, u"must be an ISO 8601 time with a zone"_s);
    return *time;
}

Result<std::optional<int>> readOptionalInt(const QJsonObject &object, const QString &key)
{
    if (!object.contains(key))
        return std::optional<int>();
    auto value = requireInt(object, key, u"entry"_s);
    if (!value)
        return value.error();
    return std::optional<int>(*value);
}

Result<std::optional<SymptomGrade>> readGrade(const QJsonObject &object, const QString &key)
{
    if (!object.contains(key))
        return std::optional<SymptomGrade>();
    auto name = requireString(object, key, u"entry"_s);
    if (!name)
        return name.error();
    auto grade = symptomGradeFromName(*name);
    if (!grade)
        return invalid(u"entry."_s + key, u"must be none, mild, moderate or severe"_s);
    return std::optional<SymptomGrade>(*grade);
}

Result<QStringList> readStrings(const QJsonObject &object, const QString &key)
{
    if (!object.contains(key))
        return QStringList();
    auto array = requireArray(object, key, u"entry"_s);
    if (!array)
        return array.error();
    QStringList strings;
    for (const QJsonValue &value : *array) {
        if (!value.isString())
            return invalid(u"entry."_s + key, u"must hold strings only"_s);
        strings << value.toString();
    }
    return strings;
}

#define COMPANION_ASSIGN(target, expr)                                                             \
    do {                                                                                           \
        auto companionValue_ = (expr);                                                             \
        if (!companionValue_)                                                                      \
            return companionValue_.error();                                                        \
        target = std::move(*companionValue_);                                                      \
    } while (false)

Result<DiaryBody> decodeCheckIn(const QJsonObject &object)
{
    CheckIn entry;
    COMPANION_ASSIGN(entry.occurredAt, readTime(object));
    COMPANION_ASSIGN(entry.mood, requireInt(object, u"mood"_s, u"entry"_s));
    COMPANION_ASSIGN(entry.anxiety, requireInt(object, u"anxiety"_s, u"entry"_s));
    COMPANION_ASSIGN(entry.pain, requireInt(object, u"pain"_s, u"entry"_s));
    if (object.contains(u"sleepHours"_s))
        COMPANION_ASSIGN(entry.sleepHours, requireNumber(object, u"sleepHours"_s, u"entry"_s));
    COMPANION_ASSIGN(entry.sleepQuality, readOptionalInt(object, u"sleepQuality"_s));
    COMPANION_ASSIGN(entry.energy, readOptionalInt(object, u"energy"_s));
    COMPANION_ASSIGN(entry.note, optionalString(object, u"note"_s, u"entry"_s));
    COMPANION_ASSIGN(entry.tags, readStrings(object, u"tags"_s));
    return DiaryBody(std::move(entry));
}

Result<DiaryBody> decodePostInfusion(const QJsonObject &object)
{
    PostInfusionCheck entry;
    COMPANION_ASSIGN(entry.occurredAt, readTime(object));
    COMPANION_ASSIGN(entry.nausea, readGrade(object, u"nausea"_s));
    COMPANION_ASSIGN(entry.dizziness, readGrade(object, u"dizziness"_s));
    COMPANION_ASSIGN(entry.headache, readGrade(object, u"headache"_s));
    COMPANION_ASSIGN(entry.dissociation, readGrade(object, u"dissociation"_s));
    COMPANION_ASSIGN(entry.urinary, readGrade(object, u"urinary"_s));
    COMPANION_ASSIGN(entry.systolic, readOptionalInt(object, u"systolic"_s));
    COMPANION_ASSIGN(entry.diastolic, readOptionalInt(object, u"diastolic"_s));
    COMPANION_ASSIGN(entry.note, optionalString(object, u"note"_s, u"entry"_s));
    return DiaryBody(std::move(entry));
}

Result<DiaryBody> decodeResult(const QJsonObject &object)
{
    InstrumentResult entry;
    const QString where = u"entry"_s;
    COMPANION_ASSIGN(entry.occurredAt, readTime(object));
    COMPANION_ASSIGN(entry.instrumentId, requireString(object, u"instrument"_s, where));
    COMPANION_ASSIGN(entry.instrumentVersion, requireString(object, u"instrumentVersion"_s, where));
    COMPANION_ASSIGN(entry.scoringRuleVersion,
                     requireString(object, u"scoringRuleVersion"_s, where));
    auto answers = requireArray(object, u"answers"_s, where);
    if (!answers)
        return answers.error();
    for (const QJsonValue &value : *answers) {
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != std::floor(number) || std::abs(number) > 1e6)
            return invalid(u"entry.answers"_s, u"must hold whole numbers"_s);
        entry.answers.push_back(static_cast<int>(number));
    }
    COMPANION_ASSIGN(entry.total, requireNumber(object, u"total"_s, where));
    COMPANION_ASSIGN(entry.severity, requireString(object, u"severity"_s, where, true));
    if (object.contains(u"clusters"_s)) {
        auto clusters = requireObject(object, u"clusters"_s, where);
        if (!clusters)
            return clusters.error();
        for (auto it = clusters->begin(); it != clusters->end(); ++it) {
            if (!it.value().isDouble())
                return invalid(u"entry.clusters"_s, u"must map cluster ids to numbers"_s);
            entry.clusters.push_back({it.key(), it.value().toDouble()});
        }
    }
    COMPANION_ASSIGN(entry.flags, readStrings(object, u"flags"_s));
    return DiaryBody(std::move(entry));
}

Result<DiaryBody> decodeSafety(const QJsonObject &object)
{
    SafetyEvent entry;
    const QString where = u"entry"_s;
    COMPANION_ASSIGN(entry.occurredAt, readTime(object));
    auto trigger = requireString(object, u"trigger"_s, where);
    if (!trigger)
        return trigger.error();
    if (*trigger == u"item9")
        entry.trigger = SafetyEvent::Trigger::Item9;
    else if (*trigger == u"manual")
        entry.trigger = SafetyEvent::Trigger::Manual;
    else
        return invalid(u"entry.trigger"_s, u"must be item9 or manual"_s);
    COMPANION_ASSIGN(entry.crisisHelpShown,
                     optionalBool(object, u"crisisHelpShown"_s, where, true));
    COMPANION_ASSIGN(entry.toldClinic, optionalBool(object, u"toldClinic"_s, where, false));
    if (object.contains(u"sourceResultId"_s)) {
        auto id = requireString(object, u"sourceResultId"_s, where);
        if (!id)
            return id.error();
        entry.sourceResultId = RecordId::fromString(*id);
        if (entry.sourceResultId.isNull())
            return invalid(u"entry.sourceResultId"_s, u"must be a record id"_s);
    }
    return DiaryBody(std::move(entry));
}

#undef COMPANION_ASSIGN

} // namespace

QString symptomGradeName(SymptomGrade grade)
{
    switch (grade) {
    case SymptomGrade::None:
        return u"none"_s;
    case SymptomGrade::Mild:
        return u"mild"_s;
    case SymptomGrade::Moderate:
        return u"moderate"_s;
    case SymptomGrade::Severe:
        return u"severe"_s;
    }
    return u"none"_s;
}

std::optional<SymptomGrade> symptomGradeFromName(const QString &name)
{
    for (SymptomGrade grade :
         {SymptomGrade::None, SymptomGrade::Mild, SymptomGrade::Moderate, SymptomGrade::Severe}) {
        if (symptomGradeName(grade) == name)
            return grade;
    }
    return std::nullopt;
}

InstrumentResult InstrumentResult::fromScore(const InstrumentScore &score, std::vector<int> answers,
                                             QDateTime occurredAt)
{
    InstrumentResult result;
    result.occurredAt = std::move(occurredAt);
    result.instrumentId = score.instrumentId;
    result.instrumentVersion = score.instrumentVersion;
    result.scoringRuleVersion = score.scoringRuleVersion;
    result.answers = std::move(answers);
    result.total = score.total;
    result.severity = score.severity;
    result.clusters = score.clusters;
    result.flags = score.flags;
    return result;
}

QString kindOf(const DiaryBody &body)
{
    switch (body.index()) {
    case 0:
        return kinds::diaryCheckIn;
    case 1:
        return kinds::diaryPostInfusion;
    case 2:
        return kinds::instrumentResult;
    default:
        return kinds::safetyEvent;
    }
}

QDateTime occurredAtOf(const DiaryBody &body)
{
    return std::visit([](const auto &entry) { return entry.occurredAt; }, body);
}

QStringList diaryKinds()
{
    return {kinds::diaryCheckIn, kinds::diaryPostInfusion, kinds::instrumentResult,
            kinds::safetyEvent};
}

bool isDiaryKind(const QString &kind)
{
    return diaryKinds().contains(kind);
}

QString DiaryEntry::kind() const
{
    return kindOf(body);
}

QDateTime DiaryEntry::occurredAt() const
{
    return occurredAtOf(body);
}

Result<void> validate(const DiaryBody &body)
{
    switch (body.index()) {
    case 0:
        return validateCheckIn(std::get<CheckIn>(body));
    case 1:
        return validatePostInfusion(std::get<PostInfusionCheck>(body));
    case 2:
        return validateResult(std::get<InstrumentResult>(body));
    default:
        return validateSafety(std::get<SafetyEvent>(body));
    }
}

Result<QByteArray> encodeBody(const DiaryBody &body)
{
    COMPANION_TRY(validate(body));
    const QJsonObject object = std::visit([](const auto &entry) { return encode(entry); }, body);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<DiaryBody> decodeBody(const QString &kind, const QByteArray &bytes)
{
    if (bytes.size() > kMaxBodyBytes)
        return makeError(ErrorCode::InvalidInput, u"the entry is too large"_s);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::InvalidInput, u"the entry is not a JSON object"_s);
    const QJsonObject object = document.object();
    auto format = requireInt(object, u"format"_s, u"entry"_s);
    if (!format)
        return format.error();
    if (*format != kFormat)
        return makeError(ErrorCode::Unsupported,
                         u"the entry was written by a newer version of Companion"_s);
    Result<DiaryBody> decoded = makeError(ErrorCode::InvalidInput, u"unknown record kind"_s);
    if (kind == kinds::diaryCheckIn)
        decoded = decodeCheckIn(object);
    else if (kind == kinds::diaryPostInfusion)
        decoded = decodePostInfusion(object);
    else if (kind == kinds::instrumentResult)
        decoded = decodeResult(object);
    else if (kind == kinds::safetyEvent)
        decoded = decodeSafety(object);
    if (!decoded)
        return decoded;
    COMPANION_TRY(validate(*decoded));
    return decoded;
}

QString toIsoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QDateTime> fromIsoUtc(const QString &text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return time.toUTC();
}

} // namespace companion::domain
