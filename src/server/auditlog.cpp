#include "server/auditlog.h"

#include "crypto/sodium.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sodium.h>

#include <optional>

namespace companion::server {

namespace {

AuditEntry entryFrom(const QSqlQuery &query)
{
    AuditEntry entry;
    entry.seq = query.value(0).toLongLong();
    entry.at = query.value(1).toLongLong();
    entry.actorRole = query.value(2).toString();
    entry.actorId = query.value(3).toString();
    entry.action = query.value(4).toString();
    entry.vaultId = query.value(5).toString();
    entry.subject = query.value(6).toString();
    entry.prevHash = query.value(7).toString();
    entry.hash = query.value(8).toString();
    return entry;
}

const QString kColumns =
    QStringLiteral("seq, at, actor_role, actor_id, action, vault_id, subject, prev_hash, hash");

} // namespace

QString auditRowHash(const QString &prevHash, const AuditEntry &entry)
{
    (void)crypto::initialize();
    const QJsonArray canonical{static_cast<qint64>(entry.seq),
                               static_cast<qint64>(entry.at),
                               entry.actorRole,
                               entry.actorId,
                               entry.action,
                               entry.vaultId,
                               entry.subject};
    QByteArray input = QByteArray::fromHex(prevHash.toLatin1());
    input += QJsonDocument(canonical).toJson(QJsonDocument::Compact);
    unsigned char hash[32];
    crypto_generichash(hash, sizeof(hash), reinterpret_cast<const unsigned char *>(input.data()),
                       static_cast<unsigned long long>(input.size()), nullptr, 0);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(hash), 32).toHex());
}

Result<void> appendAudit(Database &db, const AuditEvent &event, std::int64_t nowMs)
{
    // Lock the head row first: appends from several server instances queue here, so the chain
    // never forks.
    // Prepared once per connection (Database::execPrepared): every write request appends here.
    COMPANION_TRY(db.execPrepared(
        "lock the audit head", QStringLiteral("UPDATE audit_head SET seq = seq WHERE id = 1"), {}));
    std::optional<std::pair<qint64, QString>> head;
    COMPANION_TRY(db.execPrepared(
        "read the audit head", QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"), {},
        [&head](QSqlQuery &row) {
            if (row.next())
                head.emplace(row.value(0).toLongLong(), row.value(1).toString());
        }));
    if (!head)
        return makeError(ErrorCode::NotFound, QStringLiteral("read the audit head: no row"));
    AuditEntry entry;
    entry.seq = head->first + 1;
    entry.at = nowMs;
    entry.actorRole = event.actorRole;
    entry.actorId = event.actorId;
    entry.action = event.action;
    // Empty, never NULL: the columns are NOT NULL and the canonical form has no null.
    entry.vaultId = event.vaultId.isNull() ? QStringLiteral("") : event.vaultId;
    entry.subject = event.subject.isNull() ? QStringLiteral("") : event.subject;
    entry.prevHash = head->second;
    entry.hash = auditRowHash(entry.prevHash, entry);
    COMPANION_TRY(db.execPrepared("append to the audit log",
                                  QStringLiteral("INSERT INTO audit_log (") + kColumns +
                                      QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                  {static_cast<qint64>(entry.seq), static_cast<qint64>(entry.at),
                                   entry.actorRole, entry.actorId, entry.action, entry.vaultId,
                                   entry.subject, entry.prevHash, entry.hash}));
    COMPANION_TRY(
        db.execPrepared("advance the audit head",
                        QStringLiteral("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"),
                        {static_cast<qint64>(entry.seq), entry.hash}));
    return {};
}

Result<AuditVerification> verifyAuditLog(Database &db)
{
    AuditVerification report;
    auto head = db.one("read the audit head",
                       QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"));
    if (!head)
        return head.error();
    const std::int64_t headSeq = head->value(0).toLongLong();
    report.headHash = head->value(1).toString();

    auto rows = db.exec("read the audit log", QStringLiteral("SELECT ") + kColumns +
                                                  QStringLiteral(" FROM audit_log ORDER BY seq"));
    if (!rows)
        return rows.error();
    QString expectedPrev = QString(64, QLatin1Char('0'));
    std::int64_t expectedSeq = 1;
    auto fail = [&](std::int64_t seq, const QString &problem) {
        if (report.intact) {
            report.intact = false;
            report.firstBadSeq = seq;
            report.problem = problem;
        }
    };
    while (rows->next()) {
        const AuditEntry entry = entryFrom(*rows);
        ++report.rows;
        if (entry.seq != expectedSeq)
            fail(expectedSeq, QStringLiteral("row %1 is missing").arg(expectedSeq));
        if (entry.prevHash != expectedPrev)
            fail(entry.seq,
                 QStringLiteral("row %1 does not follow the row before it").arg(entry.seq));
        if (auditRowHash(entry.prevHash, entry) != entry.hash)
            fail(entry.seq, QStringLiteral("row %1 was altered").arg(entry.seq));
        expectedPrev = entry.hash;
        expectedSeq = entry.seq + 1;
    }
    if (expectedSeq - 1 != headSeq || expectedPrev != report.headHash)
        fail(expectedSeq, QStringLiteral("the log ends before its recorded head (rows removed)"));
    return report;
}

Result<std::vector<AuditEntry>> readAuditLog(Database &db, const QString &vaultId,
                                             std::int64_t afterSeq, int limit)
{
    const bool oneVault = !vaultId.isEmpty();
    auto rows = db.exec("read the audit log",
                        QStringLiteral("SELECT ") + kColumns +
                            QStringLiteral(" FROM audit_log WHERE seq > ?") +
                            (oneVault ? QStringLiteral(" AND vault_id = ?") : QString()) +
                            QStringLiteral(" ORDER BY seq LIMIT ?"),
                        oneVault ? QVariantList{static_cast<qint64>(afterSeq), vaultId, limit}
                                 : QVariantList{static_cast<qint64>(afterSeq), limit});
    if (!rows)
        return rows.error();
    std::vector<AuditEntry> entries;
    while (rows->next())
        entries.push_back(entryFrom(*rows));
    return entries;
}

} // namespace companion::server
