#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace companion::faultproxy {

// What the proxy did, written as JSON when it stops so a test can check the faults happened.
struct ProxyStats
{
    std::int64_t requests = 0;     // complete requests read from clients
    std::int64_t forwarded = 0;    // complete requests written to upstream (duplicates twice)
    std::int64_t answered = 0;     // responses written back to clients
    std::int64_t dropResponse = 0; // faults injected, one counter each
    std::int64_t duplicate = 0;
    std::int64_t reorder = 0;
    std::int64_t resetMidBody = 0;
    std::int64_t lateDelivered = 0;  // reordered requests later written to upstream
    std::int64_t upstreamErrors = 0; // upstream unreachable or broke off (client got 502 / close)

    QByteArray toJson() const;
    // Writes through a temporary file and a rename, so a reader never sees half a file.
    Result<void> writeFile(const QString &path) const;
};

} // namespace companion::faultproxy
