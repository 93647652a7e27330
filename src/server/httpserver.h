#pragma once

#include "common/result.h"
#include "server/api.h"
#include "server/database.h"

#include <QString>

#include <chrono>
#include <cstdint>
#include <memory>

namespace companion::server {

// Hard limits of the network layer (docs/sync-protocol.md, "Limits"). Every value is settable on
// the `serve` command line so tests can shrink them.
struct ServerLimits
{
    std::size_t headerLimit = 16 * 1024; // request line + headers; more → 431
    std::chrono::milliseconds headerTimeout{
        10'000};                                    // next request's headers, incl. idle keep-alive
    std::chrono::milliseconds bodyTimeout{60'000};  // the whole body
    std::chrono::milliseconds writeTimeout{60'000}; // the whole response
    int maxConnections = 256;                       // more are answered 503 and closed
    // Bodies held in memory at once across all connections; a request that would exceed it is
    // answered 503 (Retry-After) before its body is read.
    std::int64_t bodyBudget = 64 * 1024 * 1024;
    int enrolPerMinute = 10; // per client address, per instance
    int authPerMinute = 60;
    int dbWorkers = 1; // database connections (threads); SQLite: keep 1
    // Read-only connections (threads) for the routes that only read (RouteInfo::readsOnly), so
    // GETs run beside the writer instead of queueing behind pushes (ADR 0026). 0: those routes
    // go to the dbWorkers like every other.
    int readWorkers = 2;
    // Group commit on SQLite (ADR 0026): at most this many pushes share one commit; 1 turns it
    // off (one commit per push).
    int pushGroup = 64;
};

struct ServerOptions
{
    QString host = QStringLiteral("127.0.0.1");
    std::uint16_t port = 8443;
    QString tlsCertificate; // PEM chain; TLS is on when both files are given
    QString tlsKey;
    DatabaseUrl database;
    ServerLimits limits;
    ApiConfig api;
};

// Boost.Beast HTTP/1.1 server with C++20 coroutines. One network thread runs every connection;
// requests that need the database go to worker threads, each with its own connection, so a slow
// query never stalls reads, writes, timeouts or /health. Routes that only read go to their own
// read-only workers (SQLite's WAL lets them read beside its one writer). No session state lives
// here: everything a request needs is in the database, so instances can run side by side on one
// PostgreSQL.
class HttpServer
{
public:
    explicit HttpServer(ServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Opens the database workers, binds and listens. Returns the bound port (useful with port 0).
    Result<std::uint16_t> start();
    // Runs until SIGINT/SIGTERM or stop().
    void run();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace companion::server
