#pragma once

#include "common/result.h"
#include "server/database.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace companion::server {

// The append-only, hash-chained audit log. Row n stores
//   hash_n = BLAKE2b-256(prev_hash_n || canonical(row n)),  prev_hash_n = hash_{n-1}
// with canonical(row) the compact JSON array [seq, at, actor_role, actor_id, action, vault_id,
// subject]. audit_head holds the last seq and hash. verifyAuditLog() recomputes the chain: an
// edited row breaks its own hash, a deleted row breaks the seq run and the next prev_hash, a
// truncated tail disagrees with the head. (Someone who rewrites the head *and* the tail can only
// be caught against a head hash kept elsewhere: `admin audit` prints it for that.)
struct AuditEvent
{
    QString actorRole; // "device", "therapist", "admin", "system"
    QString actorId;   // principal id, or "cli" for the admin CLI
    QString action;    // e.g. "record.read", "device.revoke"
    QString vaultId;   // the patient vault concerned, or empty
    QString subject;   // what was acted on (record id:version, device id, …) — ids only
};

struct AuditEntry
{
    std::int64_t seq = 0;
    std::int64_t at = 0;
    QString actorRole, actorId, action, vaultId, subject, prevHash, hash;
};

// Appends inside the caller's open transaction, so the event and the action commit together.
Result<void> appendAudit(Database &db, const AuditEvent &event, std::int64_t nowMs);

QString auditRowHash(const QString &prevHash, const AuditEntry &entry);

struct AuditVerification
{
    bool intact = true;
    std::int64_t rows = 0;
    std::int64_t firstBadSeq = 0; // 0 when intact
    QString problem;              // what broke, for the admin
    QString headHash;
};
Result<AuditVerification> verifyAuditLog(Database &db);

// Rows in seq order after `afterSeq`; only one vault's when vaultId is not empty.
Result<std::vector<AuditEntry>> readAuditLog(Database &db, const QString &vaultId,
                                             std::int64_t afterSeq, int limit);

} // namespace companion::server
