#pragma once

#include "common/result.h"
#include "protocol/envelope.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace companion::protocol {

// Messages of the clinic server's HTTP API (docs/sync-protocol.md, "HTTP API"), with strict JSON
// codecs shared by the server and its clients. Ids travel as 32 lower-case hex digits, binary
// values as standard base64. Limits live here so both sides agree on them.

inline constexpr qsizetype kMaxSmallBody = 16 * 1024;       // every JSON request but push
inline constexpr qsizetype kMaxPushBody = 16 * 1024 * 1024; // one push batch
inline constexpr qsizetype kMaxPushItems = 1000;
inline constexpr qsizetype kMaxPullItems = 1000;
inline constexpr qsizetype kMaxPullResponseBytes = 8 * 1024 * 1024;
inline constexpr qsizetype kMaxKeyBlob = 4096;    // a wrapped VRK, one slot
inline constexpr qsizetype kEnrolCodeLength = 24; // e.g. "ABCD-EFGH-…" (20 symbols)
inline constexpr qsizetype kChallengeSize = 32;

// GET /v1/clinic and part of the enrolment answer: what the app pins and verifies.
struct ClinicInfo
{
    QString clinicId;
    QString name;
    QByteArray signingPublicKey; // OrgSig, Ed25519
    QString fingerprint;         // keyFingerprint(signingPublicKey)
    bool safetyAlerts = false;   // the clinic receives "tell my clinic now" items
    std::uint32_t careTeamEpoch = 0;
    QByteArray careTeamPublicKey;    // CTK_pub of that epoch (X25519)
    QByteArray careTeamKeySignature; // OrgSig over careTeamKeyStatement()

    QJsonObject toJson() const;
    static Result<ClinicInfo> fromJson(const QJsonValue &value, const QString &path);
    // Verifies the care-team key statement under the signing key and that the signing key has
    // the fingerprint the person was given: what the app checks before sealing anything.
    bool verify(const QString &expectedFingerprint) const;
};

struct EnrolRequest
{
    QString code;               // an enrolment code (new vault) or a join code (second device)
    QByteArray devicePublicKey; // Ed25519, the device's login key

    QByteArray toJson() const;
    static Result<EnrolRequest> fromJson(QByteArrayView body);
};

struct EnrolResponse
{
    QString vaultId;
    QString deviceId;
    ClinicInfo clinic;

    QByteArray toJson() const;
    static Result<EnrolResponse> fromJson(QByteArrayView body);
};

struct ChallengeRequest
{
    QString principalId; // a device id or a therapist id

    QByteArray toJson() const;
    static Result<ChallengeRequest> fromJson(QByteArrayView body);
};

struct ChallengeResponse
{
    QByteArray challenge; // 32 random bytes, single use
    std::int64_t expiresAt = 0;

    QByteArray toJson() const;
    static Result<ChallengeResponse> fromJson(QByteArrayView body);
};

struct TokenRequest
{
    QString principalId;
    QByteArray challenge;
    QByteArray signature; // Ed25519 over authChallengeMessage(challenge, principalId)

    QByteArray toJson() const;
    static Result<TokenRequest> fromJson(QByteArrayView body);
};

struct TokenResponse
{
    QString accessToken;
    std::int64_t expiresAt = 0;
    QString role; // "device" or "therapist"

    QByteArray toJson() const;
    static Result<TokenResponse> fromJson(QByteArrayView body);
};

struct PushItem
{
    QByteArray envelope;  // a whole record envelope (format 1)
    QByteArray key;       // the DEK wrapped by KWK_e (wrapDataKey)
    QByteArray sharedKey; // optional: the DEK wrapped by the SCK (shares this version)
};

// The binary push body (docs/sync-protocol.md, "Binary push body"; ADR 0030): the same items as
// the JSON body without JSON or base64, so neither side spends time on text. "CPB1", a u32
// big-endian item count, then per item three u32 big-endian length-prefixed byte strings:
// envelope, key, shared key (length 0 = none).
inline constexpr char kPushBinaryMediaType[] = "application/vnd.companion.push+binary; v=1";
inline constexpr char kPushBinaryMagic[4] = {'C', 'P', 'B', '1'};

enum class PushBodyFormat {
    Json,   // application/json, or no Content-Type (clients older than the binary body)
    Binary, // kPushBinaryMediaType
};
// The format a push body's Content-Type names; nullopt for any other type (the server's 415).
// Type and parameter names compare case-insensitively; JSON's parameters (charset) are ignored.
std::optional<PushBodyFormat> pushBodyFormat(QByteArrayView contentType);

struct PushRequest
{
    std::vector<PushItem> items;

    QByteArray toJson() const;
    static Result<PushRequest> fromJson(QByteArrayView body);
    QByteArray toBinary() const;
    // Every length is checked against the JSON decoder's caps and the bytes left before a byte
    // is allocated for it; errors name the item like fromJson's ("items[3].key: …").
    static Result<PushRequest> fromBinary(QByteArrayView body);
};

enum class PushStatus {
    Accepted,  // stored; seq assigned
    Duplicate, // the identical envelope was already stored (a retry): success
    Conflict,  // a different envelope holds this version; `stored` carries it
    Rejected,  // version gap or prev_hash mismatch; `reason` and `currentVersion` say which
};
QString pushStatusName(PushStatus status);

struct PushResult
{
    QString recordId;
    std::uint64_t version = 0;
    PushStatus status = PushStatus::Accepted;
    std::int64_t seq = 0;             // accepted / duplicate
    QByteArray stored;                // conflict: the envelope the server holds
    QString reason;                   // rejected: "version_gap" or "prev_hash_mismatch"
    std::uint64_t currentVersion = 0; // rejected: the newest version the server holds
};

struct PushResponse
{
    std::vector<PushResult> results;

    QByteArray toJson() const;
    static Result<PushResponse> fromJson(QByteArrayView body);
};

struct PullItem
{
    std::int64_t seq = 0;
    QByteArray envelope;
    QByteArray key;
};

struct PullResponse
{
    std::vector<PullItem> items;
    std::int64_t nextCursor = 0; // pass as `after` next time
    bool more = false;

    QByteArray toJson() const;
    static Result<PullResponse> fromJson(QByteArrayView body);
};

// The error body of every non-2xx answer: {"error": "<code>", "message": "<text>"}.
QByteArray errorBody(const QString &code, const QString &message);

} // namespace companion::protocol
