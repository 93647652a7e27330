#include "storage/migrations.h"

#include "storage/derivedcolumns.h"
#include "storage/recordrepository.h"

#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <utility>
#include <vector>

namespace companion::storage {

namespace {

Result<void> backfillSeries(Database &db)
{
    auto read = db.prepare("SELECT id, kind, body FROM records WHERE deleted = 0;");
    auto write = db.prepare("UPDATE records SET series_key = ?2, series_value = ?3 WHERE id = ?1;");
    if (!read)
        return read.error();
    if (!write)
        return write.error();
    while (true) {
        auto row = read->step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        const auto series = seriesValueOf(read->columnText(1), read->columnBlob(2));
        if (!series)
            continue;
        write->reset();
        write->bind(1, read->columnText(0)).bind(2, series->key).bindDouble(3, series->value);
        COMPANION_TRY(write->run());
    }
}

// Derives every live row's series and list-summary columns from its body (see derivedcolumns.h).
// Rows are read first and written after, so the scan never walks rows it is changing.
Result<void> backfillSummaries(Database &db)
{
    auto read = db.prepare("SELECT id, kind, body FROM records WHERE deleted = 0;");
    if (!read)
        return read.error();
    std::vector<std::pair<QString, DerivedColumns>> derived;
    while (true) {
        auto row = read->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        DerivedColumns columns = derivedColumnsOf(read->columnText(1), read->columnBlob(2), false);
        if (columns.summary || columns.series)
            derived.emplace_back(read->columnText(0), std::move(columns));
    }
    read = Statement();
    auto write = db.prepare("UPDATE records SET series_key = ?2, series_value = ?3, "
                            "summary_values = ?4, summary_number = ?5, summary_text = ?6 "
                            "WHERE id = ?1;");
    if (!write)
        return write.error();
    for (const auto &[id, columns] : derived) {
        write->reset();
        write->bind(1, id);
        bindDerivedColumns(*write, 2, columns);
        COMPANION_TRY(write->run());
    }
    return {};
}

// The migration history. Never edit a step that has shipped: add a new one, and update
// kFreshSchema to match. The test "migrated schema equals fresh schema" holds the two together.
constexpr std::array kMigrations = {
    Migration{1, "records, outbox and profile metadata", R"sql(
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE records (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    body BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX records_by_kind ON records (kind);
CREATE TABLE outbox (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    queued_at INTEGER NOT NULL,
    UNIQUE (record_id, version)
);
)sql",
              nullptr},
    Migration{2, "version history of every record; timeline index", R"sql(
CREATE TABLE record_versions (
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    body BLOB NOT NULL,
    PRIMARY KEY (record_id, version)
) WITHOUT ROWID;
INSERT INTO record_versions (record_id, version, updated_at, deleted, body)
    SELECT id, version, updated_at, deleted, body FROM records;
DROP INDEX records_by_kind;
CREATE INDEX records_by_kind_updated ON records (kind, updated_at);
)sql",
              nullptr},
    // Diary timelines and charts are ordered by when something happened, which a person can set
    // (a check-in entered the next morning). Older records get their creation time.
    Migration{3, "occurred_at: the time an entry is about; timeline index", R"sql(
ALTER TABLE records ADD COLUMN occurred_at INTEGER;
UPDATE records SET occurred_at = created_at;
CREATE INDEX records_by_kind_occurred ON records (kind, occurred_at);
)sql",
              nullptr},
    // Charts read (occurred_at, value) pairs from a small covering index instead of decoding
    // every instrument result's JSON body. The columns are derived from the body on every write
    // (seriesValueOf); existing rows are filled by backfillSeries.
    Migration{4, "series_key / series_value: chart values, indexed", R"sql(
ALTER TABLE records ADD COLUMN series_key TEXT;
ALTER TABLE records ADD COLUMN series_value REAL;
CREATE INDEX records_by_series ON records (kind, series_key, occurred_at, id, series_value)
    WHERE series_key IS NOT NULL;
)sql",
              &backfillSeries},
    // Sync with the clinic (src/sync): the enrolment (device login key and vault root key live
    // only here, inside the encrypted database), every envelope this device sealed or received
    // (its hash guards against rollback and replay; unacknowledged ones are re-sent byte for
    // byte so retries are idempotent), shared-collection keys, what the server shares now, the
    // patient's sharing choices, edits kept from conflicts, and integrity events.
    Migration{5, "sync state: account, envelopes, sharing, conflicts", R"sql(
CREATE TABLE sync_account (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    server_url TEXT NOT NULL,
    vault_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    device_key BLOB NOT NULL,
    vault_root_key BLOB NOT NULL,
    key_epoch INTEGER NOT NULL,
    clinic TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    pull_cursor INTEGER NOT NULL,
    enrolled_at INTEGER NOT NULL
);
CREATE TABLE sync_envelopes (
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    envelope BLOB NOT NULL,
    wrapped_key BLOB NOT NULL,
    hash BLOB NOT NULL,
    acknowledged INTEGER NOT NULL CHECK (acknowledged IN (0, 1)),
    PRIMARY KEY (record_id, version)
) WITHOUT ROWID;
CREATE TABLE sync_shared_keys (
    generation INTEGER PRIMARY KEY,
    ctk_epoch INTEGER NOT NULL,
    key BLOB NOT NULL
);
CREATE TABLE sync_shares (
    record_id TEXT PRIMARY KEY NOT NULL,
    version INTEGER NOT NULL,
    generation INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE sync_share_choices (
    subject TEXT PRIMARY KEY NOT NULL,
    shared INTEGER NOT NULL CHECK (shared IN (0, 1))
) WITHOUT ROWID;
CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    body BLOB NOT NULL,
    deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    updated_at INTEGER NOT NULL,
    remote_version INTEGER NOT NULL,
    detected_at INTEGER NOT NULL
);
CREATE TABLE sync_integrity_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    reason TEXT NOT NULL
);
)sql",
              nullptr},
    // The diary list reads what each row shows (a few numbers, a note or a severity) from these
    // columns instead of decoding every JSON body; the body is decoded when an entry is opened.
    // Derived from the body on every write (derivedcolumns.h); existing rows are filled by
    // backfillSummaries. No new index: the list walks records_by_kind_occurred as before. A
    // covering index for the list was measured (17 % fewer instructions for a year) and not
    // taken: it copies every note into a second b-tree and widens every write for ~0.05 ms.
    Migration{6, "summary_values / summary_number / summary_text: what a list row shows", R"sql(
ALTER TABLE records ADD COLUMN summary_values INTEGER;
ALTER TABLE records ADD COLUMN summary_number REAL;
ALTER TABLE records ADD COLUMN summary_text TEXT;
)sql",
              &backfillSummaries},
    // What the clinic sends this patient (src/sync, docs/sync-protocol.md "Clinic messages"):
    // every message opened and checked (replies to the patient's entries and the clinic's
    // appointments, by message id so a message applies once), their own pull cursor beside the
    // records' one, and the newest clinic protocol as the clinic signed it (the document and the
    // signature, so it can be checked again).
    Migration{7, "clinic messages and the signed clinic protocol", R"sql(
ALTER TABLE sync_account ADD COLUMN message_cursor INTEGER NOT NULL DEFAULT 0;
CREATE TABLE sync_messages (
    message_id TEXT PRIMARY KEY NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    author_type TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    body BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_messages_by_subject ON sync_messages (subject_id, created_at);
CREATE TABLE sync_clinic_protocol (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    issued_at INTEGER NOT NULL,
    document BLOB NOT NULL,
    signature BLOB NOT NULL,
    received_at INTEGER NOT NULL
);
)sql",
              nullptr},
    // Acknowledging a pushed version used to rewrite its whole envelope row (~800 bytes, at a
    // random place in a table keyed by random record ids: one page re-encrypted and
    // authenticated per record at commit) besides deleting its outbox row. A version this device
    // sealed is acknowledged exactly when its outbox row is gone (both happened in one
    // transaction), so the flag is derived from the outbox now and the table keeps only the bytes
    // (bench/bench_sync, ADR 0024). Rows are stored in the order they were sealed or received
    // (rowid), so the envelopes of one push fill a few consecutive pages instead of one page
    // each; (record_id, version) is a unique index. Making the two agree exactly: an outbox row
    // of an acknowledged version has nothing left to send, and an unacknowledged envelope that
    // nothing queues any more would never be sent (none is expected in either case).
    Migration{8, "sync_versions: envelopes in sealing order, acknowledged = no outbox row", R"sql(
CREATE TABLE sync_versions (
    seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    envelope BLOB NOT NULL,
    wrapped_key BLOB NOT NULL,
    hash BLOB NOT NULL,
    UNIQUE (record_id, version)
);
DELETE FROM outbox WHERE EXISTS (SELECT 1 FROM sync_envelopes e WHERE e.acknowledged = 1 AND
    e.record_id = outbox.record_id AND e.version = outbox.version);
INSERT INTO sync_versions (record_id, version, envelope, wrapped_key, hash)
    SELECT record_id, version, envelope, wrapped_key, hash FROM sync_envelopes e
    WHERE e.acknowledged = 1 OR EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = e.record_id
        AND o.version = e.version)
    ORDER BY record_id, version;
DROP TABLE sync_envelopes;
)sql",
              nullptr},
};

constexpr bool versionsAreConsecutive()
{
    for (std::size_t i = 0; i < kMigrations.size(); ++i) {
        if (kMigrations[i].version != static_cast<int>(i) + 1)
            return false;
    }
    return true;
}
static_assert(versionsAreConsecutive(), "migration versions must be 1, 2, 3, … in order");

// The schema a new profile gets, equal to running every migration on an empty database.
constexpr const char *kFreshSchema = R"sql(
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE records (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    body BLOB NOT NULL,
    occurred_at INTEGER,
    series_key TEXT,
    series_value REAL,
    summary_values INTEGER,
    summary_number REAL,
    summary_text TEXT
) WITHOUT ROWID;
CREATE TABLE outbox (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    queued_at INTEGER NOT NULL,
    UNIQUE (record_id, version)
);
CREATE TABLE record_versions (
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    body BLOB NOT NULL,
    PRIMARY KEY (record_id, version)
) WITHOUT ROWID;
CREATE INDEX records_by_kind_updated ON records (kind, updated_at);
CREATE INDEX records_by_kind_occurred ON records (kind, occurred_at);
CREATE INDEX records_by_series ON records (kind, series_key, occurred_at, id, series_value)
    WHERE series_key IS NOT NULL;
CREATE TABLE sync_account (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    server_url TEXT NOT NULL,
    vault_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    device_key BLOB NOT NULL,
    vault_root_key BLOB NOT NULL,
    key_epoch INTEGER NOT NULL,
    clinic TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    pull_cursor INTEGER NOT NULL,
    enrolled_at INTEGER NOT NULL,
    message_cursor INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sync_shared_keys (
    generation INTEGER PRIMARY KEY,
    ctk_epoch INTEGER NOT NULL,
    key BLOB NOT NULL
);
CREATE TABLE sync_shares (
    record_id TEXT PRIMARY KEY NOT NULL,
    version INTEGER NOT NULL,
    generation INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE sync_share_choices (
    subject TEXT PRIMARY KEY NOT NULL,
    shared INTEGER NOT NULL CHECK (shared IN (0, 1))
) WITHOUT ROWID;
CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    body BLOB NOT NULL,
    deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    updated_at INTEGER NOT NULL,
    remote_version INTEGER NOT NULL,
    detected_at INTEGER NOT NULL
);
CREATE TABLE sync_integrity_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE sync_messages (
    message_id TEXT PRIMARY KEY NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    author_type TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    body BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_messages_by_subject ON sync_messages (subject_id, created_at);
CREATE TABLE sync_clinic_protocol (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    issued_at INTEGER NOT NULL,
    document BLOB NOT NULL,
    signature BLOB NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE TABLE sync_versions (
    seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    envelope BLOB NOT NULL,
    wrapped_key BLOB NOT NULL,
    hash BLOB NOT NULL,
    UNIQUE (record_id, version)
);
)sql";

QString normalisedSql(QString sql)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    // ALTER TABLE … ADD COLUMN splices ", column" into the stored CREATE text; spacing around
    // punctuation carries no meaning, so it is dropped before comparing.
    static const QRegularExpression punctuation(QStringLiteral(" ?([(),]) ?"));
    return sql.replace(whitespace, QStringLiteral(" "))
        .replace(punctuation, QStringLiteral("\\1"))
        .trimmed()
        .toLower();
}

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

int latestSchemaVersion()
{
    return kMigrations.back().version;
}

Result<void> migrateWith(Database &db, std::span<const Migration> steps)
{
    auto current = db.userVersion();
    if (!current)
        return current.error();
    if (*current > steps.back().version)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("this profile was written by a newer version of "
                                        "Companion; please update the app"));
    for (const Migration &step : steps) {
        if (step.version <= *current)
            continue;
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        COMPANION_TRY(db.exec(step.sql));
        if (step.backfill)
            COMPANION_TRY(step.backfill(db));
        COMPANION_TRY(db.setUserVersion(step.version));
        COMPANION_TRY(tx->commit());
    }
    return {};
}

Result<void> createFreshSchemaWith(Database &db, const char *freshSchemaSql, int version)
{
    auto current = db.userVersion();
    if (!current)
        return current.error();
    if (*current != 0)
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("the database has a schema"));
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx.error();
    COMPANION_TRY(db.exec(freshSchemaSql));
    COMPANION_TRY(db.setUserVersion(version));
    return tx->commit();
}

Result<void> migrate(Database &db)
{
    return migrateWith(db, kMigrations);
}

Result<void> createFreshSchema(Database &db)
{
    return createFreshSchemaWith(db, kFreshSchema, latestSchemaVersion());
}

Result<QString> schemaFingerprint(Database &db)
{
    QStringList lines;
    auto version = db.userVersion();
    if (!version)
        return version.error();
    lines << QStringLiteral("user_version=%1").arg(*version);

    auto objects = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master "
                              "WHERE name NOT LIKE 'sqlite_autoindex_%' ORDER BY type, name;");
    if (!objects)
        return objects.error();
    QStringList tables;
    while (true) {
        auto row = objects->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const QString type = objects->columnText(0);
        lines << QStringLiteral("%1|%2|%3|%4")
                     .arg(type, objects->columnText(1), objects->columnText(2),
                          normalisedSql(objects->columnText(3)));
        if (type == QLatin1String("table"))
            tables << objects->columnText(1);
    }
    // Column details as SQLite understands them, not only as written.
    for (const QString &table : std::as_const(tables)) {
        auto columns =
            db.prepare(QStringLiteral("PRAGMA table_info(\"%1\");").arg(table).toStdString());
        if (!columns)
            return columns.error();
        while (true) {
            auto row = columns->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            lines << QStringLiteral("column|%1|%2|%3|%4|%5|%6")
                         .arg(table, columns->columnText(1), columns->columnText(2),
                              columns->columnText(3), columns->columnText(4),
                              columns->columnText(5));
        }
    }
    return lines.join(u'\n');
}

} // namespace companion::storage
