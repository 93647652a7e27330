#pragma once

#include "server/database.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace companion::server {

// The HTTP API without HTTP: requests and responses as plain values, so the routes, their
// authorisation and their limits are one table that the network layer, the tests and the
// documentation (docs/sync-protocol.md) all read.

struct HttpRequest
{
    QByteArray method; // "GET", "POST", …
    QByteArray target; // path and query, as sent
    QByteArray authorization;
    QByteArray body;
    QByteArray contentType = {}; // as sent; empty when the request had none
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    int retryAfterSeconds = 0; // 429 and 503

    static HttpResponse json(int status, QByteArray body);
    static HttpResponse error(int status, const QString &code, const QString &message);
    static HttpResponse noContent();
};

enum class Access {
    Public,    // no token
    Device,    // a patient device's access token: its own vault only
    Therapist, // a therapist's access token: only what is shared with the care team
};

enum class RateClass { None, Enrol, Auth };

struct RouteInfo
{
    QByteArray method;
    QByteArray pattern; // "/v1/vault/devices/{device_id}": {…} is one path segment
    Access access = Access::Public;
    qsizetype bodyLimit = 0; // larger bodies are refused with 413 before they are read
    RateClass rate = RateClass::None;
    QString summary;
    // Only reads (ADR 0026): the server may answer it on a read-only connection beside the
    // writer. False for every route that writes anything, the audited GET included.
    bool readsOnly = false;
};

// Every route the server answers, in the order they are matched.
const std::vector<RouteInfo> &routeTable();

struct RouteMatch
{
    int index = -1;           // into routeTable(); -1 when nothing matched
    bool wrongMethod = false; // the path exists with another method (405)
    QStringList params;       // the {…} segments in order
};
RouteMatch matchRoute(QByteArrayView method, QByteArrayView target);

struct ApiConfig
{
    std::int64_t tokenTtlMs = 15 * 60 * 1000;
    std::int64_t challengeTtlMs = 2 * 60 * 1000;
    std::int64_t joinCodeTtlMs = 60 * 60 * 1000;
    std::function<std::int64_t()> now; // ms since the epoch, UTC; the system clock when empty
};

// Handles one request against one database connection (one per worker thread).
class Api
{
public:
    Api(Database &db, ApiConfig config);
    HttpResponse handle(const HttpRequest &request);
    // Group commit (ADR 0026): the requests (pushes) in one transaction, each in its own
    // savepoint, in order — every request sees the ones before it, exactly as if they had run one
    // after another. A request answered 200 or 409 keeps its writes; any other answer (401, 400,
    // a storage failure) undoes only its own. The answers are returned after the one commit; if
    // that fails, every request that wrote is answered as a storage failure. SQLite only (one
    // writer; on PostgreSQL the vault row locks of a group could deadlock with another
    // instance's): elsewhere, and for one request, it is handle() per request.
    std::vector<HttpResponse> handleGroup(const std::vector<HttpRequest> &requests);

    struct Principal
    {
        QString id;
        QString role; // "device" or "therapist"
        QString vaultId;
        QString displayName;
    };
    struct Call
    {
        const HttpRequest &request;
        QStringList params;
        QString query;
        Principal principal;
    };

private:
    std::int64_t now() const;
    Result<Principal> authenticate(const QByteArray &authorization);

    HttpResponse health(Call &call);
    HttpResponse clinic(Call &call);
    HttpResponse enrol(Call &call);
    HttpResponse authChallenge(Call &call);
    HttpResponse authToken(Call &call);
    HttpResponse push(Call &call);
    HttpResponse pull(Call &call);
    // PostgreSQL: the token check and pull() in one statement; nothing when the request must take
    // the usual path (ADR 0033).
    std::optional<HttpResponse> pullWithToken(Call &call);
    HttpResponse listKeyBlobs(Call &call);
    HttpResponse putKeyBlob(Call &call);
    HttpResponse deleteKeyBlob(Call &call);
    HttpResponse issueJoinCode(Call &call);
    HttpResponse listDevices(Call &call);
    HttpResponse revokeDevice(Call &call);
    HttpResponse deleteVault(Call &call);
    HttpResponse putSharedCollectionKey(Call &call);
    HttpResponse share(Call &call);
    HttpResponse unshare(Call &call);
    HttpResponse accessLog(Call &call);
    HttpResponse careTeamEnrol(Call &call);
    HttpResponse careTeamKeys(Call &call);
    HttpResponse careTeamPatients(Call &call);
    HttpResponse careTeamVaultKeys(Call &call);
    HttpResponse careTeamRecords(Call &call);
    HttpResponse careTeamRecord(Call &call);
    HttpResponse careTeamAlerts(Call &call);
    HttpResponse acknowledgeAlert(Call &call);
    HttpResponse clinicProtocol(Call &call);
    HttpResponse listMessages(Call &call);
    HttpResponse postMessage(Call &call);

    friend struct RouteHandlers;
    Database &m_db;
    ApiConfig m_config;
};

} // namespace companion::server
