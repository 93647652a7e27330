#include "support/faultproxy/proxyserver.h"

#include "support/faultproxy/faultplan.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <optional>
#include <utility>
#include <vector>

namespace companion::faultproxy {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

namespace {

constexpr std::uint64_t bodyLimit = 32 * 1024 * 1024;
// Above the server's own 16 KiB so the server, not the proxy, answers oversized headers.
constexpr std::uint32_t headerLimit = 64 * 1024;
constexpr auto clientIdleTimeout = std::chrono::minutes(5);
constexpr auto upstreamTimeout = std::chrono::minutes(2);

auto onError(beast::error_code &ec)
{
    return asio::redirect_error(asio::use_awaitable, ec);
}

// Closes with SO_LINGER 0: the kernel drops what is unsent and the peer gets an RST, not a FIN.
void resetSocket(tcp::socket &socket)
{
    beast::error_code ignored;
    socket.set_option(asio::socket_base::linger(true, 0), ignored);
    socket.close(ignored);
}

// One upstream connection, opened on first use and again whenever upstream has closed it (the
// server closes idle keep-alive connections after its header timeout).
class Upstream
{
public:
    Upstream(asio::any_io_executor executor, tcp::endpoint endpoint)
        : m_stream(std::move(executor))
        , m_endpoint(endpoint)
    {}

    beast::tcp_stream &stream() { return m_stream; }

    asio::awaitable<beast::error_code> connect()
    {
        beast::error_code ec;
        if (m_stream.socket().is_open() && !closedByPeer())
            co_return ec;
        m_stream.close();
        m_buffer.clear();
        m_stream.expires_after(upstreamTimeout);
        co_await m_stream.async_connect(m_endpoint, onError(ec));
        co_return ec;
    }

    // Writes the request; sets `written` once all of it is out, then reads the answer. An empty
    // optional: upstream broke off (the caller decides what the client sees).
    asio::awaitable<std::optional<Response>> exchange(const Request &request, bool &written)
    {
        written = false;
        beast::error_code ec = co_await connect();
        if (ec)
            co_return std::nullopt;
        m_stream.expires_after(upstreamTimeout);
        co_await http::async_write(m_stream, request, onError(ec));
        if (ec) {
            m_stream.close();
            co_return std::nullopt;
        }
        written = true;
        http::response_parser<http::string_body> parser;
        parser.body_limit(bodyLimit);
        parser.header_limit(headerLimit);
        if (request.method() == http::verb::head)
            parser.skip(true);
        co_await http::async_read(m_stream, m_buffer, parser, onError(ec));
        if (ec) {
            m_stream.close();
            co_return std::nullopt;
        }
        Response response = parser.release();
        if (!response.keep_alive())
            m_stream.close();
        co_return response;
    }

private:
    // An idle keep-alive connection that upstream closed reads as EOF (or has stray bytes):
    // peek without blocking instead of finding out by losing a request on it.
    bool closedByPeer()
    {
        char byte = 0;
        const ssize_t n =
            ::recv(m_stream.socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
        return n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
    }

    beast::tcp_stream m_stream;
    tcp::endpoint m_endpoint;
    beast::flat_buffer m_buffer;
};

} // namespace

struct ProxyServer::Impl
{
    explicit Impl(ProxyCommandLine commandLine)
        : line(std::move(commandLine))
        , plan(line.options)
    {}

    ProxyCommandLine line;
    asio::io_context io{1};
    std::optional<tcp::acceptor> acceptor;
    tcp::endpoint upstream;
    FaultPlan plan;
    ProxyStats stats;
    // Reordered requests, oldest first, waiting for the next answered request.
    std::vector<Request> held;
    // Late deliveries on their way upstream, and whether a stop waits for them: their copy
    // already reached the server, so the stats must count it (a test that saw the server store
    // it stops the proxy and compares the counts right away).
    int lateInFlight = 0;
    bool stopping = false;
    std::optional<asio::steady_timer> stopDeadline;
    std::ofstream capture;

    template<typename Message>
    void record(const Message &message)
    {
        if (capture.is_open())
            capture << message << "\r\n" << std::flush;
    }

    asio::awaitable<void> acceptLoop();
    asio::awaitable<void> session(tcp::socket socket);
    asio::awaitable<void> resetMidBody(beast::tcp_stream &client, Upstream &upstream,
                                       Request &request);
    asio::awaitable<void> deliverHeld();
    asio::awaitable<bool> answer(beast::tcp_stream &client, Response &response);
};

ProxyServer::ProxyServer(ProxyCommandLine commandLine)
    : m_impl(std::make_unique<Impl>(std::move(commandLine)))
{}

ProxyServer::~ProxyServer() = default;

Result<std::uint16_t> ProxyServer::start()
{
    Impl &d = *m_impl;
    beast::error_code ec;
    const auto listenAddress = asio::ip::make_address(d.line.listenHost.toStdString(), ec);
    if (ec)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("--listen: not an IP address"));
    const auto upstreamAddress = asio::ip::make_address(d.line.upstreamHost.toStdString(), ec);
    if (ec)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("--upstream: not an IP address"));
    d.upstream = tcp::endpoint(upstreamAddress, d.line.upstreamPort);
    if (!d.line.options.captureFile.isEmpty()) {
        d.capture.open(d.line.options.captureFile.toStdString(), std::ios::binary | std::ios::app);
        if (!d.capture)
            return makeError(ErrorCode::Io, QStringLiteral("--capture: cannot open the file"));
    }

    d.acceptor.emplace(d.io);
    const tcp::endpoint endpoint(listenAddress, d.line.listenPort);
    d.acceptor->open(endpoint.protocol(), ec);
    if (!ec)
        d.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        d.acceptor->bind(endpoint, ec);
    if (!ec)
        d.acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return makeError(
            ErrorCode::Io,
            QStringLiteral("cannot listen (%1)").arg(QString::fromStdString(ec.message())));
    return d.acceptor->local_endpoint().port();
}

void ProxyServer::run()
{
    Impl &d = *m_impl;
    asio::signal_set stopSignals(d.io, SIGINT, SIGTERM);
    stopSignals.async_wait([this](const beast::error_code &, int) { stop(); });
    asio::co_spawn(d.io, d.acceptLoop(), asio::detached);
    d.io.run();
}

void ProxyServer::stop()
{
    // On the io thread, where the sessions run: no locks needed to look at lateInFlight.
    asio::post(m_impl->io, [d = m_impl.get()] {
        if (d->lateInFlight == 0) {
            d->io.stop();
            return;
        }
        d->stopping = true;
        if (d->acceptor)
            d->acceptor->close(); // nothing new while the late copies finish
        // An upstream that never answers does not hold the stop for its two minutes.
        d->stopDeadline.emplace(d->io, std::chrono::seconds(5));
        d->stopDeadline->async_wait([d](const beast::error_code &) { d->io.stop(); });
    });
}

const ProxyStats &ProxyServer::stats() const
{
    return m_impl->stats;
}

asio::awaitable<void> ProxyServer::Impl::acceptLoop()
{
    for (;;) {
        beast::error_code ec;
        tcp::socket socket = co_await acceptor->async_accept(onError(ec));
        if (ec == asio::error::operation_aborted)
            co_return;
        if (!ec)
            asio::co_spawn(io, session(std::move(socket)), asio::detached);
    }
}

asio::awaitable<void> ProxyServer::Impl::session(tcp::socket socket)
{
    beast::tcp_stream client(std::move(socket));
    Upstream upstream(io.get_executor(), this->upstream);
    beast::flat_buffer buffer;
    for (;;) {
        beast::error_code ec;
        http::request_parser<http::string_body> parser;
        parser.body_limit(bodyLimit);
        parser.header_limit(headerLimit);
        client.expires_after(clientIdleTimeout);
        co_await http::async_read(client, buffer, parser, onError(ec));
        if (ec)
            co_return; // closed, idle too long, or not HTTP we handle: just close
        Request request = parser.release();
        record(request);
        ++stats.requests;
        // Decided in arrival order, before any delay, so the plan matches the requests' order.
        const Fault fault = plan.next();
        if (line.options.delayMs > 0) {
            asio::steady_timer timer(io, std::chrono::milliseconds(line.options.delayMs));
            co_await timer.async_wait(onError(ec));
        }

        bool written = false;
        std::optional<Response> response;
        switch (fault) {
        case Fault::Reorder:
            // The client sees its connection close unanswered (and retries); the request itself
            // reaches upstream later, after the next answered request: a stale copy arriving
            // after the retry.
            ++stats.reorder;
            held.push_back(std::move(request));
            co_return;
        case Fault::ResetMidBody:
            ++stats.resetMidBody;
            co_await resetMidBody(client, upstream, request);
            co_return;
        case Fault::DropResponse:
            // Upstream commits and answers; the client never hears of it.
            ++stats.dropResponse;
            response = co_await upstream.exchange(request, written);
            stats.forwarded += written ? 1 : 0;
            stats.upstreamErrors += response ? 0 : 1;
            co_return;
        case Fault::Duplicate:
            ++stats.duplicate;
            response = co_await upstream.exchange(request, written);
            stats.forwarded += written ? 1 : 0;
            if (response) {
                response = co_await upstream.exchange(request, written);
                stats.forwarded += written ? 1 : 0;
            }
            break;
        case Fault::None:
            response = co_await upstream.exchange(request, written);
            stats.forwarded += written ? 1 : 0;
            break;
        }

        if (!response) {
            ++stats.upstreamErrors;
            Response failed{http::status::bad_gateway, 11};
            failed.set(http::field::content_type, "application/json");
            failed.body() = R"({"error":"bad_gateway","message":"upstream failed"})";
            failed.keep_alive(false);
            failed.prepare_payload();
            co_await answer(client, failed);
            co_return;
        }
        const bool keepAlive = request.keep_alive() && response->keep_alive();
        if (!co_await answer(client, *response))
            co_return;
        co_await deliverHeld();
        if (!keepAlive) {
            client.socket().shutdown(tcp::socket::shutdown_send, ec);
            co_return;
        }
    }
}

asio::awaitable<bool> ProxyServer::Impl::answer(beast::tcp_stream &client, Response &response)
{
    beast::error_code ec;
    record(response);
    client.expires_after(upstreamTimeout);
    co_await http::async_write(client, response, onError(ec));
    if (ec)
        co_return false;
    ++stats.answered;
    co_return true;
}

asio::awaitable<void> ProxyServer::Impl::resetMidBody(beast::tcp_stream &client, Upstream &upstream,
                                                      Request &request)
{
    beast::error_code ec = co_await upstream.connect();
    if (!ec) {
        upstream.stream().expires_after(upstreamTimeout);
        http::request_serializer<http::string_body> serializer(request);
        co_await http::async_write_header(upstream.stream(), serializer, onError(ec));
    }
    const std::size_t half = request.body().size() / 2;
    if (!ec && half > 0)
        co_await asio::async_write(upstream.stream().socket(),
                                   asio::buffer(request.body().data(), half), onError(ec));
    if (!ec) {
        // Wait until upstream has acknowledged every byte (SIOCOUTQ: bytes not yet acked), then
        // a moment for it to read them, so it really sees half a body and then the RST.
        asio::steady_timer timer(io);
        const int fd = upstream.stream().socket().native_handle();
        for (int i = 0; i < 1000; ++i) {
            int unacknowledged = 0;
            if (::ioctl(fd, SIOCOUTQ, &unacknowledged) != 0 || unacknowledged == 0)
                break;
            timer.expires_after(std::chrono::milliseconds(2));
            co_await timer.async_wait(onError(ec));
        }
        timer.expires_after(std::chrono::milliseconds(50));
        co_await timer.async_wait(onError(ec));
    } else {
        ++stats.upstreamErrors;
    }
    resetSocket(upstream.stream().socket());
    resetSocket(client.socket());
}

asio::awaitable<void> ProxyServer::Impl::deliverHeld()
{
    if (held.empty())
        co_return;
    std::vector<Request> late;
    late.swap(held);
    ++lateInFlight;
    // A connection of its own, as a late retry from elsewhere would arrive; answers dropped.
    Upstream connection(io.get_executor(), upstream);
    for (const Request &request : late) {
        bool written = false;
        const auto response = co_await connection.exchange(request, written);
        stats.forwarded += written ? 1 : 0;
        stats.lateDelivered += written ? 1 : 0;
        stats.upstreamErrors += response ? 0 : 1;
    }
    if (--lateInFlight == 0 && stopping)
        io.stop();
}

} // namespace companion::faultproxy
