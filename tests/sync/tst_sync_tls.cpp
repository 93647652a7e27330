// Sync over TLS (issue 6: "optional TLS"): the real companion-server serving HTTPS with a
// certificate from a test CA (made here with the openssl tool), the real sync client over
// QtNetwork. A device that does not trust the CA sends nothing and spends no code; one that
// does enrols, syncs and is joined by a second device; plain HTTP to the TLS port gets nowhere.
#include "syncfixture.h"

#include "domain/diaryentry.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>

using namespace companion;
using namespace companion::synctest;
using namespace Qt::StringLiterals;
using servertest::TestServer;

namespace {

void openssl(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"openssl"_s, arguments);
    REQUIRE(process.waitForFinished(30000));
    INFO(process.readAll().toStdString());
    REQUIRE(process.exitCode() == 0);
}

// A CA and a server certificate for 127.0.0.1 signed by it (P-256 keys: fast to make).
struct TestCertificates
{
    testing::TempDir dir;
    QString caCertificate = dir.file(u"ca.pem"_s);
    QString serverCertificate = dir.file(u"server.pem"_s);
    QString serverKey = dir.file(u"server.key"_s);

    TestCertificates()
    {
        const QString caKey = dir.file(u"ca.key"_s);
        const QString request = dir.file(u"server.csr"_s);
        const QString extensions = dir.file(u"server.ext"_s);
        openssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                 u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s, caKey, u"-out"_s,
                 caCertificate, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=Companion test CA"_s});
        openssl({u"req"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                 u"-nodes"_s, u"-keyout"_s, serverKey, u"-out"_s, request, u"-subj"_s,
                 u"/CN=127.0.0.1"_s});
        QFile file(extensions);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        file.close();
        openssl({u"x509"_s, u"-req"_s, u"-in"_s, request, u"-CA"_s, caCertificate, u"-CAkey"_s,
                 caKey, u"-CAcreateserial"_s, u"-out"_s, serverCertificate, u"-days"_s, u"2"_s,
                 u"-extfile"_s, extensions});
    }
};

QByteArray checkIn(int mood)
{
    domain::CheckIn body;
    body.occurredAt = QDateTime(QDate(2026, 11, 4), QTime(9, 0), Qt::UTC);
    body.mood = mood;
    body.anxiety = 1;
    body.pain = 2;
    auto bytes = domain::encodeBody(domain::DiaryBody{body});
    REQUIRE(bytes);
    return *bytes;
}

} // namespace

TEST_CASE("Over TLS: untrusted certificates stop everything; a trusted CA syncs as over HTTP",
          "[sync][tls]")
{
    TestCertificates certificates;
    TestServer server;
    server.start(
        {u"--tls-cert"_s, certificates.serverCertificate, u"--tls-key"_s, certificates.serverKey});
    const QString httpsUrl = u"https://127.0.0.1:%1"_s.arg(server.port());
    const QString code = server.newEnrolmentCode();

    PatientDevice phone;
    // Not trusted yet: the handshake fails, nothing is sent, the code is not spent.
    auto refused = phone.engine().enrol({httpsUrl, code, server.fingerprint(), {}},
                                        SecretBytes::fromUtf8(kPassphrase), {});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Network);
    // Plain HTTP to the TLS port gets no answer either.
    auto plain = phone.engine().enrol(
        {u"http://127.0.0.1:%1"_s.arg(server.port()), code, server.fingerprint(), {}},
        SecretBytes::fromUtf8(kPassphrase), {});
    REQUIRE_FALSE(plain);
    CHECK(plain.error().code == ErrorCode::Network);

    // The clinic's CA trusted (as a clinic deploying its own CA would configure the devices).
    const auto authorities = QSslCertificate::fromPath(certificates.caCertificate);
    REQUIRE(authorities.size() == 1);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    const QSslConfiguration original = configuration;
    configuration.addCaCertificates(authorities);
    QSslConfiguration::setDefaultConfiguration(configuration);

    auto enrolled = phone.engine().enrol({httpsUrl, code, server.fingerprint(), {u"checkins"_s}},
                                         SecretBytes::fromUtf8(kPassphrase), {});
    INFO((enrolled ? QString() : enrolled.error().message).toStdString());
    REQUIRE(enrolled); // the same code: the refused attempts did not spend it

    for (int i = 0; i < 25; ++i)
        REQUIRE(phone.records().create(domain::kinds::diaryCheckIn, checkIn(i % 11),
                                       QDateTime::currentDateTimeUtc()));
    const sync::SyncReport pushed = phone.syncOk();
    CHECK(pushed.pushed == 25);

    // A second device joins over TLS and pulls everything.
    PatientDevice desktop;
    auto joinCode = phone.engine().createJoinCode();
    REQUIRE(joinCode);
    auto joined = desktop.engine().enrol({httpsUrl, joinCode->code, server.fingerprint(), {}},
                                         SecretBytes::fromUtf8(kPassphrase),
                                         [](int) { return SecretBytes::fromUtf8(kPassphrase); });
    INFO((joined ? QString() : joined.error().message).toStdString());
    REQUIRE(joined);
    desktop.syncOk();
    auto onDesktop = desktop.records().list(domain::kinds::diaryCheckIn);
    REQUIRE(onDesktop);
    CHECK(onDesktop->size() == 25);

    QSslConfiguration::setDefaultConfiguration(original);
}
