#pragma once

#include "protocol/keys.h"
#include "protocol/recordpayload.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace companion::careteam {

// The read path of a shared record (docs/sync-protocol.md, "Keys"):
//
//   CTK secret of epoch e (sealed to the therapist, or by an enrolment code)
//     → the patient's SCK of generation g (sealed to CTK_pub of e)
//       → the record's shared_key = g | DEK wrapped by SCK_g (bound to vault, record, version)
//         → the envelope → protocol::RecordPayload
//
// Every step can fail for a reason the console names instead of dropping the record: a key from
// before this therapist joined or after they were removed, or something altered on the way.

enum class Unreadable {
    None,
    NoCareTeamKey, // the SCK generation is sealed to a care-team key epoch this console lacks
    NoSharedKey,   // the record's shared_key names an SCK generation the patient never published
    Damaged,       // a key, envelope or payload failed to open or decode, or names another record
};
// "no_care_team_key", "no_shared_key", "damaged" (JSON and the database).
QString unreadableName(Unreadable reason);
Unreadable unreadableFromName(const QString &name);

struct SealedCollectionKey
{
    std::uint32_t generation = 0;
    std::uint32_t careTeamEpoch = 0;
    QByteArray sealed; // crypto_box_seal of the SCK to CTK_pub of careTeamEpoch
};

// One patient's SCKs as far as this console can open them.
struct PatientKeys
{
    std::map<std::uint32_t, SecretBytes> byGeneration;
    // Generations sealed to an epoch this console does not hold (→ NoCareTeamKey).
    std::map<std::uint32_t, std::uint32_t> missingEpochByGeneration;
    int damaged = 0; // sealed to an epoch it holds, yet did not open
};

// The care-team key secrets this therapist holds, by epoch.
class CareTeamKeyRing
{
public:
    void add(std::uint32_t epoch, protocol::BoxKeyPair pair);
    bool holds(std::uint32_t epoch) const { return m_keys.contains(epoch); }
    // 0 when empty.
    std::uint32_t highestEpoch() const;
    std::size_t size() const { return m_keys.size(); }

    PatientKeys openCollectionKeys(const std::vector<SealedCollectionKey> &sealed) const;

private:
    std::map<std::uint32_t, protocol::BoxKeyPair> m_keys;
};

struct OpenedRecord
{
    std::optional<protocol::RecordPayload> payload; // set when readable
    Unreadable reason = Unreadable::None;
    std::uint32_t generation = 0;  // the SCK generation the shared key names (0 if unknown)
    std::uint32_t neededEpoch = 0; // NoCareTeamKey: the epoch that would open it
    protocol::RecordKind coarseKind = protocol::RecordKind::Settings;
};

// Opens one shared record as the server returned it (GET /v1/careteam/vaults/{v}/records/{r}).
// The envelope must be the record that was asked for: a server that hands out another record's
// envelope (even a valid one of the same patient) gets Damaged.
OpenedRecord openSharedRecord(const PatientKeys &keys, const QString &vaultId,
                              const QString &recordId, std::uint64_t version,
                              const QByteArray &envelope, const QByteArray &sharedKey);

} // namespace companion::careteam
