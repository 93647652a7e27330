// companion-faultproxy: a test tool that sits between an HTTP/1.1 client and companion-server on
// loopback and injects faults (dropped answers, duplicates, reordering, resets, delay).
#include "support/faultproxy/faultproxyoptions.h"
#include "support/faultproxy/proxyserver.h"

#include <QCoreApplication>

#include <cstdio>

using namespace companion::faultproxy;

int main(int argc, char *argv[])
{
    // Only for argument decoding; the proxy runs its own Asio loop, not Qt's.
    QCoreApplication app(argc, argv);
    auto line = parseCommandLine(app.arguments().mid(1));
    if (!line) {
        std::fprintf(stderr, "companion-faultproxy: %s\n%s", qUtf8Printable(line.error().message),
                     qUtf8Printable(usage()));
        return 2;
    }
    const QString statsFile = line->options.statsFile;
    const QString host = line->listenHost;
    ProxyServer proxy(std::move(line).value());
    auto port = proxy.start();
    if (!port) {
        std::fprintf(stderr, "companion-faultproxy: %s\n", qUtf8Printable(port.error().message));
        return 1;
    }
    // Tests wait for exactly this line.
    std::printf("listening on %s:%u\n", qUtf8Printable(host), static_cast<unsigned>(*port));
    std::fflush(stdout);
    proxy.run();
    if (!statsFile.isEmpty()) {
        auto written = proxy.stats().writeFile(statsFile);
        if (!written) {
            std::fprintf(stderr, "companion-faultproxy: %s\n",
                         qUtf8Printable(written.error().message));
            return 1;
        }
    }
    return 0;
}
