#include "storage/recordrepository.h"

#include "domain/diaryentry.h"
#include "storage/derivedcolumns.h"

#include <limits>
#include <string>
#include <utility>

namespace companion::storage {

using domain::OutboxEntry;
using domain::Record;

namespace {

constexpr const char *kSelectColumns =
    "SELECT id, kind, version, created_at, updated_at, deleted, body, occurred_at FROM records ";

// The QString of a column whose few distinct values repeat across rows (kinds, instrument ids):
// converted once per distinct value instead of once per row. Timelines interleave kinds, so it
// remembers a few values, not only the previous row's.
class SharedText
{
public:
    const QString &of(QByteArrayView bytes)
    {
        for (const auto &[known, text] : m_values) {
            if (known == bytes)
                return text;
        }
        if (m_values.size() == kMaxValues)
            m_values.pop_back();
        m_values.emplace_back(bytes.toByteArray(), QString::fromUtf8(bytes));
        return m_values.back().second;
    }

private:
    static constexpr std::size_t kMaxValues = 8;
    std::vector<std::pair<QByteArray, QString>> m_values;
};

// Turns rows into records. Per-row costs matter for timelines (hundreds of rows per call): the
// id is parsed from the stored bytes without a QString, and a row's kind reuses the previous
// row's QString when the bytes are equal (timelines hold a handful of kinds).
class RecordReader
{
public:
    // The record's eight columns start at `first` (kSelectColumns' order).
    Record read(const Statement &row, int first = 0)
    {
        Record record;
        record.id = RecordId::fromUtf8(row.columnBytes(first));
        const QByteArrayView kind = row.columnBytes(first + 1);
        if (m_kindBytes.isNull() || kind != m_kindBytes) {
            m_kindBytes = kind.toByteArray();
            m_kind = QString::fromUtf8(kind);
        }
        record.kind = m_kind;
        record.version = row.columnInt64(first + 2);
        record.createdAt = QDateTime::fromMSecsSinceEpoch(row.columnInt64(first + 3), Qt::UTC);
        record.updatedAt = QDateTime::fromMSecsSinceEpoch(row.columnInt64(first + 4), Qt::UTC);
        record.deleted = row.columnInt64(first + 5) != 0;
        record.body = row.columnBlob(first + 6);
        if (!row.columnIsNull(first + 7))
            record.occurredAt = QDateTime::fromMSecsSinceEpoch(row.columnInt64(first + 7), Qt::UTC);
        return record;
    }

private:
    QByteArray m_kindBytes;
    QString m_kind;
};

Record readRecord(const Statement &row)
{
    return RecordReader().read(row);
}

Result<std::vector<Record>> readAll(Statement &stmt)
{
    std::vector<Record> records;
    RecordReader reader;
    while (true) {
        auto row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            return records;
        records.push_back(reader.read(stmt));
    }
}

} // namespace

std::optional<SeriesValue> seriesValueOf(const QString &kind, const QByteArray &body)
{
    if (kind != domain::kinds::instrumentResult)
        return std::nullopt;
    return derivedColumnsOf(kind, body, false).series;
}

// The statements every write runs: record row (insert or update), version row, outbox row.
struct WriteStatements
{
    Statement insertRecord;
    Statement updateRecord;
    Statement insertVersion;
    Statement insertOutbox;

    static Result<WriteStatements> prepare(Database &db)
    {
        auto insertRecord = db.prepare(
            "INSERT INTO records (id, kind, version, created_at, updated_at, deleted, body, "
            "occurred_at, series_key, series_value, summary_values, summary_number, summary_text) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13);");
        auto updateRecord =
            db.prepare("UPDATE records SET version = ?3, updated_at = ?5, deleted = ?6, body = ?7, "
                       "occurred_at = ?8, series_key = ?9, series_value = ?10, "
                       "summary_values = ?11, summary_number = ?12, summary_text = ?13 "
                       "WHERE id = ?1 AND kind = ?2 AND version = ?3 - 1;");
        auto insertVersion = db.prepare(
            "INSERT INTO record_versions (record_id, version, updated_at, deleted, body) "
            "VALUES (?1, ?2, ?3, ?4, ?5);");
        auto insertOutbox =
            db.prepare("INSERT INTO outbox (record_id, version, queued_at) VALUES (?1, ?2, ?3);");
        for (auto *stmt : {&insertRecord, &updateRecord, &insertVersion, &insertOutbox}) {
            if (!*stmt)
                return stmt->error();
        }
        return WriteStatements{std::move(*insertRecord), std::move(*updateRecord),
                               std::move(*insertVersion), std::move(*insertOutbox)};
    }

    // Writes `record` (already carrying its new version) with its history row and outbox row.
    Result<void> write(Database &db, const Record &record)
    {
        const QString id = record.id.toString();
        const qint64 updatedAt = record.updatedAt.toMSecsSinceEpoch();
        Statement &target = record.version == 1 ? insertRecord : updateRecord;
        target.reset();
        target.bind(1, id)
            .bind(2, record.kind)
            .bind(3, record.version)
            .bind(4, record.createdAt.toMSecsSinceEpoch())
            .bind(5, updatedAt)
            .bind(6, record.deleted ? 1 : 0)
            .bindBlob(7, record.body);
        if (record.occurredAt)
            target.bind(8, record.occurredAt->toMSecsSinceEpoch());
        else
            target.bindNull(8);
        // Charts and lists read these instead of the body: derive them from this very body.
        bindDerivedColumns(target, 9, derivedColumnsOf(record.kind, record.body, record.deleted));
        COMPANION_TRY(target.run());
        if (db.changes() != 1)
            return makeError(ErrorCode::Internal,
                             QStringLiteral("the record changed underneath this write"));

        insertVersion.reset();
        insertVersion.bind(1, id)
            .bind(2, record.version)
            .bind(3, updatedAt)
            .bind(4, record.deleted ? 1 : 0)
            .bindBlob(5, record.body);
        COMPANION_TRY(insertVersion.run());

        insertOutbox.reset();
        insertOutbox.bind(1, id).bind(2, record.version).bind(3, updatedAt);
        return insertOutbox.run();
    }
};

RecordRepository::RecordRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

RecordRepository::~RecordRepository() = default;

void RecordRepository::releaseStatements()
{
    m_writeStatements.reset();
    m_listOccurred.clear();
    m_listSummaries.clear();
    m_series.reset();
    m_find.reset();
}

Result<WriteStatements *> RecordRepository::writeStatements()
{
    if (!m_writeStatements) {
        auto prepared = WriteStatements::prepare(m_db);
        if (!prepared)
            return prepared.error();
        m_writeStatements = std::make_unique<WriteStatements>(std::move(*prepared));
    }
    return m_writeStatements.get();
}

Result<Record> RecordRepository::create(const QString &kind, const QByteArray &body,
                                        std::optional<QDateTime> occurredAt)
{
    auto created = createMany(kind, std::vector<NewRecord>{{body, std::move(occurredAt)}});
    if (!created)
        return created.error();
    return std::move(created->front());
}

Result<std::vector<Record>> RecordRepository::createMany(const QString &kind,
                                                         const std::vector<QByteArray> &bodies)
{
    std::vector<NewRecord> records;
    records.reserve(bodies.size());
    for (const QByteArray &body : bodies)
        records.push_back({body, std::nullopt});
    return createMany(kind, records);
}

Result<std::vector<Record>> RecordRepository::createMany(const QString &kind,
                                                         const std::vector<NewRecord> &newRecords)
{
    if (kind.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("a record needs a kind"));
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    auto statements = writeStatements();
    if (!statements)
        return statements.error();
    const QDateTime now = m_clock.nowUtc();
    std::vector<Record> records;
    records.reserve(newRecords.size());
    for (const NewRecord &newRecord : newRecords) {
        Record record{RecordId::generate(), kind, 1, now, now, false, newRecord.body,
                      newRecord.occurredAt};
        COMPANION_TRY((*statements)->write(m_db, record));
        records.push_back(std::move(record));
    }
    COMPANION_TRY(tx->commit());
    return records;
}

Result<Record> RecordRepository::update(const RecordId &id, const QByteArray &body,
                                        std::optional<QDateTime> occurredAt)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    auto current = find(id);
    if (!current)
        return current.error();
    if (!*current || (*current)->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such record"));
    Record record = std::move(**current);
    record.version += 1;
    // Never let a clock step backwards reorder a record's own history.
    record.updatedAt = std::max(m_clock.nowUtc(), record.updatedAt);
    record.body = body;
    if (occurredAt)
        record.occurredAt = std::move(occurredAt);
    auto statements = writeStatements();
    if (!statements)
        return statements.error();
    COMPANION_TRY((*statements)->write(m_db, record));
    COMPANION_TRY(tx->commit());
    return record;
}

Result<Record> RecordRepository::remove(const RecordId &id)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    auto current = find(id);
    if (!current)
        return current.error();
    if (!*current || (*current)->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such record"));
    Record record = std::move(**current);
    record.version += 1;
    record.updatedAt = std::max(m_clock.nowUtc(), record.updatedAt);
    record.deleted = true;
    record.body.clear();
    auto statements = writeStatements();
    if (!statements)
        return statements.error();
    COMPANION_TRY((*statements)->write(m_db, record));
    COMPANION_TRY(tx->commit());
    return record;
}

Result<std::optional<Record>> RecordRepository::find(const RecordId &id)
{
    if (!m_find) {
        auto prepared = m_db.prepare(std::string(kSelectColumns) + "WHERE id = ?1;");
        if (!prepared)
            return prepared.error();
        m_find = std::move(*prepared);
    }
    Statement &stmt = *m_find;
    // Reset however this returns: a statement left mid-read would keep its read snapshot.
    const std::unique_ptr<Statement, void (*)(Statement *)> done(
        &stmt, [](Statement *used) { used->reset(); });
    stmt.bind(1, id.toString());
    auto row = stmt.step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Record>();
    return std::optional<Record>(readRecord(stmt));
}

Result<std::vector<Record>> RecordRepository::list(const QString &kind, bool includeDeleted)
{
    auto stmt = m_db.prepare(std::string(kSelectColumns) + "WHERE kind = ?1 AND deleted <= ?2 " +
                             "ORDER BY updated_at DESC, id;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, kind).bind(2, includeDeleted ? 1 : 0);
    return readAll(*stmt);
}

Result<std::vector<Record>> RecordRepository::listOccurred(const QStringList &kinds,
                                                           const QDateTime &from,
                                                           const QDateTime &to, bool includeDeleted)
{
    if (kinds.isEmpty())
        return std::vector<Record>();
    // One statement per number of kinds, prepared once: preparing it on every call was a large
    // part of a timeline's cost (bench/bench_timeline).
    auto cached = m_listOccurred.find(kinds.size());
    if (cached == m_listOccurred.end()) {
        // One placeholder per kind: "kind IN (?4, ?5, …)" lets SQLite walk the
        // (kind, occurred_at) index once per kind.
        std::string placeholders;
        for (qsizetype i = 0; i < kinds.size(); ++i)
            placeholders += (i ? ", ?" : "?") + std::to_string(i + 4);
        auto prepared =
            m_db.prepare(std::string(kSelectColumns) + "WHERE kind IN (" + placeholders +
                         ") AND occurred_at >= ?1 AND occurred_at < ?2 AND deleted <= ?3 "
                         "ORDER BY occurred_at DESC, id;");
        if (!prepared)
            return prepared.error();
        cached = m_listOccurred.emplace(kinds.size(), std::move(*prepared)).first;
    }
    Statement &stmt = cached->second;
    stmt.reset();
    stmt.bind(1, from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min())
        .bind(2, to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max())
        .bind(3, includeDeleted ? 1 : 0);
    for (qsizetype i = 0; i < kinds.size(); ++i)
        stmt.bind(static_cast<int>(i) + 4, kinds.at(i));
    auto records = readAll(stmt);
    // Never leave a cached statement holding a read transaction open.
    stmt.reset();
    return records;
}

Result<std::vector<RecordSummary>> RecordRepository::listSummaries(const QStringList &kinds,
                                                                   const QDateTime &from,
                                                                   const QDateTime &to)
{
    if (kinds.isEmpty())
        return std::vector<RecordSummary>();
    auto cached = m_listSummaries.find(kinds.size());
    if (cached == m_listSummaries.end()) {
        std::string placeholders;
        for (qsizetype i = 0; i < kinds.size(); ++i)
            placeholders += (i ? ", ?" : "?") + std::to_string(i + 3);
        auto prepared = m_db.prepare(
            "SELECT id, kind, version, occurred_at, summary_values, summary_number, summary_text, "
            "series_key FROM records WHERE kind IN (" +
            placeholders +
            ") AND occurred_at >= ?1 AND occurred_at < ?2 AND deleted = 0 "
            "ORDER BY occurred_at DESC, id;");
        if (!prepared)
            return prepared.error();
        cached = m_listSummaries.emplace(kinds.size(), std::move(*prepared)).first;
    }
    Statement &stmt = cached->second;
    stmt.reset();
    stmt.bind(1, from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min())
        .bind(2, to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
    for (qsizetype i = 0; i < kinds.size(); ++i)
        stmt.bind(static_cast<int>(i) + 3, kinds.at(i));
    std::vector<RecordSummary> rows;
    // A list holds a handful of kinds and instrument ids: rows share one QString per value
    // instead of converting the same bytes hundreds of times. Notes are converted per row.
    SharedText kindText;
    SharedText seriesKeyText;
    while (true) {
        auto row = stmt.step();
        if (!row) {
            stmt.reset();
            return row.error();
        }
        if (!*row)
            break;
        RecordSummary &summary = rows.emplace_back();
        summary.id = RecordId::fromUtf8(stmt.columnBytes(0));
        summary.kind = kindText.of(stmt.columnBytes(1));
        summary.version = stmt.columnInt64(2);
        summary.occurredAtMs = stmt.columnInt64(3);
        summary.hasSummary = !stmt.columnIsNull(4);
        summary.summary.values = domain::SummarySlots::fromPacked(stmt.columnInt64(4));
        if (!stmt.columnIsNull(5))
            summary.summary.number = stmt.columnDouble(5);
        if (const QByteArrayView text = stmt.columnBytes(6); !text.isEmpty())
            summary.summary.text = QString::fromUtf8(text);
        if (const QByteArrayView key = stmt.columnBytes(7); !key.isEmpty())
            summary.seriesKey = seriesKeyText.of(key);
    }
    // Never leave a cached statement holding a read transaction open.
    stmt.reset();
    return rows;
}

Result<std::vector<SeriesPoint>> RecordRepository::series(const QString &kind, const QString &key,
                                                          const QDateTime &from,
                                                          const QDateTime &to)
{
    if (!m_series) {
        // Satisfied by the covering index records_by_series, in order: no table lookups, no sort.
        auto prepared = m_db.prepare(
            "SELECT occurred_at, series_value FROM records WHERE kind = ?1 AND series_key = ?2 "
            "AND occurred_at >= ?3 AND occurred_at < ?4 ORDER BY occurred_at, id;");
        if (!prepared)
            return prepared.error();
        m_series = std::move(*prepared);
    }
    Statement &stmt = *m_series;
    stmt.reset();
    stmt.bind(1, kind)
        .bind(2, key)
        .bind(3, from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min())
        .bind(4, to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
    std::vector<SeriesPoint> points;
    while (true) {
        auto row = stmt.step();
        if (!row) {
            stmt.reset();
            return row.error();
        }
        if (!*row)
            break;
        points.push_back(
            {QDateTime::fromMSecsSinceEpoch(stmt.columnInt64(0), Qt::UTC), stmt.columnDouble(1)});
    }
    stmt.reset();
    return points;
}

Result<std::vector<Record>> RecordRepository::history(const RecordId &id)
{
    auto stmt = m_db.prepare(
        "SELECT v.record_id, r.kind, v.version, r.created_at, v.updated_at, v.deleted, v.body, "
        "NULL "
        "FROM record_versions v JOIN records r ON r.id = v.record_id "
        "WHERE v.record_id = ?1 ORDER BY v.version;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id.toString());
    return readAll(*stmt);
}

Result<std::int64_t> RecordRepository::count(const QString &kind)
{
    auto stmt = m_db.prepare("SELECT count(*) FROM records WHERE kind = ?1 AND deleted = 0;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, kind);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->columnInt64(0);
}

Result<std::vector<OutboxEntry>> RecordRepository::pendingOutbox(int limit)
{
    auto stmt = m_db.prepare("SELECT sequence, record_id, version, queued_at FROM outbox "
                             "ORDER BY sequence LIMIT ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, static_cast<std::int64_t>(limit));
    std::vector<OutboxEntry> entries;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return entries;
        entries.push_back({stmt->columnInt64(0), RecordId::fromString(stmt->columnText(1)),
                           stmt->columnInt64(2),
                           QDateTime::fromMSecsSinceEpoch(stmt->columnInt64(3), Qt::UTC)});
    }
}

Result<std::vector<QueuedVersion>> RecordRepository::pendingOutboxWithRecords(int limit)
{
    // One statement for the chunk instead of a lookup per queued version: the sync engine
    // seals the current version of nearly every record it pushes (bench_sync).
    auto stmt = m_db.prepare(
        "SELECT o.sequence, o.record_id, o.version, o.queued_at, r.id, r.kind, r.version, "
        "r.created_at, r.updated_at, r.deleted, r.body, r.occurred_at FROM outbox o "
        "LEFT JOIN records r ON r.id = o.record_id AND r.version = o.version "
        "ORDER BY o.sequence LIMIT ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, static_cast<std::int64_t>(limit));
    std::vector<QueuedVersion> queued;
    RecordReader reader;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return queued;
        QueuedVersion version{{stmt->columnInt64(0), RecordId::fromUtf8(stmt->columnBytes(1)),
                               stmt->columnInt64(2),
                               QDateTime::fromMSecsSinceEpoch(stmt->columnInt64(3), Qt::UTC)},
                              std::nullopt};
        if (!stmt->columnIsNull(4))
            version.current = reader.read(*stmt, 4);
        queued.push_back(std::move(version));
    }
}

Result<std::optional<Record>> RecordRepository::atVersion(const RecordId &id, std::int64_t version)
{
    auto stmt = m_db.prepare(
        "SELECT v.record_id, r.kind, v.version, r.created_at, v.updated_at, v.deleted, v.body, "
        "r.occurred_at FROM record_versions v JOIN records r ON r.id = v.record_id "
        "WHERE v.record_id = ?1 AND v.version = ?2;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id.toString()).bind(2, version);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Record>();
    return std::optional<Record>(readRecord(*stmt));
}

Result<void> RecordRepository::writeRemoteVersion(const Record &record)
{
    const QString id = record.id.toString();
    auto dropHistory =
        m_db.prepare("DELETE FROM record_versions WHERE record_id = ?1 AND version >= ?2;");
    if (!dropHistory)
        return dropHistory.error();
    dropHistory->bind(1, id).bind(2, record.version);
    COMPANION_TRY(dropHistory->run());

    // INSERT OR REPLACE: the row may or may not exist yet (SQLite 3.15 has no UPSERT).
    auto upsert = m_db.prepare(
        "INSERT OR REPLACE INTO records (id, kind, version, created_at, updated_at, deleted, "
        "body, occurred_at, series_key, series_value, summary_values, summary_number, "
        "summary_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13);");
    if (!upsert)
        return upsert.error();
    upsert->bind(1, id)
        .bind(2, record.kind)
        .bind(3, record.version)
        .bind(4, record.createdAt.toMSecsSinceEpoch())
        .bind(5, record.updatedAt.toMSecsSinceEpoch())
        .bind(6, record.deleted ? 1 : 0)
        .bindBlob(7, record.body);
    if (record.occurredAt)
        upsert->bind(8, record.occurredAt->toMSecsSinceEpoch());
    else
        upsert->bindNull(8);
    // Charts and lists read these instead of the body: derive them from this very body, as the
    // local write path does.
    bindDerivedColumns(*upsert, 9, derivedColumnsOf(record.kind, record.body, record.deleted));
    COMPANION_TRY(upsert->run());

    auto history =
        m_db.prepare("INSERT INTO record_versions (record_id, version, updated_at, deleted, body) "
                     "VALUES (?1, ?2, ?3, ?4, ?5);");
    if (!history)
        return history.error();
    history->bind(1, id)
        .bind(2, record.version)
        .bind(3, record.updatedAt.toMSecsSinceEpoch())
        .bind(4, record.deleted ? 1 : 0)
        .bindBlob(5, record.body);
    return history->run();
}

Result<void> RecordRepository::acknowledge(const RecordId &id, std::int64_t version)
{
    auto stmt = m_db.prepare("DELETE FROM outbox WHERE record_id = ?1 AND version = ?2;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id.toString()).bind(2, version);
    return stmt->run();
}

Result<void> RecordRepository::acknowledgeQueued(const std::vector<std::int64_t> &sequences)
{
    if (sequences.empty())
        return {};
    // By sequence (the rowid): no lookup through the (record_id, version) index first.
    auto stmt = m_db.prepare("DELETE FROM outbox WHERE sequence = ?1;");
    if (!stmt)
        return stmt.error();
    for (const std::int64_t sequence : sequences) {
        stmt->reset();
        stmt->bind(1, sequence);
        COMPANION_TRY(stmt->run());
    }
    return {};
}

Result<void> RecordRepository::discardPending(const RecordId &id)
{
    auto stmt = m_db.prepare("DELETE FROM outbox WHERE record_id = ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id.toString());
    return stmt->run();
}

Result<std::vector<std::int64_t>> RecordRepository::pendingVersions(const RecordId &id)
{
    auto stmt = m_db.prepare("SELECT version FROM outbox WHERE record_id = ?1 ORDER BY version;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id.toString());
    std::vector<std::int64_t> versions;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return versions;
        versions.push_back(stmt->columnInt64(0));
    }
}

} // namespace companion::storage
