#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace companion::faultproxy {

// Which faults companion-faultproxy injects. Each probability is decided per request by one
// seeded draw, so a request gets at most one fault and their sum must not exceed 1.
struct FaultProxyOptions
{
    std::uint64_t seed = 1;
    double dropResponse = 0; // upstream commits, the client gets no answer
    double duplicate = 0;    // upstream gets the request twice, the client the second answer
    double reorder = 0;      // the client gets no answer; upstream gets it after the next one
    double resetMidBody = 0; // upstream gets the headers and half the body, then both see RST
    int delayMs = 0;         // before forwarding every request
    QString statsFile;       // written on SIGTERM/SIGINT; empty: none
    // Every request and answer as they crossed the proxy (HTTP/1.1 text), appended: a traffic
    // capture for the privacy sweep. Empty: none.
    QString captureFile;

    // The command-line arguments that select these options (without --listen/--upstream).
    QStringList toArguments() const;
};

// The whole command line of companion-faultproxy.
struct ProxyCommandLine
{
    QString listenHost;
    std::uint16_t listenPort = 0;
    QString upstreamHost;
    std::uint16_t upstreamPort = 0;
    FaultProxyOptions options;
};

// Parses the arguments after the program name; every value is checked (ranges, the sum of the
// probabilities) so a typo fails loudly instead of silently testing nothing.
Result<ProxyCommandLine> parseCommandLine(const QStringList &arguments);

QString usage();

} // namespace companion::faultproxy
