#include "server/api.h"

#include "protocol/api.h"
#include "protocol/careteamenrol.h"
#include "protocol/enrollink.h"
#include "protocol/envelope.h"
#include "protocol/json.h"
#include "protocol/keys.h"
#include "server/auditlog.h"
#include "server/clinicmessages.h"
#include "server/logging.h"
#include "server/secrets.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QUrlQuery>

#include <algorithm>
#include <array>
#include <optional>

namespace companion::server {

using protocol::encodeBase64;
using protocol::toCompactJson;

namespace {

const QString kZeroHash = QString(64, QLatin1Char('0'));

HttpResponse notFound()
{
    // One answer for "does not exist" and "not yours": a foreign id reveals nothing.
    return HttpResponse::error(404, QStringLiteral("not_found"),
                               QStringLiteral("no such resource"));
}

HttpResponse badRequest(const Error &error)
{
    return HttpResponse::error(400, QStringLiteral("invalid_request"), error.message);
}

HttpResponse storageFailure(const Error &error)
{
    // The message names the statement's purpose and the driver's text, never bound values.
    qCWarning(lcServer) << "storage error:" << error.message;
    return HttpResponse::error(500, QStringLiteral("internal"),
                               QStringLiteral("the server could not complete the request"));
}

HttpResponse unauthorized()
{
    return HttpResponse::error(401, QStringLiteral("unauthorized"),
                               QStringLiteral("a valid access token is required"));
}

QString hexOf(QByteArrayView bytes)
{
    return QString::fromLatin1(QByteArray::fromRawData(bytes.data(), bytes.size()).toHex());
}

bool isId(const QString &text)
{
    return protocol::idFromHex(text).hasValue();
}

QJsonValue nullable(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value.toLongLong());
}

struct Route
{
    RouteInfo info;
    HttpResponse (Api::*handler)(Api::Call &);
};

} // namespace

// The table lives in a struct that Api befriends so it can name the private handlers.
struct RouteHandlers
{
    static const std::vector<Route> &routes()
    {
        using A = Access;
        using R = RateClass;
        constexpr qsizetype small = protocol::kMaxSmallBody;
        // Answered on a read-only connection (ADR 0026). Not the audited record read: it writes.
        constexpr bool reads = true;
        static const std::vector<Route> table{
            {{"GET", "/health", A::Public, 0, R::None, QStringLiteral("liveness")}, &Api::health},
            {{"GET", "/v1/clinic", A::Public, 0, R::None, QStringLiteral("clinic keys"), reads},
             &Api::clinic},
            {{"POST", "/v1/enrol", A::Public, small, R::Enrol,
              QStringLiteral("redeem an enrolment or join code, register a device")},
             &Api::enrol},
            {{"POST", "/v1/auth/challenge", A::Public, small, R::Auth,
              QStringLiteral("login step 1")},
             &Api::authChallenge},
            {{"POST", "/v1/auth/token", A::Public, small, R::Auth, QStringLiteral("login step 2")},
             &Api::authToken},
            {{"POST", "/v1/sync/push", A::Device, protocol::kMaxPushBody, R::None,
              QStringLiteral("push envelopes")},
             &Api::push},
            {{"GET", "/v1/sync/pull", A::Device, 0, R::None, QStringLiteral("pull envelopes"),
              reads},
             &Api::pull},
            {{"GET", "/v1/vault/key-blobs", A::Device, 0, R::None,
              QStringLiteral("wrapped vault keys"), reads},
             &Api::listKeyBlobs},
            {{"PUT", "/v1/vault/key-blobs/{slot}", A::Device, small, R::None,
              QStringLiteral("store a wrapped vault key")},
             &Api::putKeyBlob},
            {{"DELETE", "/v1/vault/key-blobs/{slot}", A::Device, 0, R::None,
              QStringLiteral("delete a device-link key slot")},
             &Api::deleteKeyBlob},
            {{"POST", "/v1/vault/join-codes", A::Device, small, R::None,
              QStringLiteral("code for a second device")},
             &Api::issueJoinCode},
            {{"GET", "/v1/vault/devices", A::Device, 0, R::None, QStringLiteral("list devices"),
              reads},
             &Api::listDevices},
            {{"DELETE", "/v1/vault/devices/{device_id}", A::Device, 0, R::None,
              QStringLiteral("revoke a device")},
             &Api::revokeDevice},
            {{"DELETE", "/v1/vault", A::Device, 0, R::None,
              QStringLiteral("delete everything of this vault (crypto-shredding)")},
             &Api::deleteVault},
            {{"PUT", "/v1/vault/sck", A::Device, small, R::None,
              QStringLiteral("store the SCK sealed to the care-team key")},
             &Api::putSharedCollectionKey},
            {{"PUT", "/v1/vault/shares/{record_id}", A::Device, small, R::None,
              QStringLiteral("share a record's current version")},
             &Api::share},
            {{"DELETE", "/v1/vault/shares/{record_id}", A::Device, 0, R::None,
              QStringLiteral("stop sharing a record")},
             &Api::unshare},
            {{"GET", "/v1/vault/access-log", A::Device, 0, R::None,
              QStringLiteral("who did what with this vault"), reads},
             &Api::accessLog},
            {{"POST", "/v1/careteam/enrol", A::Public, small, R::Enrol,
              QStringLiteral("redeem a therapist code, register the therapist's key")},
             &Api::careTeamEnrol},
            {{"GET", "/v1/careteam/keys", A::Therapist, 0, R::None,
              QStringLiteral("care-team key sealed to this therapist"), reads},
             &Api::careTeamKeys},
            {{"GET", "/v1/careteam/patients", A::Therapist, 0, R::None,
              QStringLiteral("patients who share"), reads},
             &Api::careTeamPatients},
            {{"GET", "/v1/careteam/vaults/{vault_id}/sck", A::Therapist, 0, R::None,
              QStringLiteral("a patient's sealed SCKs"), reads},
             &Api::careTeamVaultKeys},
            {{"GET", "/v1/careteam/vaults/{vault_id}/records", A::Therapist, 0, R::None,
              QStringLiteral("a patient's shared records"), reads},
             &Api::careTeamRecords},
            {{"GET", "/v1/careteam/vaults/{vault_id}/records/{record_id}", A::Therapist, 0, R::None,
              QStringLiteral("read one shared record (audited)")},
             &Api::careTeamRecord},
            {{"GET", "/v1/careteam/alerts", A::Therapist, 0, R::None,
              QStringLiteral("open safety alerts"), reads},
             &Api::careTeamAlerts},
            {{"POST", "/v1/careteam/alerts/{alert_id}/ack", A::Therapist, small, R::None,
              QStringLiteral("acknowledge an alert")},
             &Api::acknowledgeAlert},
            {{"GET", "/v1/clinic/protocol", A::Device, 0, R::None,
              QStringLiteral("the clinic protocol, signed by the clinic"), reads},
             &Api::clinicProtocol},
            {{"GET", "/v1/vault/messages", A::Device, 0, R::None,
              QStringLiteral("messages from the clinic and the care team"), reads},
             &Api::listMessages},
            {{"POST", "/v1/careteam/vaults/{vault_id}/messages", A::Therapist, small, R::None,
              QStringLiteral("send a sealed message to a patient (audited)")},
             &Api::postMessage},
        };
        return table;
    }
};

const std::vector<RouteInfo> &routeTable()
{
    static const std::vector<RouteInfo> infos = [] {
        std::vector<RouteInfo> out;
        for (const Route &route : RouteHandlers::routes())
            out.push_back(route.info);
        return out;
    }();
    return infos;
}

RouteMatch matchRoute(QByteArrayView method, QByteArrayView target)
{
    QByteArrayView path = target;
    if (const auto q = target.indexOf('?'); q >= 0)
        path = target.first(q);
    const QList<QByteArray> segments = path.toByteArray().split('/');
    RouteMatch match;
    const auto &routes = routeTable();
    for (std::size_t i = 0; i < routes.size(); ++i) {
        const QList<QByteArray> pattern = routes[i].pattern.split('/');
        if (pattern.size() != segments.size())
            continue;
        QStringList params;
        bool ok = true;
        for (qsizetype s = 0; s < pattern.size() && ok; ++s) {
            if (pattern[s].startsWith('{')) {
                ok = !segments[s].isEmpty() && segments[s].size() <= 64;
                params << QString::fromLatin1(segments[s]);
            } else {
                ok = pattern[s] == segments[s];
            }
        }
        if (!ok)
            continue;
        if (routes[i].method != method) {
            match.wrongMethod = true;
            continue;
        }
        match.index = static_cast<int>(i);
        match.wrongMethod = false;
        match.params = params;
        return match;
    }
    return match;
}

HttpResponse HttpResponse::json(int status, QByteArray body)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message)
{
    return json(status, protocol::errorBody(code, message));
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

Api::Api(Database &db, ApiConfig config)
    : m_db(db)
    , m_config(std::move(config))
{}

std::int64_t Api::now() const
{
    return m_config.now ? m_config.now() : QDateTime::currentMSecsSinceEpoch();
}

HttpResponse Api::handle(const HttpRequest &request)
{
    const RouteMatch match = matchRoute(request.method, request.target);
    if (match.index < 0) {
        if (match.wrongMethod)
            return HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                       QStringLiteral("method not allowed on this path"));
        return notFound();
    }
    const Route &route = RouteHandlers::routes()[static_cast<std::size_t>(match.index)];
    Call call{request, match.params, QString(), {}};
    if (const auto q = request.target.indexOf('?'); q >= 0)
        call.query = QString::fromLatin1(request.target.mid(q + 1));
    if (route.handler == &Api::pull && m_db.kind() == Database::Kind::Postgres) {
        // One round trip instead of two for the most frequent authenticated GET (ADR 0033).
        if (auto combined = pullWithToken(call))
            return std::move(*combined);
    }
    if (route.info.access != Access::Public) {
        auto principal = authenticate(request.authorization);
        if (!principal) {
            if (principal.error().code == ErrorCode::Io)
                return storageFailure(principal.error());
            return unauthorized();
        }
        const QString needed = route.info.access == Access::Device ? QStringLiteral("device")
                                                                   : QStringLiteral("therapist");
        if (principal->role != needed)
            return HttpResponse::error(403, QStringLiteral("forbidden"),
                                       QStringLiteral("this route is for another kind of account"));
        call.principal = std::move(principal).value();
    }
    return (this->*route.handler)(call);
}

std::vector<HttpResponse> Api::handleGroup(const std::vector<HttpRequest> &requests)
{
    std::vector<HttpResponse> responses;
    responses.reserve(requests.size());
    if (requests.size() == 1 || m_db.kind() != Database::Kind::Sqlite) {
        for (const HttpRequest &request : requests)
            responses.push_back(handle(request));
        return responses;
    }
    if (auto begun = m_db.beginGroup(); !begun) {
        for (std::size_t i = 0; i < requests.size(); ++i)
            responses.push_back(storageFailure(begun.error()));
        return responses;
    }
    const auto wrote = [](const HttpResponse &response) {
        return response.status == 200 || response.status == 409;
    };
    std::optional<Error> broken; // the group cannot commit: undo all of it
    for (const HttpRequest &request : requests) {
        if (broken) {
            responses.push_back(storageFailure(*broken));
            continue;
        }
        if (auto opened = m_db.savepoint(); !opened) {
            broken = opened.error();
            responses.push_back(storageFailure(*broken));
            continue;
        }
        HttpResponse response = handle(request);
        auto closed = wrote(response) ? m_db.releaseSavepoint() : m_db.rollbackToSavepoint();
        if (!closed)
            broken = closed.error();
        responses.push_back(std::move(response));
    }
    if (!broken) {
        if (auto committed = m_db.commitGroup(); !committed)
            broken = committed.error();
    }
    if (broken) {
        m_db.rollbackGroup();
        for (HttpResponse &response : responses)
            if (wrote(response))
                response = storageFailure(*broken);
    }
    return responses;
}

namespace {

// The token of an `Authorization: Bearer …` header, or nothing when there is none.
std::optional<QByteArray> bearerToken(const QByteArray &authorization)
{
    static const QByteArray prefix("Bearer ");
    if (!authorization.startsWith(prefix) || authorization.size() > 200)
        return std::nullopt;
    return authorization.mid(prefix.size()).trimmed();
}

} // namespace

Result<Api::Principal> Api::authenticate(const QByteArray &authorization)
{
    const auto bearer = bearerToken(authorization);
    if (!bearer)
        return makeError(ErrorCode::WrongPassphrase, QStringLiteral("no bearer token"));
    const QByteArray &token = *bearer;
    // Every authenticated request runs this: a statement prepared once (docs/performance.md).
    std::optional<Principal> principal;
    auto checked = m_db.readPrepared(
        "check an access token",
        QStringLiteral("SELECT p.id, p.role, p.vault_id, p.display_name FROM access_tokens t "
                       "JOIN principals p ON p.id = t.principal_id WHERE t.token_hash = ? AND "
                       "t.expires_at > ? AND p.revoked_at IS NULL"),
        {hashSecret(token), static_cast<qint64>(now())}, [&principal](QSqlQuery &row) {
            if (row.next())
                principal = Principal{row.value(0).toString(), row.value(1).toString(),
                                      row.value(2).toString(), row.value(3).toString()};
        });
    if (!checked)
        return checked.error();
    if (!principal)
        return makeError(ErrorCode::WrongPassphrase, QStringLiteral("unknown token"));
    return std::move(*principal);
}

HttpResponse Api::health(Call &)
{
    return HttpResponse::json(200, R"({"status":"ok"})");
}

namespace {

Result<protocol::ClinicInfo> loadClinic(Database &db)
{
    auto row =
        db.one("read the clinic",
               QStringLiteral("SELECT id, name, signing_public_key, safety_alerts FROM clinic"));
    if (!row)
        return row.error();
    protocol::ClinicInfo info;
    info.clinicId = row->value(0).toString();
    info.name = row->value(1).toString();
    info.signingPublicKey = row->value(2).toByteArray();
    info.fingerprint = protocol::keyFingerprint(info.signingPublicKey);
    info.safetyAlerts = row->value(3).toInt() != 0;
    auto key = db.one("read the care-team key",
                      QStringLiteral("SELECT epoch, public_key, signature FROM care_team_keys "
                                     "ORDER BY epoch DESC LIMIT 1"));
    if (!key)
        return key.error();
    info.careTeamEpoch = static_cast<std::uint32_t>(key->value(0).toLongLong());
    info.careTeamPublicKey = key->value(1).toByteArray();
    info.careTeamKeySignature = key->value(2).toByteArray();
    return info;
}

HttpResponse clinicMissing(const Error &error)
{
    if (error.code == ErrorCode::NotFound)
        return HttpResponse::error(503, QStringLiteral("not_initialised"),
                                   QStringLiteral("run `companion-server admin init` first"));
    return storageFailure(error);
}

} // namespace

HttpResponse Api::clinic(Call &)
{
    auto info = loadClinic(m_db);
    if (!info)
        return clinicMissing(info.error());
    return HttpResponse::json(200, toCompactJson(info->toJson()));
}

HttpResponse Api::enrol(Call &call)
{
    auto request = protocol::EnrolRequest::fromJson(call.request.body);
    if (!request)
        return badRequest(request.error());
    auto clinicInfo = loadClinic(m_db);
    if (!clinicInfo)
        return clinicMissing(clinicInfo.error());

    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    const QString codeHash = hashSecret(normaliseCode(request->code).toUtf8());
    const qint64 at = now();
    // Redeem exactly once: the conditional UPDATE is the check, so two racing redeems of one
    // code (even on two server instances) cannot both succeed.
    // A deleted vault takes no new device, whoever issued the code (DELETE /v1/vault).
    auto redeemed = m_db.exec("redeem a code",
                              QStringLiteral("UPDATE enrolment_codes SET redeemed_at = ? WHERE "
                                             "code_hash = ? AND redeemed_at IS NULL AND "
                                             "expires_at > ? AND vault_id NOT IN (SELECT id FROM "
                                             "vaults WHERE deleted_at IS NOT NULL)"),
                              {at, codeHash, at});
    if (!redeemed)
        return storageFailure(redeemed.error());
    if (redeemed->numRowsAffected() != 1)
        // Unknown, used and expired codes look the same to the caller.
        return HttpResponse::error(403, QStringLiteral("invalid_code"),
                                   QStringLiteral("this code is not valid"));
    auto code = m_db.one("read a code",
                         QStringLiteral("SELECT vault_id, purpose FROM enrolment_codes WHERE "
                                        "code_hash = ?"),
                         {codeHash});
    if (!code)
        return storageFailure(code.error());
    const QString vaultId = code->value(0).toString();
    const QString purpose = code->value(1).toString();
    const QString deviceId = protocol::idToHex(protocol::randomId());
    auto inserted = m_db.exec(
        "register a device",
        QStringLiteral("INSERT INTO principals (id, role, vault_id, display_name, public_key, "
                       "created_at) VALUES (?, 'device', ?, '', ?, ?)"),
        {deviceId, vaultId, request->devicePublicKey, at});
    if (!inserted)
        return storageFailure(inserted.error());
    auto audited = appendAudit(m_db,
                               {QStringLiteral("device"), deviceId,
                                purpose == QLatin1String("join") ? QStringLiteral("device.join")
                                                                 : QStringLiteral("device.enrol"),
                                vaultId, deviceId},
                               at);
    if (!audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    qCInfo(lcServer) << "device registered";
    protocol::EnrolResponse response{vaultId, deviceId, std::move(clinicInfo).value()};
    return HttpResponse::json(201, response.toJson());
}

HttpResponse Api::authChallenge(Call &call)
{
    auto request = protocol::ChallengeRequest::fromJson(call.request.body);
    if (!request)
        return badRequest(request.error());
    const qint64 at = now();
    const QByteArray challenge = randomBytes(protocol::kChallengeSize);
    // A device of a deleted vault still gets a real challenge: proving its key is how it learns
    // that the vault was deleted (authToken answers 410).
    auto known = m_db.exec("look up a principal",
                           QStringLiteral("SELECT 1 FROM principals p LEFT JOIN vaults v ON v.id = "
                                          "p.vault_id WHERE p.id = ? AND (p.revoked_at IS NULL OR "
                                          "v.deleted_at IS NOT NULL)"),
                           {request->principalId});
    if (!known)
        return storageFailure(known.error());
    // Unknown ids get a challenge too (nothing stored), so the answer does not reveal who exists.
    if (known->next()) {
        auto cleaned =
            m_db.exec("expire challenges",
                      QStringLiteral("DELETE FROM auth_challenges WHERE expires_at <= ?"), {at});
        if (!cleaned)
            return storageFailure(cleaned.error());
        auto stored = m_db.exec(
            "store a challenge",
            QStringLiteral("INSERT INTO auth_challenges (challenge_hash, principal_id, expires_at) "
                           "VALUES (?, ?, ?)"),
            {hashSecret(challenge), request->principalId, at + m_config.challengeTtlMs});
        if (!stored)
            return storageFailure(stored.error());
    }
    protocol::ChallengeResponse response{challenge, at + m_config.challengeTtlMs};
    return HttpResponse::json(200, response.toJson());
}

HttpResponse Api::authToken(Call &call)
{
    auto request = protocol::TokenRequest::fromJson(call.request.body);
    if (!request)
        return badRequest(request.error());
    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    // Single use: consuming the challenge is the check.
    auto consumed = m_db.exec("consume a challenge",
                              QStringLiteral("DELETE FROM auth_challenges WHERE challenge_hash = ? "
                                             "AND principal_id = ? AND expires_at > ?"),
                              {hashSecret(request->challenge), request->principalId, at});
    if (!consumed)
        return storageFailure(consumed.error());
    auto principal = m_db.exec(
        "read a principal",
        QStringLiteral("SELECT p.role, p.public_key, p.vault_id, p.revoked_at, v.deleted_at FROM "
                       "principals p LEFT JOIN vaults v ON v.id = p.vault_id WHERE p.id = ? AND "
                       "(p.revoked_at IS NULL OR v.deleted_at IS NOT NULL)"),
        {request->principalId});
    if (!principal)
        return storageFailure(principal.error());
    const bool found = principal->next();
    if (consumed->numRowsAffected() != 1 || !found ||
        !protocol::verifySignature(
            principal->value(1).toByteArray(),
            protocol::authChallengeMessage(request->challenge, request->principalId.toLatin1()),
            request->signature)) {
        // Commit the consumed challenge: a failed attempt burns it.
        (void)transaction.commit();
        return HttpResponse::error(401, QStringLiteral("login_failed"),
                                   QStringLiteral("the challenge or signature is not valid"));
    }
    if (!principal->value(4).isNull()) {
        // Only after the device proved its key: the answer reveals nothing to anyone else.
        (void)transaction.commit();
        return HttpResponse::error(
            410, QStringLiteral("vault_deleted"),
            QStringLiteral("this vault was deleted at the patient's request"));
    }
    const QString role = principal->value(0).toString();
    const QString vaultId = principal->value(2).toString();
    const QString token = newAccessToken();
    auto cleaned = m_db.exec(
        "expire tokens", QStringLiteral("DELETE FROM access_tokens WHERE expires_at <= ?"), {at});
    if (!cleaned)
        return storageFailure(cleaned.error());
    auto stored =
        m_db.exec("store a token",
                  QStringLiteral("INSERT INTO access_tokens (token_hash, principal_id, "
                                 "expires_at) VALUES (?, ?, ?)"),
                  {hashSecret(token.toLatin1()), request->principalId, at + m_config.tokenTtlMs});
    if (!stored)
        return storageFailure(stored.error());
    if (auto audited = appendAudit(m_db,
                                   {role, request->principalId, QStringLiteral("auth.login"),
                                    vaultId, request->principalId},
                                   at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    protocol::TokenResponse response{token, at + m_config.tokenTtlMs, role};
    return HttpResponse::json(200, response.toJson());
}

namespace {

// Rows per multi-row statement in a push: a whole default batch (250) in one, and well under
// SQLite's 32,766 and PostgreSQL's 65,535 bound values (10 per envelope row).
constexpr qsizetype kRowsPerStatement = 250;

QString placeholders(qsizetype count)
{
    QString text;
    text.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        text += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return text;
}

// IN lists of a push's statements are padded (by repeating their last value, harmless in IN) to
// one of a few lengths, so each is one statement prepared per connection (ADR 0026) instead of
// up to 250 different texts, each prepared afresh.
qsizetype paddedLength(qsizetype count)
{
    for (const qsizetype bucket : {qsizetype(1), qsizetype(4), qsizetype(16), qsizetype(64)})
        if (count <= bucket)
            return bucket;
    return kRowsPerStatement;
}

// `vaultId` then the ids, padded to paddedLength.
QVariantList inListBinds(const QString &vaultId, const QStringList &ids)
{
    QVariantList binds{vaultId};
    for (const QString &id : ids)
        binds.append(id);
    while (binds.size() - 1 < paddedLength(ids.size()))
        binds.append(ids.back());
    return binds;
}

struct NewestVersion
{
    std::uint64_t version = 0;
    QString hash; // hex; kZeroHash before version 1
};

// A version accepted by a push, written when the whole batch has been checked.
struct NewEnvelope
{
    QString recordId;
    qint64 version = 0;
    qint64 seq = 0;
    int kind = 0;
    QByteArray envelope;
    QString hash;
    QByteArray key;
};

// An audit row a push appends ("share.grant", "share.revoke"), or an alert it raises
// ("alert.raise": `subject` is the new alert's id).
struct ShareEvent
{
    QString action;
    QString subject;
    QString recordId;
    qint64 version = 0;
};

struct HeldState
{
    QHash<QString, NewestVersion> newest; // records the server holds, by id
    QSet<QString> shared;                 // records shared now
};

// The columns both backends read for a batch: the newest version and hash of each record, and
// whether it is shared now. One statement for both: a share only ever exists beside a stored
// version (a push writes both; the share route checks the version first), so the versions carry
// it.
const QString kHeldStateColumns = QStringLiteral(
    "SELECT e.record_id, e.version, e.envelope_hash, EXISTS (SELECT 1 FROM shares s WHERE "
    "s.vault_id = e.vault_id AND s.record_id = e.record_id) FROM envelopes e WHERE "
    "e.vault_id = ? AND ");
const QString kHeldStateNewest =
    QStringLiteral(" AND e.version = (SELECT MAX(v.version) FROM envelopes v WHERE "
                   "v.vault_id = e.vault_id AND v.record_id = e.record_id)");

// The newest version and hash of each record of a batch, and which of them are shared: one
// statement per batch, not two per item.
Result<HeldState> readHeldState(Database &db, const QString &vaultId,
                                const std::vector<QString> &recordIds)
{
    HeldState state;
    QStringList unique;
    QSet<QString> seen;
    for (const QString &recordId : recordIds)
        if (!seen.contains(recordId)) {
            seen.insert(recordId);
            unique.append(recordId);
        }
    const auto consume = [&state](QSqlQuery &rows) {
        while (rows.next()) {
            const QString recordId = rows.value(0).toString();
            state.newest.insert(
                recordId, NewestVersion{static_cast<std::uint64_t>(rows.value(1).toLongLong()),
                                        rows.value(2).toString()});
            if (rows.value(3).toBool())
                state.shared.insert(recordId);
        }
    };
    if (db.kind() == Database::Kind::Postgres) {
        // One array parameter, so the statement text is the same for every batch and is
        // prepared once per connection (ADR 0031). An IN list of 250 values prepared once went
        // to a generic plan after five runs and 100-item pushes fell from 141–216 to 6–28 req/s
        // (ADR 0026); prepared per call it cost a PREPARE, EXECUTE and DEALLOCATE and a fresh
        // plan on every push. The ids are the pushed headers' own, hex-encoded by idToHex, so
        // the array literal needs no quoting.
        const QString ids = QLatin1Char('{') + unique.join(QLatin1Char(',')) + QLatin1Char('}');
        COMPANION_TRY(db.execPrepared("read the current versions and shares",
                                      kHeldStateColumns +
                                          QStringLiteral("e.record_id = ANY (CAST(? AS text[]))") +
                                          kHeldStateNewest,
                                      {vaultId, ids}, consume));
        return state;
    }
    // SQLite: an IN list per chunk, each length prepared once (execPrepared); SQLite has no
    // arrays, and its planner has no generic plans to fall into.
    for (qsizetype first = 0; first < unique.size(); first += kRowsPerStatement) {
        const QStringList chunk = unique.mid(first, kRowsPerStatement);
        COMPANION_TRY(db.execPrepared("read the current versions and shares",
                                      kHeldStateColumns + QStringLiteral("e.record_id IN (") +
                                          placeholders(paddedLength(chunk.size())) +
                                          QLatin1Char(')') + kHeldStateNewest,
                                      inListBinds(vaultId, chunk), consume));
    }
    return state;
}

Result<void> writeEnvelopes(Database &db, const QString &vaultId, const QString &deviceId,
                            qint64 at, const std::vector<NewEnvelope> &rows)
{
    if (rows.empty())
        return {};
    if (db.kind() == Database::Kind::Postgres) {
        // Binary COPY of the whole batch in this transaction (ADR 0024): QPSQL would send the
        // envelopes and keys as hex text in one EXECUTE, several times the work for both sides.
        BinaryCopyRows copy;
        for (const NewEnvelope &row : rows) {
            copy.beginRow(10);
            copy.addText(vaultId);
            copy.addText(row.recordId);
            copy.addInt64(row.version);
            copy.addInt64(row.seq);
            copy.addInt32(row.kind);
            copy.addBytes(row.envelope);
            copy.addText(row.hash);
            copy.addBytes(row.key);
            copy.addText(deviceId);
            copy.addInt64(at);
        }
        return db.copyBinary("store envelopes",
                             "COPY envelopes (vault_id, record_id, version, seq, kind, envelope, "
                             "envelope_hash, wrapped_key, author_device, received_at) FROM STDIN "
                             "(FORMAT binary)",
                             copy.finish());
    }
    // SQLite: one statement prepared once per connection, run per row; no round trips to save,
    // and no 2,500-value statement text to parse on every push.
    for (const NewEnvelope &row : rows)
        COMPANION_TRY(db.execPrepared(
            "store envelopes",
            QStringLiteral("INSERT INTO envelopes (vault_id, record_id, version, seq, kind, "
                           "envelope, envelope_hash, wrapped_key, author_device, received_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {vaultId, row.recordId, row.version, row.seq, row.kind, row.envelope, row.hash, row.key,
             deviceId, at}));
    return {};
}

} // namespace

HttpResponse Api::push(Call &call)
{
    const auto format = protocol::pushBodyFormat(call.request.contentType);
    if (!format)
        return HttpResponse::error(415, QStringLiteral("unsupported_media_type"),
                                   QStringLiteral("a push body is application/json or %1")
                                       .arg(QLatin1String(protocol::kPushBinaryMediaType)));
    auto request = *format == protocol::PushBodyFormat::Binary
                       ? protocol::PushRequest::fromBinary(call.request.body)
                       : protocol::PushRequest::fromJson(call.request.body);
    if (!request)
        return badRequest(request.error());
    const QString &vaultId = call.principal.vaultId;

    // Check every header before writing anything: a bad item rejects the whole batch.
    std::vector<protocol::EnvelopeHeader> headers;
    headers.reserve(request->items.size());
    for (std::size_t i = 0; i < request->items.size(); ++i) {
        auto header = protocol::parseEnvelopeHeader(request->items[i].envelope);
        if (!header)
            return badRequest(
                makeError(ErrorCode::InvalidInput,
                          QStringLiteral("items[%1].envelope: ").arg(i) + header.error().message));
        if (protocol::idToHex(header->vaultId) != vaultId)
            return notFound(); // someone else's vault: as if it did not exist
        if (protocol::idToHex(header->authorDevice) != call.principal.id)
            return badRequest(makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("items[%1].envelope: author_device must be the pushing device")
                    .arg(i)));
        headers.push_back(*header);
    }

    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    // The vault row lock orders pushes to one vault (across server instances too), so sequence
    // numbers are handed out in commit order and a pull cursor never skips a late commit.
    // The push's statements are prepared once per connection (Database::execPrepared, ADR
    // 0026): on PostgreSQL each bound statement through QPSQL was PREPARE, EXECUTE, DEALLOCATE.
    // The lock also returns the vault's sequence and the clinic's alert setting: one round trip
    // where there were three (ADR 0031).
    std::optional<qint64> seqRead;
    bool safetyAlerts = false;
    if (auto lock = m_db.execPrepared(
            "lock the vault",
            QStringLiteral("UPDATE vaults SET last_seq = last_seq WHERE id = ? "
                           "RETURNING last_seq, (SELECT safety_alerts FROM clinic)"),
            {vaultId},
            [&seqRead, &safetyAlerts](QSqlQuery &row) {
                if (!row.next())
                    return;
                seqRead = row.value(0).toLongLong();
                safetyAlerts = !row.value(1).isNull() && row.value(1).toInt() != 0;
            });
        !lock)
        return storageFailure(lock.error());
    if (!seqRead)
        return storageFailure(
            makeError(ErrorCode::NotFound, QStringLiteral("lock the vault: no row")));
    qint64 lastSeq = *seqRead;

    // What the server holds for this batch's records, read in a few statements for the whole
    // batch rather than two per item: per-item statements (three round trips each on PostgreSQL
    // through QPSQL) were most of a 10,000-record first sync's time (bench/bench_sync, ADR 0016).
    std::vector<QString> recordIds;
    recordIds.reserve(headers.size());
    for (const protocol::EnvelopeHeader &header : headers)
        recordIds.push_back(protocol::idToHex(header.recordId));
    auto held = readHeldState(m_db, vaultId, recordIds);
    if (!held)
        return storageFailure(held.error());
    QHash<QString, NewestVersion> &newest = held->newest;
    QSet<QString> &sharedNow = held->shared; // follows the batch as it is applied, in order
    const QSet<QString> sharedBefore = held->shared;

    // Applied in order, in memory; written below. Later items see earlier ones (v1, v2, v3 of
    // one record may travel in one batch; a batch may repeat an item).
    std::vector<NewEnvelope> rows;
    QHash<QString, qsizetype> rowOf; // "record:version" → index in rows
    QSet<QString> touched;           // records with a version accepted here
    QHash<QString, std::pair<qint64, QByteArray>> finalShares; // record → (version, shared key)
    std::vector<ShareEvent> events; // audit rows (and alerts) in the order things happened

    protocol::PushResponse response;
    bool allGood = true;
    for (std::size_t i = 0; i < headers.size(); ++i) {
        const protocol::PushItem &item = request->items[i];
        const protocol::EnvelopeHeader &header = headers[i];
        const QString &recordId = recordIds[i];
        protocol::PushResult result;
        result.recordId = recordId;
        result.version = header.version;
        const NewestVersion current = newest.value(recordId, NewestVersion{0, kZeroHash});

        if (header.version <= current.version) {
            const QString key = recordId + QLatin1Char(':') + QString::number(header.version);
            QByteArray storedEnvelope;
            qint64 storedSeq = 0;
            if (const auto pending = rowOf.constFind(key); pending != rowOf.cend()) {
                storedEnvelope = rows[static_cast<std::size_t>(*pending)].envelope;
                storedSeq = rows[static_cast<std::size_t>(*pending)].seq;
            } else {
                bool found = false;
                auto stored = m_db.execPrepared(
                    "read a stored version",
                    QStringLiteral("SELECT envelope, seq FROM envelopes WHERE vault_id = ? AND "
                                   "record_id = ? AND version = ?"),
                    {vaultId, recordId, static_cast<qint64>(header.version)}, [&](QSqlQuery &row) {
                        found = row.next();
                        if (found) {
                            storedEnvelope = row.value(0).toByteArray();
                            storedSeq = row.value(1).toLongLong();
                        }
                    });
                if (!stored)
                    return storageFailure(stored.error());
                if (!found)
                    return storageFailure(makeError(
                        ErrorCode::NotFound, QStringLiteral("read a stored version: no row")));
            }
            if (storedEnvelope == item.envelope) {
                result.status = protocol::PushStatus::Duplicate;
                result.seq = storedSeq;
            } else {
                result.status = protocol::PushStatus::Conflict;
                result.stored = storedEnvelope;
                allGood = false;
            }
        } else if (header.version != current.version + 1) {
            result.status = protocol::PushStatus::Rejected;
            result.reason = QStringLiteral("version_gap");
            result.currentVersion = current.version;
            allGood = false;
        } else if (hexOf({header.previousHash.data(),
                          static_cast<qsizetype>(header.previousHash.size())}) != current.hash) {
            result.status = protocol::PushStatus::Rejected;
            result.reason = QStringLiteral("prev_hash_mismatch");
            result.currentVersion = current.version;
            allGood = false;
        } else {
            const protocol::Hash32 hash = protocol::envelopeHash(item.envelope);
            const QString hashHex = hexOf({hash.data(), static_cast<qsizetype>(hash.size())});
            result.status = protocol::PushStatus::Accepted;
            result.seq = ++lastSeq;
            rowOf.insert(recordId + QLatin1Char(':') + QString::number(header.version),
                         static_cast<qsizetype>(rows.size()));
            rows.push_back({recordId, static_cast<qint64>(header.version), result.seq,
                            static_cast<int>(header.recordKind), item.envelope, hashHex, item.key});
            newest.insert(recordId, NewestVersion{header.version, hashHex});
            touched.insert(recordId);
            // The newest version decides whether a record is shared: a version pushed without
            // a shared key ends sharing, so an edit is never shown under an older share.
            const bool wasShared = sharedNow.remove(recordId);
            const QString subject = recordId + QLatin1Char(':') + QString::number(header.version);
            if (!item.sharedKey.isEmpty()) {
                sharedNow.insert(recordId);
                finalShares.insert(recordId, {static_cast<qint64>(header.version), item.sharedKey});
                events.push_back({QStringLiteral("share.grant"), subject, {}, 0});
                if (header.recordKind == protocol::RecordKind::Safety && safetyAlerts)
                    events.push_back({QStringLiteral("alert.raise"),
                                      protocol::idToHex(protocol::randomId()), recordId,
                                      static_cast<qint64>(header.version)});
            } else {
                finalShares.remove(recordId);
                if (wasShared)
                    events.push_back({QStringLiteral("share.revoke"), subject, {}, 0});
            }
        }
        response.results.push_back(std::move(result));
    }

    if (auto written = writeEnvelopes(m_db, vaultId, call.principal.id, at, rows); !written)
        return storageFailure(written.error());
    // Shares: the ones this batch replaced go, then the batch's final ones are written.
    QStringList replaced;
    for (const QString &recordId : touched)
        if (sharedBefore.contains(recordId))
            replaced.append(recordId);
    for (qsizetype first = 0; first < replaced.size(); first += kRowsPerStatement) {
        const QStringList chunk = replaced.mid(first, kRowsPerStatement);
        if (auto removed = m_db.execPrepared(
                "replace shares",
                QStringLiteral("DELETE FROM shares WHERE vault_id = ? AND record_id IN (") +
                    placeholders(paddedLength(chunk.size())) + QLatin1Char(')'),
                inListBinds(vaultId, chunk));
            !removed)
            return storageFailure(removed.error());
    }
    for (auto share = finalShares.cbegin(); share != finalShares.cend(); ++share) {
        if (auto shared = m_db.execPrepared(
                "share a record",
                QStringLiteral("INSERT INTO shares (vault_id, record_id, version, shared_key, "
                               "shared_at) VALUES (?, ?, ?, ?, ?)"),
                {vaultId, share.key(), share->first, share->second, at});
            !shared)
            return storageFailure(shared.error());
    }
    for (const ShareEvent &event : events) {
        if (event.action == QLatin1String("alert.raise")) {
            auto alert = m_db.execPrepared(
                "raise an alert",
                QStringLiteral("INSERT INTO alerts (id, vault_id, record_id, version, "
                               "created_at) VALUES (?, ?, ?, ?, ?)"),
                {event.subject, vaultId, event.recordId, event.version, at});
            if (!alert)
                return storageFailure(alert.error());
        }
        if (auto audited = appendAudit(
                m_db,
                {QStringLiteral("device"), call.principal.id, event.action, vaultId, event.subject},
                at);
            !audited)
            return storageFailure(audited.error());
    }
    if (auto updated = m_db.execPrepared(
            "advance the vault sequence",
            QStringLiteral("UPDATE vaults SET last_seq = ? WHERE id = ?"), {lastSeq, vaultId});
        !updated)
        return storageFailure(updated.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    // 409 tells a client at a glance that some items need attention; the accepted ones are
    // stored either way, and every item's outcome is in the body.
    return HttpResponse::json(allGood ? 200 : 409, response.toJson());
}

namespace {

struct Paging
{
    qint64 after = 0;
    int limit = 0;
};

Result<Paging> readPaging(const QString &query, int defaultLimit, int maxLimit)
{
    const QUrlQuery params(query);
    Paging paging{0, defaultLimit};
    for (const auto &[key, value] : params.queryItems()) {
        bool ok = false;
        if (key == QLatin1String("after")) {
            paging.after = value.toLongLong(&ok);
            if (!ok || paging.after < 0)
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("after: must be a non-negative integer"));
        } else if (key == QLatin1String("limit")) {
            paging.limit = value.toInt(&ok);
            if (!ok || paging.limit < 1 || paging.limit > maxLimit)
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("limit: must be between 1 and %1").arg(maxLimit));
        } else {
            return makeError(ErrorCode::InvalidInput,
                             key.left(40) + QStringLiteral(": unknown parameter"));
        }
    }
    return paging;
}

} // namespace

namespace {

// Adds one pulled row (seq, envelope, wrapped key from column `first` on) to `response`, or
// returns false when the page is full: at the item limit or the byte budget (always at least one
// item, so a cursor always moves).
bool addPulled(protocol::PullResponse &response, qsizetype &bytes, int limit, QSqlQuery &row,
               int first)
{
    protocol::PullItem item{row.value(first).toLongLong(), row.value(first + 1).toByteArray(),
                            row.value(first + 2).toByteArray()};
    const qsizetype size = (item.envelope.size() + item.key.size()) * 4 / 3 + 64;
    if (static_cast<int>(response.items.size()) == limit ||
        (!response.items.empty() && bytes + size > protocol::kMaxPullResponseBytes)) {
        response.more = true;
        return false;
    }
    bytes += size;
    response.nextCursor = item.seq;
    response.items.push_back(std::move(item));
    return true;
}

} // namespace

HttpResponse Api::pull(Call &call)
{
    auto paging = readPaging(call.query, 500, static_cast<int>(protocol::kMaxPullItems));
    if (!paging)
        return badRequest(paging.error());
    protocol::PullResponse response;
    response.nextCursor = paging->after;
    auto read = m_db.readPrepared(
        "pull envelopes",
        QStringLiteral("SELECT seq, envelope, wrapped_key FROM envelopes WHERE "
                       "vault_id = ? AND seq > ? ORDER BY seq LIMIT ?"),
        {call.principal.vaultId, paging->after, paging->limit + 1},
        [&response, &paging](QSqlQuery &rows) {
            qsizetype bytes = 0;
            while (rows.next() && addPulled(response, bytes, paging->limit, rows, 0)) {
            }
        });
    if (!read)
        return storageFailure(read.error());
    return HttpResponse::json(200, response.toJson());
}

std::optional<HttpResponse> Api::pullWithToken(Call &call)
{
    // Answers that do not need the database, or that come before the token check in handle()'s
    // order, go the usual way: 401 for a missing or malformed header, and a bad query string is
    // 401 for a bad token but 400 for a good one.
    const auto bearer = bearerToken(call.request.authorization);
    if (!bearer)
        return unauthorized();
    auto paging = readPaging(call.query, 500, static_cast<int>(protocol::kMaxPullItems));
    if (!paging)
        return std::nullopt;
    // The token check of authenticate() and the pull of pull() in one statement: no row means no
    // valid token (401), a row without envelope columns a principal that is not a device (403,
    // the lateral part never runs for it) or a device with nothing after the cursor. Still checked
    // against the database on every request, so a revocation ends access at once.
    // No ORDER BY outside: an outer ORDER BY would make PostgreSQL sort (and copy) up to a 5 MB
    // page again. The outer side is at most one row (token_hash is the primary key) and a lateral
    // join runs as a nested loop, so the rows come in the subquery's order; if they ever did not,
    // `ordered` sends the request the usual way instead of answering out of order.
    std::optional<Principal> principal;
    protocol::PullResponse response;
    response.nextCursor = paging->after;
    bool ordered = true;
    auto read = m_db.readPrepared(
        "check an access token and pull envelopes",
        QStringLiteral(
            "SELECT p.id, p.role, p.vault_id, p.display_name, e.seq, e.envelope, e.wrapped_key "
            "FROM access_tokens t JOIN principals p ON p.id = t.principal_id "
            "LEFT JOIN LATERAL (SELECT seq, envelope, wrapped_key FROM envelopes "
            "WHERE p.role = 'device' AND vault_id = p.vault_id AND seq > ? ORDER BY seq LIMIT ?) "
            "e ON true WHERE t.token_hash = ? AND t.expires_at > ? AND p.revoked_at IS NULL"),
        {paging->after, paging->limit + 1, hashSecret(*bearer), static_cast<qint64>(now())},
        [&principal, &response, &paging, &ordered](QSqlQuery &rows) {
            qsizetype bytes = 0;
            while (rows.next()) {
                if (!principal)
                    principal = Principal{rows.value(0).toString(), rows.value(1).toString(),
                                          rows.value(2).toString(), rows.value(3).toString()};
                if (rows.isNull(4))
                    break;
                if (!response.items.empty() &&
                    rows.value(4).toLongLong() <= response.items.back().seq) {
                    ordered = false;
                    break;
                }
                if (!addPulled(response, bytes, paging->limit, rows, 4))
                    break;
            }
        });
    if (!read)
        return storageFailure(read.error());
    if (!ordered)
        return std::nullopt;
    if (!principal)
        return unauthorized();
    if (principal->role != QLatin1String("device"))
        return HttpResponse::error(403, QStringLiteral("forbidden"),
                                   QStringLiteral("this route is for another kind of account"));
    call.principal = std::move(*principal);
    return HttpResponse::json(200, response.toJson());
}

HttpResponse Api::listKeyBlobs(Call &call)
{
    auto rows = m_db.exec("read key blobs",
                          QStringLiteral("SELECT slot, epoch, blob FROM key_blobs WHERE vault_id "
                                         "= ? ORDER BY slot"),
                          {call.principal.vaultId});
    if (!rows)
        return storageFailure(rows.error());
    QJsonArray blobs;
    while (rows->next())
        blobs.append(
            QJsonObject{{QStringLiteral("slot"), rows->value(0).toString()},
                        {QStringLiteral("epoch"), rows->value(1).toLongLong()},
                        {QStringLiteral("blob"), encodeBase64(rows->value(2).toByteArray())}});
    return HttpResponse::json(200, toCompactJson({{QStringLiteral("blobs"), blobs}}));
}

HttpResponse Api::putKeyBlob(Call &call)
{
    static const QRegularExpression slotPattern(QStringLiteral("^[a-z0-9-]{1,32}$"));
    const QString slot = call.params.value(0);
    if (!slotPattern.match(slot).hasMatch())
        return notFound();
    auto reader =
        protocol::JsonObjectReader::parse(call.request.body, protocol::kMaxSmallBody,
                                          {QStringLiteral("epoch"), QStringLiteral("blob")});
    if (!reader)
        return badRequest(reader.error());
    auto epoch = reader->integer(QStringLiteral("epoch"), 0, 0xffffffffLL);
    auto blob = reader->base64(QStringLiteral("blob"), 1, protocol::kMaxKeyBlob);
    if (!epoch)
        return badRequest(epoch.error());
    if (!blob)
        return badRequest(blob.error());
    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    auto count = m_db.one("count key blobs",
                          QStringLiteral("SELECT COUNT(*) FROM key_blobs WHERE vault_id = ? AND "
                                         "slot <> ?"),
                          {call.principal.vaultId, slot});
    if (!count)
        return storageFailure(count.error());
    if (count->value(0).toInt() >= 64)
        return HttpResponse::error(409, QStringLiteral("too_many_slots"),
                                   QStringLiteral("a vault holds at most 64 key slots"));
    if (auto removed = m_db.exec("replace a key blob",
                                 QStringLiteral("DELETE FROM key_blobs WHERE vault_id = ? AND "
                                                "slot = ?"),
                                 {call.principal.vaultId, slot});
        !removed)
        return storageFailure(removed.error());
    if (auto inserted =
            m_db.exec("store a key blob",
                      QStringLiteral("INSERT INTO key_blobs (vault_id, slot, epoch, "
                                     "blob, updated_at) VALUES (?, ?, ?, ?, ?)"),
                      {call.principal.vaultId, slot, static_cast<qint64>(*epoch), *blob, at});
        !inserted)
        return storageFailure(inserted.error());
    if (auto audited = appendAudit(m_db,
                                   {QStringLiteral("device"), call.principal.id,
                                    QStringLiteral("key_blob.put"), call.principal.vaultId, slot},
                                   at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    return HttpResponse::noContent();
}

// A device-link slot (`device-…`, ADR 0018) is deleted by the new device once it opened the
// vault key, or by the first device when its QR screen closes. Only link slots: the passphrase,
// recovery and SCK slots are the vault's lasting keys and are only ever replaced.
HttpResponse Api::deleteKeyBlob(Call &call)
{
    const QString slot = call.params.value(0);
    if (!protocol::isDeviceLinkSlot(slot)) {
        static const QRegularExpression slotPattern(QStringLiteral("^[a-z0-9-]{1,32}$"));
        if (!slotPattern.match(slot).hasMatch())
            return notFound();
        return HttpResponse::error(403, QStringLiteral("slot_protected"),
                                   QStringLiteral("only device-link slots can be deleted"));
    }
    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    auto existing = m_db.one("find a key blob",
                             QStringLiteral("SELECT COUNT(*) FROM key_blobs WHERE vault_id = ? "
                                            "AND slot = ?"),
                             {call.principal.vaultId, slot});
    if (!existing)
        return storageFailure(existing.error());
    if (existing->value(0).toInt() == 0)
        return notFound();
    if (auto removed = m_db.exec("delete a key blob",
                                 QStringLiteral("DELETE FROM key_blobs WHERE vault_id = ? AND "
                                                "slot = ?"),
                                 {call.principal.vaultId, slot});
        !removed)
        return storageFailure(removed.error());
    if (auto audited =
            appendAudit(m_db,
                        {QStringLiteral("device"), call.principal.id,
                         QStringLiteral("key_blob.delete"), call.principal.vaultId, slot},
                        at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    return HttpResponse::noContent();
}

HttpResponse Api::issueJoinCode(Call &call)
{
    // Optional `valid_minutes` (1–60): a device link asks for a short life (ADR 0018); without
    // it the code lives the configured hour.
    qint64 ttlMs = m_config.joinCodeTtlMs;
    if (!call.request.body.isEmpty()) {
        auto reader = protocol::JsonObjectReader::parse(call.request.body, protocol::kMaxSmallBody,
                                                        {QStringLiteral("valid_minutes")});
        if (!reader)
            return badRequest(reader.error());
        if (reader->has(QStringLiteral("valid_minutes"))) {
            auto minutes = reader->integer(QStringLiteral("valid_minutes"), 1, 60);
            if (!minutes)
                return badRequest(minutes.error());
            ttlMs = std::min<qint64>(ttlMs, *minutes * 60 * 1000);
        }
    }
    const qint64 at = now();
    const QString code = newEnrolmentCode();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    if (auto inserted = m_db.exec(
            "store a join code",
            QStringLiteral("INSERT INTO enrolment_codes (code_hash, vault_id, purpose, created_at, "
                           "expires_at) VALUES (?, ?, 'join', ?, ?)"),
            {hashSecret(normaliseCode(code).toUtf8()), call.principal.vaultId, at, at + ttlMs});
        !inserted)
        return storageFailure(inserted.error());
    if (auto audited = appendAudit(m_db,
                                   {QStringLiteral("device"), call.principal.id,
                                    QStringLiteral("join_code.issue"), call.principal.vaultId,
                                    call.principal.id},
                                   at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    return HttpResponse::json(201, toCompactJson({{QStringLiteral("code"), code},
                                                  {QStringLiteral("expires_at"), at + ttlMs}}));
}

HttpResponse Api::listDevices(Call &call)
{
    auto rows =
        m_db.exec("list devices",
                  QStringLiteral("SELECT id, created_at, revoked_at FROM principals WHERE "
                                 "role = 'device' AND vault_id = ? ORDER BY created_at, id"),
                  {call.principal.vaultId});
    if (!rows)
        return storageFailure(rows.error());
    QJsonArray devices;
    while (rows->next())
        devices.append(QJsonObject{
            {QStringLiteral("device_id"), rows->value(0).toString()},
            {QStringLiteral("created_at"), rows->value(1).toLongLong()},
            {QStringLiteral("revoked_at"), nullable(rows->value(2))},
            {QStringLiteral("current"), rows->value(0).toString() == call.principal.id}});
    return HttpResponse::json(200, toCompactJson({{QStringLiteral("devices"), devices}}));
}

HttpResponse Api::revokeDevice(Call &call)
{
    const QString deviceId = call.params.value(0);
    if (!isId(deviceId))
        return notFound();
    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    auto revoked = m_db.exec("revoke a device",
                             QStringLiteral("UPDATE principals SET revoked_at = ? WHERE id = ? AND "
                                            "role = 'device' AND vault_id = ? AND revoked_at IS "
                                            "NULL"),
                             {at, deviceId, call.principal.vaultId});
    if (!revoked)
        return storageFailure(revoked.error());
    if (revoked->numRowsAffected() != 1)
        return notFound();
    if (auto dropped = m_db.exec("drop the device's tokens",
                                 QStringLiteral("DELETE FROM access_tokens WHERE principal_id = ?"),
                                 {deviceId});
        !dropped)
        return storageFailure(dropped.error());
    if (auto audited =
            appendAudit(m_db,
                        {QStringLiteral("device"), call.principal.id,
                         QStringLiteral("device.revoke"), call.principal.vaultId, deviceId},
                        at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    return HttpResponse::noContent();
}

// Delete everything (issue 9, docs/sync-protocol.md "Deleting a vault"): in one transaction the
// vault's ciphertext and every key that opens it — wrapped vault keys, shared-collection keys,
// per-record share keys — go, so copies of the ciphertext in backups can no longer be read
// (crypto-shredding). Kept: the audit log (ids and actions, never content; the clinic must keep
// it), the vault row (id, created_at, deleted_at: the label is cleared) and the vault's devices as
// revoked principals (id and public key: so a device that logs in later learns, after proving its
// key, that the vault was deleted — 410 — instead of a bare "refused").
HttpResponse Api::deleteVault(Call &call)
{
    const QString vaultId = call.principal.vaultId;
    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    struct Step
    {
        const char *what;
        const char *sql;
    };
    static constexpr std::array kSteps{
        Step{"delete the envelopes", "DELETE FROM envelopes WHERE vault_id = ?"},
        Step{"delete the shares", "DELETE FROM shares WHERE vault_id = ?"},
        Step{"delete the wrapped vault keys", "DELETE FROM key_blobs WHERE vault_id = ?"},
        Step{"delete the shared collection keys",
             "DELETE FROM shared_collection_keys WHERE vault_id = ?"},
        Step{"delete the alerts", "DELETE FROM alerts WHERE vault_id = ?"},
        Step{"delete the messages", "DELETE FROM vault_messages WHERE vault_id = ?"},
        Step{"delete the enrolment and join codes",
             "DELETE FROM enrolment_codes WHERE vault_id = ?"},
        Step{"delete the devices' tokens",
             "DELETE FROM access_tokens WHERE principal_id IN (SELECT id FROM principals WHERE "
             "vault_id = ? AND role = 'device')"},
        Step{"delete the devices' challenges",
             "DELETE FROM auth_challenges WHERE principal_id IN (SELECT id FROM principals WHERE "
             "vault_id = ? AND role = 'device')"},
    };
    for (const Step &step : kSteps) {
        if (auto done = m_db.exec(step.what, QString::fromLatin1(step.sql), {vaultId}); !done)
            return storageFailure(done.error());
    }
    if (auto revoked =
            m_db.exec("revoke the vault's devices",
                      QStringLiteral("UPDATE principals SET revoked_at = COALESCE(revoked_at, ?), "
                                     "display_name = '' WHERE vault_id = ? AND role = 'device'"),
                      {at, vaultId});
        !revoked)
        return storageFailure(revoked.error());
    auto marked =
        m_db.exec("mark the vault deleted",
                  QStringLiteral("UPDATE vaults SET label = '', deleted_at = ? WHERE id = "
                                 "? AND deleted_at IS NULL"),
                  {at, vaultId});
    if (!marked)
        return storageFailure(marked.error());
    if (marked->numRowsAffected() != 1)
        return notFound();
    if (auto audited = appendAudit(m_db,
                                   {QStringLiteral("device"), call.principal.id,
                                    QStringLiteral("vault.delete"), vaultId, vaultId},
                                   at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    qCInfo(lcServer) << "vault deleted";
    return HttpResponse::noContent();
}

HttpResponse Api::putSharedCollectionKey(Call &call)
{
    auto reader = protocol::JsonObjectReader::parse(
        call.request.body, protocol::kMaxSmallBody,
        {QStringLiteral("generation"), QStringLiteral("ctk_epoch"), QStringLiteral("sealed")});
    if (!reader)
        return badRequest(reader.error());
    auto generation = reader->integer(QStringLiteral("generation"), 1, 0xffffffffLL);
    auto epoch = reader->integer(QStringLiteral("ctk_epoch"), 1, 0xffffffffLL);
    auto sealed = reader->base64(QStringLiteral("sealed"), protocol::kSealedKeySize,
                                 protocol::kSealedKeySize);
    if (!generation)
        return badRequest(generation.error());
    if (!epoch)
        return badRequest(epoch.error());
    if (!sealed)
        return badRequest(sealed.error());
    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    auto known = m_db.exec("check the care-team epoch",
                           QStringLiteral("SELECT 1 FROM care_team_keys WHERE epoch = ?"),
                           {static_cast<qint64>(*epoch)});
    if (!known)
        return storageFailure(known.error());
    if (!known->next())
        return badRequest(
            makeError(ErrorCode::InvalidInput, QStringLiteral("ctk_epoch: no such care-team key")));
    auto existing = m_db.exec("check the SCK generation",
                              QStringLiteral("SELECT sealed FROM shared_collection_keys WHERE "
                                             "vault_id = ? AND generation = ?"),
                              {call.principal.vaultId, static_cast<qint64>(*generation)});
    if (!existing)
        return storageFailure(existing.error());
    if (existing->next()) {
        if (existing->value(0).toByteArray() == *sealed)
            return HttpResponse::noContent(); // a retry
        return HttpResponse::error(409, QStringLiteral("generation_exists"),
                                   QStringLiteral("this SCK generation is already stored"));
    }
    if (auto inserted = m_db.exec(
            "store an SCK",
            QStringLiteral("INSERT INTO shared_collection_keys (vault_id, generation, ctk_epoch, "
                           "sealed, created_at) VALUES (?, ?, ?, ?, ?)"),
            {call.principal.vaultId, static_cast<qint64>(*generation), static_cast<qint64>(*epoch),
             *sealed, at});
        !inserted)
        return storageFailure(inserted.error());
    if (auto audited =
            appendAudit(m_db,
                        {QStringLiteral("device"), call.principal.id, QStringLiteral("sck.put"),
                         call.principal.vaultId, QString::number(*generation)},
                        at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    return HttpResponse::noContent();
}

HttpResponse Api::share(Call &call)
{
    const QString recordId = call.params.value(0);
    if (!isId(recordId))
        return notFound();
    auto reader = protocol::JsonObjectReader::parse(
        call.request.body, protocol::kMaxSmallBody,
        {QStringLiteral("version"), QStringLiteral("shared_key")});
    if (!reader)
        return badRequest(reader.error());
    auto version = reader->integer(QStringLiteral("version"), 1, std::int64_t(1) << 53);
    auto sharedKey = reader->base64(QStringLiteral("shared_key"), 1, 256);
    if (!version)
        return badRequest(version.error());
    if (!sharedKey)
        return badRequest(sharedKey.error());
    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    auto current = m_db.exec("read the current version",
                             QStringLiteral("SELECT MAX(version) FROM envelopes WHERE vault_id = ? "
                                            "AND record_id = ?"),
                             {call.principal.vaultId, recordId});
    if (!current)
        return storageFailure(current.error());
    if (!current->next() || current->value(0).isNull())
        return notFound();
    if (current->value(0).toLongLong() != *version)
        return HttpResponse::error(409, QStringLiteral("not_current"),
                                   QStringLiteral("only the newest version can be shared"));
    if (auto removed = m_db.exec("replace a share",
                                 QStringLiteral("DELETE FROM shares WHERE vault_id = ? AND "
                                                "record_id = ?"),
                                 {call.principal.vaultId, recordId});
        !removed)
        return storageFailure(removed.error());
    if (auto inserted = m_db.exec(
            "share a record",
            QStringLiteral("INSERT INTO shares (vault_id, record_id, version, shared_key, "
                           "shared_at) VALUES (?, ?, ?, ?, ?)"),
            {call.principal.vaultId, recordId, static_cast<qint64>(*version), *sharedKey, at});
        !inserted)
        return storageFailure(inserted.error());
    if (auto audited = appendAudit(m_db,
                                   {QStringLiteral("device"), call.principal.id,
                                    QStringLiteral("share.grant"), call.principal.vaultId,
                                    recordId + QLatin1Char(':') + QString::number(*version)},
                                   at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    return HttpResponse::noContent();
}

HttpResponse Api::unshare(Call &call)
{
    const QString recordId = call.params.value(0);
    if (!isId(recordId))
        return notFound();
    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    auto removed = m_db.exec("stop sharing",
                             QStringLiteral("DELETE FROM shares WHERE vault_id = ? AND record_id "
                                            "= ?"),
                             {call.principal.vaultId, recordId});
    if (!removed)
        return storageFailure(removed.error());
    if (removed->numRowsAffected() < 1)
        return notFound();
    if (auto audited =
            appendAudit(m_db,
                        {QStringLiteral("device"), call.principal.id,
                         QStringLiteral("share.revoke"), call.principal.vaultId, recordId},
                        at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    return HttpResponse::noContent();
}

HttpResponse Api::accessLog(Call &call)
{
    auto paging = readPaging(call.query, 200, 1000);
    if (!paging)
        return badRequest(paging.error());
    auto entries = readAuditLog(m_db, call.principal.vaultId, paging->after, paging->limit);
    if (!entries)
        return storageFailure(entries.error());
    QJsonArray out;
    QHash<QString, QString> names;
    qint64 cursor = paging->after;
    for (const AuditEntry &entry : *entries) {
        QString name;
        if (entry.actorRole == QLatin1String("therapist")) {
            if (!names.contains(entry.actorId)) {
                auto row = m_db.exec("read a therapist's name",
                                     QStringLiteral("SELECT display_name FROM principals WHERE "
                                                    "id = ?"),
                                     {entry.actorId});
                if (!row)
                    return storageFailure(row.error());
                names.insert(entry.actorId, row->next() ? row->value(0).toString() : QString());
            }
            name = names.value(entry.actorId);
        }
        out.append(QJsonObject{{QStringLiteral("seq"), static_cast<qint64>(entry.seq)},
                               {QStringLiteral("at"), static_cast<qint64>(entry.at)},
                               {QStringLiteral("actor_role"), entry.actorRole},
                               {QStringLiteral("actor_id"), entry.actorId},
                               {QStringLiteral("actor_name"), name},
                               {QStringLiteral("action"), entry.action},
                               {QStringLiteral("subject"), entry.subject}});
        cursor = entry.seq;
    }
    return HttpResponse::json(200, toCompactJson({{QStringLiteral("entries"), out},
                                                  {QStringLiteral("next_cursor"), cursor}}));
}

HttpResponse Api::careTeamEnrol(Call &call)
{
    auto request = protocol::CareTeamEnrolRequest::fromJson(call.request.body);
    if (!request)
        return badRequest(request.error());
    // A key that is not a valid Ed25519 point could never receive a care-team key later
    // (rotations seal to its X25519 form): refuse it before the code is spent.
    if (!protocol::boxPublicKeyFromSigningKey(request->publicKey))
        return badRequest(makeError(ErrorCode::InvalidInput,
                                    QStringLiteral("public_key: not a valid Ed25519 key")));
    auto clinicInfo = loadClinic(m_db);
    if (!clinicInfo)
        return clinicMissing(clinicInfo.error());

    const QString codeHash = hashSecret(request->codeProof);
    const qint64 at = now();
    const QString therapistId = protocol::idToHex(protocol::randomId());
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    // Redeem exactly once, and only while its care-team epoch is the current one: a code issued
    // before a rotation is void (ADR 0013). The conditional UPDATE is the check.
    auto redeemed = m_db.exec(
        "redeem a therapist code",
        QStringLiteral("UPDATE therapist_codes SET redeemed_at = ?, therapist_id = ? WHERE "
                       "code_hash = ? AND redeemed_at IS NULL AND expires_at > ? AND ctk_epoch = "
                       "(SELECT MAX(epoch) FROM care_team_keys)"),
        {at, therapistId, codeHash, at});
    if (!redeemed)
        return storageFailure(redeemed.error());
    if (redeemed->numRowsAffected() != 1)
        return HttpResponse::error(403, QStringLiteral("invalid_code"),
                                   QStringLiteral("this code is not valid"));
    auto code = m_db.one("read a therapist code",
                         QStringLiteral("SELECT display_name, ctk_epoch, sealed_ctk FROM "
                                        "therapist_codes WHERE code_hash = ?"),
                         {codeHash});
    if (!code)
        return storageFailure(code.error());
    protocol::CareTeamEnrolResponse response;
    response.therapistId = therapistId;
    response.name = code->value(0).toString();
    response.careTeamEpoch = static_cast<std::uint32_t>(code->value(1).toLongLong());
    response.careTeamKeySealedByCode = code->value(2).toByteArray();
    // The sealed key is handed out once; the row keeps no copy of it afterwards.
    if (auto emptied = m_db.exec("empty a redeemed code",
                                 QStringLiteral("UPDATE therapist_codes SET sealed_ctk = ? WHERE "
                                                "code_hash = ?"),
                                 {QByteArray(""), codeHash});
        !emptied)
        return storageFailure(emptied.error());
    if (auto inserted = m_db.exec(
            "add a therapist",
            QStringLiteral("INSERT INTO principals (id, role, vault_id, display_name, public_key, "
                           "created_at) VALUES (?, 'therapist', NULL, ?, ?, ?)"),
            {therapistId, response.name, request->publicKey, at});
        !inserted)
        return storageFailure(inserted.error());
    if (auto audited = appendAudit(m_db,
                                   {QStringLiteral("therapist"), therapistId,
                                    QStringLiteral("therapist.enrol"), QString(), therapistId},
                                   at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    qCInfo(lcServer) << "therapist registered";
    response.clinic = std::move(clinicInfo).value();
    return HttpResponse::json(201, response.toJson());
}

HttpResponse Api::careTeamKeys(Call &call)
{
    auto rows = m_db.exec("read care-team grants",
                          QStringLiteral("SELECT g.epoch, k.public_key, g.sealed_secret FROM "
                                         "care_team_grants g JOIN care_team_keys k ON k.epoch = "
                                         "g.epoch WHERE g.therapist_id = ? ORDER BY g.epoch"),
                          {call.principal.id});
    if (!rows)
        return storageFailure(rows.error());
    QJsonArray keys;
    while (rows->next())
        keys.append(QJsonObject{
            {QStringLiteral("epoch"), rows->value(0).toLongLong()},
            {QStringLiteral("public_key"), encodeBase64(rows->value(1).toByteArray())},
            {QStringLiteral("sealed_secret"), encodeBase64(rows->value(2).toByteArray())}});
    return HttpResponse::json(200, toCompactJson({{QStringLiteral("keys"), keys}}));
}

HttpResponse Api::careTeamPatients(Call &)
{
    auto rows = m_db.exec("list sharing patients",
                          QStringLiteral("SELECT v.id, v.label, COUNT(*) FROM shares s JOIN vaults "
                                         "v ON v.id = s.vault_id GROUP BY v.id, v.label ORDER BY "
                                         "v.id"));
    if (!rows)
        return storageFailure(rows.error());
    QJsonArray patients;
    while (rows->next())
        patients.append(
            QJsonObject{{QStringLiteral("vault_id"), rows->value(0).toString()},
                        {QStringLiteral("label"), rows->value(1).toString()},
                        {QStringLiteral("shared_records"), rows->value(2).toLongLong()}});
    return HttpResponse::json(200, toCompactJson({{QStringLiteral("patients"), patients}}));
}

namespace {

// A vault is visible to the care team only while it shares something.
Result<bool> vaultShares(Database &db, const QString &vaultId)
{
    auto row =
        db.exec("check shares", QStringLiteral("SELECT 1 FROM shares WHERE vault_id = ? LIMIT 1"),
                {vaultId});
    if (!row)
        return row.error();
    return row->next();
}

} // namespace

HttpResponse Api::careTeamVaultKeys(Call &call)
{
    const QString vaultId = call.params.value(0);
    if (!isId(vaultId))
        return notFound();
    auto shares = vaultShares(m_db, vaultId);
    if (!shares)
        return storageFailure(shares.error());
    if (!*shares)
        return notFound();
    auto rows = m_db.exec("read SCKs",
                          QStringLiteral("SELECT generation, ctk_epoch, sealed FROM "
                                         "shared_collection_keys WHERE vault_id = ? ORDER BY "
                                         "generation"),
                          {vaultId});
    if (!rows)
        return storageFailure(rows.error());
    QJsonArray keys;
    while (rows->next())
        keys.append(
            QJsonObject{{QStringLiteral("generation"), rows->value(0).toLongLong()},
                        {QStringLiteral("ctk_epoch"), rows->value(1).toLongLong()},
                        {QStringLiteral("sealed"), encodeBase64(rows->value(2).toByteArray())}});
    return HttpResponse::json(200, toCompactJson({{QStringLiteral("keys"), keys}}));
}

HttpResponse Api::careTeamRecords(Call &call)
{
    const QString vaultId = call.params.value(0);
    if (!isId(vaultId))
        return notFound();
    auto rows = m_db.exec("list shared records",
                          QStringLiteral("SELECT s.record_id, s.version, e.kind, s.shared_at FROM "
                                         "shares s JOIN envelopes e ON e.vault_id = s.vault_id AND "
                                         "e.record_id = s.record_id AND e.version = s.version "
                                         "WHERE s.vault_id = ? ORDER BY s.shared_at, s.record_id"),
                          {vaultId});
    if (!rows)
        return storageFailure(rows.error());
    QJsonArray records;
    while (rows->next())
        records.append(QJsonObject{{QStringLiteral("record_id"), rows->value(0).toString()},
                                   {QStringLiteral("version"), rows->value(1).toLongLong()},
                                   {QStringLiteral("kind"), rows->value(2).toInt()},
                                   {QStringLiteral("shared_at"), rows->value(3).toLongLong()}});
    if (records.isEmpty())
        return notFound();
    return HttpResponse::json(200, toCompactJson({{QStringLiteral("records"), records}}));
}

HttpResponse Api::careTeamRecord(Call &call)
{
    const QString vaultId = call.params.value(0);
    const QString recordId = call.params.value(1);
    if (!isId(vaultId) || !isId(recordId))
        return notFound();
    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    auto row = m_db.exec("read a shared record",
                         QStringLiteral("SELECT s.version, s.shared_key, e.envelope FROM shares s "
                                        "JOIN envelopes e ON e.vault_id = s.vault_id AND "
                                        "e.record_id = s.record_id AND e.version = s.version "
                                        "WHERE s.vault_id = ? AND s.record_id = ?"),
                         {vaultId, recordId});
    if (!row)
        return storageFailure(row.error());
    if (!row->next())
        return notFound();
    const qint64 version = row->value(0).toLongLong();
    QJsonObject body{{QStringLiteral("record_id"), recordId},
                     {QStringLiteral("version"), version},
                     {QStringLiteral("shared_key"), encodeBase64(row->value(1).toByteArray())},
                     {QStringLiteral("envelope"), encodeBase64(row->value(2).toByteArray())}};
    // Audited in the same transaction: no read without its log row.
    if (auto audited = appendAudit(m_db,
                                   {QStringLiteral("therapist"), call.principal.id,
                                    QStringLiteral("record.read"), vaultId,
                                    recordId + QLatin1Char(':') + QString::number(version)},
                                   at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    return HttpResponse::json(200, toCompactJson(body));
}

HttpResponse Api::careTeamAlerts(Call &)
{
    auto rows = m_db.exec("list alerts",
                          QStringLiteral("SELECT id, vault_id, record_id, version, created_at FROM "
                                         "alerts WHERE acknowledged_at IS NULL ORDER BY "
                                         "created_at, id"));
    if (!rows)
        return storageFailure(rows.error());
    QJsonArray alerts;
    while (rows->next())
        alerts.append(QJsonObject{{QStringLiteral("alert_id"), rows->value(0).toString()},
                                  {QStringLiteral("vault_id"), rows->value(1).toString()},
                                  {QStringLiteral("record_id"), rows->value(2).toString()},
                                  {QStringLiteral("version"), rows->value(3).toLongLong()},
                                  {QStringLiteral("created_at"), rows->value(4).toLongLong()}});
    return HttpResponse::json(200, toCompactJson({{QStringLiteral("alerts"), alerts}}));
}

HttpResponse Api::acknowledgeAlert(Call &call)
{
    const QString alertId = call.params.value(0);
    if (!isId(alertId))
        return notFound();
    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    auto updated = m_db.exec("acknowledge an alert",
                             QStringLiteral("UPDATE alerts SET acknowledged_at = ?, "
                                            "acknowledged_by = ? WHERE id = ? AND acknowledged_at "
                                            "IS NULL"),
                             {at, call.principal.id, alertId});
    if (!updated)
        return storageFailure(updated.error());
    if (updated->numRowsAffected() != 1)
        return notFound();
    auto vault = m_db.one("read an alert",
                          QStringLiteral("SELECT vault_id FROM alerts WHERE id = ?"), {alertId});
    if (!vault)
        return storageFailure(vault.error());
    if (auto audited =
            appendAudit(m_db,
                        {QStringLiteral("therapist"), call.principal.id,
                         QStringLiteral("alert.ack"), vault->value(0).toString(), alertId},
                        at);
        !audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    return HttpResponse::noContent();
}

HttpResponse Api::clinicProtocol(Call &)
{
    auto published = latestProtocol(m_db);
    if (!published)
        return storageFailure(published.error());
    if (!*published)
        return notFound();
    return HttpResponse::json(200, (*published)->toJson());
}

HttpResponse Api::listMessages(Call &call)
{
    auto paging = readPaging(call.query, 200, static_cast<int>(protocol::kMaxMessagesPage));
    if (!paging)
        return badRequest(paging.error());
    auto page = readVaultMessages(m_db, call.principal.vaultId, paging->after, paging->limit);
    if (!page)
        return storageFailure(page.error());
    return HttpResponse::json(200, page->toJson());
}

HttpResponse Api::postMessage(Call &call)
{
    const QString vaultId = call.params.value(0);
    if (!isId(vaultId))
        return notFound();
    // The care team reaches a vault only while it shares something (as for its records), and
    // the answer for any other vault is the same 404 as for one that does not exist.
    auto shares = vaultShares(m_db, vaultId);
    if (!shares)
        return storageFailure(shares.error());
    if (!*shares)
        return notFound();
    auto request = protocol::PostMessageRequest::fromJson(call.request.body);
    if (!request)
        return badRequest(request.error());
    const qint64 at = now();
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return storageFailure(begun.error());
    auto appended = appendVaultMessage(
        m_db, vaultId, request->messageId, protocol::MessageAuthor::Therapist, call.principal.id,
        request->sealed, QStringLiteral("therapist"), call.principal.id, at);
    if (!appended) {
        if (appended.error().code == ErrorCode::AlreadyExists)
            return HttpResponse::error(409, QStringLiteral("message_exists"),
                                       QStringLiteral("another message has this message_id"));
        if (appended.error().code == ErrorCode::NotFound)
            return notFound();
        return storageFailure(appended.error());
    }
    if (appended->duplicate)
        // A retry of a message already stored: nothing new, no second audit row.
        return HttpResponse::json(
            200, toCompactJson({{QStringLiteral("seq"), static_cast<qint64>(appended->seq)}}));
    if (auto committed = transaction.commit(); !committed)
        return storageFailure(committed.error());
    return HttpResponse::json(
        201, toCompactJson({{QStringLiteral("seq"), static_cast<qint64>(appended->seq)}}));
}

} // namespace companion::server
