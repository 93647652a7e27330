#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "server/auditlog.h"
#include "server/database.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace companion::server {

// What `companion-server admin …` does, on an open, migrated database. Each action runs in one
// transaction together with its audit row (actor "admin"). Private keys live only in the keys
// directory (0700, files 0600), never in the database.

struct ClinicCreated
{
    QString clinicId;
    QString fingerprint;
};
Result<ClinicCreated> initClinic(Database &db, const QString &name, const QString &keysDir,
                                 bool safetyAlerts, std::int64_t nowMs);

struct EnrolmentCode
{
    QString code; // shown once; only its hash is stored
    QString vaultId;
    QString label; // as stored: the one given, or "patient <first 8 digits of the vault id>"
    std::int64_t expiresAt = 0;
    QString fingerprint;
};
// A new vault and its one-time code. `label` is optional (the care team's patient list shows
// it); empty or blank gives "patient <first 8 hex digits of the vault id>" (ADR 0016).
Result<EnrolmentCode> issueEnrolmentCode(Database &db, const QString &label, std::int64_t validMs,
                                         std::int64_t nowMs);

// For a patient who lost every device: a one-time code that joins a new device to the existing
// vault (purpose "join", like a device's join code). The new device opens the vault key with the
// vault recovery key shown at enrolment (or the passphrase of a device that sealed it).
Result<EnrolmentCode> issueRecoveryCode(Database &db, const QString &vaultId, std::int64_t validMs,
                                        std::int64_t nowMs);

// Registers a therapist by their Ed25519 public key and seals the current care-team key to it.
Result<QString> addTherapist(Database &db, const QString &keysDir, const QString &name,
                             const QByteArray &publicKey, std::int64_t nowMs);
// Enrolment by code (ADR 0013): a one-time code for a therapist who makes their own key pair in
// the care-team console. The current care-team key secret is sealed under a key only the code
// yields (protocol/careteamenrol.h) and stored with the hash of the code's lookup proof, so the
// server can neither open it nor enrol with what it stores. A rotation before the code is used
// voids it (removeTherapist deletes unused codes).
struct TherapistCode
{
    QString code; // shown once
    std::int64_t expiresAt = 0;
    QString fingerprint; // the clinic key's, to give with the code
    std::uint32_t careTeamEpoch = 0;
};
Result<TherapistCode> issueTherapistCode(Database &db, const QString &keysDir, const QString &name,
                                         std::int64_t validMs, std::int64_t nowMs);

// Ends access at once (revoked, tokens dropped) and rotates the care-team key: a new epoch,
// signed by the clinic key and sealed to the remaining therapists only.
Result<std::uint32_t> removeTherapist(Database &db, const QString &keysDir,
                                      const QString &therapistId, std::int64_t nowMs);
Result<void> revokeDeviceByAdmin(Database &db, const QString &deviceId, std::int64_t nowMs);
Result<void> setSafetyAlerts(Database &db, bool on, std::int64_t nowMs);

// Where the keys directory keeps the clinic signing key (OrgSig) and each care-team key.
QString clinicSigningKeyPath(const QString &keysDir);
QString careTeamKeyPath(const QString &keysDir, std::uint32_t epoch);

// Key files: base64 of the secret and a newline, mode 0600, created exclusively.
Result<void> writeKeyFile(const QString &path, const SecretBytes &secret);
Result<SecretBytes> readKeyFile(const QString &path);

} // namespace companion::server
