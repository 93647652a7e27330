// companion-faultproxy against the real companion-server (SQLite): each fault happens as the
// sync tests rely on it, seen from both ends — what the client gets, what the server stored.
#include "harness.h"

#include "protocol/json.h"
#include "support/faultproxy/faultplan.h"
#include "support/faultproxyprocess.h"
#include "support/wait.h"

#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <QElapsedTimer>
#include <QFile>

#include <sys/socket.h>
#include <sys/time.h>

#include <chrono>
#include <map>
#include <thread>
#include <vector>

using namespace companion;
using namespace companion::servertest;
using companion::faultproxy::Fault;
using companion::faultproxy::FaultPlan;
using companion::protocol::Hash32;
using companion::protocol::PushStatus;
using companion::testing::FaultProxy;
using companion::testing::FaultProxyOptions;

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// What a client of the proxy saw: an answer, or how the connection ended without one.
struct Outcome
{
    int status = 0; // 0: no answer
    QByteArray body;
    beast::error_code error;
    bool reset() const { return error == asio::error::connection_reset; }
    bool closed() const { return error == http::error::end_of_stream || error == asio::error::eof; }
};

// One keep-alive HTTP/1.1 connection (Beast, blocking, with socket timeouts so nothing hangs).
class Client
{
public:
    explicit Client(std::uint16_t port)
        : m_socket(m_io)
    {
        m_socket.connect(tcp::endpoint(asio::ip::address_v4::loopback(), port));
        const timeval timeout{30, 0};
        ::setsockopt(m_socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    }

    Outcome send(http::verb method, const char *target, const QByteArray &body = {},
                 const QString &token = {})
    {
        http::request<http::string_body> request{method, target, 11};
        request.set(http::field::host, "127.0.0.1");
        if (!token.isEmpty())
            request.set(http::field::authorization, "Bearer " + token.toStdString());
        if (!body.isEmpty())
            request.set(http::field::content_type, "application/json");
        request.body().assign(body.constData(), static_cast<std::size_t>(body.size()));
        request.keep_alive(true);
        request.prepare_payload();
        Outcome outcome;
        http::write(m_socket, request, outcome.error);
        if (outcome.error)
            return outcome;
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        http::read(m_socket, m_buffer, parser, outcome.error);
        if (!outcome.error) {
            outcome.status = static_cast<int>(parser.get().result_int());
            outcome.body = QByteArray::fromStdString(parser.get().body());
        }
        return outcome;
    }

private:
    asio::io_context m_io;
    tcp::socket m_socket;
    beast::flat_buffer m_buffer;
};

Outcome once(std::uint16_t port, http::verb method, const char *target, const QByteArray &body = {},
             const QString &token = {})
{
    return Client(port).send(method, target, body, token);
}

Device enrolled(TestServer &server)
{
    Device device(server);
    REQUIRE(device.enrol(server.newEnrolmentCode()).status == 201);
    REQUIRE_FALSE(device.login().isEmpty());
    return device;
}

QByteArray pushBody(const std::vector<protocol::PushItem> &items)
{
    protocol::PushRequest request;
    request.items = items;
    return request.toJson();
}

protocol::PushItem newRecord(const Device &device, const QByteArray &text)
{
    return device.makeItem(protocol::randomId(), 1, Hash32{}, text);
}

// What the server holds, asked directly (not through the proxy).
protocol::PullResponse pullDirect(const Device &device)
{
    const Reply reply =
        device.server.request("GET", "/v1/sync/pull?after=0&limit=1000", {}, device.token);
    REQUIRE(reply.status == 200);
    auto response = protocol::PullResponse::fromJson(reply.body);
    REQUIRE(response);
    return std::move(response).value();
}

protocol::PushResponse pushResults(const Outcome &outcome)
{
    auto response = protocol::PushResponse::fromJson(outcome.body);
    REQUIRE(response);
    return std::move(response).value();
}

int logLines(const TestServer &server, const QString &needle)
{
    QFile file(server.logFile());
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return static_cast<int>(QString::fromUtf8(file.readAll()).count(needle));
}

// The first seed whose plan starts with `wanted` (the proxy replays the same plan).
FaultProxyOptions seededFor(FaultProxyOptions options, const std::vector<Fault> &wanted)
{
    for (options.seed = 1; options.seed < 100000; ++options.seed) {
        FaultPlan plan(options);
        bool match = true;
        for (Fault fault : wanted)
            match = match && plan.next() == fault;
        if (match)
            return options;
    }
    FAIL("no seed gives the wanted plan");
    return options;
}

// A bare TCP listener standing in for upstream: records every byte each connection carried and
// how it ended, so the test sees exactly what the proxy sent before the reset.
class RawUpstream
{
public:
    struct Connection
    {
        QByteArray bytes;
        beast::error_code end;
    };

    explicit RawUpstream(int connections)
        : m_acceptor(m_io, tcp::endpoint(asio::ip::address_v4::loopback(), 0))
    {
        m_thread = std::thread([this, connections] {
            for (int i = 0; i < connections; ++i) {
                tcp::socket socket(m_io);
                beast::error_code ec;
                m_acceptor.accept(socket, ec);
                if (ec)
                    return;
                Connection connection;
                char chunk[65536];
                for (;;) {
                    const std::size_t n = socket.read_some(asio::buffer(chunk), connection.end);
                    connection.bytes.append(chunk, static_cast<qsizetype>(n));
                    if (connection.end)
                        break;
                }
                m_connections.push_back(std::move(connection));
            }
        });
    }
    ~RawUpstream()
    {
        beast::error_code ignored;
        if (m_thread.joinable()) {
            // Unblocks accept() if a connection never came.
            tcp::socket poke(m_io);
            poke.connect(m_acceptor.local_endpoint(), ignored);
            m_thread.join();
        }
    }
    std::uint16_t port() const { return m_acceptor.local_endpoint().port(); }
    // Waits for the listener to finish and returns what it saw.
    const std::vector<Connection> &connections()
    {
        m_thread.join();
        return m_connections;
    }

private:
    asio::io_context m_io;
    tcp::acceptor m_acceptor;
    std::thread m_thread;
    std::vector<Connection> m_connections;
};

} // namespace

TEST_CASE("The fault proxy's command line is checked", "[faultproxy]")
{
    using faultproxy::parseCommandLine;
    const QStringList base{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--upstream"), QStringLiteral("127.0.0.1:8080")};
    FaultProxyOptions options;
    options.seed = 99;
    options.dropResponse = 0.1;
    options.duplicate = 0.2;
    options.reorder = 0.3;
    options.resetMidBody = 0.4; // sums to 1.0000000000000002 in doubles: still accepted
    options.delayMs = 25;
    options.statsFile = QStringLiteral("/tmp/stats.json");
    auto parsed = parseCommandLine(base + options.toArguments());
    REQUIRE(parsed);
    CHECK(parsed->upstreamPort == 8080);
    CHECK(parsed->listenPort == 0);
    CHECK(parsed->options.seed == 99);
    CHECK(parsed->options.resetMidBody == 0.4);
    CHECK(parsed->options.delayMs == 25);
    CHECK(parsed->options.statsFile == options.statsFile);

    CHECK_FALSE(
        parseCommandLine(base + QStringList{QStringLiteral("--duplicate"), QStringLiteral("0.6"),
                                            QStringLiteral("--reorder"), QStringLiteral("0.5")}));
    CHECK_FALSE(
        parseCommandLine(base + QStringList{QStringLiteral("--reorder"), QStringLiteral("1.5")}));
    CHECK_FALSE(
        parseCommandLine(base + QStringList{QStringLiteral("--delay"), QStringLiteral("5")}));
    CHECK_FALSE(parseCommandLine({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}));
    CHECK_FALSE(parseCommandLine({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                  QStringLiteral("--upstream"), QStringLiteral("127.0.0.1:0")}));

    // Probability 1 always fires; 0 never does.
    FaultProxyOptions always;
    always.reorder = 1;
    FaultPlan plan(always);
    for (int i = 0; i < 1000; ++i)
        REQUIRE(plan.next() == Fault::Reorder);
}

TEST_CASE("Without faults the proxy passes requests through on one keep-alive connection",
          "[faultproxy]")
{
    TestServer server;
    server.start();
    Device device = enrolled(server);
    FaultProxy proxy(server.port());

    Client client(proxy.port());
    const Outcome health = client.send(http::verb::get, "/health");
    CHECK(health.status == 200);
    const Outcome pushed =
        client.send(http::verb::post, "/v1/sync/push",
                    pushBody({newRecord(device, "through the proxy")}), device.token);
    REQUIRE(pushed.status == 200);
    CHECK(pushResults(pushed).results.at(0).status == PushStatus::Accepted);
    const Outcome pulled =
        client.send(http::verb::get, "/v1/sync/pull?after=0&limit=10", {}, device.token);
    REQUIRE(pulled.status == 200);
    auto pull = protocol::PullResponse::fromJson(pulled.body);
    REQUIRE(pull);
    REQUIRE(pull->items.size() == 1);
    CHECK(device.open(pull->items[0].envelope, pull->items[0].key) == "through the proxy");

    const QJsonObject stats = proxy.stats();
    CHECK(stats.value(QStringLiteral("requests")).toInt() == 3);
    CHECK(stats.value(QStringLiteral("forwarded")).toInt() == 3);
    CHECK(stats.value(QStringLiteral("answered")).toInt() == 3);
    for (const char *fault : {"drop_response", "duplicate", "reorder", "reset_mid_body"})
        CHECK(stats.value(QLatin1String(fault)).toInt() == 0);
}

TEST_CASE("drop_response: the server stores the push, the client gets no answer", "[faultproxy]")
{
    TestServer server;
    server.start();
    Device device = enrolled(server);
    FaultProxyOptions faults;
    faults.dropResponse = 1;
    FaultProxy proxy(server.port(), faults);

    const protocol::PushItem item = newRecord(device, "committed, unanswered");
    const Outcome outcome =
        once(proxy.port(), http::verb::post, "/v1/sync/push", pushBody({item}), device.token);
    CHECK(outcome.status == 0);
    CHECK(outcome.closed()); // a clean close, not a reset: the request went through

    const auto stored = pullDirect(device);
    REQUIRE(stored.items.size() == 1);
    CHECK(stored.items[0].envelope == item.envelope);
    // The client's retry, straight to the server, is recognised as already stored.
    const Reply retry = device.push({item});
    REQUIRE(retry.status == 200);
    auto retried = protocol::PushResponse::fromJson(retry.body);
    REQUIRE(retried);
    CHECK(retried->results.at(0).status == PushStatus::Duplicate);

    const QJsonObject stats = proxy.stats();
    CHECK(stats.value(QStringLiteral("drop_response")).toInt() == 1);
    CHECK(stats.value(QStringLiteral("forwarded")).toInt() == 1);
    CHECK(stats.value(QStringLiteral("answered")).toInt() == 0);
}

TEST_CASE("duplicate: the server gets the push twice, the client the second answer", "[faultproxy]")
{
    TestServer server;
    server.start();
    Device device = enrolled(server);
    FaultProxyOptions faults;
    faults.duplicate = 1;
    FaultProxy proxy(server.port(), faults);

    const int pushesBefore = logLines(server, QStringLiteral("/v1/sync/push 200"));
    const protocol::PushItem item = newRecord(device, "sent twice");
    const Outcome outcome =
        once(proxy.port(), http::verb::post, "/v1/sync/push", pushBody({item}), device.token);
    REQUIRE(outcome.status == 200);
    const auto results = pushResults(outcome).results;
    REQUIRE(results.size() == 1);
    CHECK(results[0].status == PushStatus::Duplicate); // the second copy's answer
    CHECK(results[0].seq == 1);                        // the first copy's seq

    CHECK(pullDirect(device).items.size() == 1);
    CHECK(logLines(server, QStringLiteral("/v1/sync/push 200")) == pushesBefore + 2);
    const QJsonObject stats = proxy.stats();
    CHECK(stats.value(QStringLiteral("duplicate")).toInt() == 1);
    CHECK(stats.value(QStringLiteral("forwarded")).toInt() == 2);
    CHECK(stats.value(QStringLiteral("answered")).toInt() == 1);
}

TEST_CASE("reorder: a held push reaches the server only after the next answered request",
          "[faultproxy]")
{
    TestServer server;
    server.start();
    Device device = enrolled(server);
    FaultProxyOptions faults;
    faults.reorder = 0.5;
    faults = seededFor(faults, {Fault::Reorder, Fault::None});
    FaultProxy proxy(server.port(), faults);

    const protocol::PushItem stale = newRecord(device, "held back");
    const Outcome first =
        once(proxy.port(), http::verb::post, "/v1/sync/push", pushBody({stale}), device.token);
    CHECK(first.status == 0);
    // Held, not delivered: the server has nothing yet (give a wrong proxy time to show itself).
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(pullDirect(device).items.empty());

    const protocol::PushItem next = newRecord(device, "sent next");
    const Outcome second =
        once(proxy.port(), http::verb::post, "/v1/sync/push", pushBody({next}), device.token);
    REQUIRE(second.status == 200);
    CHECK(pushResults(second).results.at(0).seq == 1);

    // The late copy arrives after the next request was answered: it gets the later seq.
    REQUIRE(testing::waitUntil([&] { return pullDirect(device).items.size() == 2; }));
    const auto stored = pullDirect(device);
    CHECK(stored.items[0].envelope == next.envelope);
    CHECK(stored.items[0].seq == 1);
    CHECK(stored.items[1].envelope == stale.envelope);
    CHECK(stored.items[1].seq == 2);

    const QJsonObject stats = proxy.stats();
    CHECK(stats.value(QStringLiteral("requests")).toInt() == 2);
    CHECK(stats.value(QStringLiteral("reorder")).toInt() == 1);
    CHECK(stats.value(QStringLiteral("late_delivered")).toInt() == 1);
    CHECK(stats.value(QStringLiteral("forwarded")).toInt() == 2);
    CHECK(stats.value(QStringLiteral("answered")).toInt() == 1);
}

TEST_CASE("reset_mid_body: upstream gets the headers and half the body, then an RST",
          "[faultproxy]")
{
    RawUpstream upstream(2);
    FaultProxyOptions faults;
    faults.resetMidBody = 1;
    FaultProxy proxy(upstream.port(), faults);

    const QByteArray body(100000, 'x');
    const Outcome withBody = once(proxy.port(), http::verb::post, "/v1/sync/push", body);
    CHECK(withBody.status == 0);
    CHECK(withBody.reset());
    const Outcome withoutBody = once(proxy.port(), http::verb::get, "/health");
    CHECK(withoutBody.status == 0);
    CHECK(withoutBody.reset());

    const auto &seen = upstream.connections();
    REQUIRE(seen.size() == 2);
    const qsizetype headerEnd = seen[0].bytes.indexOf("\r\n\r\n");
    REQUIRE(headerEnd > 0);
    CHECK(seen[0].bytes.startsWith("POST /v1/sync/push HTTP/1.1\r\n"));
    CHECK(seen[0].bytes.size() - (headerEnd + 4) == body.size() / 2);
    CHECK(seen[0].end == asio::error::connection_reset);
    CHECK(seen[1].bytes.startsWith("GET /health HTTP/1.1\r\n"));
    CHECK(seen[1].bytes.endsWith("\r\n\r\n"));
    CHECK(seen[1].end == asio::error::connection_reset);

    const QJsonObject stats = proxy.stats();
    CHECK(stats.value(QStringLiteral("reset_mid_body")).toInt() == 2);
    CHECK(stats.value(QStringLiteral("forwarded")).toInt() == 0);
}

TEST_CASE("reset_mid_body: the server stores nothing of a half-sent push", "[faultproxy]")
{
    TestServer server;
    server.start();
    Device device = enrolled(server);
    FaultProxyOptions faults;
    faults.resetMidBody = 1;
    FaultProxy proxy(server.port(), faults);

    std::vector<protocol::PushItem> items;
    for (int i = 0; i < 20; ++i)
        items.push_back(newRecord(device, QByteArray(4000, static_cast<char>('a' + i))));
    const Outcome outcome =
        once(proxy.port(), http::verb::post, "/v1/sync/push", pushBody(items), device.token);
    CHECK(outcome.status == 0);
    CHECK(outcome.reset());

    CHECK(pullDirect(device).items.empty());
    CHECK(server.request("GET", "/health").status == 200);
    // The whole batch, sent again directly, is new to the server.
    const Reply retry = device.push(items);
    REQUIRE(retry.status == 200);
    auto retried = protocol::PushResponse::fromJson(retry.body);
    REQUIRE(retried);
    for (const auto &result : retried->results)
        CHECK(result.status == PushStatus::Accepted);
    CHECK(proxy.stats().value(QStringLiteral("reset_mid_body")).toInt() == 1);
}

TEST_CASE("delay: every request waits before it is forwarded", "[faultproxy]")
{
    TestServer server;
    server.start();
    FaultProxyOptions faults;
    faults.delayMs = 300;
    FaultProxy proxy(server.port(), faults);

    Client client(proxy.port());
    for (int i = 0; i < 2; ++i) {
        QElapsedTimer timer;
        timer.start();
        CHECK(client.send(http::verb::get, "/health").status == 200);
        CHECK(timer.elapsed() >= 300);
    }
}

TEST_CASE("Mixed faults follow the seeded plan and the stats count them", "[faultproxy]")
{
    TestServer server;
    server.start();
    Device device = enrolled(server);
    FaultProxyOptions faults;
    faults.seed = 20240601;
    faults.dropResponse = 0.15;
    faults.duplicate = 0.15;
    faults.reorder = 0.15;
    faults.resetMidBody = 0.15;
    FaultProxy proxy(server.port(), faults);

    // A small POST with a body (so a reset request never reaches the handler); each request on
    // its own connection, since most faults end the connection.
    const QByteArray body = protocol::ChallengeRequest{device.deviceId}.toJson();
    const QString served = QStringLiteral("/v1/auth/challenge 200");
    const int servedBefore = logLines(server, served);
    FaultPlan plan(faults);
    std::map<Fault, int> counts;
    int held = 0;
    int late = 0;
    const int requests = 40;
    for (int i = 0; i < requests; ++i) {
        const Fault fault = plan.next();
        ++counts[fault];
        const Outcome outcome = once(proxy.port(), http::verb::post, "/v1/auth/challenge", body);
        INFO("request " << i << ": " << faultproxy::faultName(fault).toStdString());
        switch (fault) {
        case Fault::None:
        case Fault::Duplicate:
            CHECK(outcome.status == 200);
            late += held;
            held = 0;
            break;
        case Fault::DropResponse:
            CHECK(outcome.status == 0);
            CHECK(outcome.closed());
            break;
        case Fault::Reorder:
            CHECK(outcome.status == 0);
            ++held;
            break;
        case Fault::ResetMidBody:
            CHECK(outcome.status == 0);
            CHECK(outcome.reset());
            break;
        }
    }
    // Every fault kind happened at least once, or this test proves less than it says.
    for (Fault fault :
         {Fault::None, Fault::DropResponse, Fault::Duplicate, Fault::Reorder, Fault::ResetMidBody})
        REQUIRE(counts[fault] > 0);

    const int forwarded =
        counts[Fault::None] + 2 * counts[Fault::Duplicate] + counts[Fault::DropResponse] + late;
    // Late deliveries finish after the answer that released them: wait until the server has
    // served every forwarded copy before stopping the proxy (which lets a late delivery it is
    // still reading the answer to finish, so the counts include it).
    CHECK(testing::waitUntil([&] { return logLines(server, served) - servedBefore == forwarded; }));
    const QJsonObject stats = proxy.stats();
    CHECK(stats.value(QStringLiteral("requests")).toInt() == requests);
    CHECK(stats.value(QStringLiteral("forwarded")).toInt() == forwarded);
    CHECK(stats.value(QStringLiteral("answered")).toInt() ==
          counts[Fault::None] + counts[Fault::Duplicate]);
    CHECK(stats.value(QStringLiteral("drop_response")).toInt() == counts[Fault::DropResponse]);
    CHECK(stats.value(QStringLiteral("duplicate")).toInt() == counts[Fault::Duplicate]);
    CHECK(stats.value(QStringLiteral("reorder")).toInt() == counts[Fault::Reorder]);
    CHECK(stats.value(QStringLiteral("reset_mid_body")).toInt() == counts[Fault::ResetMidBody]);
    CHECK(stats.value(QStringLiteral("late_delivered")).toInt() == late);
    CHECK(stats.value(QStringLiteral("upstream_errors")).toInt() == 0);
}
