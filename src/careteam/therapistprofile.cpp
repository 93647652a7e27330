#include "careteam/therapistprofile.h"

#include "careteam/schema.h"
#include "storage/profilefolder.h"

#include <QDir>
#include <QFile>
#include <QSet>

namespace companion::careteam {

namespace {

using storage::Statement;

std::optional<std::int64_t> optionalInt(const Statement &stmt, int column)
{
    if (stmt.columnIsNull(column))
        return std::nullopt;
    return stmt.columnInt64(column);
}

void bindOptional(Statement &stmt, int index, const std::optional<std::int64_t> &value)
{
    if (value)
        stmt.bind(index, *value);
    else
        stmt.bindNull(index);
}

QDateTime fromMs(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

RecordState stateFromName(const QString &name)
{
    if (name == QLatin1String("unreadable"))
        return RecordState::Unreadable;
    if (name == QLatin1String("withdrawn"))
        return RecordState::Withdrawn;
    return RecordState::Readable;
}

SecretBytes secretFrom(QByteArrayView bytes)
{
    return SecretBytes::fromView({reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                  static_cast<std::size_t>(bytes.size())});
}

constexpr const char *kRecordColumns =
    "vault_id, record_id, version, coarse_kind, shared_at, state, reason, key_epoch, kind, "
    "created_at, updated_at, occurred_at, body, fetched_at, read_at";

CachedRecord readRecord(const Statement &stmt)
{
    CachedRecord record;
    record.vaultId = stmt.columnText(0);
    record.recordId = stmt.columnText(1);
    record.version = static_cast<std::uint64_t>(stmt.columnInt64(2));
    record.coarseKind = static_cast<int>(stmt.columnInt64(3));
    record.sharedAt = stmt.columnInt64(4);
    record.state = stateFromName(stmt.columnText(5));
    record.reason = unreadableFromName(stmt.columnText(6));
    record.keyEpoch = static_cast<std::uint32_t>(stmt.columnInt64(7));
    record.kind = stmt.columnText(8);
    record.createdAt = optionalInt(stmt, 9);
    record.updatedAt = optionalInt(stmt, 10);
    record.occurredAt = optionalInt(stmt, 11);
    record.body = stmt.columnBlob(12);
    record.fetchedAt = stmt.columnInt64(13);
    record.readAt = optionalInt(stmt, 14);
    return record;
}

Result<void> writeRecord(storage::Database &db, const CachedRecord &record)
{
    // SQLCipher 3.4.1 has no UPSERT: the caller passes the complete row.
    auto stmt = db.prepare(
        "INSERT OR REPLACE INTO shared_records (vault_id, record_id, version, coarse_kind, "
        "shared_at, state, reason, key_epoch, kind, created_at, updated_at, occurred_at, body, "
        "fetched_at, read_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
        "?14, ?15);");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, record.vaultId)
        .bind(2, record.recordId)
        .bind(3, static_cast<std::int64_t>(record.version))
        .bind(4, static_cast<std::int64_t>(record.coarseKind))
        .bind(5, record.sharedAt)
        .bind(6, recordStateName(record.state))
        .bind(8, static_cast<std::int64_t>(record.keyEpoch))
        .bind(14, record.fetchedAt);
    if (record.reason == Unreadable::None)
        stmt->bindNull(7);
    else
        stmt->bind(7, unreadableName(record.reason));
    if (record.kind.isEmpty())
        stmt->bindNull(9);
    else
        stmt->bind(9, record.kind);
    bindOptional(*stmt, 10, record.createdAt);
    bindOptional(*stmt, 11, record.updatedAt);
    bindOptional(*stmt, 12, record.occurredAt);
    if (record.state == RecordState::Readable)
        stmt->bindBlob(13, record.body);
    else
        stmt->bindNull(13);
    bindOptional(*stmt, 15, record.readAt);
    return stmt->run();
}

Result<void> withdrawRecord(storage::Database &db, const QString &vaultId, const QString &recordId,
                            std::int64_t at)
{
    // The payload goes: a patient who stops sharing an entry should not find it kept on the
    // therapist's machine. What it was (kind, time) stays, so the console can say what it no
    // longer shows.
    auto stmt = db.prepare("UPDATE shared_records SET state = 'withdrawn', reason = NULL, "
                           "body = NULL, fetched_at = ?3 WHERE vault_id = ?1 AND record_id = ?2;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, vaultId).bind(2, recordId).bind(3, at);
    return stmt->run();
}

} // namespace

QString replyStateName(ReplyState state)
{
    switch (state) {
    case ReplyState::Pending:
        return QStringLiteral("pending");
    case ReplyState::Sent:
        return QStringLiteral("sent");
    case ReplyState::Refused:
        return QStringLiteral("refused");
    }
    return QStringLiteral("pending");
}

QString recordStateName(RecordState state)
{
    switch (state) {
    case RecordState::Readable:
        return QStringLiteral("readable");
    case RecordState::Unreadable:
        return QStringLiteral("unreadable");
    case RecordState::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return QString();
}

bool TherapistProfile::exists(const QString &directory)
{
    return storage::profilefolder::exists(directory, careTeamFolderLayout());
}

Result<CreatedTherapistProfile> TherapistProfile::create(const QString &directory,
                                                         const SecretBytes &passphrase,
                                                         const Clock &clock)
{
    auto created =
        storage::profilefolder::create(directory, passphrase, careTeamFolderLayout(), clock);
    if (!created)
        return created.error();
    storage::OpenFolder &folder = created->folder;
    return CreatedTherapistProfile{std::unique_ptr<TherapistProfile>(new TherapistProfile(
                                       directory, std::move(folder.keyFile),
                                       std::move(folder.databaseKey), std::move(folder.db), clock)),
                                   std::move(created->recoveryKey)};
}

Result<std::unique_ptr<TherapistProfile>> TherapistProfile::unlock(const QString &directory,
                                                                   const SecretBytes &passphrase,
                                                                   const Clock &clock)
{
    auto folder = storage::profilefolder::unlock(directory, passphrase, careTeamFolderLayout());
    if (!folder)
        return folder.error();
    return std::unique_ptr<TherapistProfile>(
        new TherapistProfile(directory, std::move(folder->keyFile), std::move(folder->databaseKey),
                             std::move(folder->db), clock));
}

Result<std::unique_ptr<TherapistProfile>>
TherapistProfile::unlockWithRecoveryKey(const QString &directory,
                                        const crypto::RecoveryKey &recoveryKey, const Clock &clock)
{
    auto folder = storage::profilefolder::unlockWithRecoveryKey(directory, recoveryKey,
                                                                careTeamFolderLayout());
    if (!folder)
        return folder.error();
    return std::unique_ptr<TherapistProfile>(
        new TherapistProfile(directory, std::move(folder->keyFile), std::move(folder->databaseKey),
                             std::move(folder->db), clock));
}

void TherapistProfile::remove(const QString &directory)
{
    const storage::FolderLayout &layout = careTeamFolderLayout();
    const QString database = storage::profilefolder::databasePath(directory, layout);
    const QStringList paths{storage::profilefolder::keyFilePath(directory, layout), database,
                            database + QStringLiteral("-wal"), database + QStringLiteral("-shm")};
    for (const QString &path : paths)
        QFile::remove(path);
    QDir().rmdir(directory); // only when nothing else is in it
}

Result<std::unique_ptr<TherapistProfile>> TherapistProfile::secondConnection() const
{
    auto db = storage::Database::openEncrypted(
        storage::profilefolder::databasePath(m_directory, careTeamFolderLayout()), m_databaseKey,
        storage::Database::OpenMode::SecondConnection);
    if (!db)
        return db.error();
    return std::unique_ptr<TherapistProfile>(new TherapistProfile(
        m_directory, m_keyFile, m_databaseKey.clone(), std::move(*db), m_clock));
}

TherapistProfile::TherapistProfile(QString directory, storage::KeyFile keyFile,
                                   SecretBytes databaseKey, storage::Database db,
                                   const Clock &clock)
    : m_directory(std::move(directory))
    , m_keyFile(std::move(keyFile))
    , m_databaseKey(std::move(databaseKey))
    , m_db(std::move(db))
    , m_clock(clock)
{}

TherapistProfile::~TherapistProfile()
{
    m_db.close();
}

Result<bool> TherapistProfile::verifyPassphrase(const SecretBytes &passphrase) const
{
    return storage::profilefolder::passphraseOpens(m_keyFile, m_databaseKey, passphrase);
}

Result<void> TherapistProfile::changePassphrase(const SecretBytes &newPassphrase)
{
    auto updated = storage::profilefolder::changePassphrase(
        m_directory, careTeamFolderLayout(), m_keyFile, m_databaseKey, newPassphrase);
    if (!updated)
        return updated.error();
    m_keyFile = std::move(updated).value();
    return {};
}

Result<std::optional<Account>> TherapistProfile::account()
{
    auto stmt = m_db.prepare("SELECT server_url, therapist_id, display_name, clinic_id, "
                             "clinic_name, clinic_signing_key, fingerprint, enrolled_at, "
                             "last_pull_at, access_ended_at FROM account WHERE id = 1;");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Account>();
    Account account;
    account.serverUrl = stmt->columnText(0);
    account.therapistId = stmt->columnText(1);
    account.displayName = stmt->columnText(2);
    account.clinicId = stmt->columnText(3);
    account.clinicName = stmt->columnText(4);
    account.clinicSigningKey = stmt->columnBlob(5);
    account.fingerprint = stmt->columnText(6);
    account.enrolledAt = fromMs(stmt->columnInt64(7));
    if (const auto at = optionalInt(*stmt, 8))
        account.lastPullAt = fromMs(*at);
    if (const auto at = optionalInt(*stmt, 9))
        account.accessEndedAt = fromMs(*at);
    return std::optional<Account>(std::move(account));
}

Result<void> TherapistProfile::saveEnrolment(const Account &account,
                                             const SecretBytes &signingSecret,
                                             std::uint32_t careTeamEpoch,
                                             const protocol::BoxKeyPair &careTeamKey)
{
    auto tx = storage::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    {
        auto stmt = m_db.prepare(
            "INSERT INTO account (id, server_url, therapist_id, display_name, signing_secret, "
            "clinic_id, clinic_name, clinic_signing_key, fingerprint, enrolled_at) VALUES (1, "
            "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, account.serverUrl)
            .bind(2, account.therapistId)
            .bind(3, account.displayName)
            .bindSecret(4, signingSecret)
            .bind(5, account.clinicId)
            .bind(6, account.clinicName)
            .bindBlob(7, account.clinicSigningKey)
            .bind(8, account.fingerprint)
            .bind(9, account.enrolledAt.toMSecsSinceEpoch());
        COMPANION_TRY(stmt->run());
    }
    auto stored = storeCareTeamKey(careTeamEpoch, careTeamKey);
    if (!stored)
        return stored.error();
    return tx->commit();
}

Result<protocol::SigningKeyPair> TherapistProfile::signingKey()
{
    auto stmt = m_db.prepare("SELECT signing_secret FROM account WHERE id = 1;");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound, QStringLiteral("this console is not enrolled"));
    return protocol::signingKeyPairFromSecret(secretFrom(stmt->columnBytes(0)));
}

Result<CareTeamKeyRing> TherapistProfile::keyRing()
{
    auto stmt = m_db.prepare("SELECT epoch, secret FROM care_team_keys ORDER BY epoch;");
    if (!stmt)
        return stmt.error();
    CareTeamKeyRing ring;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        auto pair = protocol::boxKeyPairFromSecret(secretFrom(stmt->columnBytes(1)));
        if (!pair)
            return makeError(ErrorCode::Damaged,
                             QStringLiteral("a stored care-team key is damaged"));
        ring.add(static_cast<std::uint32_t>(stmt->columnInt64(0)), std::move(pair).value());
    }
    return ring;
}

Result<bool> TherapistProfile::storeCareTeamKey(std::uint32_t epoch,
                                                const protocol::BoxKeyPair &key)
{
    auto stmt = m_db.prepare("INSERT OR IGNORE INTO care_team_keys (epoch, public_key, secret, "
                             "received_at) VALUES (?1, ?2, ?3, ?4);");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, static_cast<std::int64_t>(epoch))
        .bindBlob(2, key.publicKey)
        .bindSecret(3, key.secretKey)
        .bind(4, m_clock.nowUtc().toMSecsSinceEpoch());
    COMPANION_TRY(stmt->run());
    return m_db.changes() > 0;
}

Result<void> TherapistProfile::setLastPull(const QDateTime &at)
{
    auto stmt = m_db.prepare("UPDATE account SET last_pull_at = ?1 WHERE id = 1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, at.toMSecsSinceEpoch());
    return stmt->run();
}

Result<void> TherapistProfile::setAccessEnded(const QDateTime &at)
{
    auto stmt = m_db.prepare("UPDATE account SET access_ended_at = ?1 WHERE id = 1 AND "
                             "access_ended_at IS NULL;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, at.toMSecsSinceEpoch());
    return stmt->run();
}

Result<std::vector<CachedPatient>> TherapistProfile::patients()
{
    auto stmt = m_db.prepare("SELECT vault_id, label, sharing, first_seen_at, last_seen_at FROM "
                             "patients ORDER BY label, vault_id;");
    if (!stmt)
        return stmt.error();
    std::vector<CachedPatient> out;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return out;
        out.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnInt64(2) != 0,
                       stmt->columnInt64(3), stmt->columnInt64(4)});
    }
}

Result<std::optional<CachedPatient>> TherapistProfile::patient(const QString &vaultId)
{
    auto all = patients();
    if (!all)
        return all.error();
    for (CachedPatient &patient : *all) {
        if (patient.vaultId == vaultId)
            return std::optional<CachedPatient>(std::move(patient));
    }
    return std::optional<CachedPatient>();
}

Result<std::vector<CachedRecord>> TherapistProfile::records(const QString &vaultId)
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT %1 FROM shared_records WHERE vault_id = ?1 "
                                            "ORDER BY COALESCE(occurred_at, updated_at, "
                                            "shared_at), record_id;")
                                 .arg(QLatin1String(kRecordColumns))
                                 .toStdString());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, vaultId);
    std::vector<CachedRecord> out;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return out;
        out.push_back(readRecord(*stmt));
    }
}

Result<std::vector<CachedAlert>> TherapistProfile::alerts()
{
    auto stmt = m_db.prepare("SELECT alert_id, vault_id, record_id, version, created_at FROM "
                             "alerts ORDER BY created_at, alert_id;");
    if (!stmt)
        return stmt.error();
    std::vector<CachedAlert> out;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return out;
        out.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnText(2),
                       static_cast<std::uint64_t>(stmt->columnInt64(3)), stmt->columnInt64(4)});
    }
}

Result<void> TherapistProfile::applyPatientPull(const PatientPull &pull)
{
    auto existing = records(pull.patient.vaultId);
    if (!existing)
        return existing.error();
    auto tx = storage::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    {
        // Keep when the patient was first seen.
        std::int64_t firstSeen = pull.patient.firstSeenAt;
        auto known = patient(pull.patient.vaultId);
        if (!known)
            return known.error();
        if (*known)
            firstSeen = (*known)->firstSeenAt;
        auto stmt = m_db.prepare("INSERT OR REPLACE INTO patients (vault_id, label, sharing, "
                                 "first_seen_at, last_seen_at) VALUES (?1, ?2, ?3, ?4, ?5);");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, pull.patient.vaultId)
            .bind(2, pull.patient.label)
            .bind(3, pull.patient.sharing ? 1 : 0)
            .bind(4, firstSeen)
            .bind(5, pull.patient.lastSeenAt);
        COMPANION_TRY(stmt->run());
    }
    for (const CachedRecord &record : pull.changed)
        COMPANION_TRY(writeRecord(m_db, record));
    const QSet<QString> listed(pull.listed.cbegin(), pull.listed.cend());
    for (const CachedRecord &record : *existing) {
        if (record.state != RecordState::Withdrawn && !listed.contains(record.recordId))
            COMPANION_TRY(
                withdrawRecord(m_db, record.vaultId, record.recordId, pull.patient.lastSeenAt));
    }
    return tx->commit();
}

Result<int> TherapistProfile::withdrawPatient(const QString &vaultId, std::int64_t at)
{
    auto existing = records(vaultId);
    if (!existing)
        return existing.error();
    auto tx = storage::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    {
        auto stmt = m_db.prepare("UPDATE patients SET sharing = 0 WHERE vault_id = ?1;");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, vaultId);
        COMPANION_TRY(stmt->run());
    }
    int withdrawn = 0;
    for (const CachedRecord &record : *existing) {
        if (record.state == RecordState::Withdrawn)
            continue;
        COMPANION_TRY(withdrawRecord(m_db, vaultId, record.recordId, at));
        ++withdrawn;
    }
    COMPANION_TRY(tx->commit());
    return withdrawn;
}

Result<void> TherapistProfile::replaceAlerts(const std::vector<CachedAlert> &alerts)
{
    auto tx = storage::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    COMPANION_TRY(m_db.exec("DELETE FROM alerts;"));
    for (const CachedAlert &alert : alerts) {
        auto stmt = m_db.prepare("INSERT OR REPLACE INTO alerts (alert_id, vault_id, record_id, "
                                 "version, created_at) VALUES (?1, ?2, ?3, ?4, ?5);");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, alert.alertId)
            .bind(2, alert.vaultId)
            .bind(3, alert.recordId)
            .bind(4, static_cast<std::int64_t>(alert.version))
            .bind(5, alert.createdAt);
        COMPANION_TRY(stmt->run());
    }
    return tx->commit();
}

Result<void> TherapistProfile::removeAlert(const QString &alertId)
{
    auto stmt = m_db.prepare("DELETE FROM alerts WHERE alert_id = ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, alertId);
    return stmt->run();
}

Result<int> TherapistProfile::markPatientRead(const QString &vaultId, std::int64_t at)
{
    auto stmt = m_db.prepare("UPDATE shared_records SET read_at = ?2 WHERE vault_id = ?1 AND "
                             "state = 'readable' AND read_at IS NULL;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, vaultId).bind(2, at);
    COMPANION_TRY(stmt->run());
    return m_db.changes();
}

Result<void> TherapistProfile::addReply(const CareTeamReply &reply)
{
    auto stmt = m_db.prepare(
        "INSERT OR IGNORE INTO replies (message_id, vault_id, record_id, text, author_name, "
        "created_at, generation, request, state, seq, sent_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, reply.messageId)
        .bind(2, reply.vaultId)
        .bind(3, reply.recordId)
        .bind(4, reply.text)
        .bind(5, reply.authorName)
        .bind(6, reply.createdAt)
        .bind(7, static_cast<std::int64_t>(reply.generation))
        .bindBlob(8, reply.request)
        .bind(9, replyStateName(reply.state));
    bindOptional(*stmt, 10, reply.seq);
    bindOptional(*stmt, 11, reply.sentAt);
    COMPANION_TRY(stmt->run());
    if (m_db.changes() == 0)
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("a reply with this message id is already stored"));
    return {};
}

Result<std::vector<CareTeamReply>> TherapistProfile::replies(const QString &vaultId)
{
    auto stmt = m_db.prepare(
        "SELECT message_id, vault_id, record_id, text, author_name, created_at, generation, "
        "request, state, seq, sent_at FROM replies WHERE ?1 = '' OR vault_id = ?1 "
        "ORDER BY created_at, message_id;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, vaultId.isNull() ? QStringLiteral("") : vaultId);
    std::vector<CareTeamReply> out;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        CareTeamReply reply;
        reply.messageId = stmt->columnText(0);
        reply.vaultId = stmt->columnText(1);
        reply.recordId = stmt->columnText(2);
        reply.text = stmt->columnText(3);
        reply.authorName = stmt->columnText(4);
        reply.createdAt = stmt->columnInt64(5);
        reply.generation = static_cast<std::uint32_t>(stmt->columnInt64(6));
        reply.request = stmt->columnBlob(7);
        const QString state = stmt->columnText(8);
        reply.state = state == QLatin1String("sent")      ? ReplyState::Sent
                      : state == QLatin1String("refused") ? ReplyState::Refused
                                                          : ReplyState::Pending;
        reply.seq = optionalInt(*stmt, 9);
        reply.sentAt = optionalInt(*stmt, 10);
        out.push_back(std::move(reply));
    }
    return out;
}

Result<void> TherapistProfile::setReplyState(const QString &messageId, ReplyState state,
                                             std::optional<std::int64_t> seq, std::int64_t at)
{
    auto stmt = m_db.prepare(
        "UPDATE replies SET state = ?2, seq = ?3, sent_at = ?4 WHERE message_id = ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, messageId).bind(2, replyStateName(state));
    bindOptional(*stmt, 3, seq);
    bindOptional(*stmt, 4,
                 state == ReplyState::Sent ? std::optional<std::int64_t>(at) : std::nullopt);
    return stmt->run();
}

} // namespace companion::careteam
