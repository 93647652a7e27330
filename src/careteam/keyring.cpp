#include "careteam/keyring.h"

#include "protocol/envelope.h"

namespace companion::careteam {

QString unreadableName(Unreadable reason)
{
    switch (reason) {
    case Unreadable::None:
        return QString();
    case Unreadable::NoCareTeamKey:
        return QStringLiteral("no_care_team_key");
    case Unreadable::NoSharedKey:
        return QStringLiteral("no_shared_key");
    case Unreadable::Damaged:
        return QStringLiteral("damaged");
    }
    return QString();
}

Unreadable unreadableFromName(const QString &name)
{
    if (name == QLatin1String("no_care_team_key"))
        return Unreadable::NoCareTeamKey;
    if (name == QLatin1String("no_shared_key"))
        return Unreadable::NoSharedKey;
    if (name == QLatin1String("damaged"))
        return Unreadable::Damaged;
    return Unreadable::None;
}

void CareTeamKeyRing::add(std::uint32_t epoch, protocol::BoxKeyPair pair)
{
    m_keys.insert_or_assign(epoch, std::move(pair));
}

std::uint32_t CareTeamKeyRing::highestEpoch() const
{
    return m_keys.empty() ? 0 : m_keys.rbegin()->first;
}

PatientKeys
CareTeamKeyRing::openCollectionKeys(const std::vector<SealedCollectionKey> &sealed) const
{
    PatientKeys keys;
    for (const SealedCollectionKey &key : sealed) {
        const auto careTeamKey = m_keys.find(key.careTeamEpoch);
        if (careTeamKey == m_keys.end()) {
            keys.missingEpochByGeneration.insert_or_assign(key.generation, key.careTeamEpoch);
            continue;
        }
        auto sck = protocol::openSharedCollectionKey(careTeamKey->second, key.sealed);
        if (!sck) {
            ++keys.damaged;
            continue;
        }
        keys.byGeneration.insert_or_assign(key.generation, std::move(sck).value());
    }
    return keys;
}

OpenedRecord openSharedRecord(const PatientKeys &keys, const QString &vaultId,
                              const QString &recordId, std::uint64_t version,
                              const QByteArray &envelope, const QByteArray &sharedKey)
{
    OpenedRecord out;
    out.reason = Unreadable::Damaged;
    auto header = protocol::parseEnvelopeHeader(envelope);
    if (!header)
        return out;
    out.coarseKind = header->recordKind;
    // The header is authenticated by the envelope's AEAD below; checking it against the request
    // first stops a server from passing off one record as another.
    if (protocol::idToHex(header->vaultId) != vaultId ||
        protocol::idToHex(header->recordId) != recordId || header->version != version)
        return out;
    auto blob = protocol::decodeSharedKeyBlob(sharedKey);
    if (!blob)
        return out;
    out.generation = blob->generation;
    const auto sck = keys.byGeneration.find(blob->generation);
    if (sck == keys.byGeneration.end()) {
        const auto missing = keys.missingEpochByGeneration.find(blob->generation);
        if (missing != keys.missingEpochByGeneration.end()) {
            out.reason = Unreadable::NoCareTeamKey;
            out.neededEpoch = missing->second;
        } else {
            out.reason = keys.damaged > 0 ? Unreadable::Damaged : Unreadable::NoSharedKey;
        }
        return out;
    }
    auto dataKey = protocol::unwrapSharedDataKey(sck->second, blob->wrapped,
                                                 protocol::DataKeyBinding::of(*header));
    if (!dataKey)
        return out;
    auto opened = protocol::openEnvelope(envelope, *dataKey);
    if (!opened)
        return out;
    auto payload = protocol::RecordPayload::decode(opened->plaintext);
    if (!payload)
        return out;
    out.reason = Unreadable::None;
    out.payload = std::move(payload).value();
    return out;
}

} // namespace companion::careteam
