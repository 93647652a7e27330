#include <catch2/catch.hpp>

#include "protocol/enrollink.h"
#include "protocol/keys.h"

#include <QByteArray>

using namespace companion;
using namespace companion::protocol;
using namespace Qt::StringLiterals;

namespace {

const QString kFingerprint = u"c46d-734c-0a1b-2c3d-4e5f-6071-8293-a4b5"_s;
const QString kCode = u"ABCD-EFGH-JKMN-PQRS-TVWX"_s;

QByteArray bytesOf(const SecretBytes &secret)
{
    return QByteArray(reinterpret_cast<const char *>(secret.data()),
                      static_cast<qsizetype>(secret.size()));
}

EnrolmentLink enrolLink()
{
    EnrolmentLink link;
    link.serverUrl = u"https://clinic.example:8443/companion"_s;
    link.code = kCode;
    link.fingerprint = kFingerprint;
    return link;
}

QByteArray joinUri(const SecretBytes &secret)
{
    EnrolmentLink link = enrolLink();
    link.kind = LinkKind::Join;
    link.linkSecret = secret.clone();
    auto uri = formatEnrolmentLink(link);
    REQUIRE(uri);
    return bytesOf(*uri);
}

ErrorCode failureOf(const QByteArray &uri)
{
    auto parsed = parseEnrolmentLink(uri);
    REQUIRE_FALSE(parsed);
    // The message never repeats what was given (it may hold a secret).
    CHECK_FALSE(parsed.error().message.contains(u"k="_s));
    return parsed.error().code;
}

} // namespace

TEST_CASE("Enrolment and device links round-trip", "[protocol][qr]")
{
    auto uri = formatEnrolmentLink(enrolLink());
    REQUIRE(uri);
    const QByteArray text = bytesOf(*uri);
    CHECK(text == "companion:enrol?v=1&s=https%3A%2F%2Fclinic.example%3A8443%2Fcompanion"
                  "&c=ABCDEFGHJKMNPQRSTVWX&f=c46d-734c-0a1b-2c3d-4e5f-6071-8293-a4b5");
    auto parsed = parseEnrolmentLink(text);
    REQUIRE(parsed);
    CHECK(parsed->kind == LinkKind::Enrol);
    CHECK(parsed->serverUrl == u"https://clinic.example:8443/companion"_s);
    CHECK(parsed->code == u"ABCDEFGHJKMNPQRSTVWX"_s);
    CHECK(parsed->fingerprint == kFingerprint);
    CHECK(parsed->linkSecret.empty());

    const SecretBytes secret = generateLinkSecret();
    const QByteArray join = joinUri(secret);
    CHECK(join.startsWith("companion:join?v=1&"));
    CHECK(join.size() < 256); // a small QR symbol
    auto device = parseEnrolmentLink(join);
    REQUIRE(device);
    CHECK(device->kind == LinkKind::Join);
    CHECK(device->linkSecret.equals(secret));

    // Parameters may come in any order.
    auto reordered = parseEnrolmentLink(
        "companion:enrol?f=c46d-734c-0a1b-2c3d-4e5f-6071-8293-a4b5&c=abcd-efgh-jkmn-pqrs-tvwx"
        "&s=http%3A%2F%2F127.0.0.1%3A8080&v=1");
    REQUIRE(reordered);
    CHECK(reordered->serverUrl == u"http://127.0.0.1:8080"_s);
}

TEST_CASE("Malformed, oversized and foreign links are refused", "[protocol][qr]")
{
    const QByteArray good = "companion:enrol?v=1&s=https%3A%2F%2Fclinic.example&c=ABCDEFGHJKMNPQ"
                            "RSTVWX&f=c46d-734c-0a1b-2c3d-4e5f-6071-8293-a4b5";
    REQUIRE(parseEnrolmentLink(good));

    CHECK(failureOf("") == ErrorCode::InvalidInput);
    CHECK(failureOf("https://clinic.example/?code=ABCD") == ErrorCode::InvalidInput);
    CHECK(failureOf("companion:other?v=1") == ErrorCode::InvalidInput);
    CHECK(failureOf(good + "&" + QByteArray(2000, 'x')) == ErrorCode::InvalidInput); // oversized
    CHECK(failureOf(QByteArray(good).replace("v=1", "v=2")) == ErrorCode::Unsupported);
    CHECK(failureOf(QByteArray(good).replace("v=1", "v=0")) == ErrorCode::InvalidInput);
    CHECK(failureOf(QByteArray(good).replace("v=1", "v=one")) == ErrorCode::InvalidInput);
    CHECK(failureOf(QByteArray(good).replace("v=1&", "")) == ErrorCode::InvalidInput);
    CHECK(failureOf(good + "&v=1") == ErrorCode::InvalidInput);                      // twice
    CHECK(failureOf(good + "&x=1") == ErrorCode::InvalidInput);                      // unknown
    CHECK(failureOf(good + "&k=" + QByteArray(43, 'A')) == ErrorCode::InvalidInput); // k on enrol
    CHECK(failureOf(good + "&") == ErrorCode::InvalidInput);
    CHECK(failureOf(QByteArray(good).replace("&c=ABCDEFGHJKMNPQRSTVWX", "")) ==
          ErrorCode::InvalidInput);
    // Server addresses: http(s) with a host, no credentials, no query or fragment.
    for (const char *server :
         {"ftp%3A%2F%2Fclinic.example", "https%3A%2F%2F",
          "https%3A%2F%2Fuser%3Apw%40clinic.example", "https%3A%2F%2Fclinic.example%2F%3Fa%3D1",
          "https%3A%2F%2Fclinic.example%23frag", "javascript%3Aalert(1)"})
        CHECK(failureOf(QByteArray(good).replace("https%3A%2F%2Fclinic.example", server)) ==
              ErrorCode::InvalidInput);
    CHECK(failureOf(QByteArray(good).replace(
              "https%3A%2F%2Fclinic.example",
              QByteArray("https%3A%2F%2F").append(QByteArray(600, 'a')))) ==
          ErrorCode::InvalidInput);
    // Codes and fingerprints.
    CHECK(failureOf(QByteArray(good).replace("ABCDEFGHJKMNPQRSTVWX", "ABCD")) ==
          ErrorCode::InvalidInput);
    CHECK(failureOf(QByteArray(good).replace("ABCDEFGHJKMNPQRSTVWX", "ABCDEFGHJKMNPQRSTVW!")) ==
          ErrorCode::InvalidInput);
    CHECK(failureOf(QByteArray(good).replace("c46d-734c", "c46d734c")) == ErrorCode::InvalidInput);
    CHECK(failureOf(QByteArray(good).replace("c46d-734c", "C46D-734C")) == ErrorCode::InvalidInput);

    // Device links: the secret must be exactly 32 bytes of base64url.
    const SecretBytes secret = generateLinkSecret();
    const QByteArray join = joinUri(secret);
    REQUIRE(parseEnrolmentLink(join));
    const qsizetype k = join.indexOf("&k=");
    CHECK(failureOf(join.left(k)) == ErrorCode::InvalidInput);               // missing
    CHECK(failureOf(join.left(join.size() - 1)) == ErrorCode::InvalidInput); // 42 chars
    CHECK(failureOf(join + "A") == ErrorCode::InvalidInput);                 // 44 chars
    CHECK(failureOf(join.left(join.size() - 1) + "=") == ErrorCode::InvalidInput);
    CHECK(failureOf(join.left(join.size() - 1) + "+") == ErrorCode::InvalidInput);

    // The formatter refuses what the parser would refuse.
    EnrolmentLink bad = enrolLink();
    bad.fingerprint = u"nope"_s;
    CHECK_FALSE(formatEnrolmentLink(bad));
    EnrolmentLink noSecret = enrolLink();
    noSecret.kind = LinkKind::Join;
    CHECK_FALSE(formatEnrolmentLink(noSecret));
}

TEST_CASE("A link secret names its slot and opens only its own wrap", "[protocol][qr]")
{
    const SecretBytes secret = generateLinkSecret();
    const QString slot = deviceLinkSlot(secret);
    CHECK(slot == deviceLinkSlot(secret)); // the new device finds the same slot
    CHECK(isDeviceLinkSlot(slot));
    CHECK(slot.size() <= 32); // the server's slot pattern
    CHECK(slot != deviceLinkSlot(generateLinkSecret()));
    CHECK_FALSE(isDeviceLinkSlot(u"passphrase"_s));
    CHECK_FALSE(isDeviceLinkSlot(u"device-XYZ"_s));
    // The slot name does not contain the secret.
    CHECK_FALSE(slot.toLatin1().contains(bytesOf(secret).toHex().left(16)));

    Id16 vault{};
    vault.fill(7);
    const SecretBytes vrk = generateKey();
    auto wrapped = wrapVaultKeyForLink(secret, vrk, vault, 1);
    REQUIRE(wrapped);
    CHECK_FALSE(wrapped->contains(bytesOf(secret)));
    auto opened = openVaultKeyWithLink(secret, *wrapped, vault, 1);
    REQUIRE(opened);
    CHECK(opened->equals(vrk));
    CHECK_FALSE(openVaultKeyWithLink(generateLinkSecret(), *wrapped, vault, 1));
    CHECK_FALSE(openVaultKeyWithLink(secret, *wrapped, vault, 2));
    Id16 other{};
    other.fill(8);
    CHECK_FALSE(openVaultKeyWithLink(secret, *wrapped, other, 1));
    // Bound to slot 3: the same key wrapped for the passphrase slot does not open.
    auto asPassphrase = unwrapVaultRootKey(secret, *wrapped, vault, VaultKeySlot::Passphrase, 1);
    CHECK_FALSE(asPassphrase);
}
