#include "server/admin.h"

#include "protocol/careteamenrol.h"
#include "protocol/keys.h"
#include "server/secrets.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace companion::server {

namespace {

const QString kAdmin = QStringLiteral("admin");
const QString kCli = QStringLiteral("cli");

QString signingKeyPath(const QString &keysDir)
{
    return clinicSigningKeyPath(keysDir);
}

Result<std::uint32_t> currentEpoch(Database &db)
{
    auto row =
        db.one("read the care-team epoch", QStringLiteral("SELECT MAX(epoch) FROM care_team_keys"));
    if (!row)
        return row.error();
    if (row->value(0).isNull())
        return makeError(ErrorCode::NotFound, QStringLiteral("run `admin init` first"));
    return static_cast<std::uint32_t>(row->value(0).toLongLong());
}

Result<void> grantCareTeamKey(Database &db, const QString &therapistId,
                              const QByteArray &therapistPublicKey, std::uint32_t epoch,
                              const protocol::BoxKeyPair &careTeamKey)
{
    auto boxPublic = protocol::boxPublicKeyFromSigningKey(therapistPublicKey);
    if (!boxPublic)
        return boxPublic.error();
    auto sealed = protocol::sealToPublicKey(*boxPublic, careTeamKey.secretKey);
    if (!sealed)
        return sealed.error();
    COMPANION_TRY(db.exec("grant the care-team key",
                          QStringLiteral("INSERT INTO care_team_grants (therapist_id, epoch, "
                                         "sealed_secret) VALUES (?, ?, ?)"),
                          {therapistId, static_cast<qint64>(epoch), *sealed}));
    return {};
}

Result<protocol::BoxKeyPair> loadCareTeamKey(const QString &keysDir, std::uint32_t epoch)
{
    auto secret = readKeyFile(careTeamKeyPath(keysDir, epoch));
    if (!secret)
        return secret.error();
    return protocol::boxKeyPairFromSecret(std::move(secret).value());
}

Result<void> publishCareTeamKey(Database &db, const QString &clinicId,
                                const protocol::SigningKeyPair &clinicKey, std::uint32_t epoch,
                                const protocol::BoxKeyPair &careTeamKey, std::int64_t nowMs)
{
    const QByteArray signature = protocol::sign(
        clinicKey.secretKey,
        protocol::careTeamKeyStatement(clinicId.toLatin1(), epoch, careTeamKey.publicKey));
    COMPANION_TRY(db.exec("publish the care-team key",
                          QStringLiteral("INSERT INTO care_team_keys (epoch, public_key, "
                                         "signature, created_at) VALUES (?, ?, ?, ?)"),
                          {static_cast<qint64>(epoch), careTeamKey.publicKey, signature,
                           static_cast<qint64>(nowMs)}));
    return {};
}

} // namespace

QString clinicSigningKeyPath(const QString &keysDir)
{
    return QDir(keysDir).filePath(QStringLiteral("clinic-signing.key"));
}

QString careTeamKeyPath(const QString &keysDir, std::uint32_t epoch)
{
    return QDir(keysDir).filePath(QStringLiteral("care-team-%1.key").arg(epoch));
}

Result<void> writeKeyFile(const QString &path, const SecretBytes &secret)
{
    QByteArray encoded = QByteArray::fromRawData(reinterpret_cast<const char *>(secret.data()),
                                                 static_cast<qsizetype>(secret.size()))
                             .toBase64() +
                         '\n';
    const QByteArray nativePath = QFile::encodeName(path);
    // O_EXCL: never overwrite a key; 0600 from the first byte (no chmod window).
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        secureWipe(encoded.data(), static_cast<std::size_t>(encoded.size()));
        return makeError(errno == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::Io,
                         QStringLiteral("cannot create the key file %1").arg(path));
    }
    const bool ok = ::write(fd, encoded.constData(), static_cast<std::size_t>(encoded.size())) ==
                        encoded.size() &&
                    ::fsync(fd) == 0;
    ::close(fd);
    secureWipe(encoded.data(), static_cast<std::size_t>(encoded.size()));
    if (!ok)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the key file %1").arg(path));
    return {};
}

Result<SecretBytes> readKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("cannot read the key file %1").arg(path));
    struct stat info
    {};
    if (::fstat(file.handle(), &info) == 0 && (info.st_mode & 077) != 0)
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("the key file %1 is readable by others; chmod 600 it").arg(path));
    QByteArray encoded = file.read(4096).trimmed();
    auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    secureWipe(encoded.data(), static_cast<std::size_t>(encoded.size()));
    if (!decoded)
        return makeError(ErrorCode::Damaged,
                         QStringLiteral("the key file %1 is damaged").arg(path));
    SecretBytes secret =
        SecretBytes::fromView({reinterpret_cast<const std::uint8_t *>(decoded.decoded.constData()),
                               static_cast<std::size_t>(decoded.decoded.size())});
    secureWipe(decoded.decoded.data(), static_cast<std::size_t>(decoded.decoded.size()));
    return secret;
}

Result<ClinicCreated> initClinic(Database &db, const QString &name, const QString &keysDir,
                                 bool safetyAlerts, std::int64_t nowMs)
{
    if (name.trimmed().isEmpty() || name.size() > 200)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("--name: 1 to 200 characters"));
    auto existing = db.exec("check for a clinic", QStringLiteral("SELECT 1 FROM clinic"));
    if (!existing)
        return existing.error();
    if (existing->next())
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("this database already has a clinic"));

    if (!QDir().mkpath(keysDir) ||
        !QFile::setPermissions(keysDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the keys directory"));
    const protocol::SigningKeyPair clinicKey = protocol::generateSigningKeyPair();
    const protocol::BoxKeyPair careTeamKey = protocol::generateBoxKeyPair();
    const QString clinicId = protocol::idToHex(protocol::randomId());

    Transaction transaction(db);
    COMPANION_TRY(transaction.begin());
    COMPANION_TRY(db.exec("create the clinic",
                          QStringLiteral("INSERT INTO clinic (id, name, signing_public_key, "
                                         "safety_alerts, created_at) VALUES (?, ?, ?, ?, ?)"),
                          {clinicId, name.trimmed(), clinicKey.publicKey, safetyAlerts ? 1 : 0,
                           static_cast<qint64>(nowMs)}));
    COMPANION_TRY(publishCareTeamKey(db, clinicId, clinicKey, 1, careTeamKey, nowMs));
    COMPANION_TRY(
        appendAudit(db, {kAdmin, kCli, QStringLiteral("clinic.init"), QString(), clinicId}, nowMs));
    // Keys first, then commit: a crash in between leaves key files without a clinic (harmless,
    // init refuses to overwrite them and says so) rather than a clinic without keys.
    COMPANION_TRY(writeKeyFile(signingKeyPath(keysDir), clinicKey.secretKey));
    COMPANION_TRY(writeKeyFile(careTeamKeyPath(keysDir, 1), careTeamKey.secretKey));
    COMPANION_TRY(transaction.commit());
    return ClinicCreated{clinicId, protocol::keyFingerprint(clinicKey.publicKey)};
}

Result<EnrolmentCode> issueEnrolmentCode(Database &db, const QString &label, std::int64_t validMs,
                                         std::int64_t nowMs)
{
    if (label.size() > 200)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("--label: at most 200 characters"));
    auto clinic =
        db.one("read the clinic", QStringLiteral("SELECT signing_public_key FROM clinic"));
    if (!clinic) {
        if (clinic.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, QStringLiteral("run `admin init` first"));
        return clinic.error();
    }
    EnrolmentCode out;
    out.code = newEnrolmentCode();
    out.vaultId = protocol::idToHex(protocol::randomId());
    // vaults.label is NOT NULL: without a label the vault still needs one a therapist can tell
    // apart in the patient list, and that says nothing about the person (ADR 0016).
    out.label =
        label.trimmed().isEmpty() ? QStringLiteral("patient ") + out.vaultId.left(8) : label;
    out.expiresAt = nowMs + validMs;
    out.fingerprint = protocol::keyFingerprint(clinic->value(0).toByteArray());
    Transaction transaction(db);
    COMPANION_TRY(transaction.begin());
    COMPANION_TRY(db.exec("create a vault",
                          QStringLiteral("INSERT INTO vaults (id, label, last_seq, created_at) "
                                         "VALUES (?, ?, 0, ?)"),
                          {out.vaultId, out.label, static_cast<qint64>(nowMs)}));
    COMPANION_TRY(db.exec("store an enrolment code",
                          QStringLiteral("INSERT INTO enrolment_codes (code_hash, vault_id, "
                                         "purpose, created_at, expires_at) VALUES (?, ?, "
                                         "'enrol', ?, ?)"),
                          {hashSecret(normaliseCode(out.code).toUtf8()), out.vaultId,
                           static_cast<qint64>(nowMs), static_cast<qint64>(out.expiresAt)}));
    COMPANION_TRY(appendAudit(
        db, {kAdmin, kCli, QStringLiteral("enrolment_code.issue"), out.vaultId, out.vaultId},
        nowMs));
    COMPANION_TRY(transaction.commit());
    return out;
}

Result<EnrolmentCode> issueRecoveryCode(Database &db, const QString &vaultId, std::int64_t validMs,
                                        std::int64_t nowMs)
{
    auto clinic =
        db.one("read the clinic", QStringLiteral("SELECT signing_public_key FROM clinic"));
    if (!clinic) {
        if (clinic.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, QStringLiteral("run `admin init` first"));
        return clinic.error();
    }
    auto vault =
        db.one("find the vault", QStringLiteral("SELECT id FROM vaults WHERE id = ?"), {vaultId});
    if (!vault) {
        if (vault.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, QStringLiteral("no vault with that id"));
        return vault.error();
    }
    EnrolmentCode out;
    out.code = newEnrolmentCode();
    out.vaultId = vaultId;
    out.expiresAt = nowMs + validMs;
    out.fingerprint = protocol::keyFingerprint(clinic->value(0).toByteArray());
    Transaction transaction(db);
    COMPANION_TRY(transaction.begin());
    COMPANION_TRY(db.exec("store a recovery code",
                          QStringLiteral("INSERT INTO enrolment_codes (code_hash, vault_id, "
                                         "purpose, created_at, expires_at) VALUES (?, ?, "
                                         "'join', ?, ?)"),
                          {hashSecret(normaliseCode(out.code).toUtf8()), out.vaultId,
                           static_cast<qint64>(nowMs), static_cast<qint64>(out.expiresAt)}));
    COMPANION_TRY(appendAudit(
        db, {kAdmin, kCli, QStringLiteral("recovery_code.issue"), out.vaultId, out.vaultId},
        nowMs));
    COMPANION_TRY(transaction.commit());
    return out;
}

Result<QString> addTherapist(Database &db, const QString &keysDir, const QString &name,
                             const QByteArray &publicKey, std::int64_t nowMs)
{
    if (name.trimmed().isEmpty() || name.size() > 200)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("--name: 1 to 200 characters"));
    if (publicKey.size() != static_cast<qsizetype>(protocol::kSigningPublicKeySize))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the therapist key must be a 32-byte Ed25519 public key"));
    auto epoch = currentEpoch(db);
    if (!epoch)
        return epoch.error();
    auto careTeamKey = loadCareTeamKey(keysDir, *epoch);
    if (!careTeamKey)
        return careTeamKey.error();
    const QString therapistId = protocol::idToHex(protocol::randomId());
    Transaction transaction(db);
    COMPANION_TRY(transaction.begin());
    COMPANION_TRY(
        db.exec("add a therapist",
                QStringLiteral("INSERT INTO principals (id, role, vault_id, display_name, "
                               "public_key, created_at) VALUES (?, 'therapist', NULL, "
                               "?, ?, ?)"),
                {therapistId, name.trimmed(), publicKey, static_cast<qint64>(nowMs)}));
    COMPANION_TRY(grantCareTeamKey(db, therapistId, publicKey, *epoch, *careTeamKey));
    COMPANION_TRY(appendAudit(
        db, {kAdmin, kCli, QStringLiteral("therapist.add"), QString(), therapistId}, nowMs));
    COMPANION_TRY(transaction.commit());
    return therapistId;
}

Result<TherapistCode> issueTherapistCode(Database &db, const QString &keysDir, const QString &name,
                                         std::int64_t validMs, std::int64_t nowMs)
{
    if (name.trimmed().isEmpty() || name.size() > 200)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("--name: 1 to 200 characters"));
    auto clinic =
        db.one("read the clinic", QStringLiteral("SELECT id, signing_public_key FROM clinic"));
    if (!clinic) {
        if (clinic.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, QStringLiteral("run `admin init` first"));
        return clinic.error();
    }
    const QString clinicId = clinic->value(0).toString();
    TherapistCode out;
    out.fingerprint = protocol::keyFingerprint(clinic->value(1).toByteArray());
    auto epoch = currentEpoch(db);
    if (!epoch)
        return epoch.error();
    out.careTeamEpoch = *epoch;
    auto careTeamKey = loadCareTeamKey(keysDir, *epoch);
    if (!careTeamKey)
        return careTeamKey.error();
    out.code = newEnrolmentCode();
    out.expiresAt = nowMs + validMs;
    auto sealed =
        protocol::sealCareTeamKeyWithCode(out.code, careTeamKey->secretKey, clinicId, *epoch);
    if (!sealed)
        return sealed.error();
    auto proof = protocol::therapistCodeProof(out.code);
    if (!proof)
        return proof.error();
    const QString codeHash = hashSecret(*proof);
    Transaction transaction(db);
    COMPANION_TRY(transaction.begin());
    COMPANION_TRY(db.exec("store a therapist code",
                          QStringLiteral("INSERT INTO therapist_codes (code_hash, display_name, "
                                         "ctk_epoch, sealed_ctk, created_at, expires_at) VALUES "
                                         "(?, ?, ?, ?, ?, ?)"),
                          {codeHash, name.trimmed(), static_cast<qint64>(*epoch), *sealed,
                           static_cast<qint64>(nowMs), static_cast<qint64>(out.expiresAt)}));
    // The subject is the epoch, never the code or its hash.
    COMPANION_TRY(appendAudit(
        db,
        {kAdmin, kCli, QStringLiteral("therapist_code.issue"), QString(), QString::number(*epoch)},
        nowMs));
    COMPANION_TRY(transaction.commit());
    return out;
}

Result<std::uint32_t> removeTherapist(Database &db, const QString &keysDir,
                                      const QString &therapistId, std::int64_t nowMs)
{
    auto signingSecret = readKeyFile(signingKeyPath(keysDir));
    if (!signingSecret)
        return signingSecret.error();
    auto clinicKey = protocol::signingKeyPairFromSecret(std::move(signingSecret).value());
    if (!clinicKey)
        return clinicKey.error();
    auto clinic = db.one("read the clinic", QStringLiteral("SELECT id FROM clinic"));
    if (!clinic)
        return clinic.error();
    const QString clinicId = clinic->value(0).toString();
    auto epoch = currentEpoch(db);
    if (!epoch)
        return epoch.error();
    const std::uint32_t newEpoch = *epoch + 1;
    const protocol::BoxKeyPair newKey = protocol::generateBoxKeyPair();

    Transaction transaction(db);
    COMPANION_TRY(transaction.begin());
    auto revoked = db.exec("remove a therapist",
                           QStringLiteral("UPDATE principals SET revoked_at = ? WHERE id = ? AND "
                                          "role = 'therapist' AND revoked_at IS NULL"),
                           {static_cast<qint64>(nowMs), therapistId});
    if (!revoked)
        return revoked.error();
    if (revoked->numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such active therapist"));
    COMPANION_TRY(db.exec("drop the therapist's tokens",
                          QStringLiteral("DELETE FROM access_tokens WHERE principal_id = ?"),
                          {therapistId}));
    COMPANION_TRY(db.exec("drop the therapist's key grants",
                          QStringLiteral("DELETE FROM care_team_grants WHERE therapist_id = ?"),
                          {therapistId}));
    COMPANION_TRY(publishCareTeamKey(db, clinicId, *clinicKey, newEpoch, newKey, nowMs));
    // Unused therapist codes carry the old epoch's key, which patients stop sealing to: a
    // rotation voids them (ADR 0013) rather than enrol someone into a key nobody uses.
    COMPANION_TRY(db.exec("void unused therapist codes",
                          QStringLiteral("DELETE FROM therapist_codes WHERE redeemed_at IS NULL")));
    auto remaining = db.exec("list therapists",
                             QStringLiteral("SELECT id, public_key FROM principals WHERE role = "
                                            "'therapist' AND revoked_at IS NULL"));
    if (!remaining)
        return remaining.error();
    std::vector<std::pair<QString, QByteArray>> therapists;
    while (remaining->next())
        therapists.emplace_back(remaining->value(0).toString(), remaining->value(1).toByteArray());
    for (const auto &[id, publicKey] : therapists)
        COMPANION_TRY(grantCareTeamKey(db, id, publicKey, newEpoch, newKey));
    COMPANION_TRY(appendAudit(
        db, {kAdmin, kCli, QStringLiteral("therapist.remove"), QString(), therapistId}, nowMs));
    COMPANION_TRY(appendAudit(
        db,
        {kAdmin, kCli, QStringLiteral("care_team.rotate"), QString(), QString::number(newEpoch)},
        nowMs));
    COMPANION_TRY(writeKeyFile(careTeamKeyPath(keysDir, newEpoch), newKey.secretKey));
    COMPANION_TRY(transaction.commit());
    return newEpoch;
}

Result<void> revokeDeviceByAdmin(Database &db, const QString &deviceId, std::int64_t nowMs)
{
    Transaction transaction(db);
    COMPANION_TRY(transaction.begin());
    auto vault = db.one("find the device",
                        QStringLiteral("SELECT vault_id FROM principals WHERE id = ? AND role = "
                                       "'device' AND revoked_at IS NULL"),
                        {deviceId});
    if (!vault) {
        if (vault.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, QStringLiteral("no such active device"));
        return vault.error();
    }
    const QString vaultId = vault->value(0).toString();
    COMPANION_TRY(db.exec("revoke a device",
                          QStringLiteral("UPDATE principals SET revoked_at = ? WHERE id = ?"),
                          {static_cast<qint64>(nowMs), deviceId}));
    COMPANION_TRY(db.exec("drop the device's tokens",
                          QStringLiteral("DELETE FROM access_tokens WHERE principal_id = ?"),
                          {deviceId}));
    COMPANION_TRY(
        appendAudit(db, {kAdmin, kCli, QStringLiteral("device.revoke"), vaultId, deviceId}, nowMs));
    COMPANION_TRY(transaction.commit());
    return {};
}

Result<void> setSafetyAlerts(Database &db, bool on, std::int64_t nowMs)
{
    Transaction transaction(db);
    COMPANION_TRY(transaction.begin());
    auto updated = db.exec("set safety alerts",
                           QStringLiteral("UPDATE clinic SET safety_alerts = ?"), {on ? 1 : 0});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("run `admin init` first"));
    COMPANION_TRY(
        appendAudit(db,
                    {kAdmin, kCli,
                     on ? QStringLiteral("safety_alerts.on") : QStringLiteral("safety_alerts.off"),
                     QString(), QString()},
                    nowMs));
    COMPANION_TRY(transaction.commit());
    return {};
}

} // namespace companion::server
