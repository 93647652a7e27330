#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "protocol/api.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>

namespace companion::protocol {

// Therapist enrolment by code (docs/sync-protocol.md, "Therapist enrolment"; ADR 0013).
//
// `admin add-therapist` without a public key issues a one-time code (20 Crockford base32
// symbols, 100 bits, like a patient's) and seals the current care-team key (CTK) secret under a
// key derived from it. Two keys come from the code, each under its own label, so knowing one
// says nothing about the other:
//
//   seal key  = BLAKE2b-256(key = normalised code, "companion-therapist-code-seal-v1")
//   proof     = BLAKE2b-256(key = normalised code, "companion-therapist-code-lookup-v1")
//
// The console sends only the proof; the server stores BLAKE2b-256(proof) to find the code. So
// neither the database nor the running server ever holds what opens the sealed CTK: the code
// itself never leaves the therapist's machine.

inline constexpr qsizetype kEnrolmentCodeSymbols = 20;
inline constexpr qsizetype kCodeProofSize = 32;

// Upper case, without spaces and dashes, with the look-alikes a person confuses mapped onto the
// Crockford alphabet (O→0, I/L→1). The same rule as the server's for patient codes.
QString normaliseEnrolmentCode(const QString &code);
// True when `code` normalises to 20 Crockford base32 symbols.
bool isWellFormedEnrolmentCode(const QString &code);

// InvalidInput for a code that is not well formed.
Result<QByteArray> therapistCodeProof(const QString &code);

// The CTK secret of `epoch` sealed under the code's seal key: version 0x01 | nonce[24] |
// XChaCha20-Poly1305(secret) with associated data "companion-ctk-code-v1" | len16 | clinic_id |
// epoch u32, so a blob cannot be replayed for another clinic or epoch. 73 bytes.
inline constexpr qsizetype kCodeSealedKeySize = 1 + 24 + 32 + 16;
Result<QByteArray> sealCareTeamKeyWithCode(const QString &code, const SecretBytes &careTeamSecret,
                                           const QString &clinicId, std::uint32_t epoch);
// WrongPassphrase when the code, clinic or epoch does not match or the blob was altered;
// Damaged for a blob of the wrong shape.
Result<SecretBytes> openCareTeamKeyWithCode(const QString &code, QByteArrayView sealed,
                                            const QString &clinicId, std::uint32_t epoch);

// POST /v1/careteam/enrol
struct CareTeamEnrolRequest
{
    QByteArray codeProof; // therapistCodeProof(code), 32 bytes
    QByteArray publicKey; // the therapist's Ed25519 login key, 32 bytes

    QByteArray toJson() const;
    static Result<CareTeamEnrolRequest> fromJson(QByteArrayView body);
};

struct CareTeamEnrolResponse
{
    QString therapistId;
    QString name; // the display name the admin gave; patients see it in their access log
    std::uint32_t careTeamEpoch = 0;
    QByteArray careTeamKeySealedByCode; // sealCareTeamKeyWithCode output
    ClinicInfo clinic;

    QByteArray toJson() const;
    static Result<CareTeamEnrolResponse> fromJson(QByteArrayView body);
};

} // namespace companion::protocol
