#include "sync/httptransport.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace companion::sync {

namespace {

// A server answer is at most a push result or a pull page (8 MiB of envelopes, base64):
// anything far larger is not our server.
constexpr qint64 kMaxResponseBytes = 24 * 1024 * 1024;

} // namespace

QtHttpTransport::QtHttpTransport(QUrl baseUrl, int timeoutMs)
    : m_baseUrl(std::move(baseUrl))
    , m_timeoutMs(timeoutMs)
    , m_manager(std::make_unique<QNetworkAccessManager>())
{
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QtHttpTransport::~QtHttpTransport() = default;

Result<HttpResponse> QtHttpTransport::send(const HttpRequest &request)
{
    QUrl url = m_baseUrl;
    const QByteArray target = request.target;
    const qsizetype question = target.indexOf('?');
    url.setPath(m_baseUrl.path().chopped(m_baseUrl.path().endsWith(u'/') ? 1 : 0) +
                QString::fromUtf8(question < 0 ? target : target.left(question)));
    if (question >= 0)
        url.setQuery(QString::fromUtf8(target.mid(question + 1)));

    QNetworkRequest networkRequest(url);
    networkRequest.setTransferTimeout(m_timeoutMs);
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                                QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (!request.contentType.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    else if (!request.body.isEmpty() || request.method == "POST" || request.method == "PUT")
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    if (!request.bearer.isEmpty())
        networkRequest.setRawHeader("Authorization"_ba, "Bearer "_ba + request.bearer);

    QNetworkReply *reply = nullptr;
    if (request.method == "GET")
        reply = m_manager->get(networkRequest);
    else if (request.method == "DELETE")
        reply = m_manager->deleteResource(networkRequest);
    else
        reply = m_manager->sendCustomRequest(networkRequest, request.method, request.body);

    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [reply](qint64 received, qint64) {
                         if (received > kMaxResponseBytes)
                             reply->abort();
                     });
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    HttpResponse response;
    if (!status.isValid()) {
        // No HTTP answer at all: refused, reset, timed out, TLS failure. The error string names
        // the host at most, never a body or token.
        const QString reason = reply->errorString();
        reply->deleteLater();
        return makeError(ErrorCode::Network,
                         u"no answer from the clinic server (%1)"_s.arg(reason));
    }
    response.status = status.toInt();
    response.body = reply->readAll();
    if (reply->hasRawHeader("Retry-After"_ba)) {
        bool ok = false;
        const int seconds = reply->rawHeader("Retry-After"_ba).trimmed().toInt(&ok);
        if (ok && seconds >= 0)
            response.retryAfterSeconds = seconds;
    }
    // A reply cut short (reset mid-body) has a status but an error: treat it as no answer.
    if (reply->error() == QNetworkReply::RemoteHostClosedError ||
        reply->error() == QNetworkReply::OperationCanceledError ||
        reply->error() == QNetworkReply::TimeoutError) {
        reply->deleteLater();
        return makeError(ErrorCode::Network, u"the clinic server's answer was cut short"_s);
    }
    reply->deleteLater();
    return response;
}

Result<QUrl> parseServerUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
        url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return makeError(ErrorCode::InvalidInput,
                         u"the server address must look like https://clinic.example:8443"_s);
    return url;
}

} // namespace companion::sync
