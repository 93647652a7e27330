#pragma once

#include "common/result.h"
#include "protocol/api.h"
#include "protocol/clinicmessage.h"
#include "protocol/clinicprotocol.h"
#include "protocol/keys.h"
#include "sync/httptransport.h"
#include "sync/retrypolicy.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace companion::sync {

struct KeyBlob
{
    QString slot;
    std::uint32_t epoch = 0;
    QByteArray blob;
};

struct JoinCode
{
    QString code;
    std::int64_t expiresAt = 0;
};

struct DeviceInfo
{
    QString deviceId;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> revokedAt;
    bool current = false;
};

struct AccessLogEntry
{
    std::int64_t seq = 0;
    std::int64_t at = 0;
    QString actorRole; // "device", "therapist", "admin"
    QString actorId;
    QString actorName;
    QString action; // "record.read", "share.grant", "device.enrol", …
    QString subject;
};

struct AccessLogPage
{
    std::vector<AccessLogEntry> entries;
    std::int64_t nextCursor = 0;
};

// The clinic server's device API (docs/sync-protocol.md) as typed calls. Logs in with the
// device's Ed25519 key by challenge-response, keeps the short-lived token in memory only, logs
// in again once when the server says the token is no longer valid, and retries requests that
// got no answer or a busy answer with jittered exponential backoff. Every request it retries is
// idempotent on the server (push, PUT, GET) or harmless to repeat.
//
// Errors: Network (no answer after the retries, or the server stayed busy), Refused (401/403, a
// used code, a revoked device), NotFound (404), InvalidInput (400/413: a bug or a hostile
// server), Damaged (an answer that does not parse).
// The first words of the error every call returns once the vault was deleted on the server
// (HTTP 410, by this or another of the patient's devices); isVaultDeleted() recognises it so an
// app can offer to wipe what is left on the device.
inline constexpr const char *kVaultDeletedMessage =
    "your data at the clinic was deleted at your request (delete everything)";
bool isVaultDeleted(const Error &error);

class ClinicClient
{
public:
    using Sleeper = std::function<void(int milliseconds)>;
    ClinicClient(HttpTransport &transport, RetryPolicy policy = {}, Sleeper sleeper = {});

    // The device identity used for authenticated calls.
    void setDevice(const QString &deviceId, const protocol::SigningKeyPair *signing);
    // The access token of the last login (empty: none yet), and a token to use instead of
    // logging in first. An app that builds one client per sync job hands the token from one job
    // to the next so that a sync does not cost a login (two requests) every time. Memory only;
    // a token that expired or was revoked meanwhile costs one 401 and a fresh login.
    const QByteArray &accessToken() const { return m_token; }
    void setAccessToken(QByteArray token) { m_token = std::move(token); }

    Result<protocol::ClinicInfo> clinic();
    Result<protocol::EnrolResponse> enrol(const QString &code, const QByteArray &devicePublicKey);
    // 200 and 409 both carry per-item results. Sends the binary body (ADR 0030); a server that
    // answers 415 (older than it) gets this push again as JSON, and so does every later push of
    // this client.
    Result<protocol::PushResponse> push(const protocol::PushRequest &request);
    // false once a server refused the binary push body (415).
    bool sendsBinaryPush() const { return m_binaryPush; }
    Result<protocol::PullResponse> pull(std::int64_t after, int limit);
    Result<std::vector<KeyBlob>> keyBlobs();
    Result<void> putKeyBlob(const QString &slot, std::uint32_t epoch, const QByteArray &blob);
    // validMinutes (1–60) shortens the code's life below the server's hour (a device link).
    Result<JoinCode> createJoinCode(std::optional<int> validMinutes = std::nullopt);
    // Deletes a device-link key slot; Ok when it is gone already (404).
    Result<void> deleteKeyBlob(const QString &slot);
    Result<std::vector<DeviceInfo>> devices();
    Result<void> revokeDevice(const QString &deviceId);
    // Deletes this vault on the server (ciphertext, keys, devices): see docs/sync-protocol.md.
    Result<void> deleteVault();
    // true: stored (or the identical blob was already there); false: another device already
    // stored a different key under this generation (409 generation_exists).
    Result<bool> putSharedCollectionKey(std::uint32_t generation, std::uint32_t careTeamEpoch,
                                        const QByteArray &sealed);
    Result<void> putShare(const QString &recordIdHex, std::uint64_t version,
                          const QByteArray &sharedKey);
    // Ok when the share ended or there was none.
    Result<void> deleteShare(const QString &recordIdHex);
    Result<AccessLogPage> accessLog(std::int64_t after, int limit);
    // The clinic protocol as the clinic signed it; nullopt when none was published (or the
    // server is older than the clinic channel). Not verified here: the engine does that.
    Result<std::optional<protocol::PublishedProtocol>> clinicProtocol();
    // Messages from the clinic and the care team after `after` (an older server without the
    // route answers as if there were none).
    Result<protocol::VaultMessagesPage> messages(std::int64_t after, int limit);

    // Requests sent, retries made (for `sync --json` and tests).
    int requestsSent() const { return m_requests; }
    int retriesMade() const { return m_retries; }

    // Any route with the login, retries and one re-login above: the care-team console's client
    // (careteam/careteamclient.h) is built on these with a therapist id as the principal.
    // `contentType` empty: application/json (HttpRequest).
    Result<HttpResponse> call(const QByteArray &method, const QByteArray &target,
                              const QByteArray &body, bool authenticated,
                              const QByteArray &contentType = {});
    Error errorFor(const HttpResponse &response) const;

private:
    Result<HttpResponse> sendWithRetries(const HttpRequest &request);
    Result<void> login();

    HttpTransport &m_transport;
    RetryPolicy m_policy;
    Sleeper m_sleep;
    QString m_deviceId;
    const protocol::SigningKeyPair *m_signing = nullptr;
    QByteArray m_token;
    int m_requests = 0;
    int m_retries = 0;
    bool m_binaryPush = true;
};

} // namespace companion::sync
