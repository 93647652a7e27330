#include "syncfixture.h"

#include "protocol/json.h"
#include "protocol/keys.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

#include <cstring>

using namespace Qt::StringLiterals;

namespace companion::synctest {

SwitchableTransport::SwitchableTransport(std::uint16_t serverPort, std::uint16_t proxyPort,
                                         const bool &faulty)
    : m_direct(QUrl(u"http://127.0.0.1:%1"_s.arg(serverPort)), 5000)
    , m_proxied(QUrl(u"http://127.0.0.1:%1"_s.arg(proxyPort)), 5000)
    , m_faulty(faulty)
{}

Result<sync::HttpResponse> SwitchableTransport::send(const sync::HttpRequest &request)
{
    return (m_faulty ? m_proxied : m_direct).send(request);
}

PatientDevice::PatientDevice(sync::TransportFactory transports)
{
    auto created =
        storage::Profile::create(m_dir.file(u"profile"_s), SecretBytes::fromUtf8(kPassphrase));
    REQUIRE(created);
    m_profile = std::move(created->profile);
    m_engine = std::make_unique<sync::SyncEngine>(m_profile->database(), m_profile->records(),
                                                  SystemClock::instance(), std::move(transports),
                                                  fastRetries());
}

QString PatientDevice::serverUrl(const servertest::TestServer &server) const
{
    return u"http://127.0.0.1:%1"_s.arg(server.port());
}

sync::EnrolResult PatientDevice::enrol(servertest::TestServer &server, const QString &code,
                                       const QStringList &categories)
{
    sync::EnrolOptions options{serverUrl(server), code.isEmpty() ? server.newEnrolmentCode() : code,
                               server.fingerprint(), categories};
    auto enrolled = m_engine->enrol(options, SecretBytes::fromUtf8(kPassphrase), {});
    INFO((enrolled ? QString() : enrolled.error().message).toStdString());
    REQUIRE(enrolled);
    return *enrolled;
}

sync::EnrolResult PatientDevice::join(servertest::TestServer &server, PatientDevice &other)
{
    auto code = other.engine().createJoinCode();
    REQUIRE(code);
    sync::EnrolOptions options{serverUrl(server), code->code, server.fingerprint(), {}};
    // The profile passphrase only seals a new vault's key; joining opens the existing one with
    // the other device's passphrase, asked through the prompt.
    auto enrolled = m_engine->enrol(options, SecretBytes::fromUtf8(kPassphrase),
                                    [](int) { return SecretBytes::fromUtf8(kPassphrase); });
    INFO((enrolled ? QString() : enrolled.error().message).toStdString());
    REQUIRE(enrolled);
    REQUIRE(enrolled->joinedExistingVault);
    return *enrolled;
}

sync::SyncReport PatientDevice::syncOk()
{
    auto report = m_engine->sync();
    INFO((report ? QString() : report.error().message).toStdString());
    REQUIRE(report);
    return *report;
}

QString recordHex(const RecordId &id)
{
    return QString::fromLatin1(id.uuid().toRfc4122().toHex());
}

SharedRead readShared(servertest::TestServer &server, servertest::Therapist &therapist,
                      const QString &vaultId, const RecordId &recordId)
{
    if (therapist.token.isEmpty())
        therapist.token = servertest::loginAs(server, therapist.id, therapist.signing);
    SharedRead read;
    const servertest::Reply record = server.request(
        "GET",
        (u"/v1/careteam/vaults/"_s + vaultId + u"/records/"_s + recordHex(recordId)).toLatin1(), {},
        therapist.token);
    read.status = record.status;
    if (record.status != 200)
        return read;

    // Care-team key secrets sealed to this therapist, by epoch.
    const servertest::Reply keys = server.request("GET", "/v1/careteam/keys", {}, therapist.token);
    REQUIRE(keys.status == 200);
    auto box = protocol::boxKeyPairFromSigningKey(therapist.signing);
    REQUIRE(box);
    std::map<qint64, protocol::BoxKeyPair> careTeamKeys;
    for (const QJsonValue &key : keys.json().value(u"keys"_s).toArray()) {
        auto sealed = protocol::decodeBase64(key[u"sealed_secret"_s].toString().toLatin1());
        REQUIRE(sealed);
        auto secret = protocol::openSealed(*box, *sealed);
        if (!secret)
            continue;
        auto pair = protocol::boxKeyPairFromSecret(std::move(*secret));
        REQUIRE(pair);
        careTeamKeys.emplace(key[u"epoch"_s].toInteger(), std::move(*pair));
    }
    // The patient's shared-collection keys, by generation.
    const servertest::Reply scks = server.request(
        "GET", (u"/v1/careteam/vaults/"_s + vaultId + u"/sck"_s).toLatin1(), {}, therapist.token);
    REQUIRE(scks.status == 200);
    std::map<qint64, SecretBytes> sharedKeys;
    for (const QJsonValue &key : scks.json().value(u"keys"_s).toArray()) {
        const auto epoch = careTeamKeys.find(key[u"ctk_epoch"_s].toInteger());
        if (epoch == careTeamKeys.end())
            continue;
        auto sealed = protocol::decodeBase64(key[u"sealed"_s].toString().toLatin1());
        REQUIRE(sealed);
        auto sck = protocol::openSharedCollectionKey(epoch->second, *sealed);
        if (sck)
            sharedKeys.emplace(key[u"generation"_s].toInteger(), std::move(*sck));
    }
    const QJsonObject body = record.json();
    auto envelope = protocol::decodeBase64(body.value(u"envelope"_s).toString().toLatin1());
    auto sharedKey = protocol::decodeBase64(body.value(u"shared_key"_s).toString().toLatin1());
    REQUIRE(envelope);
    REQUIRE(sharedKey);
    auto blob = protocol::decodeSharedKeyBlob(*sharedKey);
    REQUIRE(blob);
    const auto sck = sharedKeys.find(blob->generation);
    if (sck == sharedKeys.end())
        return read; // this therapist cannot open the generation that wrapped it
    auto header = protocol::parseEnvelopeHeader(*envelope);
    REQUIRE(header);
    auto dataKey = protocol::unwrapSharedDataKey(sck->second, blob->wrapped,
                                                 protocol::DataKeyBinding::of(*header));
    if (!dataKey)
        return read;
    auto opened = protocol::openEnvelope(*envelope, *dataKey);
    REQUIRE(opened);
    auto payload = protocol::RecordPayload::decode(opened->plaintext);
    REQUIRE(payload);
    read.payload = std::move(*payload);
    return read;
}

} // namespace companion::synctest
