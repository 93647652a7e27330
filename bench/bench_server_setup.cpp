// bench_server_setup: prepares a running companion-server for bench/bench_server_load.sh.
// Enrols a device with an enrolment code, pushes one record, logs in, and writes into OUT_DIR:
//   token              the access token (0600; a throwaway bench vault, but still a token)
//   pull_target        a GET target that returns that one record
//   push_single.txt    N push bodies, one per line, each a new record (single-item batches)
//   push_batch100.txt  M push bodies of 100 new records each
// Every body seals a distinct new record, so each POST wrk sends is an accepted write, never a
// duplicate (which the server answers without writing).
#include "protocol/api.h"
#include "protocol/envelope.h"
#include "protocol/keys.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QUrl>

#include <cstdio>
#include <optional>

using namespace companion;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
};

class Client
{
public:
    Client(const QString &host, std::uint16_t port)
        : m_host(host.toStdString())
        , m_port(port)
    {}

    Reply request(http::verb method, const std::string &target, const QByteArray &body = {},
                  const QString &token = {})
    {
        Reply reply;
        asio::io_context io;
        tcp::socket socket(io);
        beast::error_code ec;
        socket.connect(tcp::endpoint(asio::ip::make_address(m_host, ec), m_port), ec);
        if (ec)
            return reply;
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, m_host);
        if (!token.isEmpty())
            req.set(http::field::authorization, "Bearer " + token.toStdString());
        if (!body.isEmpty())
            req.set(http::field::content_type, "application/json");
        req.body() = body.toStdString();
        req.keep_alive(false);
        req.prepare_payload();
        http::write(socket, req, ec);
        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        if (!ec)
            http::read(socket, buffer, res, ec);
        if (!ec) {
            reply.status = static_cast<int>(res.result_int());
            reply.body = QByteArray::fromStdString(res.body());
        }
        return reply;
    }

private:
    std::string m_host;
    std::uint16_t m_port;
};

struct Device
{
    protocol::SigningKeyPair signing = protocol::generateSigningKeyPair();
    SecretBytes kwk = protocol::deriveKeyWrappingKey(protocol::generateKey(), 1);
    protocol::Id16 vault{};
    protocol::Id16 device{};
    QString deviceId;

    std::optional<protocol::PushItem> newRecord(int index) const
    {
        protocol::EnvelopeHeader header;
        header.vaultId = vault;
        header.recordId = protocol::randomId();
        header.recordKind = protocol::RecordKind::Diary;
        header.version = 1;
        header.keyEpoch = 1;
        header.authorDevice = device;
        const SecretBytes dek = protocol::generateKey();
        // Typical of a diary check-in: well under one 256-byte padding block.
        const QByteArray body = QByteArray(R"({"mood":)") + QByteArray::number(index % 11) +
                                R"(,"note":"bench entry"})";
        auto envelope = protocol::sealEnvelope(header, body, dek);
        auto key = protocol::wrapDataKey(kwk, dek, protocol::DataKeyBinding::of(header));
        if (!envelope || !key)
            return std::nullopt;
        return protocol::PushItem{*envelope, *key, {}};
    }
};

int fail(const char *what)
{
    std::fprintf(stderr, "bench_server_setup: %s\n", what);
    return 1;
}

bool writeFile(const QString &path, const QByteArray &bytes, bool secret = false)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (secret)
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return file.write(bytes) == bytes.size();
}

// Writes `bodies` push bodies of `perBody` new records each, one compact JSON body per line.
bool writeBodies(const Device &device, const QString &path, int bodies, int perBody)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    for (int i = 0; i < bodies; ++i) {
        protocol::PushRequest request;
        for (int j = 0; j < perBody; ++j) {
            auto item = device.newRecord(i * perBody + j);
            if (!item)
                return false;
            request.items.push_back(std::move(*item));
        }
        if (file.write(request.toJson() + '\n') < 0)
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString url, code, out;
    int singles = 20000;
    int batches = 200;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--url"))
            url = args[i + 1];
        else if (args[i] == QLatin1String("--code"))
            code = args[i + 1];
        else if (args[i] == QLatin1String("--out"))
            out = args[i + 1];
        else if (args[i] == QLatin1String("--singles"))
            singles = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--batches"))
            batches = args[i + 1].toInt();
        else
            return fail("unknown option");
    }
    const QUrl parsed(url);
    if (parsed.scheme() != QLatin1String("http") || parsed.port() <= 0 || code.isEmpty() ||
        out.isEmpty() || singles < 0 || batches < 0)
        return fail("usage: bench_server_setup --url http://HOST:PORT --code CODE --out DIR "
                    "[--singles N] [--batches M]");
    Client client(parsed.host(), static_cast<std::uint16_t>(parsed.port()));
    Device device;

    const Reply enrolled =
        client.request(http::verb::post, "/v1/enrol",
                       protocol::EnrolRequest{code, device.signing.publicKey}.toJson());
    auto enrolment = protocol::EnrolResponse::fromJson(enrolled.body);
    if (enrolled.status != 201 || !enrolment)
        return fail("enrolment failed");
    device.deviceId = enrolment->deviceId;
    device.vault = *protocol::idFromHex(enrolment->vaultId);
    device.device = *protocol::idFromHex(enrolment->deviceId);

    const Reply challengeReply =
        client.request(http::verb::post, "/v1/auth/challenge",
                       protocol::ChallengeRequest{device.deviceId}.toJson());
    auto challenge = protocol::ChallengeResponse::fromJson(challengeReply.body);
    if (challengeReply.status != 200 || !challenge)
        return fail("challenge failed");
    const protocol::TokenRequest tokenRequest{
        device.deviceId, challenge->challenge,
        protocol::sign(
            device.signing.secretKey,
            protocol::authChallengeMessage(challenge->challenge, device.deviceId.toLatin1()))};
    const Reply tokenReply =
        client.request(http::verb::post, "/v1/auth/token", tokenRequest.toJson());
    auto token = protocol::TokenResponse::fromJson(tokenReply.body);
    if (tokenReply.status != 200 || !token)
        return fail("login failed");

    auto first = device.newRecord(0);
    if (!first)
        return fail("sealing failed");
    protocol::PushRequest push;
    push.items.push_back(*first);
    if (client.request(http::verb::post, "/v1/sync/push", push.toJson(), token->accessToken)
            .status != 200)
        return fail("the first push failed");
    const std::string pullTarget = "/v1/sync/pull?after=0&limit=1";
    auto pulled = protocol::PullResponse::fromJson(
        client.request(http::verb::get, pullTarget, {}, token->accessToken).body);
    if (!pulled || pulled->items.size() != 1)
        return fail("the pull target does not return one record");

    const QDir dir(out);
    if (!writeFile(dir.filePath(QStringLiteral("token")), token->accessToken.toLatin1(), true) ||
        !writeFile(dir.filePath(QStringLiteral("pull_target")),
                   QByteArray::fromStdString(pullTarget)) ||
        !writeBodies(device, dir.filePath(QStringLiteral("push_single.txt")), singles, 1) ||
        !writeBodies(device, dir.filePath(QStringLiteral("push_batch100.txt")), batches, 100))
        return fail("cannot write to the output directory");
    std::printf("bench_server_setup: device enrolled, %d single and %d 100-item bodies written\n",
                singles, batches);
    return 0;
}
