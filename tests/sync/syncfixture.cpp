#include "syncfixture.h"

#include "careteam/keyring.h"
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
    auto created = storage::Profile::create(profileDirectory(), SecretBytes::fromUtf8(kPassphrase));
    REQUIRE(created);
    m_profile = std::move(created->profile);
    m_engine = std::make_unique<sync::SyncEngine>(m_profile->database(), m_profile->records(),
                                                  SystemClock::instance(), std::move(transports),
                                                  fastRetries());
}

QString PatientDevice::profileDirectory() const
{
    return m_dir.file(u"profile"_s);
}

void PatientDevice::close()
{
    m_engine.reset();
    m_profile.reset();
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
    return std::move(*enrolled);
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
    return std::move(*enrolled);
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

    // The console's own read path (careteam/keyring.h): care-team key secrets sealed to this
    // therapist by epoch → the patient's SCKs by generation → the record's shared key.
    const servertest::Reply keys = server.request("GET", "/v1/careteam/keys", {}, therapist.token);
    REQUIRE(keys.status == 200);
    auto box = protocol::boxKeyPairFromSigningKey(therapist.signing);
    REQUIRE(box);
    careteam::CareTeamKeyRing ring;
    for (const QJsonValue &key : keys.json().value(u"keys"_s).toArray()) {
        auto sealed = protocol::decodeBase64(key[u"sealed_secret"_s].toString().toLatin1());
        REQUIRE(sealed);
        auto secret = protocol::openSealed(*box, *sealed);
        if (!secret)
            continue;
        auto pair = protocol::boxKeyPairFromSecret(std::move(*secret));
        REQUIRE(pair);
        ring.add(static_cast<std::uint32_t>(key[u"epoch"_s].toInteger()), std::move(*pair));
    }
    const servertest::Reply scks = server.request(
        "GET", (u"/v1/careteam/vaults/"_s + vaultId + u"/sck"_s).toLatin1(), {}, therapist.token);
    REQUIRE(scks.status == 200);
    std::vector<careteam::SealedCollectionKey> sealedKeys;
    for (const QJsonValue &key : scks.json().value(u"keys"_s).toArray()) {
        auto sealed = protocol::decodeBase64(key[u"sealed"_s].toString().toLatin1());
        REQUIRE(sealed);
        sealedKeys.push_back({static_cast<std::uint32_t>(key[u"generation"_s].toInteger()),
                              static_cast<std::uint32_t>(key[u"ctk_epoch"_s].toInteger()),
                              *sealed});
    }
    const QJsonObject body = record.json();
    auto envelope = protocol::decodeBase64(body.value(u"envelope"_s).toString().toLatin1());
    auto sharedKey = protocol::decodeBase64(body.value(u"shared_key"_s).toString().toLatin1());
    REQUIRE(envelope);
    REQUIRE(sharedKey);
    careteam::OpenedRecord opened = careteam::openSharedRecord(
        ring.openCollectionKeys(sealedKeys), vaultId, recordHex(recordId),
        static_cast<std::uint64_t>(body.value(u"version"_s).toInteger()), *envelope, *sharedKey);
    // A therapist who cannot open the generation that wrapped it reads nothing; anything else
    // that fails is damage the suite must see.
    if (!opened.payload)
        REQUIRE(opened.reason != careteam::Unreadable::Damaged);
    read.payload = std::move(opened.payload);
    return read;
}

} // namespace companion::synctest
