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

namespace {

QByteArray u32(std::uint32_t value)
{
    QByteArray out(4, '\0');
    out[0] = static_cast<char>(value >> 24);
    out[1] = static_cast<char>(value >> 16);
    out[2] = static_cast<char>(value >> 8);
    out[3] = static_cast<char>(value);
    return out;
}

QByteArray binaryHeader(std::uint32_t count)
{
    return QByteArrayLiteral("CPB1") + u32(count);
}

// Takes a QByteArray so the tests can build bodies with operator+ (QStringBuilder).
Result<PushRequest> decodeBinary(const QByteArray &body)
{
    return PushRequest::fromBinary(body);
}

PushRequest twoItemPush()
{
    PushRequest push;
    push.items.push_back({sampleEnvelope(), QByteArray(73, 'k'), QByteArray()});
    push.items.push_back({sampleEnvelope(), QByteArray(72, 'K'), QByteArray(80, 's')});
    return push;
}

} // namespace

TEST_CASE("The binary push body round-trips and is laid out as documented", "[protocol][api]")
{
    const PushRequest push = twoItemPush();
    const QByteArray body = push.toBinary();

    // docs/sync-protocol.md, "Binary push body": magic, count, then three length-prefixed
    // strings per item (the first item's shared key has length 0).
    const QByteArray &first = push.items[0].envelope;
    CHECK(body.left(8) == binaryHeader(2));
    CHECK(body.mid(8, 4) == u32(static_cast<std::uint32_t>(first.size())));
    CHECK(body.mid(12, first.size()) == first);
    CHECK(body.mid(12 + first.size(), 4) == u32(73));
    CHECK(body.mid(12 + first.size() + 4 + 73, 4) == u32(0));
    CHECK(body.size() == 8 + 6 * 4 + first.size() + 73 + push.items[1].envelope.size() + 72 + 80);

    auto back = decodeBinary(body);
    REQUIRE(back);
    REQUIRE(back->items.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(back->items[i].envelope == push.items[i].envelope);
        CHECK(back->items[i].key == push.items[i].key);
        CHECK(back->items[i].sharedKey == push.items[i].sharedKey);
    }
    CHECK(back->items[0].sharedKey.isEmpty());
    // The same request as the JSON body decodes to.
    auto viaJson = PushRequest::fromJson(push.toJson());
    REQUIRE(viaJson);
    CHECK(viaJson->toBinary() == body);
    CHECK(back->toJson() == push.toJson());
}

TEST_CASE("Every truncation of a binary push body is refused", "[protocol][api]")
{
    const QByteArray body = twoItemPush().toBinary();
    for (qsizetype length = 0; length < body.size(); ++length) {
        auto truncated = PushRequest::fromBinary(QByteArrayView(body.constData(), length));
        INFO("length " << length);
        REQUIRE_FALSE(truncated);
        CHECK(truncated.error().code == ErrorCode::InvalidInput);
    }
    // Past the header, the error names the item and field where the body ran out (or the count
    // that could not fit).
    auto cut = decodeBinary(body.left(body.size() - 1));
    REQUIRE_FALSE(cut);
    CHECK(messageOf(cut.error()).startsWith(QStringLiteral("items[1].shared_key: ")));
}

TEST_CASE("Binary push counts are checked before anything is allocated", "[protocol][api][limits]")
{
    const QByteArray item = twoItemPush().toBinary().mid(8);

    auto empty = decodeBinary(binaryHeader(0));
    REQUIRE_FALSE(empty);
    CHECK(messageOf(empty.error()) == QStringLiteral("items: must not be empty"));

    // Over the cap: refused from the count alone, whatever follows.
    auto overCap = decodeBinary(binaryHeader(kMaxPushItems + 1) + item);
    REQUIRE_FALSE(overCap);
    CHECK(messageOf(overCap.error()) == QStringLiteral("items: more than 1000 items"));
    auto huge = decodeBinary(binaryHeader(0xffffffffu) + item);
    REQUIRE_FALSE(huge);
    CHECK(messageOf(huge.error()) == QStringLiteral("items: more than 1000 items"));

    // Within the cap but more items than the bytes left could hold: refused before the item
    // list is reserved (the message says so, not some item's field).
    auto tooMany = decodeBinary(binaryHeader(1000) + item);
    REQUIRE_FALSE(tooMany);
    CHECK(messageOf(tooMany.error())
              .startsWith(QStringLiteral("items: 1000 items cannot fit in the ")));

    // At the cap: accepted.
    const QByteArray envelope = sampleEnvelope();
    PushRequest atCap;
    for (qsizetype i = 0; i < kMaxPushItems; ++i)
        atCap.items.push_back({envelope, QByteArray(73, 'k'), {}});
    auto back = decodeBinary(atCap.toBinary());
    REQUIRE(back);
    CHECK(back->items.size() == static_cast<std::size_t>(kMaxPushItems));
}

TEST_CASE("Binary push lengths get the JSON decoder's caps", "[protocol][api][limits]")
{
    const QByteArray envelope = sampleEnvelope();
    const auto body = [&](std::uint32_t envelopeLength, const QByteArray &envelopeBytes,
                          std::uint32_t keyLength, std::uint32_t sharedLength) -> QByteArray {
        return binaryHeader(1) + u32(envelopeLength) + envelopeBytes + u32(keyLength) +
               QByteArray(keyLength, 'k') + u32(sharedLength) + QByteArray(sharedLength, 's');
    };
    const auto size = [](const QByteArray &bytes) {
        return static_cast<std::uint32_t>(bytes.size());
    };
    REQUIRE(decodeBinary(body(size(envelope), envelope, 73, 0)));

    // Lengths over the cap are refused from the length alone (not enough bytes follow them).
    auto bigEnvelope =
        decodeBinary(binaryHeader(1) + u32(static_cast<std::uint32_t>(kMaxEnvelopeSize) + 1) +
                     QByteArray(200, 'x'));
    REQUIRE_FALSE(bigEnvelope);
    CHECK(messageOf(bigEnvelope.error())
              .startsWith(QStringLiteral("items[0].envelope: must be 126 to ")));
    auto hugeEnvelope = decodeBinary(binaryHeader(1) + u32(0xffffffffu) + envelope);
    REQUIRE_FALSE(hugeEnvelope);
    CHECK(messageOf(hugeEnvelope.error()).startsWith(QStringLiteral("items[0].envelope: must be")));
    auto bigKey = decodeBinary(body(size(envelope), envelope, 257, 0));
    REQUIRE_FALSE(bigKey);
    CHECK(messageOf(bigKey.error()) == QStringLiteral("items[0].key: must be 1 to 256 bytes"));
    auto bigShared = decodeBinary(body(size(envelope), envelope, 73, 257));
    REQUIRE_FALSE(bigShared);
    CHECK(messageOf(bigShared.error()) ==
          QStringLiteral("items[0].shared_key: must be 1 to 256 bytes"));

    // The same semantic checks as JSON: an empty (or shorter than a header) envelope, an empty
    // key are refused; an empty shared key means none.
    // (Padded so the count check passes: the field's own check is what refuses.)
    auto emptyEnvelope = decodeBinary(body(0, {}, 73, 0) + QByteArray(200, 'x'));
    REQUIRE_FALSE(emptyEnvelope);
    CHECK(
        messageOf(emptyEnvelope.error()).startsWith(QStringLiteral("items[0].envelope: must be")));
    auto shortEnvelope = decodeBinary(body(125, envelope.left(125), 73, 0));
    REQUIRE_FALSE(shortEnvelope);
    auto emptyKey = decodeBinary(body(size(envelope), envelope, 0, 0));
    REQUIRE_FALSE(emptyKey);
    CHECK(messageOf(emptyKey.error()) == QStringLiteral("items[0].key: must be 1 to 256 bytes"));

    // A length within the cap but past the end of the body.
    auto overrun = decodeBinary(binaryHeader(1) + u32(size(envelope)) +
                                envelope.left(envelope.size() - 1) + u32(0) + u32(0));
    REQUIRE_FALSE(overrun);
    CHECK(messageOf(overrun.error()).startsWith(QStringLiteral("items[0].")));
}

TEST_CASE("Binary push bodies are refused with trailing bytes or a wrong magic", "[protocol][api]")
{
    const QByteArray body = twoItemPush().toBinary();
    auto trailing = decodeBinary(body + QByteArrayLiteral("x"));
    REQUIRE_FALSE(trailing);
    CHECK(messageOf(trailing.error()) == QStringLiteral("body: 1 bytes after the last item"));
    auto extraItem = decodeBinary(body + body.mid(8));
    REQUIRE_FALSE(extraItem);

    QByteArray wrongMagic = body;
    wrongMagic[3] = '2';
    auto wrong = decodeBinary(wrongMagic);
    REQUIRE_FALSE(wrong);
    CHECK(messageOf(wrong.error()).contains(QStringLiteral("magic")));
    // A JSON body is not a binary one.
    CHECK_FALSE(decodeBinary(twoItemPush().toJson()));
    // Over the push body cap before anything is read.
    auto tooLarge = decodeBinary(QByteArray(kMaxPushBody + 1, '\0'));
    REQUIRE_FALSE(tooLarge);
    CHECK(messageOf(tooLarge.error()) == QStringLiteral("request body is too large"));
}

TEST_CASE("Push content types pick the decoder", "[protocol][api]")
{
    CHECK(pushBodyFormat({}) == PushBodyFormat::Json);
    CHECK(pushBodyFormat("application/json") == PushBodyFormat::Json);
    CHECK(pushBodyFormat("Application/JSON; charset=utf-8") == PushBodyFormat::Json);
    CHECK(pushBodyFormat(kPushBinaryMediaType) == PushBodyFormat::Binary);
    CHECK(pushBodyFormat("application/vnd.companion.push+binary;v=1") == PushBodyFormat::Binary);
    CHECK(pushBodyFormat("APPLICATION/VND.COMPANION.PUSH+BINARY; V=\"1\"") ==
          PushBodyFormat::Binary);
    // A later version, no version, other parameters, other types: not understood (415).
    CHECK_FALSE(pushBodyFormat("application/vnd.companion.push+binary; v=2"));
    CHECK_FALSE(pushBodyFormat("application/vnd.companion.push+binary"));
    CHECK_FALSE(pushBodyFormat("application/vnd.companion.push+binary; v=1; x=y"));
    CHECK_FALSE(pushBodyFormat("application/octet-stream"));
    CHECK_FALSE(pushBodyFormat("text/plain"));
}
