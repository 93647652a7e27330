#include "storage/diaryrepository.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::storage {

using domain::DiaryBody;
using domain::DiaryEntry;

Result<DiaryEntry> toDiaryEntry(const domain::Record &record)
{
    auto body = domain::decodeBody(record.kind, record.body);
    if (!body)
        // The message names the field only; the record id helps support find the entry.
        return makeError(ErrorCode::Damaged, u"diary entry %1 does not decode: %2"_s.arg(
                                                 record.id.toString(), body.error().message));
    return DiaryEntry{record.id, record.version, record.createdAt, record.updatedAt,
                      std::move(*body)};
}

DiaryRepository::DiaryRepository(RecordRepository &records)
    : m_records(records)
{}

Result<DiaryEntry> DiaryRepository::add(const DiaryBody &body)
{
    auto bytes = domain::encodeBody(body);
    if (!bytes)
        return bytes.error();
    auto record = m_records.create(domain::kindOf(body), *bytes, domain::occurredAtOf(body));
    if (!record)
        return record.error();
    return DiaryEntry{record->id, record->version, record->createdAt, record->updatedAt, body};
}

Result<DiaryEntry> DiaryRepository::edit(const RecordId &id, const DiaryBody &body)
{
    auto current = m_records.find(id);
    if (!current)
        return current.error();
    if (!*current || (*current)->deleted || !domain::isDiaryKind((*current)->kind))
        return makeError(ErrorCode::NotFound, u"no such diary entry"_s);
    if ((*current)->kind != domain::kindOf(body))
        return makeError(ErrorCode::InvalidInput, u"an entry's kind cannot change"_s);
    auto bytes = domain::encodeBody(body);
    if (!bytes)
        return bytes.error();
    auto record = m_records.update(id, *bytes, domain::occurredAtOf(body));
    if (!record)
        return record.error();
    return DiaryEntry{record->id, record->version, record->createdAt, record->updatedAt, body};
}

Result<void> DiaryRepository::remove(const RecordId &id)
{
    auto current = m_records.find(id);
    if (!current)
        return current.error();
    if (!*current || !domain::isDiaryKind((*current)->kind))
        return makeError(ErrorCode::NotFound, u"no such diary entry"_s);
    auto removed = m_records.remove(id);
    if (!removed)
        return removed.error();
    return {};
}

Result<std::optional<DiaryEntry>> DiaryRepository::find(const RecordId &id)
{
    auto record = m_records.find(id);
    if (!record)
        return record.error();
    if (!*record || (*record)->deleted || !domain::isDiaryKind((*record)->kind))
        return std::optional<DiaryEntry>();
    auto entry = toDiaryEntry(**record);
    if (!entry)
        return entry.error();
    return std::optional<DiaryEntry>(std::move(*entry));
}

Result<std::vector<DiaryEntry>>
DiaryRepository::timeline(const QDateTime &from, const QDateTime &to, const QStringList &kinds)
{
    auto records = m_records.listOccurred(kinds.isEmpty() ? domain::diaryKinds() : kinds, from, to);
    if (!records)
        return records.error();
    std::vector<DiaryEntry> entries;
    entries.reserve(records->size());
    for (const domain::Record &record : *records) {
        auto entry = toDiaryEntry(record);
        if (!entry)
            return entry.error();
        entries.push_back(std::move(*entry));
    }
    return entries;
}

Result<std::vector<RecordSummary>>
DiaryRepository::listSummaries(const QDateTime &from, const QDateTime &to, const QStringList &kinds)
{
    auto rows = m_records.listSummaries(kinds.isEmpty() ? domain::diaryKinds() : kinds, from, to);
    if (!rows)
        return rows.error();
    for (const RecordSummary &row : *rows) {
        if (!row.hasSummary)
            return makeError(
                ErrorCode::Damaged,
                u"diary entry %1 has no summary: its body did not decode"_s.arg(row.id.toString()));
    }
    return rows;
}

Result<std::vector<DiaryEntry>> DiaryRepository::history(const RecordId &id)
{
    auto versions = m_records.history(id);
    if (!versions)
        return versions.error();
    std::vector<DiaryEntry> entries;
    for (const domain::Record &record : *versions) {
        if (record.deleted)
            continue;
        auto entry = toDiaryEntry(record);
        if (!entry)
            return entry.error();
        entries.push_back(std::move(*entry));
    }
    return entries;
}

Result<std::vector<SeriesPoint>> DiaryRepository::instrumentSeries(const QString &instrumentId,
                                                                   const QDateTime &from,
                                                                   const QDateTime &to)
{
    return m_records.series(domain::kinds::instrumentResult, instrumentId, from, to);
}

Result<std::vector<SeriesPoint>>
DiaryRepository::checkInSeries(const QString &measure, const QDateTime &from, const QDateTime &to)
{
    static const QStringList known = {u"mood"_s,       u"anxiety"_s,      u"pain"_s,
                                      u"sleepHours"_s, u"sleepQuality"_s, u"energy"_s};
    if (!known.contains(measure))
        return makeError(ErrorCode::InvalidInput, u"unknown check-in measure"_s);
    auto entries = timeline(from, to, {domain::kinds::diaryCheckIn});
    if (!entries)
        return entries.error();
    std::vector<SeriesPoint> series;
    for (auto it = entries->rbegin(); it != entries->rend(); ++it) {
        const auto &checkIn = std::get<domain::CheckIn>(it->body);
        std::optional<double> value;
        if (measure == u"mood")
            value = checkIn.mood;
        else if (measure == u"anxiety")
            value = checkIn.anxiety;
        else if (measure == u"pain")
            value = checkIn.pain;
        else if (measure == u"sleepHours")
            value = checkIn.sleepHours;
        else if (measure == u"sleepQuality" && checkIn.sleepQuality)
            value = *checkIn.sleepQuality;
        else if (measure == u"energy" && checkIn.energy)
            value = *checkIn.energy;
        if (value)
            series.push_back({checkIn.occurredAt, *value});
    }
    return series;
}

} // namespace companion::storage
