#include "sync/syncstore.h"

#include "protocol/json.h"

#include <QJsonDocument>

#include <functional>

using namespace Qt::StringLiterals;

namespace companion::sync {

namespace {

using storage::Statement;

constexpr const char *kShareReviewKey = "sync.share_review";

SecretBytes secretFrom(QByteArrayView bytes)
{
    return SecretBytes::fromView({reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                  static_cast<std::size_t>(bytes.size())});
}

// Runs a statement that returns no rows.
Result<void> run(storage::Database &db, std::string_view sql,
                 const std::function<void(Statement &)> &bind)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    bind(*stmt);
    return stmt->run();
}

// Resets a cached statement when the caller is done with it, however it returns.
class Resetting
{
public:
    explicit Resetting(Statement &stmt)
        : m_stmt(stmt)
    {}
    ~Resetting() { m_stmt.reset(); }
    Resetting(const Resetting &) = delete;
    Resetting &operator=(const Resetting &) = delete;

private:
    Statement &m_stmt;
};

// Runs a cached statement that returns no rows, and resets it.
Result<void> runCached(Result<Statement *> stmt, const std::function<void(Statement &)> &bind)
{
    if (!stmt)
        return stmt.error();
    const Resetting done(**stmt);
    bind(**stmt);
    return (*stmt)->run();
}

Result<std::vector<QString>> textColumn(storage::Database &db, std::string_view sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    std::vector<QString> values;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return values;
        values.push_back(stmt->columnText(0));
    }
}

QString categorySubject(ShareCategory category)
{
    return u"category:"_s + shareCategoryName(category);
}

QString entrySubject(const QString &recordId)
{
    return u"entry:"_s + recordId;
}

} // namespace

Result<Statement *> SyncStore::cached(const char *sql)
{
    auto found = m_cached.find(sql);
    if (found == m_cached.end()) {
        auto stmt = m_db.prepare(sql);
        if (!stmt)
            return stmt.error();
        found = m_cached.emplace(sql, std::move(*stmt)).first;
    }
    return &found->second;
}

SyncStore::SyncStore(storage::Database &db)
    : m_db(db)
{}

Result<std::optional<Account>> SyncStore::account()
{
    auto stmt = m_db.prepare(
        "SELECT server_url, vault_id, device_id, device_key, vault_root_key, key_epoch, clinic, "
        "fingerprint, pull_cursor, enrolled_at, message_cursor FROM sync_account WHERE id = 1;");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Account>();
    Account account;
    account.serverUrl = stmt->columnText(0);
    account.vaultId = stmt->columnText(1);
    account.deviceId = stmt->columnText(2);
    account.deviceKey = secretFrom(stmt->columnBytes(3));
    account.vaultRootKey = secretFrom(stmt->columnBytes(4));
    account.keyEpoch = static_cast<std::uint32_t>(stmt->columnInt64(5));
    const QJsonDocument clinic = QJsonDocument::fromJson(stmt->columnBlob(6));
    auto info = protocol::ClinicInfo::fromJson(clinic.object(), u"clinic"_s);
    if (!info)
        return makeError(ErrorCode::Damaged, u"the stored clinic details are damaged"_s);
    account.clinic = std::move(*info);
    account.fingerprint = stmt->columnText(7);
    account.pullCursor = stmt->columnInt64(8);
    account.enrolledAt = QDateTime::fromMSecsSinceEpoch(stmt->columnInt64(9), Qt::UTC);
    account.messageCursor = stmt->columnInt64(10);
    return std::optional<Account>(std::move(account));
}

Result<void> SyncStore::saveAccount(const Account &account)
{
    return run(
        m_db,
        "INSERT OR REPLACE INTO sync_account (id, server_url, vault_id, device_id, "
        "device_key, vault_root_key, key_epoch, clinic, fingerprint, pull_cursor, "
        "enrolled_at, message_cursor) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);",
        [&](Statement &stmt) {
            stmt.bind(1, account.serverUrl)
                .bind(2, account.vaultId)
                .bind(3, account.deviceId)
                .bindSecret(4, account.deviceKey)
                .bindSecret(5, account.vaultRootKey)
                .bind(6, static_cast<std::int64_t>(account.keyEpoch))
                .bind(7, QString::fromUtf8(
                             QJsonDocument(account.clinic.toJson()).toJson(QJsonDocument::Compact)))
                .bind(8, account.fingerprint)
                .bind(9, account.pullCursor)
                .bind(10, account.enrolledAt.toMSecsSinceEpoch())
                .bind(11, account.messageCursor);
        });
}

Result<void> SyncStore::setPullCursor(std::int64_t cursor)
{
    return run(m_db, "UPDATE sync_account SET pull_cursor = ?1 WHERE id = 1;",
               [&](Statement &stmt) { stmt.bind(1, cursor); });
}

Result<void> SyncStore::setClinic(const protocol::ClinicInfo &clinic)
{
    return run(m_db, "UPDATE sync_account SET clinic = ?1 WHERE id = 1;", [&](Statement &stmt) {
        stmt.bind(1,
                  QString::fromUtf8(QJsonDocument(clinic.toJson()).toJson(QJsonDocument::Compact)));
    });
}

Result<std::optional<StoredEnvelope>> SyncStore::envelope(const QString &recordId,
                                                          std::int64_t version)
{
    // Acknowledged: no outbox row left for the version (migration 8; a received version never
    // had one).
    auto stmt = cached("SELECT envelope, wrapped_key, hash, NOT EXISTS (SELECT 1 FROM outbox o "
                       "WHERE o.record_id = ?1 AND o.version = ?2) FROM sync_versions "
                       "WHERE record_id = ?1 AND version = ?2;");
    if (!stmt)
        return stmt.error();
    const Resetting done(**stmt);
    (*stmt)->bind(1, recordId).bind(2, version);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<StoredEnvelope>();
    return std::optional<StoredEnvelope>(
        StoredEnvelope{(*stmt)->columnBlob(0), (*stmt)->columnBlob(1), (*stmt)->columnBlob(2),
                       (*stmt)->columnInt64(3) != 0});
}

Result<void> SyncStore::putEnvelope(const QString &recordId, std::int64_t version,
                                    const StoredEnvelope &stored)
{
    // OR IGNORE, then the row count: a statement that cannot abort needs no statement journal,
    // and SQLCipher encrypts every page it would save there. Appending to the same last page
    // and index pages row after row, that was most of the cost of storing an envelope
    // (bench/bench_sync). A version never gets other bytes here: the engine drops an
    // unacknowledged envelope before storing another for its version, and refuses different
    // bytes for an acknowledged one. If that ever failed, this says so instead of replacing.
    auto stmt = cached("INSERT OR IGNORE INTO sync_versions (record_id, version, envelope, "
                       "wrapped_key, hash) VALUES (?1, ?2, ?3, ?4, ?5);");
    if (!stmt)
        return stmt.error();
    const Resetting done(**stmt);
    (*stmt)
        ->bind(1, recordId)
        .bind(2, version)
        .bindBlob(3, stored.envelope)
        .bindBlob(4, stored.wrappedKey)
        .bindBlob(5, stored.hash);
    COMPANION_TRY((*stmt)->run());
    if (m_db.changes() != 1)
        return makeError(ErrorCode::Internal,
                         u"this device already holds other bytes for a version it stores"_s);
    return {};
}

Result<void> SyncStore::dropUnacknowledged(const QString &recordId)
{
    return run(m_db,
               "DELETE FROM sync_versions WHERE record_id = ?1 AND EXISTS (SELECT 1 FROM outbox "
               "o WHERE o.record_id = ?1 AND o.version = sync_versions.version);",
               [&](Statement &stmt) { stmt.bind(1, recordId); });
}

Result<std::vector<SharedCollectionKey>> SyncStore::sharedKeys()
{
    auto stmt = m_db.prepare(
        "SELECT generation, ctk_epoch, key FROM sync_shared_keys ORDER BY generation;");
    if (!stmt)
        return stmt.error();
    std::vector<SharedCollectionKey> keys;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return keys;
        keys.push_back({static_cast<std::uint32_t>(stmt->columnInt64(0)),
                        static_cast<std::uint32_t>(stmt->columnInt64(1)),
                        secretFrom(stmt->columnBytes(2))});
    }
}

Result<void> SyncStore::putSharedKey(const SharedCollectionKey &key)
{
    return run(m_db,
               "INSERT OR REPLACE INTO sync_shared_keys (generation, ctk_epoch, key) "
               "VALUES (?1, ?2, ?3);",
               [&](Statement &stmt) {
                   stmt.bind(1, static_cast<std::int64_t>(key.generation))
                       .bind(2, static_cast<std::int64_t>(key.careTeamEpoch))
                       .bindSecret(3, key.key);
               });
}

Result<std::optional<ShareState>> SyncStore::share(const QString &recordId)
{
    auto stmt = cached("SELECT version, generation FROM sync_shares WHERE record_id = ?1;");
    if (!stmt)
        return stmt.error();
    const Resetting done(**stmt);
    (*stmt)->bind(1, recordId);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<ShareState>();
    return std::optional<ShareState>(
        ShareState{(*stmt)->columnInt64(0), static_cast<std::uint32_t>((*stmt)->columnInt64(1))});
}

Result<void> SyncStore::setShare(const QString &recordId, const ShareState &state)
{
    return runCached(cached("INSERT OR REPLACE INTO sync_shares (record_id, version, generation) "
                            "VALUES (?1, ?2, ?3);"),
                     [&](Statement &stmt) {
                         stmt.bind(1, recordId)
                             .bind(2, state.version)
                             .bind(3, static_cast<std::int64_t>(state.generation));
                     });
}

Result<void> SyncStore::clearShare(const QString &recordId)
{
    return runCached(cached("DELETE FROM sync_shares WHERE record_id = ?1;"),
                     [&](Statement &stmt) { stmt.bind(1, recordId); });
}

Result<std::vector<QString>> SyncStore::sharedRecordIds()
{
    return textColumn(m_db, "SELECT record_id FROM sync_shares ORDER BY record_id;");
}

Result<ShareChoices> SyncStore::choices()
{
    auto stmt = m_db.prepare("SELECT subject, shared FROM sync_share_choices;");
    if (!stmt)
        return stmt.error();
    ShareChoices choices;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return choices;
        const QString subject = stmt->columnText(0);
        const bool shared = stmt->columnInt64(1) != 0;
        if (subject.startsWith(u"category:")) {
            const auto category = shareCategoryFromName(subject.mid(9));
            if (category && shared)
                choices.categories.insert(*category);
        } else if (subject.startsWith(u"entry:")) {
            choices.entries.insert(subject.mid(6), shared);
        }
    }
}

Result<void> SyncStore::setCategoryChoice(ShareCategory category, bool shared)
{
    return run(
        m_db, "INSERT OR REPLACE INTO sync_share_choices (subject, shared) VALUES (?1, ?2);",
        [&](Statement &stmt) { stmt.bind(1, categorySubject(category)).bind(2, shared ? 1 : 0); });
}

Result<void> SyncStore::setEntryChoice(const QString &recordId, std::optional<bool> shared)
{
    if (!shared)
        return run(m_db, "DELETE FROM sync_share_choices WHERE subject = ?1;",
                   [&](Statement &stmt) { stmt.bind(1, entrySubject(recordId)); });
    return run(
        m_db, "INSERT OR REPLACE INTO sync_share_choices (subject, shared) VALUES (?1, ?2);",
        [&](Statement &stmt) { stmt.bind(1, entrySubject(recordId)).bind(2, *shared ? 1 : 0); });
}

Result<bool> SyncStore::shareReviewNeeded()
{
    auto stmt = m_db.prepare("SELECT value FROM meta WHERE key = ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, QString::fromLatin1(kShareReviewKey));
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row && stmt->columnText(0) == u"1";
}

Result<void> SyncStore::setShareReviewNeeded(bool needed)
{
    return run(
        m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2);", [&](Statement &stmt) {
            stmt.bind(1, QString::fromLatin1(kShareReviewKey)).bind(2, needed ? u"1"_s : u"0"_s);
        });
}

Result<void> SyncStore::addConflict(const Conflict &conflict)
{
    return run(m_db,
               "INSERT INTO sync_conflicts (record_id, kind, body, deleted, updated_at, "
               "remote_version, detected_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);",
               [&](Statement &stmt) {
                   stmt.bind(1, conflict.recordId)
                       .bind(2, conflict.kind)
                       .bindBlob(3, conflict.body)
                       .bind(4, conflict.deleted ? 1 : 0)
                       .bind(5, conflict.updatedAt.toMSecsSinceEpoch())
                       .bind(6, conflict.remoteVersion)
                       .bind(7, conflict.detectedAt.toMSecsSinceEpoch());
               });
}

namespace {

constexpr const char *kConflictColumns =
    "SELECT id, record_id, kind, body, deleted, updated_at, remote_version, detected_at "
    "FROM sync_conflicts ";

Conflict readConflict(const Statement &stmt)
{
    return Conflict{
        stmt.columnInt64(0),      stmt.columnText(1),
        stmt.columnText(2),       stmt.columnBlob(3),
        stmt.columnInt64(4) != 0, QDateTime::fromMSecsSinceEpoch(stmt.columnInt64(5), Qt::UTC),
        stmt.columnInt64(6),      QDateTime::fromMSecsSinceEpoch(stmt.columnInt64(7), Qt::UTC)};
}

} // namespace

Result<std::vector<Conflict>> SyncStore::conflicts()
{
    auto stmt = m_db.prepare(std::string(kConflictColumns) + "ORDER BY id;");
    if (!stmt)
        return stmt.error();
    std::vector<Conflict> conflicts;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return conflicts;
        conflicts.push_back(readConflict(*stmt));
    }
}

Result<std::optional<Conflict>> SyncStore::conflict(std::int64_t id)
{
    auto stmt = m_db.prepare(std::string(kConflictColumns) + "WHERE id = ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Conflict>();
    return std::optional<Conflict>(readConflict(*stmt));
}

Result<void> SyncStore::removeConflict(std::int64_t id)
{
    return run(m_db, "DELETE FROM sync_conflicts WHERE id = ?1;",
               [&](Statement &stmt) { stmt.bind(1, id); });
}

Result<void> SyncStore::addIntegrityEvent(const IntegrityEvent &event)
{
    return run(m_db,
               "INSERT INTO sync_integrity_events (at, record_id, version, reason) "
               "VALUES (?1, ?2, ?3, ?4);",
               [&](Statement &stmt) {
                   stmt.bind(1, event.at.toMSecsSinceEpoch())
                       .bind(2, event.recordId)
                       .bind(3, event.version)
                       .bind(4, event.reason);
               });
}

Result<std::vector<IntegrityEvent>> SyncStore::integrityEvents()
{
    auto stmt = m_db.prepare(
        "SELECT at, record_id, version, reason FROM sync_integrity_events ORDER BY id;");
    if (!stmt)
        return stmt.error();
    std::vector<IntegrityEvent> events;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return events;
        events.push_back({QDateTime::fromMSecsSinceEpoch(stmt->columnInt64(0), Qt::UTC),
                          stmt->columnText(1), stmt->columnInt64(2), stmt->columnText(3)});
    }
}

Result<std::vector<QString>> SyncStore::pendingRecordIds()
{
    return textColumn(m_db, "SELECT DISTINCT record_id FROM outbox ORDER BY record_id;");
}

Result<void> SyncStore::setMessageCursor(std::int64_t cursor)
{
    return run(m_db, "UPDATE sync_account SET message_cursor = ?1 WHERE id = 1;",
               [&](Statement &stmt) { stmt.bind(1, cursor); });
}

Result<bool> SyncStore::hasMessage(const QString &messageId)
{
    auto stmt = m_db.prepare("SELECT 1 FROM sync_messages WHERE message_id = ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, messageId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row;
}

Result<void> SyncStore::addMessage(const ReceivedMessage &message)
{
    return run(m_db,
               "INSERT INTO sync_messages (message_id, seq, type, author_type, author_id, "
               "author_name, subject_id, body, created_at, received_at) VALUES (?1, ?2, ?3, ?4, "
               "?5, ?6, ?7, ?8, ?9, ?10);",
               [&](Statement &stmt) {
                   stmt.bind(1, message.messageId)
                       .bind(2, message.seq)
                       .bind(3, message.type)
                       .bind(4, message.authorType)
                       .bind(5, message.authorId)
                       .bind(6, message.authorName)
                       .bind(7, message.subjectId)
                       .bindBlob(8, message.message)
                       .bind(9, message.createdAt.toMSecsSinceEpoch())
                       .bind(10, message.receivedAt.toMSecsSinceEpoch());
               });
}

Result<std::vector<ReceivedMessage>> SyncStore::messages()
{
    auto stmt = m_db.prepare("SELECT message_id, seq, type, author_type, author_id, author_name, "
                             "subject_id, body, created_at, received_at FROM sync_messages "
                             "ORDER BY seq, message_id;");
    if (!stmt)
        return stmt.error();
    std::vector<ReceivedMessage> messages;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return messages;
        ReceivedMessage message;
        message.messageId = stmt->columnText(0);
        message.seq = stmt->columnInt64(1);
        message.type = stmt->columnText(2);
        message.authorType = stmt->columnText(3);
        message.authorId = stmt->columnText(4);
        message.authorName = stmt->columnText(5);
        message.subjectId = stmt->columnText(6);
        message.message = stmt->columnBlob(7);
        message.createdAt = QDateTime::fromMSecsSinceEpoch(stmt->columnInt64(8), Qt::UTC);
        message.receivedAt = QDateTime::fromMSecsSinceEpoch(stmt->columnInt64(9), Qt::UTC);
        messages.push_back(std::move(message));
    }
}

Result<std::optional<QDateTime>> SyncStore::newestAppointmentMessage(const QString &subjectId)
{
    auto stmt = m_db.prepare("SELECT MAX(created_at) FROM sync_messages WHERE subject_id = ?1 "
                             "AND type IN ('appointment', 'appointment.cancel');");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, subjectId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row || stmt->columnIsNull(0))
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(QDateTime::fromMSecsSinceEpoch(stmt->columnInt64(0), Qt::UTC));
}

Result<std::optional<ReceivedProtocol>> SyncStore::clinicProtocol()
{
    auto stmt = m_db.prepare("SELECT version, issued_at, document, signature, received_at FROM "
                             "sync_clinic_protocol WHERE id = 1;");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<ReceivedProtocol>();
    return std::optional<ReceivedProtocol>(ReceivedProtocol{
        stmt->columnInt64(0), stmt->columnInt64(1), stmt->columnBlob(2), stmt->columnBlob(3),
        QDateTime::fromMSecsSinceEpoch(stmt->columnInt64(4), Qt::UTC)});
}

Result<void> SyncStore::setClinicProtocol(const ReceivedProtocol &protocol)
{
    return run(m_db,
               "INSERT OR REPLACE INTO sync_clinic_protocol (id, version, issued_at, document, "
               "signature, received_at) VALUES (1, ?1, ?2, ?3, ?4, ?5);",
               [&](Statement &stmt) {
                   stmt.bind(1, protocol.version)
                       .bind(2, protocol.issuedAt)
                       .bindBlob(3, protocol.document)
                       .bindBlob(4, protocol.signature)
                       .bind(5, protocol.receivedAt.toMSecsSinceEpoch());
               });
}

} // namespace companion::sync
