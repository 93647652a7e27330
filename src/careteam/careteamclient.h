#pragma once

#include "careteam/keyring.h"
#include "common/result.h"
#include "protocol/api.h"
#include "protocol/careteamenrol.h"
#include "protocol/clinicmessage.h"
#include "protocol/keys.h"
#include "sync/clinicclient.h"
#include "sync/httptransport.h"
#include "sync/retrypolicy.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace companion::careteam {

// What GET /v1/careteam/keys lists: a care-team key secret sealed to this therapist.
struct SealedCareTeamKey
{
    std::uint32_t epoch = 0;
    QByteArray publicKey;    // CTK_pub of that epoch (as the server claims; checked by the caller)
    QByteArray sealedSecret; // crypto_box_seal to the therapist's X25519 form
};

struct PatientListing
{
    QString vaultId;
    QString label; // the clinic's label for the vault (admin enrol-patient --label)
    std::int64_t sharedRecords = 0;
};

struct SharedRecordListing
{
    QString recordId;
    std::uint64_t version = 0;
    int coarseKind = 0;
    std::int64_t sharedAt = 0;
};

struct SharedRecordBlob
{
    QString recordId;
    std::uint64_t version = 0;
    QByteArray envelope;
    QByteArray sharedKey;
};

struct AlertListing
{
    QString alertId;
    QString vaultId;
    QString recordId;
    std::uint64_t version = 0;
    std::int64_t createdAt = 0;
};

// The server's answer to a posted message.
struct PostedMessage
{
    std::int64_t seq = 0;
    bool duplicate = false; // 200: the server already held these very bytes under this id
};

// The therapist's half of the clinic server's API (docs/sync-protocol.md) as typed calls, on
// the patient client's transport, retries and Ed25519 challenge login (sync::ClinicClient) with
// the therapist id as the principal. Every answer is parsed strictly and size-capped.
//
// Errors as ClinicClient's: Network, Refused (401/403: a removed therapist, a used code),
// NotFound (404), InvalidInput (400/413), Damaged (an answer that does not parse).
class CareTeamClient
{
public:
    CareTeamClient(sync::HttpTransport &transport, sync::RetryPolicy policy = {},
                   sync::ClinicClient::Sleeper sleeper = {});

    void setTherapist(const QString &therapistId, const protocol::SigningKeyPair *signing);

    Result<protocol::ClinicInfo> clinic();
    // Not retried: the code is spent by the first request that arrives.
    Result<protocol::CareTeamEnrolResponse> enrol(const QByteArray &codeProof,
                                                  const QByteArray &publicKey);
    Result<std::vector<SealedCareTeamKey>> keys();
    Result<std::vector<PatientListing>> patients();
    // NotFound when the vault shares nothing (any more).
    Result<std::vector<SealedCollectionKey>> collectionKeys(const QString &vaultId);
    Result<std::vector<SharedRecordListing>> records(const QString &vaultId);
    // The audited read: the server writes `record.read` to the patient's access log.
    Result<SharedRecordBlob> record(const QString &vaultId, const QString &recordId);
    // POST /v1/careteam/vaults/{vault_id}/messages. Idempotent on the server (the same id and
    // bytes again is 200 with the same seq), so the transport's retries are safe. NotFound when
    // the vault shares nothing with the care team; AlreadyExists (409) when another message
    // holds this id.
    Result<PostedMessage> postMessage(const QString &vaultId,
                                      const protocol::PostMessageRequest &request);
    Result<std::vector<AlertListing>> alerts();
    Result<void> acknowledgeAlert(const QString &alertId);

    int requestsSent() const { return m_client.requestsSent(); }

private:
    Result<QByteArray> get(const QByteArray &target, const QString &what);

    sync::HttpTransport &m_transport;
    sync::ClinicClient m_client;
};

} // namespace companion::careteam
