#pragma once

#include "common/result.h"
#include "domain/diaryentry.h"
#include "storage/recordrepository.h"

#include <QDateTime>
#include <QStringList>

#include <optional>
#include <vector>

namespace companion::storage {

// The diary over RecordRepository: check-ins, post-infusion checks, instrument results and
// safety events. Bodies are validated before they are written and when they are read; every
// change keeps the previous version (RecordRepository's history) and queues an outbox row.
class DiaryRepository
{
public:
    explicit DiaryRepository(RecordRepository &records);

    Result<domain::DiaryEntry> add(const domain::DiaryBody &body);
    // The kind cannot change: editing a check-in into a safety event is InvalidInput.
    Result<domain::DiaryEntry> edit(const RecordId &id, const domain::DiaryBody &body);
    Result<void> remove(const RecordId &id);

    Result<std::optional<domain::DiaryEntry>> find(const RecordId &id);
    // Entries of `kinds` (all diary kinds when empty) that occurred in [from, to), newest first.
    // Invalid from/to leave that end open. A stored body that no longer decodes is Damaged.
    Result<std::vector<domain::DiaryEntry>> timeline(const QDateTime &from, const QDateTime &to,
                                                     const QStringList &kinds = {});
    // The diary list: the same entries, order and range as timeline(), as list rows (kind, time,
    // version and the list summary, no body; open one with find()). Reads the summary columns
    // derived on every write, so no body is decoded. A live entry without a summary (its body
    // did not decode when it was written) is Damaged, as in timeline().
    Result<std::vector<RecordSummary>> listSummaries(const QDateTime &from, const QDateTime &to,
                                                     const QStringList &kinds = {});
    // Every stored version of one entry, oldest first (deleted versions have no body and are
    // left out).
    Result<std::vector<domain::DiaryEntry>> history(const RecordId &id);

    // Chart series, oldest first: instrument totals of `instrumentId` (from the indexed series
    // columns, no body is decoded: a result whose body does not decode is left out), or one
    // check-in measure ("mood", "anxiety", "pain", "sleepHours", "sleepQuality", "energy"; absent
    // values skipped).
    Result<std::vector<SeriesPoint>> instrumentSeries(const QString &instrumentId,
                                                      const QDateTime &from, const QDateTime &to);
    Result<std::vector<SeriesPoint>> checkInSeries(const QString &measure, const QDateTime &from,
                                                   const QDateTime &to);

private:
    RecordRepository &m_records;
};

// Decodes a stored record into a diary entry (Damaged if its body does not decode).
Result<domain::DiaryEntry> toDiaryEntry(const domain::Record &record);

} // namespace companion::storage
