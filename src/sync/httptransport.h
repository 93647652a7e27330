#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace companion::sync {

// One HTTP exchange with the clinic server. The sync engine is written against this interface
// so the same code runs in the CLI (on the calling thread) and in the app (on the sync worker
// thread), and so a test can put a fault proxy or a recording transport in between.
struct HttpRequest
{
    QByteArray method;           // "GET", "POST", "PUT", "DELETE"
    QByteArray target;           // path and query, e.g. "/v1/sync/pull?after=0&limit=500"
    QByteArray body;             // JSON, the binary push body, or empty
    QByteArray bearer;           // access token or empty; never logged
    QByteArray contentType = {}; // empty: application/json for a body, a POST or a PUT
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    int retryAfterSeconds = -1; // from Retry-After on 429/503, else -1
};

class HttpTransport
{
public:
    virtual ~HttpTransport() = default;
    // An answer with any status, or Network when no answer arrived (refused, reset, timed out).
    virtual Result<HttpResponse> send(const HttpRequest &request) = 0;
};

// HTTP/1.1 through QNetworkAccessManager (architecture.md: `sync` over QtNetwork), blocking the
// calling thread in a local event loop until the answer or the timeout. Keeps connections alive
// between requests. Lives on the thread that created it.
class QtHttpTransport final : public HttpTransport
{
public:
    // `baseUrl`: "http(s)://host:port" (a path prefix is kept, e.g. behind a reverse proxy).
    explicit QtHttpTransport(QUrl baseUrl, int timeoutMs = 30000);
    ~QtHttpTransport() override;
    QtHttpTransport(const QtHttpTransport &) = delete;
    QtHttpTransport &operator=(const QtHttpTransport &) = delete;

    Result<HttpResponse> send(const HttpRequest &request) override;

private:
    QUrl m_baseUrl;
    int m_timeoutMs;
    std::unique_ptr<QNetworkAccessManager> m_manager;
};

// Checks a server address a person typed: http or https, a host, no user info, no query.
Result<QUrl> parseServerUrl(const QString &text);

} // namespace companion::sync
