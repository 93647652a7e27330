#pragma once

#include "support/faultproxy/faultproxyoptions.h"
#include "support/tempdir.h"

#include <QJsonObject>
#include <QProcess>

#include <cstdint>
#include <memory>

namespace companion::testing {

using faultproxy::FaultProxyOptions;

// The companion-faultproxy process between a test's client and a server on loopback:
//
//     FaultProxyOptions faults;
//     faults.seed = 7;
//     faults.dropResponse = 0.3;
//     FaultProxy proxy(server.port(), faults);  // listening once constructed
//     … send requests to proxy.port() …
//     QJsonObject counts = proxy.stats();       // stops the proxy, reads its stats file
//
// To know which request gets which fault, replay faultproxy::FaultPlan(faults)
// (support/faultproxy/faultplan.h):
// the proxy draws from the same plan in the order requests arrive. Failures REQUIRE (Catch2).
class FaultProxy
{
public:
    FaultProxy(std::uint16_t upstreamPort, const FaultProxyOptions &options = {});
    ~FaultProxy();
    FaultProxy(const FaultProxy &) = delete;
    FaultProxy &operator=(const FaultProxy &) = delete;

    std::uint16_t port() const { return m_port; }
    bool running() const;
    // Stops the proxy (SIGTERM; it writes its stats then) if it still runs and returns the
    // counts: requests, forwarded, answered, drop_response, duplicate, reorder, reset_mid_body,
    // late_delivered, upstream_errors.
    QJsonObject stats();
    // SIGTERM and wait; REQUIREs a clean exit (status 0).
    void stop();

private:
    TempDir m_dir;
    QString m_statsFile;
    std::unique_ptr<QProcess> m_process;
    std::uint16_t m_port = 0;
};

} // namespace companion::testing
