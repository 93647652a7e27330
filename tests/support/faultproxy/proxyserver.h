#pragma once

#include "common/result.h"
#include "support/faultproxy/faultproxyoptions.h"
#include "support/faultproxy/proxystats.h"

#include <cstdint>
#include <memory>

namespace companion::faultproxy {

// An HTTP/1.1 proxy for tests that injects faults between a client and companion-server
// (faultproxyoptions.h says which). One thread runs every connection as an Asio coroutine, so
// the fault plan, the held (reordered) requests and the stats need no locks. Each client
// connection gets its own upstream connection; keep-alive on both sides; Content-Length bodies
// up to 32 MiB. Boost stays out of this header so tests can link it without Boost.
class ProxyServer
{
public:
    explicit ProxyServer(ProxyCommandLine commandLine);
    ~ProxyServer();
    ProxyServer(const ProxyServer &) = delete;
    ProxyServer &operator=(const ProxyServer &) = delete;

    // Binds the listening socket; returns the port (useful with port 0).
    Result<std::uint16_t> start();
    // Serves until SIGTERM or SIGINT (or stop()), then returns.
    void run();
    // Safe from any thread. Late deliveries of reordered requests already on their way upstream
    // finish first (at most 5 s), so stats() counts every copy the server received.
    void stop();
    // What happened so far; read it after run() returned.
    const ProxyStats &stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace companion::faultproxy
