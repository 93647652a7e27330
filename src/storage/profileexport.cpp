#include "storage/profileexport.h"

#include "common/ids.h"
#include "storage/derivedcolumns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <map>
#include <vector>

using namespace Qt::StringLiterals;

namespace companion::storage {

namespace {

// Assigns a Result's value to `target` or returns its error (COMPANION_TRY for values).
#define EXPORT_TRY_ASSIGN(target, resultExpr)                                                      \
    do {                                                                                           \
        auto exportTryResult_ = (resultExpr);                                                      \
        if (!exportTryResult_)                                                                     \
            return exportTryResult_.error();                                                       \
        (target) = std::move(exportTryResult_).value();                                            \
    } while (false)

// Keys of `meta` that are not the patient's data: the folder's own id (a new profile has its
// own) and the sync client's state (belongs to the enrolled device).
bool isExportableMetaKey(const QString &key)
{
    return key != u"profile_id" && !key.startsWith(u"sync.");
}

QString timeText(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// A body is shown as JSON when it is JSON that Qt writes back byte for byte (every body this app
// writes); anything else keeps its exact bytes in base64, so the round trip never changes a byte.
void putBody(QJsonObject &object, const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (!body.isEmpty() && error.error == QJsonParseError::NoError && !document.isNull() &&
        document.toJson(QJsonDocument::Compact) == body) {
        object.insert(u"body"_s, document.isObject() ? QJsonValue(document.object())
                                                     : QJsonValue(document.array()));
        return;
    }
    object.insert(u"body_base64"_s, QString::fromLatin1(body.toBase64()));
}

struct VersionRow
{
    std::int64_t version = 0;
    std::int64_t updatedAt = 0;
    bool deleted = false;
    QByteArray body;
};

struct RecordRow
{
    QString id;
    QString kind;
    std::int64_t version = 0;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::optional<std::int64_t> occurredAt;
    bool deleted = false;
    QByteArray body;
    std::vector<VersionRow> history;
};

// --- import checks. Errors name the JSON path, never a value. ---

Error invalid(const QString &path, const QString &what)
{
    return makeError(ErrorCode::InvalidInput,
                     u"the import file is not a valid Companion export: %1 %2"_s.arg(path, what));
}

Result<std::int64_t> readTime(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return invalid(path + u'.' + key, u"must be a time like 2026-01-31T08:00:00.000Z"_s);
    const QString text = value.toString();
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    // Only the exact form export writes: a round trip must not reinterpret a time.
    if (!at.isValid() || timeText(at.toMSecsSinceEpoch()) != text)
        return invalid(path + u'.' + key, u"must be a UTC time like 2026-01-31T08:00:00.000Z"_s);
    return at.toMSecsSinceEpoch();
}

Result<std::int64_t> readVersion(const QJsonObject &object, const QString &path)
{
    const QJsonValue value = object.value(u"version"_s);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 1 || number > 1e12 ||
        number != static_cast<double>(static_cast<std::int64_t>(number)))
        return invalid(path + u".version"_s, u"must be a whole number of at least 1"_s);
    return static_cast<std::int64_t>(number);
}

Result<bool> readBool(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (!value.isBool())
        return invalid(path + u'.' + key, u"must be true or false"_s);
    return value.toBool();
}

Result<QByteArray> readBody(const QJsonObject &object, const QString &path)
{
    const bool hasJson = object.contains(u"body"_s);
    const bool hasBase64 = object.contains(u"body_base64"_s);
    if (hasJson == hasBase64)
        return invalid(path, u"must have exactly one of body and body_base64"_s);
    if (hasJson) {
        const QJsonValue value = object.value(u"body"_s);
        if (value.isObject())
            return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        if (value.isArray())
            return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        return invalid(path + u".body"_s, u"must be a JSON object or array"_s);
    }
    const QJsonValue value = object.value(u"body_base64"_s);
    if (!value.isString())
        return invalid(path + u".body_base64"_s, u"must be a base64 string"_s);
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid(path + u".body_base64"_s, u"is not valid base64"_s);
    return *decoded;
}

Result<void> onlyKeys(const QJsonObject &object, const QSet<QString> &allowed, const QString &path)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return invalid(path, u"has an unknown field"_s);
    }
    return {};
}

Result<RecordRow> readRecord(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return invalid(path, u"must be an object"_s);
    const QJsonObject object = value.toObject();
    COMPANION_TRY(
        onlyKeys(object,
                 {u"id"_s, u"kind"_s, u"version"_s, u"created_at"_s, u"updated_at"_s,
                  u"occurred_at"_s, u"deleted"_s, u"body"_s, u"body_base64"_s, u"history"_s},
                 path));
    RecordRow row;
    const RecordId id = RecordId::fromString(object.value(u"id"_s).toString());
    if (id.isNull() || id.toString() != object.value(u"id"_s).toString())
        return invalid(path + u".id"_s, u"must be a lower-case UUID"_s);
    row.id = id.toString();
    static const QRegularExpression kKind(u"^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$"_s);
    row.kind = object.value(u"kind"_s).toString();
    if (row.kind.isEmpty() || row.kind.size() > 64 || !kKind.match(row.kind).hasMatch())
        return invalid(path + u".kind"_s, u"must be a record kind like diary.checkin"_s);
    EXPORT_TRY_ASSIGN(row.version, readVersion(object, path));
    EXPORT_TRY_ASSIGN(row.createdAt, readTime(object, u"created_at"_s, path));
    EXPORT_TRY_ASSIGN(row.updatedAt, readTime(object, u"updated_at"_s, path));
    if (!object.value(u"occurred_at"_s).isNull()) {
        std::int64_t occurred = 0;
        EXPORT_TRY_ASSIGN(occurred, readTime(object, u"occurred_at"_s, path));
        row.occurredAt = occurred;
    }
    EXPORT_TRY_ASSIGN(row.deleted, readBool(object, u"deleted"_s, path));
    EXPORT_TRY_ASSIGN(row.body, readBody(object, path));
    if (row.deleted && !row.body.isEmpty())
        return invalid(path, u"is deleted but has a body"_s);

    const QJsonValue history = object.value(u"history"_s);
    if (!history.isArray() || history.toArray().isEmpty())
        return invalid(path + u".history"_s, u"must be a non-empty array"_s);
    std::int64_t previous = 0;
    const QJsonArray versions = history.toArray();
    for (qsizetype i = 0; i < versions.size(); ++i) {
        const QString at = u"%1.history[%2]"_s.arg(path).arg(i);
        if (!versions.at(i).isObject())
            return invalid(at, u"must be an object"_s);
        const QJsonObject version = versions.at(i).toObject();
        COMPANION_TRY(onlyKeys(
            version, {u"version"_s, u"updated_at"_s, u"deleted"_s, u"body"_s, u"body_base64"_s},
            at));
        VersionRow past;
        EXPORT_TRY_ASSIGN(past.version, readVersion(version, at));
        EXPORT_TRY_ASSIGN(past.updatedAt, readTime(version, u"updated_at"_s, at));
        EXPORT_TRY_ASSIGN(past.deleted, readBool(version, u"deleted"_s, at));
        EXPORT_TRY_ASSIGN(past.body, readBody(version, at));
        if (past.version <= previous || past.version > row.version)
            return invalid(at + u".version"_s,
                           u"must ascend and not exceed the record's version"_s);
        previous = past.version;
        row.history.push_back(std::move(past));
    }
    // The repository keeps the current version in history too; the two must agree.
    const VersionRow &last = row.history.back();
    if (last.version != row.version || last.updatedAt != row.updatedAt ||
        last.deleted != row.deleted || last.body != row.body)
        return invalid(path + u".history"_s, u"must end with the record's current version"_s);
    return row;
}

} // namespace

Result<ExportedProfile> exportProfile(Database &db, const QDateTime &exportedAt)
{
    ExportedProfile exported;
    // One read transaction: the records and their history are one consistent snapshot.
    COMPANION_TRY(db.exec("BEGIN;"));
    struct Rollback
    {
        Database &db;
        ~Rollback() { (void)db.exec("ROLLBACK;"); }
    } rollback{db};

    std::map<QString, std::vector<VersionRow>> history;
    {
        auto stmt = db.prepare("SELECT record_id, version, updated_at, deleted, body "
                               "FROM record_versions ORDER BY record_id, version;");
        if (!stmt)
            return stmt.error();
        while (true) {
            auto row = stmt->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            history[stmt->columnText(0)].push_back(
                VersionRow{stmt->columnInt64(1), stmt->columnInt64(2), stmt->columnInt64(3) != 0,
                           stmt->columnBlob(4)});
            ++exported.counts.versions;
        }
    }

    QJsonArray records;
    {
        auto stmt = db.prepare("SELECT id, kind, version, created_at, updated_at, occurred_at, "
                               "deleted, body FROM records ORDER BY id;");
        if (!stmt)
            return stmt.error();
        while (true) {
            auto row = stmt->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            const QString id = stmt->columnText(0);
            QJsonObject record{
                {u"id"_s, id},
                {u"kind"_s, stmt->columnText(1)},
                {u"version"_s, static_cast<qint64>(stmt->columnInt64(2))},
                {u"created_at"_s, timeText(stmt->columnInt64(3))},
                {u"updated_at"_s, timeText(stmt->columnInt64(4))},
                {u"occurred_at"_s,
                 stmt->columnIsNull(5) ? QJsonValue() : QJsonValue(timeText(stmt->columnInt64(5)))},
                {u"deleted"_s, stmt->columnInt64(6) != 0},
            };
            putBody(record, stmt->columnBlob(7));
            QJsonArray versions;
            for (const VersionRow &past : history[id]) {
                QJsonObject version{
                    {u"version"_s, static_cast<qint64>(past.version)},
                    {u"updated_at"_s, timeText(past.updatedAt)},
                    {u"deleted"_s, past.deleted},
                };
                putBody(version, past.body);
                versions.append(version);
            }
            record.insert(u"history"_s, versions);
            records.append(record);
            ++exported.counts.records;
            if (stmt->columnInt64(6) != 0)
                ++exported.counts.deleted;
        }
    }

    QJsonArray meta;
    {
        auto stmt = db.prepare("SELECT key, value FROM meta ORDER BY key;");
        if (!stmt)
            return stmt.error();
        while (true) {
            auto row = stmt->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            const QString key = stmt->columnText(0);
            if (!isExportableMetaKey(key))
                continue;
            meta.append(QJsonObject{{u"key"_s, key}, {u"value"_s, stmt->columnText(1)}});
            ++exported.counts.metaItems;
        }
    }

    auto schemaVersion = db.userVersion();
    if (!schemaVersion)
        return schemaVersion.error();
    const QJsonObject document{
        {u"format"_s, QString::fromLatin1(kExportFormat)},
        {u"schema"_s, kExportSchema},
        {u"exported_at"_s, timeText(exportedAt.toMSecsSinceEpoch())},
        {u"profile_schema_version"_s, *schemaVersion},
        {u"records"_s, records},
        {u"meta"_s, meta},
    };
    exported.json = QJsonDocument(document).toJson(QJsonDocument::Indented);
    return exported;
}

Result<ExportCounts> importProfile(Database &db, const QByteArray &json, const Clock &clock)
{
    if (json.size() > kMaxImportBytes)
        return invalid(u"the file"_s, u"is larger than %1 MiB"_s.arg(kMaxImportBytes >> 20));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalid(u"the file"_s, u"is not a JSON object (truncated or damaged?)"_s);
    const QJsonObject root = document.object();
    COMPANION_TRY(onlyKeys(root,
                           {u"format"_s, u"schema"_s, u"exported_at"_s, u"profile_schema_version"_s,
                            u"records"_s, u"meta"_s},
                           u"$"_s));
    if (root.value(u"format"_s).toString() != QString::fromLatin1(kExportFormat))
        return invalid(u"$.format"_s, u"must be \"companion-export\""_s);
    if (!root.value(u"schema"_s).isDouble() || root.value(u"schema"_s).toDouble() != kExportSchema)
        return makeError(ErrorCode::Unsupported,
                         u"the import file has an export schema this version cannot read "
                         u"(it reads schema %1)"_s.arg(kExportSchema));
    COMPANION_TRY(readTime(root, u"exported_at"_s, u"$"_s));
    if (!root.value(u"profile_schema_version"_s).isDouble())
        return invalid(u"$.profile_schema_version"_s, u"must be a number"_s);
    if (!root.value(u"records"_s).isArray())
        return invalid(u"$.records"_s, u"must be an array"_s);
    if (!root.value(u"meta"_s).isArray())
        return invalid(u"$.meta"_s, u"must be an array"_s);

    const QJsonArray recordValues = root.value(u"records"_s).toArray();
    if (recordValues.size() > kMaxImportRecords)
        return invalid(u"$.records"_s, u"has more than %1 records"_s.arg(kMaxImportRecords));
    std::vector<RecordRow> records;
    records.reserve(static_cast<std::size_t>(recordValues.size()));
    QSet<QString> ids;
    qint64 versions = 0;
    for (qsizetype i = 0; i < recordValues.size(); ++i) {
        const QString path = u"$.records[%1]"_s.arg(i);
        auto record = readRecord(recordValues.at(i), path);
        if (!record)
            return record.error();
        if (ids.contains(record->id))
            return invalid(path + u".id"_s, u"repeats another record's id"_s);
        ids.insert(record->id);
        versions += static_cast<qint64>(record->history.size());
        if (versions > kMaxImportVersions)
            return invalid(u"$.records"_s, u"has more than %1 versions"_s.arg(kMaxImportVersions));
        records.push_back(std::move(record).value());
    }

    std::vector<std::pair<QString, QString>> meta;
    static const QRegularExpression kMetaKey(u"^[a-z][a-z0-9_.]{0,63}$"_s);
    const QJsonArray metaValues = root.value(u"meta"_s).toArray();
    QSet<QString> metaKeys;
    for (qsizetype i = 0; i < metaValues.size(); ++i) {
        const QString path = u"$.meta[%1]"_s.arg(i);
        if (!metaValues.at(i).isObject())
            return invalid(path, u"must be an object"_s);
        const QJsonObject item = metaValues.at(i).toObject();
        COMPANION_TRY(onlyKeys(item, {u"key"_s, u"value"_s}, path));
        const QString key = item.value(u"key"_s).toString();
        if (!kMetaKey.match(key).hasMatch() || !isExportableMetaKey(key) || metaKeys.contains(key))
            return invalid(path + u".key"_s, u"is not a draft or preference key, or repeats"_s);
        if (!item.value(u"value"_s).isString() ||
            item.value(u"value"_s).toString().size() > 4 * 1024 * 1024)
            return invalid(path + u".value"_s, u"must be a string of at most 4 MiB"_s);
        metaKeys.insert(key);
        meta.emplace_back(key, item.value(u"value"_s).toString());
    }

    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    // Fresh means: nothing the patient wrote and no enrolment. Checked inside the write
    // transaction, so nothing can be written between the check and the import.
    {
        auto stmt = db.prepare(
            "SELECT (SELECT COUNT(*) FROM records) + (SELECT COUNT(*) FROM sync_account) + "
            "(SELECT COUNT(*) FROM meta WHERE key <> 'profile_id' AND key NOT LIKE 'sync.%');");
        if (!stmt)
            return stmt.error();
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row || stmt->columnInt64(0) != 0)
            return makeError(ErrorCode::AlreadyExists,
                             u"the profile is not empty (it has records, drafts or a clinic "
                             u"connection); import only into a new profile (companion-cli init)"_s);
    }

    auto insertRecord = db.prepare(
        "INSERT INTO records (id, kind, version, created_at, updated_at, deleted, body, "
        "occurred_at, series_key, series_value, summary_values, summary_number, "
        "summary_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13);");
    auto insertVersion =
        db.prepare("INSERT INTO record_versions (record_id, version, updated_at, deleted, body) "
                   "VALUES (?1, ?2, ?3, ?4, ?5);");
    auto insertOutbox =
        db.prepare("INSERT INTO outbox (record_id, version, queued_at) VALUES (?1, ?2, ?3);");
    auto insertMeta = db.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2);");
    for (auto *stmt : {&insertRecord, &insertVersion, &insertOutbox, &insertMeta}) {
        if (!*stmt)
            return stmt->error();
    }
    const std::int64_t now = clock.nowUtc().toMSecsSinceEpoch();
    ExportCounts counts;
    for (const RecordRow &record : records) {
        insertRecord->reset();
        insertRecord->bind(1, record.id)
            .bind(2, record.kind)
            .bind(3, record.version)
            .bind(4, record.createdAt)
            .bind(5, record.updatedAt)
            .bind(6, std::int64_t{record.deleted ? 1 : 0})
            .bindBlob(7, record.body);
        if (record.occurredAt)
            insertRecord->bind(8, *record.occurredAt);
        else
            insertRecord->bindNull(8);
        // Derived from the body as every write does, so lists and charts match the entries.
        bindDerivedColumns(*insertRecord, 9,
                           derivedColumnsOf(record.kind, record.body, record.deleted));
        COMPANION_TRY(insertRecord->run());
        for (const VersionRow &past : record.history) {
            insertVersion->reset();
            insertVersion->bind(1, record.id)
                .bind(2, past.version)
                .bind(3, past.updatedAt)
                .bind(4, std::int64_t{past.deleted ? 1 : 0})
                .bindBlob(5, past.body);
            COMPANION_TRY(insertVersion->run());
            ++counts.versions;
        }
        // Queued as a local write is: enrolling this profile later uploads what was imported.
        insertOutbox->reset();
        insertOutbox->bind(1, record.id).bind(2, record.version).bind(3, now);
        COMPANION_TRY(insertOutbox->run());
        ++counts.records;
        if (record.deleted)
            ++counts.deleted;
    }
    for (const auto &[key, value] : meta) {
        insertMeta->reset();
        insertMeta->bind(1, key).bind(2, value);
        COMPANION_TRY(insertMeta->run());
        ++counts.metaItems;
    }
    insertRecord = Statement();
    insertVersion = Statement();
    insertOutbox = Statement();
    insertMeta = Statement();
    COMPANION_TRY(transaction->commit());
    return counts;
}

} // namespace companion::storage
