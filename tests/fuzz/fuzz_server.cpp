// libFuzzer target: the clinic server's request handling without sockets — server::Api::handle,
// the function the Beast layer calls with each parsed request: route matching, authentication,
// the per-route JSON decoders and handlers, on a real SQLite database. Set-up creates a clinic,
// enrols a device and adds a therapist, so the fuzzer reaches the authenticated routes too.
//
// Input: byte 0 picks the method, byte 1 the credential (none, the device's token, the
// therapist's token, or the next line as raw Authorization), then `<target>\n<body>`. Pushes
// with the device's token get the enrolled vault and device ids written into their envelopes'
// headers.
// The database keeps what the inputs change (libFuzzer runs them in one process); a revoked
// device only closes the authenticated routes for the rest of that run.
#include "protocol/api.h"
#include "protocol/keys.h"
#include "server/admin.h"
#include "server/api.h"
#include "server/database.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace companion;
using namespace companion::server;

namespace {

struct World
{
    std::unique_ptr<QCoreApplication> app;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<Api> api;
    QByteArray deviceVault; // 16 bytes each
    QByteArray deviceId;
    QByteArray deviceToken;
    QByteArray therapistToken;
};
World *g_world = nullptr;

[[noreturn]] void setupFailed(const char *what)
{
    std::fprintf(stderr, "fuzz_server set-up failed: %s\n", what);
    std::abort();
}

QByteArray login(Api &api, const QString &principalId, const protocol::SigningKeyPair &signing)
{
    const HttpResponse challengeReply = api.handle(
        {"POST", "/v1/auth/challenge", {}, protocol::ChallengeRequest{principalId}.toJson()});
    auto challenge = protocol::ChallengeResponse::fromJson(challengeReply.body);
    if (!challenge)
        setupFailed("challenge");
    const protocol::TokenRequest request{
        principalId, challenge->challenge,
        protocol::sign(signing.secretKey, protocol::authChallengeMessage(challenge->challenge,
                                                                         principalId.toLatin1()))};
    auto token = protocol::TokenResponse::fromJson(
        api.handle({"POST", "/v1/auth/token", {}, request.toJson()}).body);
    if (!token)
        setupFailed("token");
    return "Bearer " + token->accessToken.toLatin1();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    auto *world = new World;
    world->app = std::make_unique<QCoreApplication>(*argc, *argv);
    world->dir = std::make_unique<QTemporaryDir>();
    auto url = DatabaseUrl::parse(world->dir->filePath(QStringLiteral("server.db")));
    auto db = url ? Database::open(*url) : Result<std::unique_ptr<Database>>(url.error());
    if (!db || !(*db)->migrate())
        setupFailed("database");
    world->db = std::move(*db);
    const QString keysDir = world->dir->filePath(QStringLiteral("keys"));
    const std::int64_t now = 1767225600000; // 2026-01-01, fixed so runs are comparable
    if (!initClinic(*world->db, QStringLiteral("Fuzz clinic"), keysDir, true, now))
        setupFailed("clinic");
    ApiConfig config;
    config.now = [] { return std::int64_t{1767225600000}; };
    world->api = std::make_unique<Api>(*world->db, config);

    auto code = issueEnrolmentCode(*world->db, QStringLiteral("fuzz"), 3600000, now);
    if (!code)
        setupFailed("enrolment code");
    const auto device = protocol::generateSigningKeyPair();
    auto enrolled = protocol::EnrolResponse::fromJson(
        world->api
            ->handle({"POST",
                      "/v1/enrol",
                      {},
                      protocol::EnrolRequest{code->code, device.publicKey}.toJson()})
            .body);
    if (!enrolled)
        setupFailed("enrol");
    world->deviceToken = login(*world->api, enrolled->deviceId, device);
    auto vault = protocol::idFromHex(enrolled->vaultId);
    if (!vault)
        setupFailed("vault id");
    world->deviceVault = QByteArray(reinterpret_cast<const char *>(vault->data()), 16);
    auto deviceId = protocol::idFromHex(enrolled->deviceId);
    if (!deviceId)
        setupFailed("device id");
    world->deviceId = QByteArray(reinterpret_cast<const char *>(deviceId->data()), 16);

    const auto therapist = protocol::generateSigningKeyPair();
    auto therapistId = addTherapist(*world->db, keysDir, QStringLiteral("Fuzz therapist"),
                                    therapist.publicKey, now);
    if (!therapistId)
        setupFailed("therapist");
    world->therapistToken = login(*world->api, *therapistId, therapist);
    g_world = world;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    static const char *const kMethods[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"};
    HttpRequest request;
    request.method = kMethods[data[0] % 6];
    QByteArray rest(reinterpret_cast<const char *>(data + 2), static_cast<qsizetype>(size - 2));
    switch (data[1] % 4) {
    case 0:
        break;
    case 1:
        request.authorization = g_world->deviceToken;
        break;
    case 2:
        request.authorization = g_world->therapistToken;
        break;
    case 3: {
        const qsizetype line = rest.indexOf('\n');
        request.authorization = rest.left(line < 0 ? rest.size() : line);
        rest = line < 0 ? QByteArray() : rest.mid(line + 1);
        break;
    }
    }
    const qsizetype line = rest.indexOf('\n');
    request.target = rest.left(line < 0 ? rest.size() : line);
    request.body = line < 0 ? QByteArray() : rest.mid(line + 1);
    // A body that starts with the binary push magic goes as the binary push body (ADR 0030), so
    // the fuzzer reaches Api::push's binary decoder; any other body as JSON.
    const bool binary = request.body.startsWith(QByteArrayView(protocol::kPushBinaryMagic, 4));
    if (binary)
        request.contentType = protocol::kPushBinaryMediaType;
    // A pushed envelope names its vault in the header, and the seeds cannot know the vault this
    // run enrolled: put it in, so pushes get past the ownership check into version handling.
    if (request.target == "/v1/sync/push" && request.authorization == g_world->deviceToken) {
        if (auto push = binary ? protocol::PushRequest::fromBinary(request.body)
                               : protocol::PushRequest::fromJson(request.body)) {
            for (protocol::PushItem &item : push->items) {
                // Header offsets (envelope.h): vault_id at 6, author_device at 86.
                if (item.envelope.size() >= 102) {
                    item.envelope.replace(6, 16, g_world->deviceVault);
                    item.envelope.replace(86, 16, g_world->deviceId);
                }
            }
            request.body = binary ? push->toBinary() : push->toJson();
        }
    }
    const HttpResponse response = g_world->api->handle(request);
    // COMPANION_FUZZ_VERBOSE=1: one line per input, to check that seeds reach the routes they
    // are meant for (e.g. `fuzz_server -runs=0 tests/fuzz/corpus/server`).
    static const bool verbose = qEnvironmentVariableIsSet("COMPANION_FUZZ_VERBOSE");
    if (verbose)
        std::fprintf(stderr, "%s %s -> %d %s\n", request.method.constData(),
                     request.target.left(80).constData(), response.status,
                     response.body.left(120).constData());
    // Every answer is a real status, and never 500: a 500 means a handler failed (a database
    // error) on input it should have refused with a 4xx.
    if (response.status < 200 || response.status > 599 || response.status == 500)
        std::abort();
    return 0;
}
