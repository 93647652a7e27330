// Server hardening under hostile load (issue 8, item 5): while slow clients trickle headers,
// idle connections sit open and bursts of oversized requests arrive, `/health` keeps answering
// (target: p99 under 500 ms, printed; asserted: under the 2 s header timeout, which a probe
// stuck behind slow clients would wait out) and the server's memory stays bounded. A second case
// fills the connection cap: the connections over it are refused at once, and once the slow ones
// time out the server serves everyone again.
//
// Slow and idle clients are raw sockets driven by a single poll() loop, so a few hundred of them
// cost the test almost nothing and the measured latency is the server's, not the test's.
#include "harness.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace companion;
using servertest::TestServer;

namespace {

int connectNonBlocking(std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 &&
        errno != EINPROGRESS) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Connections that misbehave until told to stop: "slow" ones send a request line and then one
// header byte every `tickMs` and never finish; "idle" ones send nothing. A connection the server
// closes is counted and opened again, so the pressure lasts the whole test.
class HostileClients
{
public:
    HostileClients(std::uint16_t port, int slow, int idle, int tickMs, bool reconnect = true)
        : m_port(port)
        , m_tickMs(tickMs)
        , m_reconnect(reconnect)
    {
        for (int i = 0; i < slow + idle; ++i)
            m_clients.push_back({-1, i < slow, 0});
        m_thread = std::thread([this] { run(); });
    }
    ~HostileClients() { stop(); }

    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        for (Client &client : m_clients)
            if (client.fd >= 0)
                ::close(client.fd);
    }
    int closedByServer() const { return m_closedByServer; }

private:
    struct Client
    {
        int fd;
        bool slow;
        int sent;
        bool opened = false;
    };

    void run()
    {
        while (!m_stop) {
            std::vector<pollfd> fds;
            for (Client &client : m_clients) {
                if (client.fd < 0 && (m_reconnect || !client.opened)) {
                    client.fd = connectNonBlocking(m_port);
                    client.sent = 0;
                    client.opened = true;
                }
                fds.push_back({client.fd, POLLIN, 0}); // poll() skips negative descriptors
            }
            ::poll(fds.data(), fds.size(), m_tickMs);
            for (std::size_t i = 0; i < m_clients.size(); ++i) {
                Client &client = m_clients[i];
                if (client.fd < 0)
                    continue;
                if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                    char sink[512];
                    const ssize_t n = ::recv(client.fd, sink, sizeof sink, 0);
                    if (n <= 0 && !(n < 0 && errno == EAGAIN)) {
                        ::close(client.fd);
                        client.fd = -1;
                        ++m_closedByServer;
                        continue;
                    }
                }
                if (!client.slow)
                    continue;
                // The request line first, then one header byte per tick.
                const char *line = "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ";
                const std::size_t lineLength = std::strlen(line);
                const std::size_t offset = static_cast<std::size_t>(client.sent);
                const char *bytes = offset < lineLength ? line + offset : "a";
                const std::size_t length = offset < lineLength ? lineLength - offset : 1;
                const ssize_t n = ::send(client.fd, bytes, length, MSG_NOSIGNAL);
                if (n > 0)
                    client.sent += static_cast<int>(n);
            }
        }
    }

    std::uint16_t m_port;
    int m_tickMs;
    bool m_reconnect;
    std::vector<Client> m_clients;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_closedByServer{0};
    std::thread m_thread;
};

struct Latency
{
    std::vector<double> samplesMs;
    int failures = 0;
    double percentile(double p) const
    {
        if (samplesMs.empty())
            return 0;
        std::vector<double> sorted = samplesMs;
        std::sort(sorted.begin(), sorted.end());
        const auto index = static_cast<std::size_t>(p * double(sorted.size() - 1) + 0.5);
        return sorted[std::min(index, sorted.size() - 1)];
    }
};

// `/health` on a fresh connection every `gapMs`, as a load balancer's probe would.
Latency probeHealth(const TestServer &server, int samples, int gapMs)
{
    Latency latency;
    for (int i = 0; i < samples; ++i) {
        QElapsedTimer timer;
        timer.start();
        const servertest::Reply reply = server.request("GET", "/health");
        latency.samplesMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (reply.status != 200)
            ++latency.failures;
        std::this_thread::sleep_for(std::chrono::milliseconds(gapMs));
    }
    return latency;
}

} // namespace

TEST_CASE("Slow clients, idle connections and bursts: /health keeps answering, memory bounded",
          "[server][load]")
{
    TestServer server;
    server.start({QStringLiteral("--header-timeout-ms"), QStringLiteral("2000"),
                  QStringLiteral("--enrol-per-minute"), QStringLiteral("100000")});
    const qint64 before = servertest::residentKiB(server.pid());
    REQUIRE(before > 0);

    // 120 slow clients and 80 idle ones: under the 256-connection cap, so the probe must get in.
    HostileClients hostile(server.port(), 120, 80, 250);

    // Bursts: four threads send oversized and malformed requests as fast as they are answered.
    std::atomic<bool> stopBursts{false};
    std::atomic<int> burstRequests{0};
    std::atomic<int> burstRefused{0};
    std::vector<std::thread> bursts;
    for (int t = 0; t < 4; ++t) {
        bursts.emplace_back([&, t] {
            const QByteArray oversized =
                "POST /v1/enrol HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                "Content-Length: 5000000\r\n\r\n";
            const QByteArray garbage = "BREW /coffee HTCPCP/1.0\r\n\r\n";
            const QByteArray enrol =
                "POST /v1/enrol HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
                "application/json\r\nContent-Length: 2\r\n\r\n{}";
            int i = 0;
            while (!stopBursts) {
                const QByteArray &request = (i + t) % 3 == 0   ? oversized
                                            : (i + t) % 3 == 1 ? garbage
                                                               : enrol;
                const QByteArray answer = servertest::rawExchange(server.port(), request, 3000);
                ++burstRequests;
                if (answer.startsWith("HTTP/1.1 4") || answer.isEmpty())
                    ++burstRefused;
                ++i;
            }
        });
    }

    // Let the slow clients open, then probe for ~10 s (three header timeouts).
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const Latency health = probeHealth(server, 200, 50);
    const qint64 during = servertest::residentKiB(server.pid());

    stopBursts = true;
    for (std::thread &burst : bursts)
        burst.join();
    hostile.stop();

    const qint64 after = servertest::residentKiB(server.pid());
    WARN(servertest::backendName()
         << ": /health p50 " << health.percentile(0.50) << " ms, p99 " << health.percentile(0.99)
         << " ms, max " << health.percentile(1.0) << " ms over " << health.samplesMs.size()
         << " probes; " << burstRequests.load() << " burst requests; " << hostile.closedByServer()
         << " slow/idle connections closed by the server; RSS " << before << " → " << during
         << " → " << after << " KiB");

    CHECK(health.failures == 0);
    // The target is a p99 under 500 ms (printed above); the assertion
    // is the bug it guards against: a probe stuck behind slow clients waits out their 2 s header
    // timeout. On a loaded two-core CI machine a few probes of 200 can lose the CPU for longer
    // than 500 ms without the server being at fault.
    CHECK(health.percentile(0.99) < 1500.0);
    // Every burst request was refused (4xx) or closed; none was served.
    CHECK(burstRequests.load() > 20);
    CHECK(burstRefused.load() == burstRequests.load());
    // The slow clients were cut off by the header timeout and came back, several times over.
    CHECK(hostile.closedByServer() >= 120);
#if !defined(__SANITIZE_ADDRESS__)
    // Two hundred open connections and thousands of refused requests: a few MiB, not the
    // bodies they announced (see the oversized-body case for why ASan builds skip this).
    CHECK(during - before < 32 * 1024);
    CHECK(after - before < 32 * 1024);
#endif
    CHECK(server.running());
    CHECK(server.request("GET", "/health").status == 200);
}

TEST_CASE("Over the connection cap: refused at once, served again once the slow ones time out",
          "[server][load]")
{
    // A header timeout of 6 s: long enough that "refused at once" and "served once a slow client
    // times out" stay apart by seconds even on a loaded two-core CI machine.
    constexpr int kHeaderTimeoutMs = 6000;
    TestServer server;
    server.start({QStringLiteral("--max-connections"), QStringLiteral("64"),
                  QStringLiteral("--header-timeout-ms"), QString::number(kHeaderTimeoutMs)});

    // They do not come back once cut off, so the free slots are the probe's to take.
    HostileClients hostile(server.port(), 64, 0, 200, false);
    std::this_thread::sleep_for(std::chrono::milliseconds(400));

    // The cap is full of slow clients: a new connection gets a short 503, quickly (well before
    // a slot frees up, when it would be served instead).
    QElapsedTimer timer;
    timer.start();
    const QByteArray refused =
        servertest::rawExchange(server.port(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n", 30000);
    const qint64 refusedMs = timer.elapsed();
    INFO(refused.left(80).toStdString());
    CHECK(refused.startsWith("HTTP/1.1 503"));
    CHECK(refusedMs < kHeaderTimeoutMs / 2);

    // Once the slow clients are cut off (one header timeout), a probe is served. The wait is
    // generous: a server that never cuts them off never serves it.
    bool served = false;
    QElapsedTimer wait;
    wait.start();
    while (!served && wait.elapsed() < 60000) {
        served = server.request("GET", "/health").status == 200;
        if (!served)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK(served);
    // All 64 are cut off at about the same time, but not at the same instant: the first freed
    // slot served the probe, so wait for the others before counting.
    while (hostile.closedByServer() < 64 && wait.elapsed() < 60000)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    hostile.stop();
    CHECK(hostile.closedByServer() >= 64);
    CHECK(server.request("GET", "/health").status == 200);
}
