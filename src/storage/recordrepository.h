#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "domain/listsummary.h"
#include "domain/record.h"
#include "storage/database.h"

#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace companion::storage {

// Every user record (diary entry, note, checklist state, …) goes through here. Each write bumps
// the record's version, keeps the previous version in record_versions, and appends an outbox row
// for sync — all in one transaction, so a record is never saved without its outbox row or the
// other way round.
struct WriteStatements;

// What a record contributes to a chart: an instrument result's total under its instrument id.
// Derived from the body by the repository on every write, so it never disagrees with the body;
// tombstones, other kinds and bodies that do not decode contribute nothing.
struct SeriesValue
{
    QString key;
    double value = 0;
};
std::optional<SeriesValue> seriesValueOf(const QString &kind, const QByteArray &body);

// A point of a chart: when, and the value of one measure.
struct SeriesPoint
{
    QDateTime at;
    double value = 0;
};

// A record as a list shows it: identity, version, when it happened and its list summary, without
// the body (decode that only when the record is opened). The time stays an integer; callers build
// a QDateTime only for what they show.
struct RecordSummary
{
    RecordId id;
    QString kind;
    std::int64_t version = 0;
    std::int64_t occurredAtMs = 0; // UTC milliseconds since the epoch
    // False when nothing was derived from the body (see derivedcolumns.h): a kind without a list
    // summary, or a body that did not decode when it was written.
    bool hasSummary = false;
    domain::ListSummary summary;
    QString seriesKey; // an instrument result's instrument id (series_key)
};

// One record to create: its body and, for timeline kinds, when it happened.
struct NewRecord
{
    QByteArray body;
    std::optional<QDateTime> occurredAt;
};

// A queued change and, when it is the record's current version, that record.
struct QueuedVersion
{
    domain::OutboxEntry entry;
    std::optional<domain::Record> current;
};

class RecordRepository
{
public:
    RecordRepository(Database &db, const Clock &clock);
    ~RecordRepository();
    RecordRepository(const RecordRepository &) = delete;
    RecordRepository &operator=(const RecordRepository &) = delete;

    // Finalizes the cached statements; call before the database closes.
    void releaseStatements();

    Result<domain::Record> create(const QString &kind, const QByteArray &body,
                                  std::optional<QDateTime> occurredAt = std::nullopt);
    // Many new records of one kind in one transaction (imports, benchmarks).
    Result<std::vector<domain::Record>> createMany(const QString &kind,
                                                   const std::vector<QByteArray> &bodies);
    Result<std::vector<domain::Record>> createMany(const QString &kind,
                                                   const std::vector<NewRecord> &records);
    // occurredAt: the new time, or nullopt to keep the stored one.
    Result<domain::Record> update(const RecordId &id, const QByteArray &body,
                                  std::optional<QDateTime> occurredAt = std::nullopt);
    // A tombstone: the body is cleared, deleted = true, version bumped; history keeps the past.
    Result<domain::Record> remove(const RecordId &id);

    Result<std::optional<domain::Record>> find(const RecordId &id);
    // Newest first by updated_at. Tombstones are left out unless asked for.
    Result<std::vector<domain::Record>> list(const QString &kind, bool includeDeleted = false);
    // Records of any of `kinds` whose occurred_at is in [from, to), newest occurrence first
    // (ties by id). Records without an occurred_at are not in any range. An invalid `from` or
    // `to` leaves that end open.
    Result<std::vector<domain::Record>> listOccurred(const QStringList &kinds,
                                                     const QDateTime &from, const QDateTime &to,
                                                     bool includeDeleted = false);
    // Live records of any of `kinds` with occurred_at in [from, to), newest occurrence first (ties
    // by id), as list rows: the same order and range as listOccurred, read from the derived summary
    // columns, no body. An invalid `from` or `to` leaves that end open.
    Result<std::vector<RecordSummary>> listSummaries(const QStringList &kinds,
                                                     const QDateTime &from, const QDateTime &to);
    // The chart series `key` (see seriesValueOf) of live records of `kind` with occurred_at in
    // [from, to), oldest first (ties by id). Reads an index only; bodies are not decoded.
    Result<std::vector<SeriesPoint>> series(const QString &kind, const QString &key,
                                            const QDateTime &from, const QDateTime &to);
    Result<std::vector<domain::Record>> history(const RecordId &id);
    Result<std::int64_t> count(const QString &kind);

    Result<std::vector<domain::OutboxEntry>> pendingOutbox(int limit);
    // The same entries, each with the record when the queued version is its current one (the
    // usual case); otherwise `current` is empty and atVersion() has it, if it still exists.
    Result<std::vector<QueuedVersion>> pendingOutboxWithRecords(int limit);

    // --- for sync (src/sync). These run inside the caller's transaction: the sync engine
    // applies a whole pulled batch and its cursor atomically. ---

    // The record as it was at `version`: kind, created_at and occurred_at from the current row
    // (history does not keep them), body, updated_at and deleted from that version.
    Result<std::optional<domain::Record>> atVersion(const RecordId &id, std::int64_t version);
    // Writes a version that came from another device exactly as given (its own version number),
    // with its history row and no outbox row. History rows at or above that version written here
    // before (a local edit that lost a conflict, kept by the caller) are replaced.
    Result<void> writeRemoteVersion(const domain::Record &record);
    // The server has this version: it leaves the outbox.
    Result<void> acknowledge(const RecordId &id, std::int64_t version);
    // The server has these queued versions (their outbox sequences, from pendingOutbox): they
    // leave the outbox. One statement prepared for the whole batch of a push.
    Result<void> acknowledgeQueued(const std::vector<std::int64_t> &sequences);
    // Drops every queued change of a record (after a conflict: the caller kept the local edit).
    Result<void> discardPending(const RecordId &id);
    // Versions of this record still queued, oldest first.
    Result<std::vector<std::int64_t>> pendingVersions(const RecordId &id);

private:
    // The write statements are prepared once and reused: preparing four statements per save
    // cost about a third of a single save (bench/bench_store).
    Result<WriteStatements *> writeStatements();
    Database &m_db;
    const Clock &m_clock;
    std::unique_ptr<WriteStatements> m_writeStatements;
    // listOccurred's statements, by number of kinds.
    std::map<qsizetype, Statement> m_listOccurred;
    // listSummaries' statements, by number of kinds.
    std::map<qsizetype, Statement> m_listSummaries;
    std::optional<Statement> m_series;
    // find's statement: a sync looks up every record it pushes or reviews (reset after use).
    std::optional<Statement> m_find;
};

} // namespace companion::storage
