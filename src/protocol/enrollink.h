#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "protocol/envelope.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>

namespace companion::protocol {

// What a QR code (or a pasted link) carries to a new device (docs/sync-protocol.md "Enrolment
// links", ADR 0018). Two versioned URIs:
//
//   companion:enrol?v=1&s=<server URL, percent-encoded>&c=<code>&f=<clinic key fingerprint>
//   companion:join?v=1&s=…&c=<join code>&f=…&k=<link secret, base64url without padding>
//
// `enrol` is what `admin enrol-patient --qr` prints: the clinic's one-time code, so the patient
// types nothing and the fingerprint is pinned before the code is spent. `join` is what an
// enrolled device shows under "Add another device": a short-lived join code plus a 32-byte link
// secret L that never reaches the server; the first device stored the vault key wrapped under a
// key derived from L in a `device-…` key slot, so the new device opens the vault without the
// passphrase.
//
// The parser is strict: a size cap before any work, the scheme and kind, version 1 only, every
// parameter exactly once, no unknown parameters, each value checked (http/https URL with a host
// and no credentials, a 20-symbol code, a fingerprint of 8 groups of 4 hex digits, a 32-byte
// secret). The errors say which part is wrong and never echo the value.

inline constexpr qsizetype kMaxLinkLength = 1024;
inline constexpr qsizetype kMaxLinkServerUrlLength = 512;
inline constexpr int kLinkVersion = 1;
inline constexpr std::size_t kLinkSecretSize = 32;

enum class LinkKind { Enrol, Join };

struct EnrolmentLink
{
    LinkKind kind = LinkKind::Enrol;
    QString serverUrl;
    QString code;           // as written (dashes kept); the server forgives case and confusions
    QString fingerprint;    // lower-case "xxxx-xxxx-…"
    SecretBytes linkSecret; // Join only: L, 32 bytes
};

// The URI as UTF-8 bytes in wiped memory (a join link holds L). Fails on a value the parser
// would refuse, so nothing unreadable is ever rendered.
Result<SecretBytes> formatEnrolmentLink(const EnrolmentLink &link);
// Errors: InvalidInput (not a Companion link, malformed or oversized), Unsupported (a newer
// version of the format).
Result<EnrolmentLink> parseEnrolmentLink(QByteArrayView uri);

// A fresh link secret L.
SecretBytes generateLinkSecret();
// The key slot the first device fills for this L: "device-" and 16 hex digits of a subkey of L
// (crypto_kdf, context "CMPlink1", id 2), so the new device finds it without the QR naming it and
// the server learns nothing about L.
QString deviceLinkSlot(const SecretBytes &linkSecret);
inline constexpr const char *kDeviceLinkSlotPrefix = "device-";
bool isDeviceLinkSlot(const QString &slot);
// The VRK wrapped (slot 3, "device") by crypto_kdf(L, id 1, "CMPlink1").
Result<QByteArray> wrapVaultKeyForLink(const SecretBytes &linkSecret,
                                       const SecretBytes &vaultRootKey, const Id16 &vaultId,
                                       std::uint32_t epoch);
Result<SecretBytes> openVaultKeyWithLink(const SecretBytes &linkSecret, QByteArrayView wrapped,
                                         const Id16 &vaultId, std::uint32_t epoch);

} // namespace companion::protocol
