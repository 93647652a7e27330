#include "harness.h"

#include "crypto/secretwrap.h"
#include "protocol/json.h"

#include <catch2/catch.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <sys/socket.h>
#include <sys/time.h>

namespace companion::servertest {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

QString pgState()
{
    return qEnvironmentVariable("COMPANION_TEST_PG_STATE");
}

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll()).trimmed();
}

// Runs SQL on a database given by URL through QtSql, like the server does; returns the first
// column of the first row (an invalid QVariant when there is none).
QVariant runSql(const QString &url, const QString &statement)
{
    QVariant first;
    const QString name = QStringLiteral("test-%1").arg(QUuid::createUuid().toString());
    {
        QSqlDatabase db;
        if (url.startsWith(QLatin1String("postgresql://"))) {
            const QUrl parsed(url);
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(parsed.host());
            db.setPort(parsed.port(5432));
            db.setUserName(parsed.userName());
            db.setDatabaseName(parsed.path().mid(1));
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(url);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        }
        REQUIRE(db.open());
        QSqlQuery query(db);
        INFO(statement.toStdString());
        const bool ok = query.exec(statement);
        INFO(query.lastError().text().toStdString());
        REQUIRE(ok);
        if (query.isSelect() && query.next())
            first = query.value(0);
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return first;
}

void setTimeouts(tcp::socket &socket, int ms)
{
    timeval tv{ms / 1000, (ms % 1000) * 1000};
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

} // namespace

Backend backend()
{
    return pgState().isEmpty() ? Backend::Sqlite : Backend::Postgres;
}

const char *backendName()
{
    return backend() == Backend::Sqlite ? "sqlite" : "postgresql";
}

QString AdminResult::field(const QString &name) const
{
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        if (line.startsWith(name + QStringLiteral(": ")))
            return line.mid(name.size() + 2).trimmed();
    }
    return QString();
}

QJsonObject Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

TestServer::TestServer(bool safetyAlerts)
{
    REQUIRE(m_dir.path().size() > 0);
    if (backend() == Backend::Sqlite) {
        m_dbUrl = m_dir.file(QStringLiteral("server.db"));
    } else {
        const QString adminUrl = readFile(pgState() + QStringLiteral("/url"));
        REQUIRE_FALSE(adminUrl.isEmpty());
        const QString name =
            QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(20);
        runSql(adminUrl, QStringLiteral("CREATE DATABASE ") + name);
        QUrl url(adminUrl);
        url.setPath(QLatin1Char('/') + name);
        m_dbUrl = url.toString();
    }
    QStringList args{QStringLiteral("init"),
                     QStringLiteral("--db"),
                     m_dbUrl,
                     QStringLiteral("--name"),
                     QStringLiteral("Lakeside Clinic"),
                     QStringLiteral("--keys-dir"),
                     keysDir()};
    if (safetyAlerts)
        args << QStringLiteral("--safety-alerts");
    const AdminResult init = admin(args);
    INFO(init.err.toStdString());
    REQUIRE(init.exitCode == 0);
    m_fingerprint = init.field(QStringLiteral("clinic key fingerprint"));
    REQUIRE(m_fingerprint.size() == 39);
}

TestServer::~TestServer()
{
    stop();
}

AdminResult TestServer::admin(const QStringList &arguments) const
{
    QProcess process;
    process.start(QStringLiteral(COMPANION_SERVER_PATH),
                  QStringList{QStringLiteral("admin")} + arguments);
    REQUIRE(process.waitForFinished(60000));
    AdminResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestServer::start(const QStringList &extra, std::uint16_t port)
{
    REQUIRE_FALSE(m_process);
    // The log is appended across restarts: look for this start's line only.
    const qsizetype logOffset = readFile(logFile()).size();
    m_process = std::make_unique<QProcess>();
    // Everything the server prints goes to a file in the temp dir, which the canary test scans.
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(logFile(), QIODevice::Append);
    m_process->start(QStringLiteral(COMPANION_SERVER_PATH),
                     QStringList{QStringLiteral("serve"), QStringLiteral("--db"), m_dbUrl,
                                 QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:%1").arg(port),
                                 QStringLiteral("--enrol-per-minute"), QStringLiteral("1000"),
                                 QStringLiteral("--auth-per-minute"), QStringLiteral("1000")} +
                         extra);
    REQUIRE(m_process->waitForStarted(30000));
    // Up to 30 s: a loaded CI machine (two cores, ctest -j2) can take seconds to start it and
    // run its migrations; the loop ends as soon as the line is there.
    for (int i = 0; i < 600 && m_port == 0; ++i) {
        const QString log = readFile(logFile()).mid(logOffset);
        const auto at = log.lastIndexOf(QStringLiteral("listening on 127.0.0.1:"));
        // Only a whole line: a read between the server's writes could see "…:12" of "…:12345".
        if (at >= 0 && log.indexOf(QLatin1Char('\n'), at) > at) {
            const QString rest = log.mid(at + 23);
            m_port = static_cast<std::uint16_t>(rest.section(QLatin1Char('\n'), 0, 0).toInt());
        }
        // Waits 50 ms for the next try; true when the server exited (the log below says why).
        if (m_port == 0 && m_process->waitForFinished(50))
            break;
    }
    INFO(readFile(logFile()).toStdString());
    REQUIRE(m_port != 0);
}

void TestServer::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
    m_port = 0;
}

bool TestServer::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 TestServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString TestServer::storageDir() const
{
    if (backend() == Backend::Sqlite)
        return m_dir.path();
    return readFile(pgState() + QStringLiteral("/dir"));
}

void TestServer::sql(const QString &statement) const
{
    runSql(m_dbUrl, statement);
}

qint64 TestServer::count(const QString &statement) const
{
    const QVariant value = runSql(m_dbUrl, statement);
    REQUIRE(value.isValid());
    return value.toLongLong();
}

QString TestServer::newEnrolmentCode(const QString &label) const
{
    const AdminResult result = admin({QStringLiteral("enrol-patient"), QStringLiteral("--db"),
                                      m_dbUrl, QStringLiteral("--label"), label});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const QString code = result.field(QStringLiteral("code"));
    REQUIRE(code.size() == 24);
    return code;
}

QString TestServer::newTherapistCode(const QString &name) const
{
    const AdminResult result =
        admin({QStringLiteral("add-therapist"), QStringLiteral("--db"), m_dbUrl,
               QStringLiteral("--keys-dir"), keysDir(), QStringLiteral("--name"), name});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    REQUIRE(result.field(QStringLiteral("clinic key fingerprint")) == m_fingerprint);
    const QString code = result.field(QStringLiteral("code"));
    REQUIRE(code.size() == 24);
    return code;
}

Reply TestServer::request(const QByteArray &method, const QByteArray &target,
                          const QByteArray &body, const QString &token,
                          const std::optional<QByteArray> &contentType) const
{
    Reply reply;
    try {
        asio::io_context io;
        tcp::socket socket(io);
        socket.connect(tcp::endpoint(asio::ip::address_v4::loopback(), m_port));
        setTimeouts(socket, 30000);
        http::request<http::string_body> req;
        req.method_string(std::string_view(method.constData(), method.size()));
        req.target(std::string_view(target.constData(), target.size()));
        req.version(11);
        req.set(http::field::host, "127.0.0.1");
        if (!token.isEmpty())
            req.set(http::field::authorization, "Bearer " + token.toStdString());
        if (contentType && !contentType->isEmpty())
            req.set(http::field::content_type,
                    std::string_view(contentType->constData(),
                                     static_cast<std::size_t>(contentType->size())));
        else if (!contentType && !body.isEmpty())
            req.set(http::field::content_type, "application/json");
        req.body().assign(body.constData(), static_cast<std::size_t>(body.size()));
        req.keep_alive(false);
        req.prepare_payload();
        http::write(socket, req);
        beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        http::read(socket, buffer, parser);
        reply.status = static_cast<int>(parser.get().result_int());
        reply.body = QByteArray(parser.get().body().data(),
                                static_cast<qsizetype>(parser.get().body().size()));
    } catch (const std::exception &) {
        reply.status = 0;
    }
    return reply;
}

QByteArray rawExchange(std::uint16_t port, const QByteArray &bytes, int timeoutMs)
{
    QByteArray received;
    try {
        asio::io_context io;
        tcp::socket socket(io);
        socket.connect(tcp::endpoint(asio::ip::address_v4::loopback(), port));
        setTimeouts(socket, timeoutMs);
        beast::error_code ec;
        asio::write(socket, asio::buffer(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                    ec);
        char chunk[4096];
        for (;;) {
            const std::size_t n = socket.read_some(asio::buffer(chunk), ec);
            if (ec || n == 0)
                break;
            received.append(chunk, static_cast<qsizetype>(n));
        }
    } catch (const std::exception &) {
    }
    return received;
}

qint64 residentKiB(qint64 pid)
{
    const QString status = readFile(QStringLiteral("/proc/%1/status").arg(pid));
    for (const QString &line : status.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("VmRSS:")))
            return line.mid(6).trimmed().section(QLatin1Char(' '), 0, 0).toLongLong();
    }
    return -1;
}

Device::Device(TestServer &server)
    : server(server)
    , signing(protocol::generateSigningKeyPair())
    , kwk(protocol::deriveKeyWrappingKey(protocol::generateKey(), 1))
{}

Reply Device::enrol(const QString &code)
{
    const protocol::EnrolRequest request{code, signing.publicKey};
    Reply reply = server.request("POST", "/v1/enrol", request.toJson());
    if (reply.status == 201) {
        auto response = protocol::EnrolResponse::fromJson(reply.body);
        REQUIRE(response);
        REQUIRE(response->clinic.verify(server.fingerprint()));
        deviceId = response->deviceId;
        vaultId = response->vaultId;
        vault = *protocol::idFromHex(vaultId);
        device = *protocol::idFromHex(deviceId);
    }
    return reply;
}

QString loginAs(TestServer &server, const QString &principalId,
                const protocol::SigningKeyPair &signing)
{
    const Reply challengeReply = server.request("POST", "/v1/auth/challenge",
                                                protocol::ChallengeRequest{principalId}.toJson());
    if (challengeReply.status != 200)
        return QString();
    auto challenge = protocol::ChallengeResponse::fromJson(challengeReply.body);
    REQUIRE(challenge);
    const protocol::TokenRequest request{
        principalId, challenge->challenge,
        protocol::sign(signing.secretKey, protocol::authChallengeMessage(challenge->challenge,
                                                                         principalId.toLatin1()))};
    const Reply tokenReply = server.request("POST", "/v1/auth/token", request.toJson());
    if (tokenReply.status != 200)
        return QString();
    auto token = protocol::TokenResponse::fromJson(tokenReply.body);
    REQUIRE(token);
    return token->accessToken;
}

QString Device::login()
{
    token = loginAs(server, deviceId, signing);
    return token;
}

protocol::PushItem Device::makeItem(const protocol::Id16 &recordId, std::uint64_t version,
                                    const protocol::Hash32 &previousHash,
                                    const QByteArray &plaintext, protocol::RecordKind kind,
                                    const SecretBytes *sck) const
{
    protocol::EnvelopeHeader header;
    header.vaultId = vault;
    header.recordId = recordId;
    header.recordKind = kind;
    header.version = version;
    header.previousHash = previousHash;
    header.keyEpoch = 1;
    header.authorDevice = device;
    const SecretBytes dek = protocol::generateKey();
    auto envelope = protocol::sealEnvelope(header, plaintext, dek);
    REQUIRE(envelope);
    const auto binding = protocol::DataKeyBinding::of(header);
    protocol::PushItem item;
    item.envelope = *envelope;
    item.key = *protocol::wrapDataKey(kwk, dek, binding);
    if (sck)
        item.sharedKey = *protocol::wrapSharedDataKey(*sck, dek, binding);
    return item;
}

Reply Device::push(const std::vector<protocol::PushItem> &items)
{
    protocol::PushRequest request;
    request.items = items;
    return server.request("POST", "/v1/sync/push", request.toJson(), token);
}

Reply Device::pushBinary(const std::vector<protocol::PushItem> &items)
{
    protocol::PushRequest request;
    request.items = items;
    return server.request("POST", "/v1/sync/push", request.toBinary(), token,
                          QByteArray(protocol::kPushBinaryMediaType));
}

QByteArray Device::open(const QByteArray &envelope, const QByteArray &wrappedKey) const
{
    auto header = protocol::parseEnvelopeHeader(envelope);
    REQUIRE(header);
    auto dek = protocol::unwrapDataKey(kwk, wrappedKey, protocol::DataKeyBinding::of(*header));
    REQUIRE(dek);
    auto opened = protocol::openEnvelope(envelope, *dek);
    REQUIRE(opened);
    return opened->plaintext;
}

Therapist addTherapist(TestServer &server, const QString &name)
{
    const QString keyFile =
        QDir(server.tempDir()).filePath(QStringLiteral("therapist-%1.key").arg(name));
    const AdminResult added =
        server.admin({QStringLiteral("add-therapist"), QStringLiteral("--db"), server.dbUrl(),
                      QStringLiteral("--keys-dir"), server.keysDir(), QStringLiteral("--name"),
                      name, QStringLiteral("--key-out"), keyFile});
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    QFile file(keyFile);
    REQUIRE(file.open(QIODevice::ReadOnly));
    REQUIRE((file.permissions() & (QFile::ReadGroup | QFile::ReadOther)) == 0);
    const QByteArray secret = QByteArray::fromBase64(file.readAll().trimmed());
    auto pair = protocol::signingKeyPairFromSecret(
        SecretBytes::fromView({reinterpret_cast<const std::uint8_t *>(secret.constData()),
                               static_cast<std::size_t>(secret.size())}));
    REQUIRE(pair);
    Therapist therapist{added.field(QStringLiteral("therapist")), std::move(pair).value(), {}};
    REQUIRE(therapist.id.size() == 32);
    return therapist;
}

std::map<qint64, SecretBytes> careTeamSharedKeys(TestServer &server, Therapist &therapist,
                                                 const QString &vaultId)
{
    if (therapist.token.isEmpty())
        therapist.token = loginAs(server, therapist.id, therapist.signing);
    const Reply keys = server.request("GET", "/v1/careteam/keys", {}, therapist.token);
    REQUIRE(keys.status == 200);
    auto box = protocol::boxKeyPairFromSigningKey(therapist.signing);
    REQUIRE(box);
    std::map<qint64, protocol::BoxKeyPair> careTeamKeys;
    for (const QJsonValue &key : keys.json().value(QStringLiteral("keys")).toArray()) {
        auto sealed =
            protocol::decodeBase64(key[QStringLiteral("sealed_secret")].toString().toLatin1());
        REQUIRE(sealed);
        auto secret = protocol::openSealed(*box, *sealed);
        REQUIRE(secret);
        auto pair = protocol::boxKeyPairFromSecret(std::move(*secret));
        REQUIRE(pair);
        careTeamKeys.emplace(key[QStringLiteral("epoch")].toInteger(), std::move(*pair));
    }
    const Reply scks = server.request(
        "GET",
        (QStringLiteral("/v1/careteam/vaults/") + vaultId + QStringLiteral("/sck")).toLatin1(), {},
        therapist.token);
    REQUIRE(scks.status == 200);
    std::map<qint64, SecretBytes> out;
    for (const QJsonValue &key : scks.json().value(QStringLiteral("keys")).toArray()) {
        const auto careTeamKey = careTeamKeys.find(key[QStringLiteral("ctk_epoch")].toInteger());
        REQUIRE(careTeamKey != careTeamKeys.end());
        auto sealed = protocol::decodeBase64(key[QStringLiteral("sealed")].toString().toLatin1());
        REQUIRE(sealed);
        auto sck = protocol::openSharedCollectionKey(careTeamKey->second, *sealed);
        REQUIRE(sck);
        out.emplace(key[QStringLiteral("generation")].toInteger(), std::move(*sck));
    }
    return out;
}

} // namespace companion::servertest
