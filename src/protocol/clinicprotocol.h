#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace companion::protocol {

// The clinic protocol as the clinic publishes it (docs/sync-protocol.md, "Clinic protocol"):
// clinic-wide, not patient data, so it travels signed but not encrypted.
//
//   document  = compact JSON {"version": n, "issued_at": ms, "protocol": {…the protocol…}}
//   signature = Ed25519(clinic signing key, "companion-protocol-v1" | document)
//
// The app verifies the signature against the clinic key it pinned at enrolment, refuses a
// version lower than the one it holds, and parses the protocol with domain::parseProtocol. The
// server cannot change a word of it, and cannot hand out an older one unnoticed.

// The protocol object itself: as domain::kMaxProtocolFileBytes (the sync library, which sees
// both, holds them equal).
inline constexpr qsizetype kMaxClinicProtocolJson = 256 * 1024;
inline constexpr qsizetype kMaxClinicProtocolDocument = kMaxClinicProtocolJson + 1024;

struct ClinicProtocolDocument
{
    std::int64_t version = 0;  // 1, 2, 3, … per clinic
    std::int64_t issuedAt = 0; // UTC ms
    QByteArray protocolJson;   // the protocol object, compact JSON

    QByteArray encode() const;
    // Strict: exactly the three keys, a version ≥ 1, the protocol an object. InvalidInput.
    static Result<ClinicProtocolDocument> decode(QByteArrayView bytes);
};

// What a server can check without the app's protocol parser: one JSON object within the size
// cap. Returns it as compact JSON. InvalidInput otherwise.
Result<QByteArray> compactClinicProtocolJson(QByteArrayView json);

// The signed message: the domain label, then the document bytes.
QByteArray clinicProtocolSigningMessage(QByteArrayView document);

// GET /v1/clinic/protocol: {"version": n, "document": B64, "signature": B64(64)}.
struct PublishedProtocol
{
    std::int64_t version = 0;
    QByteArray document;
    QByteArray signature;

    QByteArray toJson() const;
    static Result<PublishedProtocol> fromJson(QByteArrayView body);

    // Checks the signature under `clinicSigningKey`, decodes the document and checks that its
    // version is the one announced. Damaged when any of that fails.
    Result<ClinicProtocolDocument> verify(QByteArrayView clinicSigningKey) const;
};

// Signs a protocol (already compact JSON) as version `version`.
Result<PublishedProtocol> signClinicProtocol(const SecretBytes &clinicSigningKey,
                                             std::int64_t version, std::int64_t issuedAt,
                                             QByteArrayView protocolJson);

} // namespace companion::protocol
