#pragma once

// Plain HTTP for the benchmarks' baselines: a keep-alive client and a sink that reads whole
// requests and throws them away, both on Boost.Beast (the library companion-server uses), with
// nothing of ours in between — no JSON parsing, no database, no retry logic.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <QByteArray>
#include <QString>

#include <atomic>
#include <cstdint>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <string>
#include <sys/socket.h>
#include <thread>

namespace companion::bench {

namespace beasthttp = boost::beast::http;

struct PlainReply
{
    int status = 0; // 0: no answer
    QByteArray body;
};

// One keep-alive connection to 127.0.0.1:port, reopened when the server closes it.
class PlainHttpClient
{
public:
    explicit PlainHttpClient(std::uint16_t port)
        : m_port(port)
    {}

    PlainReply request(beasthttp::verb method, const std::string &target,
                       const QByteArray &body = {}, const QString &token = {},
                       const char *contentType = "application/json")
    {
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (!m_socket && !connect())
                return {};
            beasthttp::request<beasthttp::string_body> req{method, target, 11};
            req.set(beasthttp::field::host, "127.0.0.1");
            if (!token.isEmpty())
                req.set(beasthttp::field::authorization, "Bearer " + token.toStdString());
            if (!body.isEmpty())
                req.set(beasthttp::field::content_type, contentType);
            req.body().assign(body.constData(), static_cast<std::size_t>(body.size()));
            req.keep_alive(true);
            req.prepare_payload();
            boost::beast::error_code ec;
            beasthttp::write(*m_socket, req, ec);
            beasthttp::response_parser<beasthttp::string_body> parser;
            parser.body_limit(64 * 1024 * 1024);
            if (!ec)
                beasthttp::read(*m_socket, m_buffer, parser, ec);
            if (ec) {
                // A keep-alive connection the server closed: once more on a fresh one.
                m_socket.reset();
                m_buffer.clear();
                continue;
            }
            auto response = parser.release();
            PlainReply reply{static_cast<int>(response.result_int()),
                             QByteArray::fromStdString(response.body())};
            if (!response.keep_alive()) {
                m_socket.reset();
                m_buffer.clear();
            }
            return reply;
        }
        return {};
    }

private:
    bool connect()
    {
        m_socket.emplace(m_io);
        boost::beast::error_code ec;
        m_socket->connect({boost::asio::ip::address_v4::loopback(), m_port}, ec);
        if (ec) {
            m_socket.reset();
            return false;
        }
        m_socket->set_option(boost::asio::ip::tcp::no_delay(true));
        return true;
    }

    boost::asio::io_context m_io;
    std::uint16_t m_port;
    std::optional<boost::asio::ip::tcp::socket> m_socket;
    boost::beast::flat_buffer m_buffer;
};

// The cheapest thing that can receive an HTTP POST: parses the request, keeps the whole body in
// memory (as the server does, up to the push route's 16 MiB cap), answers 200 with a few bytes.
// One connection at a time, on its own thread.
class DiscardingHttpSink
{
public:
    DiscardingHttpSink()
        : m_acceptor(m_io, {boost::asio::ip::address_v4::loopback(), 0})
        , m_thread([this] { serve(); })
    {}
    ~DiscardingHttpSink()
    {
        // Wake the blocking accept with one last connection; the thread sees the flag and ends.
        m_stop = true;
        boost::asio::io_context io;
        boost::asio::ip::tcp::socket wake(io);
        boost::beast::error_code ec;
        wake.connect({boost::asio::ip::address_v4::loopback(), port()}, ec);
        m_thread.join();
    }
    DiscardingHttpSink(const DiscardingHttpSink &) = delete;
    DiscardingHttpSink &operator=(const DiscardingHttpSink &) = delete;

    std::uint16_t port() const { return m_acceptor.local_endpoint().port(); }
    std::uint64_t bytesReceived() const { return m_bytes; }

private:
    void serve()
    {
        while (!m_stop) {
            boost::asio::ip::tcp::socket socket(m_io);
            boost::beast::error_code ec;
            m_acceptor.accept(socket, ec);
            if (ec || m_stop)
                return;
            socket.set_option(boost::asio::ip::tcp::no_delay(true));
            boost::beast::flat_buffer buffer;
            while (true) {
                // Headers first, then the body piece by piece with prompt acknowledgements, as
                // companion-server reads it (httpserver.cpp): when the kernel acknowledges decides
                // whether a client that keeps Nagle's algorithm on waits, so it is part of what
                // is measured.
                beasthttp::request_parser<beasthttp::string_body> parser;
                parser.body_limit(16 * 1024 * 1024);
                beasthttp::read_header(socket, buffer, parser, ec);
                while (!ec && !parser.is_done()) {
#ifdef TCP_QUICKACK
                    const int on = 1;
                    ::setsockopt(socket.native_handle(), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#endif
                    beasthttp::read_some(socket, buffer, parser, ec);
                }
                if (ec)
                    break;
                m_bytes += parser.get().body().size();
                beasthttp::response<beasthttp::string_body> res{beasthttp::status::ok, 11};
                res.set(beasthttp::field::content_type, "application/json");
                res.body() = R"({"ok":true})";
                res.keep_alive(parser.get().keep_alive());
                res.prepare_payload();
                beasthttp::write(socket, res, ec);
                if (ec || !res.keep_alive())
                    break;
            }
        }
    }

    boost::asio::io_context m_io;
    boost::asio::ip::tcp::acceptor m_acceptor;
    std::atomic<bool> m_stop{false};
    std::atomic<std::uint64_t> m_bytes{0};
    std::thread m_thread;
};

} // namespace companion::bench
