#include "server/httpserver.h"

#include "server/logging.h"
#include "server/ratelimiter.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <QElapsedTimer>

#include <atomic>
#include <functional>
#include <future>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <sys/socket.h>
#include <thread>
#include <vector>

namespace companion::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

// Acknowledge the body's segments at once while it arrives. Clients that keep Nagle's algorithm
// on (Qt's QNetworkAccessManager does) hold the body's last small segment until everything
// before it is acknowledged, and Linux delays acknowledgements by up to 40 ms: without this, a
// push request often waited 40 ms for nothing (bench/bench_sync). Linux only; a hint, reset by
// the kernel as it sees fit, so it is set again for every body.
void acknowledgePromptly([[maybe_unused]] tcp::socket &socket)
{
#ifdef TCP_QUICKACK
    const int on = 1;
    ::setsockopt(socket.native_handle(), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#endif
}

// One database worker: a thread with its own io_context and its own QtSql connection (Qt allows a
// connection only on the thread that opened it).
struct DbWorker
{
    asio::io_context context;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard;
    std::thread thread;
    std::unique_ptr<Database> db;
    std::unique_ptr<Api> api;

    // Group commit (ADR 0026): pushes waiting for the next group. Worker thread only.
    struct PendingPush
    {
        HttpRequest request;
        std::function<void(HttpResponse)> deliver;
    };
    std::vector<PendingPush> pushes;
    bool flushPosted = false;
};

HttpResponse unavailable()
{
    return HttpResponse::error(503, QStringLiteral("unavailable"),
                               QStringLiteral("the database is unavailable"));
}

// Runs the pushes queued on this worker as one group (Api::handleGroup): those that arrived
// while the previous group was committing share the next commit. Each is answered only after it.
void flushPushes(DbWorker &worker, std::size_t maxGroup)
{
    worker.flushPosted = false;
    std::vector<DbWorker::PendingPush> group;
    if (worker.pushes.size() <= maxGroup) {
        group.swap(worker.pushes);
    } else {
        const auto end = worker.pushes.begin() + static_cast<std::ptrdiff_t>(maxGroup);
        group.assign(std::make_move_iterator(worker.pushes.begin()), std::make_move_iterator(end));
        worker.pushes.erase(worker.pushes.begin(), end);
        worker.flushPosted = true;
        asio::post(worker.context, [&worker, maxGroup] { flushPushes(worker, maxGroup); });
    }
    if (group.size() > 1)
        qCInfo(lcServer).noquote() << "push group of" << group.size(); // sizes only, for tuning
    std::vector<HttpRequest> requests;
    requests.reserve(group.size());
    for (auto &pending : group)
        requests.push_back(std::move(pending.request));
    std::vector<HttpResponse> responses;
    if (worker.api)
        responses = worker.api->handleGroup(requests);
    else
        responses.assign(requests.size(), unavailable());
    // As for a single request (asyncHandle): a lost connection makes the failures temporary.
    bool lost = false;
    bool probed = false;
    for (std::size_t i = 0; i < group.size(); ++i) {
        if (responses[i].status == 500 && worker.db) {
            if (!probed) {
                lost = worker.db->recoverLostConnection();
                probed = true;
            }
            if (lost)
                responses[i] = unavailable();
        }
        group[i].deliver(std::move(responses[i]));
    }
}

// A push: queued on the worker for the next group commit, resumed with its own response.
template<typename Token>
auto asyncPush(DbWorker &worker, std::size_t maxGroup, HttpRequest request, Token &&token)
{
    return asio::async_initiate<Token, void(HttpResponse)>(
        [&worker, maxGroup](auto handler, HttpRequest request) {
            using Handler = std::decay_t<decltype(handler)>;
            // std::function needs a copyable target: the handler and its work guard are shared.
            struct Completion
            {
                Handler handler;
                asio::executor_work_guard<asio::associated_executor_t<Handler>> work;
            };
            auto work = asio::make_work_guard(asio::get_associated_executor(handler));
            auto completion =
                std::make_shared<Completion>(Completion{std::move(handler), std::move(work)});
            asio::post(worker.context, [&worker, maxGroup, request = std::move(request),
                                        completion]() mutable {
                worker.pushes.push_back(
                    {std::move(request), [completion](HttpResponse response) {
                         auto executor = asio::get_associated_executor(completion->handler);
                         asio::post(executor,
                                    [completion, response = std::move(response)]() mutable {
                                        std::move(completion->handler)(std::move(response));
                                        completion->work.reset();
                                    });
                     }});
                if (!worker.flushPosted) {
                    worker.flushPosted = true;
                    asio::post(worker.context,
                               [&worker, maxGroup] { flushPushes(worker, maxGroup); });
                }
            });
        },
        token, std::move(request));
}

// Runs the request on a worker and resumes the coroutine on its own executor with the response.
template<typename Token>
auto asyncHandle(DbWorker &worker, HttpRequest request, Token &&token)
{
    return asio::async_initiate<Token, void(HttpResponse)>(
        [&worker](auto handler, HttpRequest request) {
            auto work = asio::make_work_guard(asio::get_associated_executor(handler));
            asio::post(worker.context, [&worker, request = std::move(request),
                                        handler = std::move(handler),
                                        work = std::move(work)]() mutable {
                HttpResponse response =
                    worker.api ? worker.api->handle(request)
                               : HttpResponse::error(503, QStringLiteral("unavailable"),
                                                     QStringLiteral("the database is unavailable"));
                // A storage failure because the database went away (restart, failover) is
                // temporary: 503 tells clients to retry, and the connection is reopened for the
                // next request. Should a commit have landed just before the connection died, the
                // client's retry is an identical re-send, which the push route accepts
                // idempotently.
                if (response.status == 500 && worker.db && worker.db->recoverLostConnection())
                    response = HttpResponse::error(503, QStringLiteral("unavailable"),
                                                   QStringLiteral("the database is unavailable"));
                auto executor = asio::get_associated_executor(handler);
                asio::post(executor, [handler = std::move(handler),
                                      response = std::move(response)]() mutable {
                    std::move(handler)(std::move(response));
                });
            });
        },
        token, std::move(request));
}

// Bytes of request bodies held at once, across connections.
class BodyBudget
{
public:
    explicit BodyBudget(std::int64_t total)
        : m_available(total)
    {}
    bool reserve(std::int64_t bytes)
    {
        std::int64_t current = m_available.load();
        while (current >= bytes) {
            if (m_available.compare_exchange_weak(current, current - bytes))
                return true;
        }
        return false;
    }
    void release(std::int64_t bytes) { m_available += bytes; }

private:
    std::atomic<std::int64_t> m_available;
};

class Reservation
{
public:
    Reservation(BodyBudget &budget, std::int64_t bytes)
        : m_budget(budget)
        , m_bytes(budget.reserve(bytes) ? bytes : -1)
    {}
    ~Reservation()
    {
        if (m_bytes > 0)
            m_budget.release(m_bytes);
    }
    bool ok() const { return m_bytes >= 0; }

private:
    BodyBudget &m_budget;
    std::int64_t m_bytes;
};

http::response<http::string_body> toBeast(const HttpResponse &response, bool keepAlive)
{
    http::response<http::string_body> out{static_cast<http::status>(response.status), 11};
    out.set(http::field::server, "companion-server");
    out.set(http::field::cache_control, "no-store");
    if (!response.contentType.isEmpty())
        out.set(http::field::content_type,
                std::string_view(response.contentType.constData(),
                                 static_cast<std::size_t>(response.contentType.size())));
    if (response.retryAfterSeconds > 0)
        out.set(http::field::retry_after, std::to_string(response.retryAfterSeconds));
    if (response.status == 401)
        out.set(http::field::www_authenticate, "Bearer");
    out.body().assign(response.body.constData(), static_cast<std::size_t>(response.body.size()));
    out.keep_alive(keepAlive);
    out.prepare_payload();
    return out;
}

} // namespace

struct HttpServer::Impl
{
    explicit Impl(ServerOptions options)
        : options(std::move(options))
        , budget(this->options.limits.bodyBudget)
        , enrolLimiter(this->options.limits.enrolPerMinute)
        , authLimiter(this->options.limits.authPerMinute)
    {}

    ServerOptions options;
    asio::io_context io{1};
    std::optional<tcp::acceptor> acceptor;
    std::optional<ssl::context> tls;
    std::vector<std::unique_ptr<DbWorker>> workers; // read-write: every route
    std::vector<std::unique_ptr<DbWorker>> readers; // read-only: RouteInfo::readsOnly routes
    std::size_t nextWorker = 0;
    std::size_t nextReader = 0;
    int connections = 0; // network thread only
    BodyBudget budget;
    RateLimiter enrolLimiter;
    RateLimiter authLimiter;

    DbWorker &pickWorker()
    {
        DbWorker &worker = *workers[nextWorker];
        nextWorker = (nextWorker + 1) % workers.size();
        return worker;
    }
    DbWorker &pickWorker(const RouteInfo *route)
    {
        if (!route || !route->readsOnly || readers.empty())
            return pickWorker();
        DbWorker &reader = *readers[nextReader];
        nextReader = (nextReader + 1) % readers.size();
        return reader;
    }
    Result<void> addWorker(Database::Mode mode);

    asio::awaitable<void> acceptLoop();
    template<typename Stream>
    asio::awaitable<void> serve(Stream &stream, QString peer);
    asio::awaitable<void> runPlain(tcp::socket socket, QString peer);
    asio::awaitable<void> runTls(tcp::socket socket, QString peer);
    asio::awaitable<void> refuse(tcp::socket socket);
};

HttpServer::HttpServer(ServerOptions options)
    : m_impl(std::make_unique<Impl>(std::move(options)))
{}

HttpServer::~HttpServer()
{
    stop();
    for (auto *pool : {&m_impl->workers, &m_impl->readers})
        for (auto &worker : *pool) {
            if (worker->thread.joinable())
                worker->thread.join();
        }
}

Result<void> HttpServer::Impl::addWorker(Database::Mode mode)
{
    // Opens the worker's connection on its own thread and waits for the outcome.
    auto worker = std::make_unique<DbWorker>();
    worker->guard.emplace(worker->context.get_executor());
    std::promise<Result<void>> opened;
    auto future = opened.get_future();
    DbWorker *raw = worker.get();
    worker->thread = std::thread([raw, &opened, mode, this] {
        auto db = Database::open(options.database, mode);
        if (!db) {
            opened.set_value(db.error());
            return;
        }
        raw->db = std::move(db).value();
        raw->api = std::make_unique<Api>(*raw->db, options.api);
        opened.set_value({});
        raw->context.run();
        raw->api.reset();
        raw->db.reset();
    });
    auto result = future.get();
    (mode == Database::Mode::ReadOnly ? readers : workers).push_back(std::move(worker));
    return result;
}

Result<std::uint16_t> HttpServer::start()
{
    Impl &d = *m_impl;
    if (!d.options.tlsCertificate.isEmpty() || !d.options.tlsKey.isEmpty()) {
        if (d.options.tlsCertificate.isEmpty() || d.options.tlsKey.isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("TLS needs both --tls-cert and --tls-key"));
        d.tls.emplace(ssl::context::tls_server);
        d.tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                           ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                           ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
        beast::error_code ec;
        d.tls->use_certificate_chain_file(d.options.tlsCertificate.toStdString(), ec);
        if (!ec)
            d.tls->use_private_key_file(d.options.tlsKey.toStdString(), ssl::context::pem, ec);
        if (ec)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("cannot load the TLS certificate or key"));
    }

    // The writers first: the first connection of a fresh SQLite file switches it to WAL.
    for (int i = 0; i < std::max(1, d.options.limits.dbWorkers); ++i)
        COMPANION_TRY(d.addWorker(Database::Mode::ReadWrite));
    for (int i = 0; i < d.options.limits.readWorkers; ++i)
        COMPANION_TRY(d.addWorker(Database::Mode::ReadOnly));

    beast::error_code ec;
    const auto address = asio::ip::make_address(d.options.host.toStdString(), ec);
    if (ec)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not an IP address to listen on"));
    d.acceptor.emplace(d.io);
    const tcp::endpoint endpoint(address, d.options.port);
    d.acceptor->open(endpoint.protocol(), ec);
    if (!ec)
        d.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        d.acceptor->bind(endpoint, ec);
    if (!ec)
        d.acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return makeError(ErrorCode::Io, QStringLiteral("cannot listen on %1:%2 (%3)")
                                            .arg(d.options.host)
                                            .arg(d.options.port)
                                            .arg(QString::fromStdString(ec.message())));
    return d.acceptor->local_endpoint().port();
}

void HttpServer::run()
{
    Impl &d = *m_impl;
    asio::signal_set stopSignals(d.io, SIGINT, SIGTERM);
    stopSignals.async_wait([this](const beast::error_code &, int) { stop(); });
    asio::co_spawn(d.io, d.acceptLoop(), asio::detached);
    d.io.run();
    for (auto *pool : {&d.workers, &d.readers})
        for (auto &worker : *pool) {
            worker->guard.reset();
            worker->context.stop();
        }
    for (auto *pool : {&d.workers, &d.readers})
        for (auto &worker : *pool) {
            if (worker->thread.joinable())
                worker->thread.join();
        }
}

void HttpServer::stop()
{
    m_impl->io.stop();
}

asio::awaitable<void> HttpServer::Impl::acceptLoop()
{
    for (;;) {
        beast::error_code ec;
        tcp::socket socket =
            co_await acceptor->async_accept(asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
            if (ec == asio::error::operation_aborted)
                co_return;
            continue; // e.g. EMFILE: keep serving the connections we have
        }
        if (connections >= options.limits.maxConnections) {
            asio::co_spawn(io, refuse(std::move(socket)), asio::detached);
            continue;
        }
        beast::error_code peerError;
        const auto remote = socket.remote_endpoint(peerError);
        const QString peer =
            peerError ? QString() : QString::fromStdString(remote.address().to_string());
        ++connections;
        if (tls)
            asio::co_spawn(io, runTls(std::move(socket), peer), asio::detached);
        else
            asio::co_spawn(io, runPlain(std::move(socket), peer), asio::detached);
    }
}

asio::awaitable<void> HttpServer::Impl::refuse(tcp::socket socket)
{
    // Over the connection cap: a short answer, written with a deadline, then close.
    beast::tcp_stream stream(std::move(socket));
    stream.expires_after(std::chrono::seconds(2));
    auto response = toBeast(
        HttpResponse::error(503, QStringLiteral("busy"), QStringLiteral("too many connections")),
        false);
    beast::error_code ec;
    co_await http::async_write(stream, response, asio::redirect_error(asio::use_awaitable, ec));
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
}

asio::awaitable<void> HttpServer::Impl::runPlain(tcp::socket socket, QString peer)
{
    beast::tcp_stream stream(std::move(socket));
    co_await serve(stream, peer);
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    --connections;
}

asio::awaitable<void> HttpServer::Impl::runTls(tcp::socket socket, QString peer)
{
    beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), *tls);
    beast::get_lowest_layer(stream).expires_after(options.limits.headerTimeout);
    beast::error_code ec;
    co_await stream.async_handshake(ssl::stream_base::server,
                                    asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) {
        co_await serve(stream, peer);
        beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
        co_await stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
    }
    --connections;
}

template<typename Stream>
asio::awaitable<void> HttpServer::Impl::serve(Stream &stream, QString peer)
{
    // The buffer holds at most the header limit plus what the parser has not consumed yet.
    beast::flat_buffer buffer;
    auto &lowest = beast::get_lowest_layer(stream);
    for (;;) {
        beast::error_code ec;
        http::request_parser<http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(options.limits.headerLimit));
        // No body limit while reading the headers (Beast would reject a large Content-Length as a
        // parse error); the route's limit is set before a byte of the body is read.
        parser.body_limit(boost::none);
        lowest.expires_after(options.limits.headerTimeout);
        co_await http::async_read_header(stream, buffer, parser,
                                         asio::redirect_error(asio::use_awaitable, ec));
        QElapsedTimer timer;
        timer.start();

        auto reply = [&](const HttpResponse &response, bool keepAlive,
                         const char *route) -> asio::awaitable<bool> {
            auto message = toBeast(response, keepAlive);
            lowest.expires_after(options.limits.writeTimeout);
            beast::error_code writeError;
            co_await http::async_write(stream, message,
                                       asio::redirect_error(asio::use_awaitable, writeError));
            qCInfo(lcServer).noquote() << route << response.status << timer.elapsed() << "ms";
            co_return !writeError && keepAlive;
        };

        if (ec == http::error::header_limit) {
            co_await reply(HttpResponse::error(431, QStringLiteral("headers_too_large"),
                                               QStringLiteral("request headers exceed 16 KiB")),
                           false, "-");
            co_return;
        }
        if (ec == beast::error::timeout || ec == http::error::end_of_stream ||
            ec == asio::error::eof || ec == asio::error::connection_reset ||
            ec == asio::error::operation_aborted)
            co_return;
        if (ec) {
            co_await reply(HttpResponse::error(400, QStringLiteral("bad_request"),
                                               QStringLiteral("malformed HTTP request")),
                           false, "-");
            co_return;
        }

        const auto &header = parser.get();
        const std::string_view methodText = header.method_string();
        const std::string_view targetText = header.target();
        const QByteArray method(methodText.data(), static_cast<qsizetype>(methodText.size()));
        const QByteArray target(targetText.data(), static_cast<qsizetype>(targetText.size()));
        const RouteMatch match = matchRoute(method, target);
        const RouteInfo *route =
            match.index >= 0 ? &routeTable()[static_cast<std::size_t>(match.index)] : nullptr;
        const char *routeName = route ? route->pattern.constData() : "(no route)";
        // Unknown routes may still carry a small body (so the client sees 404, not 413).
        const std::int64_t limit = route ? route->bodyLimit : 16 * 1024;
        const bool keepAlive = header.keep_alive();

        const auto contentLength = parser.content_length();
        const bool chunked = parser.chunked();
        if ((contentLength && static_cast<std::int64_t>(*contentLength) > limit) ||
            (chunked && limit == 0)) {
            // Refused before reading a byte of the body; close so the rest is never parsed.
            co_await reply(
                HttpResponse::error(413, QStringLiteral("body_too_large"),
                                    QStringLiteral("request body exceeds %1 bytes").arg(limit)),
                false, routeName);
            co_return;
        }

        if (route && route->rate != RateClass::None) {
            RateLimiter &limiter = route->rate == RateClass::Enrol ? enrolLimiter : authLimiter;
            if (!limiter.allow(peer)) {
                HttpResponse limited = HttpResponse::error(429, QStringLiteral("rate_limited"),
                                                           QStringLiteral("too many attempts"));
                limited.retryAfterSeconds = limiter.retryAfterSeconds();
                co_await reply(limited, false, routeName);
                co_return;
            }
        }

        // Hold the body's bytes against the global budget (chunked bodies reserve the cap).
        const std::int64_t bodyBytes =
            contentLength ? static_cast<std::int64_t>(*contentLength) : (chunked ? limit : 0);
        Reservation reservation(budget, bodyBytes);
        if (!reservation.ok()) {
            HttpResponse busy = HttpResponse::error(503, QStringLiteral("busy"),
                                                    QStringLiteral("the server is busy"));
            busy.retryAfterSeconds = 5;
            co_await reply(busy, false, routeName);
            co_return;
        }

        if (bodyBytes > 0) {
            if (const auto expect = header[http::field::expect];
                beast::iequals(expect, "100-continue")) {
                http::response<http::empty_body> proceed{http::status::continue_, 11};
                lowest.expires_after(options.limits.writeTimeout);
                co_await http::async_write(stream, proceed,
                                           asio::redirect_error(asio::use_awaitable, ec));
                if (ec)
                    co_return;
            }
            parser.body_limit(static_cast<std::uint64_t>(limit));
            lowest.expires_after(options.limits.bodyTimeout);
            while (!ec && !parser.is_done()) {
                acknowledgePromptly(lowest.socket());
                co_await http::async_read_some(stream, buffer, parser,
                                               asio::redirect_error(asio::use_awaitable, ec));
            }
            if (ec == http::error::body_limit) {
                co_await reply(
                    HttpResponse::error(413, QStringLiteral("body_too_large"),
                                        QStringLiteral("request body exceeds %1 bytes").arg(limit)),
                    false, routeName);
                co_return;
            }
            if (ec)
                co_return; // timeout or a dropped connection: nothing to answer
        }

        HttpResponse response;
        if (route && route->pattern == "/health") {
            // Answered on the network thread: health stays up while the database is busy.
            response = HttpResponse::json(200, R"({"status":"ok"})");
        } else {
            HttpRequest request;
            request.method = method;
            request.target = target;
            const auto authorization = header[http::field::authorization];
            request.authorization =
                QByteArray(authorization.data(), static_cast<qsizetype>(authorization.size()));
            const auto contentType = header[http::field::content_type];
            request.contentType =
                QByteArray(contentType.data(), static_cast<qsizetype>(contentType.size()));
            const std::string &body = parser.get().body();
            request.body = QByteArray(body.data(), static_cast<qsizetype>(body.size()));
            parser.release(); // drop our copy of the body before waiting on the database
            const bool grouped = route && route->pattern == "/v1/sync/push" &&
                                 options.database.kind == DatabaseUrl::Kind::Sqlite &&
                                 options.limits.pushGroup > 1;
            if (grouped)
                response = co_await asyncPush(pickWorker(route),
                                              static_cast<std::size_t>(options.limits.pushGroup),
                                              std::move(request), asio::use_awaitable);
            else
                response = co_await asyncHandle(pickWorker(route), std::move(request),
                                                asio::use_awaitable);
        }
        if (!co_await reply(response, keepAlive, routeName))
            co_return;
    }
}

} // namespace companion::server
