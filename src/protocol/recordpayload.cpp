#include "protocol/recordpayload.h"

#include "protocol/json.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace companion::protocol {

namespace {

constexpr qsizetype kMaxKindLength = 64;
// Times are ms since the epoch; anything outside years 1970–9999 is a damaged payload.
constexpr std::int64_t kMaxTime = 253402300799999;

} // namespace

QByteArray RecordPayload::encode() const
{
    QJsonObject object{{u"kind"_s, kind},
                       {u"created_at"_s, static_cast<qint64>(createdAt)},
                       {u"updated_at"_s, static_cast<qint64>(updatedAt)},
                       {u"occurred_at"_s, occurredAt ? QJsonValue(static_cast<qint64>(*occurredAt))
                                                     : QJsonValue(QJsonValue::Null)},
                       {u"deleted"_s, deleted},
                       {u"body"_s, encodeBase64(body)}};
    return toCompactJson(object);
}

Result<RecordPayload> RecordPayload::decode(QByteArrayView plaintext)
{
    auto reader = JsonObjectReader::parse(
        plaintext, static_cast<qsizetype>(kMaxPlaintextSize),
        {u"kind"_s, u"created_at"_s, u"updated_at"_s, u"occurred_at"_s, u"deleted"_s, u"body"_s});
    if (!reader)
        return reader.error();
    RecordPayload payload;
    auto kind = reader->string(u"kind"_s, kMaxKindLength);
    auto created = reader->integer(u"created_at"_s, 0, kMaxTime);
    auto updated = reader->integer(u"updated_at"_s, 0, kMaxTime);
    auto deleted = reader->boolean(u"deleted"_s);
    auto body = reader->base64(u"body"_s, 0, static_cast<qsizetype>(kMaxPlaintextSize));
    if (!kind)
        return kind.error();
    if (!created)
        return created.error();
    if (!updated)
        return updated.error();
    if (!deleted)
        return deleted.error();
    if (!body)
        return body.error();
    if (kind->isEmpty())
        return makeError(ErrorCode::InvalidInput, u"kind: empty"_s);
    if (reader->object().value(u"occurred_at"_s).isNull()) {
        if (!reader->has(u"occurred_at"_s))
            return makeError(ErrorCode::InvalidInput, u"occurred_at: missing"_s);
    } else {
        auto occurred = reader->integer(u"occurred_at"_s, 0, kMaxTime);
        if (!occurred)
            return occurred.error();
        payload.occurredAt = *occurred;
    }
    payload.kind = *kind;
    payload.createdAt = *created;
    payload.updatedAt = *updated;
    payload.deleted = *deleted;
    payload.body = *body;
    if (payload.deleted && !payload.body.isEmpty())
        return makeError(ErrorCode::InvalidInput, u"body: a deleted record has no body"_s);
    return payload;
}

RecordKind coarseKindOf(const QString &kind)
{
    if (kind == u"diary.checkin" || kind == u"diary.postinfusion")
        return RecordKind::Diary;
    if (kind == u"instrument.result")
        return RecordKind::Instrument;
    if (kind == u"journal.entry")
        return RecordKind::Note;
    if (kind == u"plan.checklist" || kind == u"ride.plan" || kind == u"nodriving.morningcheck")
        return RecordKind::Checklist;
    if (kind == u"appointment")
        return RecordKind::Appointment;
    if (kind == u"safety.event")
        return RecordKind::Safety;
    return RecordKind::Settings;
}

} // namespace companion::protocol
