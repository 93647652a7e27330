// Writes the seed corpora in tests/fuzz/corpus/<target>/ from real, valid messages made by the
// real code (sealed envelopes, signed clinic info, every route of the route table), so the
// fuzzers start deep instead of guessing JSON field names and signatures.
// Run by `bash scripts/fuzz.sh seeds`; the output is committed.
#include "protocol/api.h"
#include "protocol/clinicmessage.h"
#include "protocol/clinicprotocol.h"
#include "protocol/envelope.h"
#include "protocol/keys.h"
#include "server/api.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <cstring>

using namespace companion;
using namespace companion::protocol;
using namespace Qt::StringLiterals;

namespace {

QString g_root;

void writeSeed(const char *target, const QString &name, const QByteArray &bytes)
{
    const QString dir = g_root + u'/' + QLatin1String(target);
    QDir().mkpath(dir);
    QFile file(dir + u'/' + name);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
}

SecretBytes fixedKey()
{
    SecretBytes key(32);
    std::memset(key.data(), 0x42, key.size());
    return key;
}

QByteArray sealed(std::uint64_t version, const QByteArray &plaintext)
{
    EnvelopeHeader header;
    header.vaultId.fill(0x11);
    header.recordId.fill(0x22);
    header.authorDevice.fill(0x33);
    header.version = version;
    header.keyEpoch = 1;
    if (version > 1)
        header.previousHash.fill(0x44);
    return *sealEnvelope(header, plaintext, fixedKey());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        std::exit(1);
    }
    return file.readAll();
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR SOURCE_DIR\n", argv[0]);
        return 2;
    }
    g_root = QString::fromLocal8Bit(argv[1]);
    const QString source = QString::fromLocal8Bit(argv[2]);

    // envelope: sealed under the key fuzz_envelope opens with.
    const QByteArray small = sealed(1, "{\"kind\":\"diary.checkin\",\"mood\":5}");
    const QByteArray large = sealed(7, QByteArray(600, 'b'));
    writeSeed("envelope", u"small"_s, small);
    writeSeed("envelope", u"large"_s, large);
    writeSeed("envelope", u"header-only"_s, small.left(kHeaderSize));

    // api: one byte picking the decoder, then the JSON.
    PushRequest push;
    push.items.push_back({small, QByteArray(72, 'k'), {}});
    push.items.push_back({large, QByteArray(72, 'k'), QByteArray(80, 's')});
    writeSeed("api", u"push-request"_s, '\0' + push.toJson());
    writeSeed("api", u"push-request-binary"_s, '\x08' + push.toBinary());
    PushResponse pushResponse;
    pushResponse.results.push_back(
        {u"22222222222222222222222222222222"_s, 1, PushStatus::Accepted, 5, {}, {}, 0});
    pushResponse.results.push_back(
        {u"22222222222222222222222222222222"_s, 2, PushStatus::Duplicate, 6, {}, {}, 0});
    pushResponse.results.push_back(
        {u"22222222222222222222222222222222"_s, 3, PushStatus::Conflict, 0, small, {}, 0});
    pushResponse.results.push_back({u"22222222222222222222222222222222"_s,
                                    5,
                                    PushStatus::Rejected,
                                    0,
                                    {},
                                    u"version_gap"_s,
                                    3});
    writeSeed("api", u"push-response"_s, '\x01' + pushResponse.toJson());
    PullResponse pull;
    pull.items.push_back({1, small, QByteArray(72, 'k')});
    pull.items.push_back({2, large, QByteArray(72, 'k')});
    pull.nextCursor = 2;
    pull.more = true;
    writeSeed("api", u"pull-response"_s, '\x02' + pull.toJson());

    ClinicInfo clinic;
    const SigningKeyPair orgSig = generateSigningKeyPair();
    const BoxKeyPair careTeam = generateBoxKeyPair();
    clinic.clinicId = u"55555555555555555555555555555555"_s;
    clinic.name = u"Seed clinic"_s;
    clinic.signingPublicKey = orgSig.publicKey;
    clinic.fingerprint = keyFingerprint(orgSig.publicKey);
    clinic.safetyAlerts = true;
    clinic.careTeamEpoch = 1;
    clinic.careTeamPublicKey = careTeam.publicKey;
    clinic.careTeamKeySignature = sign(
        orgSig.secretKey, careTeamKeyStatement(clinic.clinicId.toLatin1(), 1, careTeam.publicKey));
    if (!clinic.verify(clinic.fingerprint)) {
        std::fprintf(stderr, "the seed clinic does not verify\n");
        return 1;
    }
    writeSeed("api", u"clinic-info"_s,
              '\x03' + QJsonDocument(clinic.toJson()).toJson(QJsonDocument::Compact));
    const SigningKeyPair device = generateSigningKeyPair();
    writeSeed("api", u"enrol-request"_s,
              '\x04' + EnrolRequest{u"ABCD-EFGH-JKLM-NPQR-STUV"_s, device.publicKey}.toJson());
    writeSeed("api", u"enrol-response"_s,
              '\x05' + EnrolResponse{u"11111111111111111111111111111111"_s,
                                     u"33333333333333333333333333333333"_s, clinic}
                           .toJson());
    writeSeed("api", u"token-request"_s,
              '\x06' + TokenRequest{u"33333333333333333333333333333333"_s, QByteArray(32, 'c'),
                                    QByteArray(64, 's')}
                           .toJson());
    writeSeed("api", u"challenge-response"_s,
              '\x07' + ChallengeResponse{QByteArray(32, 'c'), 1767225600000}.toJson());

    // instrument: answers, newline, a shipped instrument.
    for (const char *name : {"phq9", "gad7", "pcl5", "peg", "pain_nrs"}) {
        const QByteArray json =
            readFile(source + u"/assets/instruments/"_s + QLatin1String(name) + u".json"_s);
        writeSeed("instrument", QLatin1String(name),
                  QByteArray("\x01\x02\x03\x00\x01\x02\x03\x00\x01\x00", 10) + '\n' + json);
    }
    // clinicprotocol: the shipped default protocol.
    writeSeed("clinicprotocol", u"default"_s,
              readFile(source + u"/assets/protocols/default.json"_s));

    // clinicmessage: a page, a post body, a signed protocol and its document, a message's JSON,
    // and a sealed reply (author key first) under the fixed SCK the target opens with.
    {
        const SigningKeyPair author = generateSigningKeyPair();
        const ClinicMessage reply{u"22222222222222222222222222222222"_s,
                                  u"11111111111111111111111111111111"_s, 1767225600000,
                                  ReplyMessage{u"44444444444444444444444444444444"_s,
                                               u"Thank you for writing this."_s, u"Dr Rivera"_s}};
        const ClinicMessage booked{u"55555555555555555555555555555555"_s,
                                   u"11111111111111111111111111111111"_s, 1767225600000,
                                   AppointmentMessage{u"66666666666666666666666666666666"_s,
                                                      1767780000000, 90, u"Suite 2"_s}};
        const QByteArray blob = *sealClinicMessage(reply, MessageAuthor::Therapist,
                                                   u"33333333333333333333333333333333"_s,
                                                   author.secretKey, fixedKey(), 1);
        VaultMessagesPage page;
        page.messages.push_back({1, reply.messageId, MessageAuthor::Therapist,
                                 u"33333333333333333333333333333333"_s, u"Dr Rivera"_s,
                                 author.publicKey, blob, 1767225600000});
        page.next = 1;
        writeSeed("clinicmessage", u"page"_s, '\x00' + page.toJson());
        writeSeed("clinicmessage", u"post"_s,
                  '\x01' + PostMessageRequest{reply.messageId, blob}.toJson());
        const QByteArray protocolJson = readFile(source + u"/assets/protocols/default.json"_s);
        const PublishedProtocol published =
            *signClinicProtocol(author.secretKey, 1, 1767225600000, protocolJson);
        writeSeed("clinicmessage", u"protocol"_s, '\x02' + published.toJson());
        writeSeed("clinicmessage", u"protocol-document"_s, '\x03' + published.document);
        writeSeed("clinicmessage", u"reply-json"_s, '\x04' + reply.toJson());
        writeSeed("clinicmessage", u"appointment-json"_s, '\x04' + booked.toJson());
        writeSeed("clinicmessage", u"sealed-reply"_s, '\x05' + author.publicKey + blob);
    }

    // server: one request per route (method byte, credential byte, target, body).
    int n = 0;
    for (const server::RouteInfo &route : server::routeTable()) {
        static const QByteArray kMethods[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"};
        char method = 0;
        for (char m = 0; m < 6; ++m)
            method = kMethods[static_cast<int>(m)] == route.method ? m : method;
        const char credential = route.access == server::Access::Device      ? 1
                                : route.access == server::Access::Therapist ? 2
                                                                            : 0;
        QByteArray target = route.pattern;
        while (target.contains('{')) {
            const qsizetype from = target.indexOf('{');
            target.replace(from, target.indexOf('}', from) - from + 1,
                           "22222222222222222222222222222222");
        }
        QByteArray body;
        if (route.pattern == "/v1/sync/push")
            body = push.toJson();
        else if (route.pattern == "/v1/enrol")
            body = EnrolRequest{u"ABCD-EFGH-JKLM-NPQR-STUV"_s, device.publicKey}.toJson();
        else if (route.pattern == "/v1/auth/challenge")
            body = ChallengeRequest{u"33333333333333333333333333333333"_s}.toJson();
        else if (route.method == "POST" || route.method == "PUT")
            body = "{}";
        writeSeed("server", u"route-%1"_s.arg(++n, 2, 10, QLatin1Char('0')),
                  QByteArray(1, method) + credential + target + '\n' + body);
    }
    writeSeed("server", u"push-binary"_s,
              QByteArray("\x01\x01", 2) + "/v1/sync/push\n" + push.toBinary());
    writeSeed("server", u"pull-query"_s,
              QByteArray("\x00\x01", 2) + "/v1/sync/pull?after=0&limit=10\n");
    std::printf("seeds written to %s\n", argv[1]);
    return 0;
}
