#pragma once

#include "common/result.h"
#include "storage/database.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace companion::sync {

// A device-link key slot this device put on the server and has not yet seen deleted (ADR 0018).
struct PendingDeviceLink
{
    QString slot;               // "device-" and 16 hex digits
    std::int64_t expiresAt = 0; // the join code's expiry (UTC ms)
};

// The device links this device opened, in the profile's `meta` table under "sync.device_links"
// (no migration; the "sync." prefix keeps it out of profile exports). Recorded before the slot
// is stored on the server, so a crash between the two still leaves something to clean up: the
// next sync deletes every slot whose code has expired.
class DeviceLinkStore
{
public:
    explicit DeviceLinkStore(storage::Database &db);

    Result<std::vector<PendingDeviceLink>> pending();
    Result<void> add(const PendingDeviceLink &link);
    Result<void> remove(const QString &slot);

private:
    Result<void> save(const std::vector<PendingDeviceLink> &links);
    storage::Database &m_db;
};

} // namespace companion::sync
