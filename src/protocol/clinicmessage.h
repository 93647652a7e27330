#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace companion::protocol {

// Messages from the clinic to one patient (docs/sync-protocol.md, "Clinic messages"):
// appointments the clinic books or cancels and short replies from therapists to an entry the
// patient shared. The server stores them per vault and cannot read them.
//
// A message is compact JSON (below), signed by its author's Ed25519 key, padded and sealed with
// the patient's shared-collection key (SCK) of some generation g:
//
//   inner     = json_len u32 | json | Ed25519 signature[64]
//   signature = Ed25519(author key, "companion-clinic-message-v1" | vault_id[16] |
//                       message_id[16] | author u8 | author_id[16] | json)
//   blob      = "CMS1" | g u32 | nonce[24] | XChaCha20-Poly1305(SCK_g, sodium_pad(inner, 256), AD)
//   AD        = "CMS1" | vault_id[16] | message_id[16] | g u32 | author u8
//
// All integers big-endian. Only holders of the SCK (the patient's devices and the care team,
// who open it with the care-team key) can seal or open; the signature says which of them wrote
// it (the clinic key the app pinned at enrolment, or a therapist's key).
//
// JSON: {"type": "appointment" | "appointment.cancel" | "reply", "message_id": hex32,
//        "vault_id": hex32, "created_at": ms, "body": {...}} where the body is
//   appointment         {"appointment_id": hex32, "starts_at": ms, "duration_minutes": n,
//                        "location": string}
//   appointment.cancel  {"appointment_id": hex32}
//   reply               {"in_reply_to": record id hex32, "text": string, "author_name": string}

enum class MessageAuthor : std::uint8_t { Clinic = 1, Therapist = 2 };
QString messageAuthorName(MessageAuthor author); // "clinic" or "therapist"
std::optional<MessageAuthor> messageAuthorFromName(QStringView name);

inline constexpr qsizetype kMaxReplyText = 2000;             // characters (UTF-16 code units)
inline constexpr qsizetype kMaxMessageAuthorName = 200;      // characters
inline constexpr qsizetype kMaxMessageLocation = 200;        // characters, as the app's own field
inline constexpr int kMinMessageAppointmentMinutes = 10;     // as domain::kMinAppointmentMinutes
inline constexpr int kMaxMessageAppointmentMinutes = 720;    // as domain::kMaxAppointmentMinutes
inline constexpr qsizetype kMaxClinicMessageJson = 7 * 1024; // bytes of the JSON
inline constexpr std::size_t kClinicMessagePadding = 256;
inline constexpr std::size_t kClinicMessageHeaderSize = 4 + 4 + 24;
// The largest blob a writer can produce (and so the most a reader accepts): the JSON cap, its
// length and signature, padded, plus header and tag. About 7.3 KiB: base64 in a request body
// stays under the 16 KiB cap of the route.
inline constexpr std::size_t kMaxSealedClinicMessage =
    kClinicMessageHeaderSize +
    ((4 + kMaxClinicMessageJson + 64) / kClinicMessagePadding + 1) * kClinicMessagePadding + 16;

// An appointment as the clinic booked it. `appointmentId` is the clinic's id for it: a later
// "appointment" message with the same id moves it, "appointment.cancel" cancels it.
struct AppointmentMessage
{
    QString appointmentId;     // 32 lower-case hex digits
    std::int64_t startsAt = 0; // UTC ms
    int durationMinutes = 60;
    QString location; // plain text, may be empty
    friend bool operator==(const AppointmentMessage &, const AppointmentMessage &) = default;
};

struct AppointmentCancelMessage
{
    QString appointmentId;
    friend bool operator==(const AppointmentCancelMessage &,
                           const AppointmentCancelMessage &) = default;
};

// A therapist's short answer to one entry the patient shared.
struct ReplyMessage
{
    QString inReplyTo; // the entry's record id as 32 hex digits (the envelope's record id)
    QString text;      // plain text, 1–2000 characters
    QString authorName;
    friend bool operator==(const ReplyMessage &, const ReplyMessage &) = default;
};

using ClinicMessageBody = std::variant<AppointmentMessage, AppointmentCancelMessage, ReplyMessage>;

struct ClinicMessage
{
    QString messageId; // 32 hex digits, random (newMessageId()); also the server's message_id
    QString vaultId;   // the patient's vault
    std::int64_t createdAt = 0; // UTC ms
    ClinicMessageBody body;

    QString typeName() const; // "appointment", "appointment.cancel" or "reply"
    // Compact JSON; validate() first (sealClinicMessage does).
    QByteArray toJson() const;
    // Strict: unknown keys, wrong types, out-of-range values are InvalidInput naming the field.
    static Result<ClinicMessage> fromJson(QByteArrayView json);
    friend bool operator==(const ClinicMessage &, const ClinicMessage &) = default;
};

// InvalidInput naming the field (never its value).
Result<void> validate(const ClinicMessage &message);
QString newMessageId(); // 16 random bytes as hex

// Seals `message` for the patient: signed by the author (`signingSecretKey`, 64-byte Ed25519;
// the clinic key for Clinic, the therapist's own key for Therapist; `authorId` the clinic id or
// the therapist id), sealed under SCK generation `generation`. InvalidInput for a message that
// does not validate or is too large; Internal for keys of the wrong size.
Result<QByteArray> sealClinicMessage(const ClinicMessage &message, MessageAuthor author,
                                     const QString &authorId, const SecretBytes &signingSecretKey,
                                     const SecretBytes &sharedCollectionKey,
                                     std::uint32_t generation);

// The SCK generation a blob was sealed under (read from its header; sizes checked first, so a
// hostile blob costs nothing). Damaged for anything malformed.
Result<std::uint32_t> clinicMessageGeneration(QByteArrayView sealed);

// What the server says about a message; opening checks it against what was sealed and signed.
struct ClinicMessageContext
{
    QString vaultId;
    QString messageId;
    MessageAuthor author = MessageAuthor::Clinic;
    QString authorId;
};

// Opens a blob with the SCK of its generation and verifies the author's signature with
// `authorPublicKey` (the pinned clinic key for Clinic). Every failure is Damaged and returns no
// part of the plaintext: malformed, altered, another key, a signature that does not verify, ids
// inside that differ from `context`, or a message that does not validate.
Result<ClinicMessage> openClinicMessage(QByteArrayView sealed, const ClinicMessageContext &context,
                                        const SecretBytes &sharedCollectionKey,
                                        QByteArrayView authorPublicKey);

// --- the routes (docs/sync-protocol.md) ---

inline constexpr qsizetype kMaxMessagesPage = 500;

// POST /v1/careteam/vaults/{vault_id}/messages
struct PostMessageRequest
{
    QString messageId;
    QByteArray sealed;

    QByteArray toJson() const;
    static Result<PostMessageRequest> fromJson(QByteArrayView body);
};

// One item of GET /v1/vault/messages.
struct VaultMessage
{
    std::int64_t seq = 0;
    QString messageId;
    MessageAuthor author = MessageAuthor::Clinic;
    QString authorId;
    QString authorName;         // the clinic's or the therapist's name as the server has it
    QByteArray authorPublicKey; // the Ed25519 key the server holds for author_id
    QByteArray sealed;
    std::int64_t createdAt = 0; // when the server stored it
};

struct VaultMessagesPage
{
    std::vector<VaultMessage> messages;
    std::int64_t next = 0; // pass as `after` next time
    bool more = false;

    QByteArray toJson() const;
    static Result<VaultMessagesPage> fromJson(QByteArrayView body);
};

} // namespace companion::protocol
