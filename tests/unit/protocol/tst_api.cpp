#include <catch2/catch.hpp>

#include "crypto/secretwrap.h"
#include "protocol/api.h"
#include "protocol/json.h"
#include "protocol/keys.h"

using namespace companion;
using namespace companion::protocol;

namespace {

QByteArray sampleEnvelope()
{
    EnvelopeHeader header;
    header.vaultId = randomId();
    header.recordId = randomId();
    return *sealEnvelope(header, QByteArrayLiteral("{}"), crypto::randomKey());
}

QString messageOf(const Error &error)
{
    return error.message;
}

} // namespace

TEST_CASE("Request codecs round-trip", "[protocol][api]")
{
    EnrolRequest enrol{QStringLiteral("ABCD-EFGH-JKMN-PQRS-TVWX"), QByteArray(32, '\x05')};
    auto enrolBack = EnrolRequest::fromJson(enrol.toJson());
    REQUIRE(enrolBack);
    CHECK(enrolBack->code == enrol.code);
    CHECK(enrolBack->devicePublicKey == enrol.devicePublicKey);

    TokenRequest token{idToHex(randomId()), QByteArray(32, 'c'), QByteArray(64, 's')};
    auto tokenBack = TokenRequest::fromJson(token.toJson());
    REQUIRE(tokenBack);
    CHECK(tokenBack->principalId == token.principalId);
    CHECK(tokenBack->signature == token.signature);

    PushRequest push;
    push.items.push_back({sampleEnvelope(), QByteArray(73, 'k'), QByteArray()});
    push.items.push_back({sampleEnvelope(), QByteArray(73, 'k'), QByteArray(73, 's')});
    auto pushBack = PushRequest::fromJson(push.toJson());
    REQUIRE(pushBack);
    REQUIRE(pushBack->items.size() == 2);
    CHECK(pushBack->items[0].envelope == push.items[0].envelope);
    CHECK(pushBack->items[0].sharedKey.isEmpty());
    CHECK(pushBack->items[1].sharedKey == push.items[1].sharedKey);
}

TEST_CASE("Response codecs round-trip", "[protocol][api]")
{
    PushResponse push;
    push.results.push_back({idToHex(randomId()), 1, PushStatus::Accepted, 5, {}, {}, 0});
    push.results.push_back(
        {idToHex(randomId()), 2, PushStatus::Conflict, 0, sampleEnvelope(), {}, 0});
    push.results.push_back(
        {idToHex(randomId()), 4, PushStatus::Rejected, 0, {}, QStringLiteral("version_gap"), 2});
    auto pushBack = PushResponse::fromJson(push.toJson());
    REQUIRE(pushBack);
    REQUIRE(pushBack->results.size() == 3);
    CHECK(pushBack->results[0].seq == 5);
    CHECK(pushBack->results[1].status == PushStatus::Conflict);
    CHECK(pushBack->results[1].stored == push.results[1].stored);
    CHECK(pushBack->results[2].reason == QStringLiteral("version_gap"));
    CHECK(pushBack->results[2].currentVersion == 2);

    PullResponse pull;
    pull.items.push_back({7, sampleEnvelope(), QByteArray(73, 'k')});
    pull.nextCursor = 7;
    pull.more = true;
    auto pullBack = PullResponse::fromJson(pull.toJson());
    REQUIRE(pullBack);
    CHECK(pullBack->items.at(0).envelope == pull.items[0].envelope);
    CHECK(pullBack->nextCursor == 7);
    CHECK(pullBack->more);

    SigningKeyPair clinicKey = generateSigningKeyPair();
    BoxKeyPair ctk = generateBoxKeyPair();
    ClinicInfo clinic;
    clinic.clinicId = idToHex(randomId());
    clinic.name = QStringLiteral("Lakeside Clinic");
    clinic.signingPublicKey = clinicKey.publicKey;
    clinic.fingerprint = keyFingerprint(clinicKey.publicKey);
    clinic.careTeamEpoch = 1;
    clinic.careTeamPublicKey = ctk.publicKey;
    clinic.careTeamKeySignature = sign(
        clinicKey.secretKey, careTeamKeyStatement(clinic.clinicId.toLatin1(), 1, ctk.publicKey));
    EnrolResponse enrol{idToHex(randomId()), idToHex(randomId()), clinic};
    auto enrolBack = EnrolResponse::fromJson(enrol.toJson());
    REQUIRE(enrolBack);
    CHECK(enrolBack->clinic.verify(clinic.fingerprint));
    CHECK_FALSE(enrolBack->clinic.verify(keyFingerprint(ctk.publicKey)));
    enrolBack->clinic.careTeamPublicKey = generateBoxKeyPair().publicKey;
    CHECK_FALSE(enrolBack->clinic.verify(clinic.fingerprint)); // a swapped CTK is caught
}

TEST_CASE("Codecs are strict and name the field at fault", "[protocol][api]")
{
    const QString device = encodeBase64(QByteArray(32, 'd'));
    auto unknown =
        EnrolRequest::fromJson(QByteArray(QByteArray(R"({"code":"x","device_public_key":")") +
                                          device.toLatin1() + R"(","extra":1})"));
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::InvalidInput);
    CHECK(messageOf(unknown.error()).contains(QStringLiteral("extra")));

    auto missing = EnrolRequest::fromJson(R"({"code":"x"})");
    REQUIRE_FALSE(missing);
    CHECK(messageOf(missing.error()).contains(QStringLiteral("device_public_key")));

    auto wrongType = EnrolRequest::fromJson(
        QByteArray(QByteArray(R"({"code":5,"device_public_key":")") + device.toLatin1() + R"("})"));
    REQUIRE_FALSE(wrongType);
    CHECK(messageOf(wrongType.error()).contains(QStringLiteral("code")));

    auto shortKey =
        EnrolRequest::fromJson(R"({"code":"x","device_public_key":"AAAA"})"); // 3 bytes, needs 32
    REQUIRE_FALSE(shortKey);
    CHECK(messageOf(shortKey.error()).contains(QStringLiteral("32")));

    CHECK_FALSE(EnrolRequest::fromJson(R"({"code":"x","device_public_key":"!!!!"})"));
    CHECK_FALSE(EnrolRequest::fromJson("[1,2]"));
    CHECK_FALSE(EnrolRequest::fromJson("{"));
    CHECK_FALSE(EnrolRequest::fromJson(""));

    // Oversized documents are refused before parsing.
    const QByteArray huge =
        QByteArray(R"({"code":")") + QByteArray(kMaxSmallBody, 'a') + QByteArray(R"("})");
    auto tooBig = EnrolRequest::fromJson(huge);
    REQUIRE_FALSE(tooBig);
    CHECK(messageOf(tooBig.error()).contains(QStringLiteral("too large")));

    // Ids must be exactly 32 lower-case hex digits.
    CHECK_FALSE(ChallengeRequest::fromJson(R"({"principal_id":"ABCDEF"})"));
    CHECK(ChallengeRequest::fromJson(
        QByteArray(QByteArray(R"({"principal_id":")") + idToHex(randomId()).toLatin1() + R"("})")));

    // Integers: no fractions, no strings, within range.
    const QByteArray challenge = encodeBase64(QByteArray(32, 'c')).toLatin1();
    CHECK(ChallengeResponse::fromJson(
        QByteArray(QByteArray(R"({"challenge":")") + challenge + R"(","expires_at":5})")));
    CHECK_FALSE(ChallengeResponse::fromJson(
        QByteArray(QByteArray(R"({"challenge":")") + challenge + R"(","expires_at":1.5})")));
    CHECK_FALSE(ChallengeResponse::fromJson(
        QByteArray(QByteArray(R"({"challenge":")") + challenge + R"(","expires_at":"5"})")));
}

TEST_CASE("Push batches are capped in items and envelope size", "[protocol][api][limits]")
{
    const QByteArray envelope = sampleEnvelope();
    PushRequest request;
    for (qsizetype i = 0; i < kMaxPushItems; ++i)
        request.items.push_back({envelope, QByteArray(73, 'k'), {}});
    auto atCap = PushRequest::fromJson(request.toJson());
    REQUIRE(atCap);
    CHECK(atCap->items.size() == static_cast<std::size_t>(kMaxPushItems));

    request.items.push_back({envelope, QByteArray(73, 'k'), {}});
    auto overCap = PushRequest::fromJson(request.toJson());
    REQUIRE_FALSE(overCap);
    CHECK(overCap.error().message.contains(QStringLiteral("1000")));

    CHECK_FALSE(PushRequest::fromJson(R"({"items":[]})"));

    PushRequest oversized;
    oversized.items.push_back(
        {QByteArray(static_cast<qsizetype>(kMaxEnvelopeSize) + 1, 'e'), QByteArray(73, 'k'), {}});
    auto tooLarge = PushRequest::fromJson(oversized.toJson());
    REQUIRE_FALSE(tooLarge);
    CHECK(tooLarge.error().message.contains(QStringLiteral("items[0].envelope")));
}

TEST_CASE("Base64 is strict", "[protocol][api]")
{
    CHECK(*decodeBase64("aGk=") == QByteArray("hi"));
    CHECK_FALSE(decodeBase64("aGk"));   // padding required
    CHECK_FALSE(decodeBase64("aG k=")); // no whitespace
    CHECK_FALSE(decodeBase64("aGk-"));  // not base64url
    CHECK(decodeBase64("")->isEmpty());
}
