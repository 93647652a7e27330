#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <cstdint>

namespace companion::protocol {

// The record envelope: how one version of one record travels and rests on the clinic server.
// Binary, versioned, big-endian:
//
//   magic "CMP1" | format u8 | suite u8 | vault_id[16] | record_id[16] | record_kind u16 |
//   schema u16 | version u64 | prev_hash[32] | key_epoch u32 | author_device[16] | nonce[24] |
//   ciphertext + 16-byte tag
//
// The whole 126-byte header is the AEAD associated data, so changing any field — even one the
// server routes by — makes the envelope fail to open. The plaintext is padded to 256-byte blocks
// (sodium_pad) so sizes do not reveal how long an entry is. Specified in docs/sync-protocol.md.

using Id16 = std::array<std::uint8_t, 16>;
using Hash32 = std::array<std::uint8_t, 32>;

// Coarse kinds only: the precise kind is inside the ciphertext.
enum class RecordKind : std::uint16_t {
    Diary = 1,
    Instrument = 2,
    Note = 3,
    Checklist = 4,
    Appointment = 5,
    Settings = 6,
    Safety = 7,
};

struct EnvelopeHeader
{
    static constexpr std::uint8_t kFormat = 1;
    // Suite 1: XChaCha20-Poly1305-IETF, 24-byte random nonce, BLAKE2b-256 hashes.
    static constexpr std::uint8_t kSuiteXChaCha20Poly1305 = 1;

    std::uint8_t format = kFormat;
    std::uint8_t suite = kSuiteXChaCha20Poly1305;
    Id16 vaultId{};
    Id16 recordId{};
    RecordKind recordKind = RecordKind::Diary;
    std::uint16_t schema = 1;
    std::uint64_t version = 1; // 1 for a new record, +1 per change
    Hash32 previousHash{};     // envelopeHash() of version - 1; all zero for version 1
    std::uint32_t keyEpoch = 0;
    Id16 authorDevice{};
    std::array<std::uint8_t, 24> nonce{};

    friend bool operator==(const EnvelopeHeader &, const EnvelopeHeader &) = default;
};

inline constexpr std::size_t kHeaderSize = 126;
inline constexpr std::size_t kTagSize = 16;
inline constexpr std::size_t kPaddingBlock = 256;
// One record's plaintext may not exceed 256 KiB; the envelope cap follows. Checked before any
// allocation so a hostile size costs nothing.
inline constexpr std::size_t kMaxPlaintextSize = 256 * 1024;
inline constexpr std::size_t kMaxEnvelopeSize = kHeaderSize + kMaxPlaintextSize + kTagSize;

struct OpenedEnvelope
{
    EnvelopeHeader header;
    QByteArray plaintext; // the record body exactly as sealed (padding removed)
};

// Seals `plaintext` under the 32-byte data key. The header's nonce is replaced by a fresh random
// one. Errors: InvalidInput (plaintext too large, unknown kind), Internal (wrong key size).
Result<QByteArray> sealEnvelope(EnvelopeHeader header, QByteArrayView plaintext,
                                const SecretBytes &dataKey);

// Reads the header without decrypting (what the server does to route and check versions).
// Damaged for anything malformed; Unsupported for an unknown format or suite.
Result<EnvelopeHeader> parseEnvelopeHeader(QByteArrayView envelope);

// Opens an envelope: header checks, AEAD with the header as associated data, unpadding. Every
// failure is an error and never partial plaintext: Damaged (malformed, altered, wrong key),
// Unsupported (format/suite).
Result<OpenedEnvelope> openEnvelope(QByteArrayView envelope, const SecretBytes &dataKey);

// BLAKE2b-256 of the whole envelope: the next version's previousHash.
Hash32 envelopeHash(QByteArrayView envelope);

} // namespace companion::protocol
