#include "domain/journal.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <map>

namespace companion::domain::journal {

namespace {

const QString kKind = QStringLiteral("kind");
const QString kText = QStringLiteral("text");
const QString kAppointment = QStringLiteral("appointmentId");
const QString kInfusionDate = QStringLiteral("infusionDate");
const QString kShared = QStringLiteral("shared");
const QString kPrompt = QStringLiteral("promptId");
const QString kRemind = QStringLiteral("remind");
const QString kFormat = QStringLiteral("format");
const QString kEntryId = QStringLiteral("entryId");
const QString kSavedAt = QStringLiteral("savedAt");
const QString kBody = QStringLiteral("body");
constexpr int kFormatVersion = 1;
constexpr qsizetype kMaxBodyBytes = 256 * 1024; // 20,000 characters escaped stay well below

Error invalid(const QString &field, const QString &problem)
{
    return makeError(ErrorCode::InvalidInput, QStringLiteral("journal.") + field + u' ' + problem);
}

struct KindInfo
{
    EntryKind kind;
    const char *name;
    const char *label;
};

constexpr KindInfo kKindInfo[] = {
    {EntryKind::Intention, "intention", QT_TRANSLATE_NOOP("Journal", "Intention")},
    {EntryKind::Experience, "experience", QT_TRANSLATE_NOOP("Journal", "Experience")},
    {EntryKind::Insight, "insight", QT_TRANSLATE_NOOP("Journal", "Insight")},
    {EntryKind::Action, "action", QT_TRANSLATE_NOOP("Journal", "Action")},
    {EntryKind::FollowUp, "followup", QT_TRANSLATE_NOOP("Journal", "Follow-up")},
    {EntryKind::Free, "free", QT_TRANSLATE_NOOP("Journal", "Free entry")},
};

struct PromptInfo
{
    EntryKind kind;
    const char *id;
    const char *text;
};

// Calm, open questions: they invite, never instruct or interpret.
constexpr PromptInfo kPrompts[] = {
    {EntryKind::Intention, "intention.bring",
     QT_TRANSLATE_NOOP("Journal", "What would you like to bring to this session?")},
    {EntryKind::Intention, "intention.notice",
     QT_TRANSLATE_NOOP("Journal", "Is there something you hope to understand, or simply notice?")},
    {EntryKind::Intention, "intention.care",
     QT_TRANSLATE_NOOP("Journal",
                       "How would you like to look after yourself during the infusion?")},
    {EntryKind::Experience, "experience.notice",
     QT_TRANSLATE_NOOP("Journal", "What do you remember noticing, in your body or your mind?")},
    {EntryKind::Experience, "experience.feelings",
     QT_TRANSLATE_NOOP("Journal", "Which feelings came up, and how are they now?")},
    {EntryKind::Experience, "experience.moment",
     QT_TRANSLATE_NOOP("Journal", "Was there an image, a sound or a moment that stayed with you?")},
    {EntryKind::Insight, "insight.clearer",
     QT_TRANSLATE_NOOP("Journal", "What feels a little clearer than before?")},
    {EntryKind::Insight, "insight.differently",
     QT_TRANSLATE_NOOP("Journal", "Is there something you see differently now?")},
    {EntryKind::Insight, "insight.matters",
     QT_TRANSLATE_NOOP("Journal", "What did this show you about what matters to you?")},
    {EntryKind::Action, "action.step",
     QT_TRANSLATE_NOOP("Journal", "What is one small step you would like to try?")},
    {EntryKind::Action, "action.room",
     QT_TRANSLATE_NOOP("Journal", "Is there a habit you would like to make room for?")},
    {EntryKind::Action, "action.support",
     QT_TRANSLATE_NOOP("Journal", "Who or what could support you with this?")},
    {EntryKind::FollowUp, "followup.since",
     QT_TRANSLATE_NOOP("Journal", "Looking back, what has shifted since this infusion?")},
    {EntryKind::FollowUp, "followup.kept",
     QT_TRANSLATE_NOOP("Journal", "Which steps have stayed with you, and which can you let go?")},
    {EntryKind::FollowUp, "followup.next",
     QT_TRANSLATE_NOOP("Journal", "What would you like to take into your next session?")},
    {EntryKind::Free, "free.mind", QT_TRANSLATE_NOOP("Journal", "What is on your mind today?")},
    {EntryKind::Free, "free.remember",
     QT_TRANSLATE_NOOP("Journal", "Is there anything from today you would like to remember?")},
};

QString translated(const char *text)
{
    return QCoreApplication::translate("Journal", text);
}

QJsonObject toJson(const EntryBody &body)
{
    QJsonObject object{{kKind, entryKindName(body.kind)}, {kText, body.text}};
    if (!body.appointmentId.isEmpty())
        object.insert(kAppointment, body.appointmentId);
    if (body.infusionDate)
        object.insert(kInfusionDate, body.infusionDate->toString(Qt::ISODate));
    object.insert(kShared, body.shared);
    if (!body.promptId.isEmpty())
        object.insert(kPrompt, body.promptId);
    if (body.kind == EntryKind::Action)
        object.insert(kRemind, body.remind);
    return object;
}

Result<QString> optionalText(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return QString();
    if (!value.isString())
        return invalid(key, QStringLiteral("must be a string"));
    return value.toString();
}

Result<bool> optionalFlag(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return false;
    if (!value.isBool())
        return invalid(key, QStringLiteral("must be true or false"));
    return value.toBool();
}

// Reads the fields without judging the text (a draft may be empty).
Result<EntryBody> fromJson(const QJsonObject &object)
{
    EntryBody body;
    const auto kind = entryKindFromName(object.value(kKind).toString());
    if (!kind)
        return invalid(kKind, QStringLiteral("is not a known entry kind"));
    body.kind = *kind;
    if (!object.value(kText).isString())
        return invalid(kText, QStringLiteral("must be a string"));
    body.text = object.value(kText).toString();
    auto appointment = optionalText(object, kAppointment);
    auto date = optionalText(object, kInfusionDate);
    auto prompt = optionalText(object, kPrompt);
    auto shared = optionalFlag(object, kShared);
    auto remind = optionalFlag(object, kRemind);
    for (const Result<QString> *field : {&appointment, &date, &prompt}) {
        if (!*field)
            return field->error();
    }
    if (!shared)
        return shared.error();
    if (!remind)
        return remind.error();
    body.appointmentId = *appointment;
    body.promptId = *prompt;
    body.shared = *shared;
    body.remind = *remind;
    if (!date->isEmpty()) {
        const QDate parsed = QDate::fromString(*date, Qt::ISODate);
        if (!parsed.isValid())
            return invalid(kInfusionDate, QStringLiteral("must be a date (yyyy-MM-dd)"));
        body.infusionDate = parsed;
    }
    return body;
}

Result<void> validateFields(const EntryBody &body, bool requireText)
{
    if (requireText && body.text.trimmed().isEmpty())
        return invalid(kText, QStringLiteral("must not be empty"));
    if (body.text.size() > kMaxTextLength)
        return invalid(kText, QStringLiteral("is longer than %1 characters").arg(kMaxTextLength));
    if (body.appointmentId.size() > kMaxAppointmentIdLength)
        return invalid(kAppointment, QStringLiteral("is too long"));
    if (body.promptId.size() > kMaxPromptIdLength)
        return invalid(kPrompt, QStringLiteral("is too long"));
    if (body.infusionDate && !body.infusionDate->isValid())
        return invalid(kInfusionDate, QStringLiteral("is not a valid date"));
    if (body.remind && body.kind != EntryKind::Action)
        return invalid(kRemind, QStringLiteral("is only for actions"));
    return {};
}

Result<QJsonObject> parseObject(const QByteArray &bytes)
{
    if (bytes.size() > kMaxBodyBytes)
        return invalid(QStringLiteral("body"), QStringLiteral("is too large"));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return invalid(QStringLiteral("body"), QStringLiteral("is not a JSON object"));
    return document.object();
}

bool entryBefore(const Entry &a, const Entry &b)
{
    const int stepA = stepOrder(a.body.kind);
    const int stepB = stepOrder(b.body.kind);
    if (stepA != stepB)
        return stepA < stepB;
    if (a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    return a.id < b.id;
}

QDateTime newestTime(const Entry &entry)
{
    return std::max(entry.createdAt, entry.updatedAt);
}

// The instant a thread sorts by (newest first).
QDateTime sortTime(const Thread &thread)
{
    if (thread.infusionDate)
        return QDateTime(*thread.infusionDate, QTime(0, 0), Qt::UTC);
    return thread.lastActivity;
}

} // namespace

QString entryKindName(EntryKind kind)
{
    for (const KindInfo &info : kKindInfo) {
        if (info.kind == kind)
            return QString::fromLatin1(info.name);
    }
    return QStringLiteral("free");
}

std::optional<EntryKind> entryKindFromName(const QString &name)
{
    for (const KindInfo &info : kKindInfo) {
        if (name == QLatin1String(info.name))
            return info.kind;
    }
    return std::nullopt;
}

int stepOrder(EntryKind kind)
{
    return static_cast<int>(kind);
}

QString entryKindLabel(EntryKind kind)
{
    for (const KindInfo &info : kKindInfo) {
        if (info.kind == kind)
            return translated(info.label);
    }
    return QString();
}

Result<void> validate(const EntryBody &body)
{
    return validateFields(body, true);
}

Result<QByteArray> encodeBody(const EntryBody &body)
{
    COMPANION_TRY(validate(body));
    return QJsonDocument(toJson(body)).toJson(QJsonDocument::Compact);
}

Result<EntryBody> decodeBody(const QByteArray &bytes)
{
    auto object = parseObject(bytes);
    if (!object)
        return object.error();
    auto body = fromJson(*object);
    if (!body)
        return body.error();
    COMPANION_TRY(validate(*body));
    return body;
}

Result<QByteArray> encodeDraft(const Draft &draft)
{
    COMPANION_TRY(validateFields(draft.body, false));
    QJsonObject object{{kFormat, kFormatVersion}, {kBody, toJson(draft.body)}};
    if (!draft.entryId.isNull())
        object.insert(kEntryId, draft.entryId.toString());
    if (draft.savedAt.isValid())
        object.insert(kSavedAt, draft.savedAt.toMSecsSinceEpoch());
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<Draft> decodeDraft(const QByteArray &bytes)
{
    auto object = parseObject(bytes);
    if (!object)
        return object.error();
    if (object->value(kFormat).toInt() != kFormatVersion)
        return makeError(ErrorCode::Unsupported, QStringLiteral("journal draft format"));
    auto body = fromJson(object->value(kBody).toObject());
    if (!body)
        return body.error();
    COMPANION_TRY(validateFields(*body, false));
    Draft draft;
    draft.body = std::move(*body);
    draft.entryId = RecordId::fromString(object->value(kEntryId).toString());
    if (object->contains(kSavedAt)) {
        draft.savedAt = QDateTime::fromMSecsSinceEpoch(
            static_cast<qint64>(object->value(kSavedAt).toDouble()), Qt::UTC);
    }
    return draft;
}

QString threadKeyOf(const EntryBody &body)
{
    if (!body.appointmentId.isEmpty())
        return QStringLiteral("appointment:") + body.appointmentId;
    if (body.infusionDate)
        return QStringLiteral("date:") + body.infusionDate->toString(Qt::ISODate);
    return QStringLiteral("free");
}

std::vector<Thread> groupIntoThreads(std::vector<Entry> entries)
{
    std::map<QString, Thread> byKey;
    for (Entry &entry : entries) {
        const QString key = threadKeyOf(entry.body);
        Thread &thread = byKey[key];
        if (thread.key.isEmpty()) {
            thread.key = key;
            thread.appointmentId = entry.body.appointmentId;
            thread.free = key == QLatin1String("free");
        }
        // An appointment's thread takes the earliest infusion date any of its entries names.
        if (entry.body.infusionDate &&
            (!thread.infusionDate || *entry.body.infusionDate < *thread.infusionDate))
            thread.infusionDate = entry.body.infusionDate;
        if (!thread.lastActivity.isValid() || newestTime(entry) > thread.lastActivity)
            thread.lastActivity = newestTime(entry);
        thread.entries.push_back(std::move(entry));
    }
    std::vector<Thread> threads;
    threads.reserve(byKey.size());
    for (auto &[key, thread] : byKey) {
        std::sort(thread.entries.begin(), thread.entries.end(), entryBefore);
        threads.push_back(std::move(thread));
    }
    std::stable_sort(threads.begin(), threads.end(), [](const Thread &a, const Thread &b) {
        if (a.free != b.free)
            return b.free; // the free thread goes last
        const QDateTime timeA = sortTime(a);
        const QDateTime timeB = sortTime(b);
        if (timeA != timeB)
            return timeA > timeB;
        if (a.lastActivity != b.lastActivity)
            return a.lastActivity > b.lastActivity;
        return a.key < b.key;
    });
    return threads;
}

CarryForward carryForward(const std::vector<Entry> &entries, int maxInsights)
{
    const auto newer = [](const Entry &a, const Entry &b) {
        if (a.createdAt != b.createdAt)
            return a.createdAt > b.createdAt;
        return a.id > b.id;
    };
    CarryForward result;
    const Entry *newestInsight = nullptr;
    for (const Entry &entry : entries) {
        if (entry.body.kind == EntryKind::Intention &&
            (!result.lastIntention || newer(entry, *result.lastIntention)))
            result.lastIntention = entry;
        if (entry.body.kind == EntryKind::Insight &&
            (!newestInsight || newer(entry, *newestInsight)))
            newestInsight = &entry;
    }
    if (!newestInsight || maxInsights <= 0)
        return result;
    const QString thread = threadKeyOf(newestInsight->body);
    for (const Entry &entry : entries) {
        if (entry.body.kind == EntryKind::Insight && threadKeyOf(entry.body) == thread)
            result.recentInsights.push_back(entry);
    }
    std::sort(result.recentInsights.begin(), result.recentInsights.end(), newer);
    if (result.recentInsights.size() > static_cast<std::size_t>(maxInsights))
        result.recentInsights.resize(static_cast<std::size_t>(maxInsights));
    return result;
}

std::vector<Entry> pendingActions(const std::vector<Entry> &entries)
{
    std::vector<Entry> actions;
    for (const Entry &entry : entries) {
        if (entry.body.kind == EntryKind::Action && entry.body.remind)
            actions.push_back(entry);
    }
    std::sort(actions.begin(), actions.end(), [](const Entry &a, const Entry &b) {
        if (a.createdAt != b.createdAt)
            return a.createdAt > b.createdAt;
        return a.id > b.id;
    });
    return actions;
}

std::vector<Prompt> promptsFor(EntryKind kind)
{
    std::vector<Prompt> prompts;
    for (const PromptInfo &info : kPrompts) {
        if (info.kind == kind)
            prompts.push_back({QString::fromLatin1(info.id), translated(info.text)});
    }
    return prompts;
}

std::optional<Prompt> promptById(const QString &id)
{
    for (const PromptInfo &info : kPrompts) {
        if (id == QLatin1String(info.id))
            return Prompt{QString::fromLatin1(info.id), translated(info.text)};
    }
    return std::nullopt;
}

} // namespace companion::domain::journal
