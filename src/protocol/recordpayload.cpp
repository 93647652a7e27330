#include "protocol/recordpayload.h"

#include "protocol/json.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace companion::protocol {

namespace {

constexpr qsizetype kMaxKindLength = 64;
// Times are ms since the epoch; anything outside years 1970–9999 is a damaged payload.
constexpr std::int64_t kMaxTime = 253402300799999;

// Kinds made only of these characters need no JSON escaping (every kind in use is one).
bool isPlainKind(const QString &kind)
{
    for (const QChar c : kind) {
        const char16_t u = c.unicode();
        const bool plain = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                           (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' || u == u'-' ||
                           u == u':';
        if (!plain)
            return false;
    }
    return true;
}

QByteArray encodeThroughJsonObject(const RecordPayload &payload)
{
    QJsonObject object{{u"kind"_s, payload.kind},
                       {u"created_at"_s, static_cast<qint64>(payload.createdAt)},
                       {u"updated_at"_s, static_cast<qint64>(payload.updatedAt)},
                       {u"occurred_at"_s, payload.occurredAt
                                              ? QJsonValue(static_cast<qint64>(*payload.occurredAt))
                                              : QJsonValue(QJsonValue::Null)},
                       {u"deleted"_s, payload.deleted},
                       {u"body"_s, encodeBase64(payload.body)}};
    return toCompactJson(object);
}

} // namespace

QByteArray RecordPayload::encode() const
{
    // The sync engine seals one payload per version; building a QJsonObject and serialising it
    // was more of a 10,000-record sync's client time than the sealing crypto (bench_sync,
    // docs/performance.md). This writes the very bytes QJsonDocument's compact form gives — keys
    // in its sorted order, integers in decimal, base64 needing no escapes — which
    // tst_recordpayload checks against the QJsonObject path.
    if (!isPlainKind(kind))
        return encodeThroughJsonObject(*this);
    const QByteArray base64 = body.toBase64();
    QByteArray out;
    out.reserve(base64.size() + kind.size() + 128);
    out.append(R"({"body":")").append(base64).append(R"(","created_at":)");
    out.append(QByteArray::number(static_cast<qint64>(createdAt)));
    out.append(deleted ? R"(,"deleted":true,"kind":")" : R"(,"deleted":false,"kind":")");
    out.append(kind.toLatin1()).append(R"(","occurred_at":)");
    if (occurredAt)
        out.append(QByteArray::number(static_cast<qint64>(*occurredAt)));
    else
        out.append("null");
    out.append(R"(,"updated_at":)").append(QByteArray::number(static_cast<qint64>(updatedAt)));
    out.append('}');
    return out;
}

QByteArray RecordPayload::encodeThroughJson() const
{
    return encodeThroughJsonObject(*this);
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
