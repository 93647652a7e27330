#include <catch2/catch.hpp>

#include "crypto/secretwrap.h"
#include "protocol/clinicmessage.h"
#include "protocol/clinicprotocol.h"
#include "protocol/keys.h"

using namespace companion;
using namespace companion::protocol;
using namespace Qt::StringLiterals;

namespace {

const QString kVault = u"11111111111111111111111111111111"_s;
const QString kTherapistId = u"22222222222222222222222222222222"_s;
const QString kClinicId = u"33333333333333333333333333333333"_s;
const QString kRecord = u"44444444444444444444444444444444"_s;

ClinicMessage reply(const QString &text = u"Thank you for writing this down. Let us talk."_s)
{
    return ClinicMessage{newMessageId(), kVault, 1767225600000,
                         ReplyMessage{kRecord, text, u"Dr Rivera"_s}};
}

ClinicMessage appointment()
{
    return ClinicMessage{
        newMessageId(), kVault, 1767225600000,
        AppointmentMessage{newMessageId(), 1767780000000, 90, u"Infusion suite, 2nd floor"_s}};
}

ClinicMessageContext contextOf(const ClinicMessage &message, MessageAuthor author,
                               const QString &authorId)
{
    return {message.vaultId, message.messageId, author, authorId};
}

} // namespace

TEST_CASE("A therapist's reply opens with the SCK and verifies under the therapist's key",
          "[protocol][message]")
{
    const SigningKeyPair therapist = generateSigningKeyPair();
    const SecretBytes sck = crypto::randomKey();
    const ClinicMessage message = reply();
    auto sealed = sealClinicMessage(message, MessageAuthor::Therapist, kTherapistId,
                                    therapist.secretKey, sck, 3);
    REQUIRE(sealed);
    CHECK(sealed->startsWith("CMS1"));
    CHECK_FALSE(sealed->contains("Thank you"));
    CHECK(static_cast<std::size_t>(sealed->size()) <= kMaxSealedClinicMessage);

    auto generation = clinicMessageGeneration(*sealed);
    REQUIRE(generation);
    CHECK(*generation == 3);
    auto opened =
        openClinicMessage(*sealed, contextOf(message, MessageAuthor::Therapist, kTherapistId), sck,
                          therapist.publicKey);
    REQUIRE(opened);
    CHECK(*opened == message);
    CHECK(opened->typeName() == u"reply");

    // Another key, another signer, or the server relabelling any id: refused.
    CHECK_FALSE(openClinicMessage(*sealed,
                                  contextOf(message, MessageAuthor::Therapist, kTherapistId),
                                  crypto::randomKey(), therapist.publicKey));
    CHECK_FALSE(openClinicMessage(*sealed,
                                  contextOf(message, MessageAuthor::Therapist, kTherapistId), sck,
                                  generateSigningKeyPair().publicKey));
    CHECK_FALSE(openClinicMessage(*sealed, contextOf(message, MessageAuthor::Clinic, kTherapistId),
                                  sck, therapist.publicKey));
    CHECK_FALSE(openClinicMessage(*sealed, contextOf(message, MessageAuthor::Therapist, kClinicId),
                                  sck, therapist.publicKey));
    ClinicMessageContext otherVault = contextOf(message, MessageAuthor::Therapist, kTherapistId);
    otherVault.vaultId = kClinicId;
    CHECK_FALSE(openClinicMessage(*sealed, otherVault, sck, therapist.publicKey));
    ClinicMessageContext otherId = contextOf(message, MessageAuthor::Therapist, kTherapistId);
    otherId.messageId = newMessageId();
    auto refused = openClinicMessage(*sealed, otherId, sck, therapist.publicKey);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Damaged);
}

TEST_CASE("Every bit flip and every truncation of a sealed message is refused",
          "[protocol][message][tamper]")
{
    const SigningKeyPair clinic = generateSigningKeyPair();
    const SecretBytes sck = crypto::randomKey();
    const ClinicMessage message = appointment();
    auto sealed =
        sealClinicMessage(message, MessageAuthor::Clinic, kClinicId, clinic.secretKey, sck, 1);
    REQUIRE(sealed);
    const ClinicMessageContext context = contextOf(message, MessageAuthor::Clinic, kClinicId);
    REQUIRE(openClinicMessage(*sealed, context, sck, clinic.publicKey));

    int flips = 0;
    int refused = 0;
    for (qsizetype byte = 0; byte < sealed->size(); ++byte) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray altered = *sealed;
            altered[byte] = static_cast<char>(altered[byte] ^ (1 << bit));
            ++flips;
            auto opened = openClinicMessage(altered, context, sck, clinic.publicKey);
            if (!opened && opened.error().code == ErrorCode::Damaged)
                ++refused;
        }
    }
    CHECK(refused == flips);
    int truncations = 0;
    for (qsizetype size = 0; size < sealed->size(); ++size) {
        auto opened = openClinicMessage(sealed->first(size), context, sck, clinic.publicKey);
        truncations += opened ? 0 : 1;
    }
    CHECK(truncations == sealed->size());
    WARN("clinic message: " << flips << " bit flips and " << truncations
                            << " truncations, all refused");
}

TEST_CASE("Sizes: padded to 256-byte blocks, capped before anything is allocated",
          "[protocol][message]")
{
    const SigningKeyPair therapist = generateSigningKeyPair();
    const SecretBytes sck = crypto::randomKey();
    auto shortOne = sealClinicMessage(reply(u"Ok."_s), MessageAuthor::Therapist, kTherapistId,
                                      therapist.secretKey, sck, 1);
    auto longer = sealClinicMessage(reply(QString(60, u'a')), MessageAuthor::Therapist,
                                    kTherapistId, therapist.secretKey, sck, 1);
    REQUIRE(shortOne);
    REQUIRE(longer);
    CHECK(shortOne->size() == longer->size());

    // The longest reply there can be: 2000 characters of three-byte UTF-8 still fit.
    auto longest =
        sealClinicMessage(reply(QString(kMaxReplyText, QChar(0x2014))), MessageAuthor::Therapist,
                          kTherapistId, therapist.secretKey, sck, 1);
    REQUIRE(longest);
    CHECK(static_cast<std::size_t>(longest->size()) <= kMaxSealedClinicMessage);
    auto tooLong =
        sealClinicMessage(reply(QString(kMaxReplyText + 1, u'a')), MessageAuthor::Therapist,
                          kTherapistId, therapist.secretKey, sck, 1);
    REQUIRE_FALSE(tooLong);
    CHECK(tooLong.error().code == ErrorCode::InvalidInput);

    // A header claiming a huge or odd size is refused from its length alone.
    CHECK_FALSE(clinicMessageGeneration(QByteArray(kMaxSealedClinicMessage + 256, 'x')));
    QByteArray odd = *shortOne;
    odd.append('x');
    CHECK_FALSE(clinicMessageGeneration(odd));
    QByteArray zeroGeneration = *shortOne;
    zeroGeneration[4] = zeroGeneration[5] = zeroGeneration[6] = zeroGeneration[7] = 0;
    CHECK_FALSE(clinicMessageGeneration(zeroGeneration));
}

TEST_CASE("Messages validate before sealing: plain text, ids, ranges", "[protocol][message]")
{
    CHECK(validate(reply()));
    CHECK(validate(appointment()));
    CHECK(validate(ClinicMessage{newMessageId(), kVault, 1, AppointmentCancelMessage{kRecord}}));

    CHECK_FALSE(validate(reply(u"   "_s)));
    CHECK_FALSE(validate(reply(u"with a \u202Ereversed\u202C part"_s)));
    CHECK_FALSE(validate(reply(u"bell \x07"_s)));
    CHECK(validate(reply(u"two\nlines\tand a tab"_s)));
    ClinicMessage noAuthor = reply();
    std::get<ReplyMessage>(noAuthor.body).authorName.clear();
    CHECK_FALSE(validate(noAuthor));
    ClinicMessage badRecord = reply();
    std::get<ReplyMessage>(badRecord.body).inReplyTo = u"not-an-id"_s;
    CHECK_FALSE(validate(badRecord));
    ClinicMessage upperCase = reply();
    upperCase.vaultId = kVault.toUpper().replace(u'1', u'A');
    CHECK_FALSE(validate(upperCase));

    ClinicMessage early = appointment();
    std::get<AppointmentMessage>(early.body).startsAt = 0;
    CHECK_FALSE(validate(early));
    ClinicMessage tooShort = appointment();
    std::get<AppointmentMessage>(tooShort.body).durationMinutes = 5;
    CHECK_FALSE(validate(tooShort));
    ClinicMessage longPlace = appointment();
    std::get<AppointmentMessage>(longPlace.body).location = QString(201, u'x');
    CHECK_FALSE(validate(longPlace));
}

TEST_CASE("Message JSON round-trips and is strict", "[protocol][message]")
{
    for (const ClinicMessage &message :
         {reply(), appointment(),
          ClinicMessage{newMessageId(), kVault, 5, AppointmentCancelMessage{kRecord}}}) {
        auto decoded = ClinicMessage::fromJson(message.toJson());
        REQUIRE(decoded);
        CHECK(*decoded == message);
    }
    QByteArray extra = reply().toJson();
    extra.replace("\"type\"", "\"colour\":\"red\",\"type\"");
    CHECK_FALSE(ClinicMessage::fromJson(extra));
    QByteArray unknownType = reply().toJson();
    unknownType.replace("\"reply\"", "\"poll\"");
    CHECK_FALSE(ClinicMessage::fromJson(unknownType));
    CHECK_FALSE(ClinicMessage::fromJson("[]"));
    CHECK_FALSE(ClinicMessage::fromJson(QByteArray(kMaxClinicMessageJson + 1, ' ')));
}

TEST_CASE("Route bodies for messages: strict and capped", "[protocol][message]")
{
    const SigningKeyPair therapist = generateSigningKeyPair();
    const SecretBytes sck = crypto::randomKey();
    const ClinicMessage message = reply();
    auto sealed = sealClinicMessage(message, MessageAuthor::Therapist, kTherapistId,
                                    therapist.secretKey, sck, 1);
    REQUIRE(sealed);
    const PostMessageRequest request{message.messageId, *sealed};
    const QByteArray body = request.toJson();
    CHECK(body.size() < 16 * 1024);
    auto parsed = PostMessageRequest::fromJson(body);
    REQUIRE(parsed);
    CHECK(parsed->messageId == message.messageId);
    CHECK(parsed->sealed == *sealed);
    CHECK_FALSE(
        PostMessageRequest::fromJson(PostMessageRequest{u"XYZ"_s, *sealed}.toJson())); // not an id
    CHECK_FALSE(PostMessageRequest::fromJson(
        PostMessageRequest{message.messageId, QByteArray(16, 'x')}.toJson())); // too short

    VaultMessagesPage page;
    page.messages.push_back({7, message.messageId, MessageAuthor::Therapist, kTherapistId,
                             u"Dr Rivera"_s, therapist.publicKey, *sealed, 1767225600000});
    page.next = 7;
    auto decoded = VaultMessagesPage::fromJson(page.toJson());
    REQUIRE(decoded);
    REQUIRE(decoded->messages.size() == 1);
    CHECK(decoded->messages[0].author == MessageAuthor::Therapist);
    CHECK(decoded->messages[0].sealed == *sealed);
    CHECK(decoded->messages[0].authorPublicKey == therapist.publicKey);
    CHECK(decoded->next == 7);
    QByteArray badAuthor = page.toJson();
    badAuthor.replace("\"therapist\"", "\"robot\"");
    CHECK_FALSE(VaultMessagesPage::fromJson(badAuthor));
}

TEST_CASE("A signed clinic protocol verifies only under the clinic key, unchanged",
          "[protocol][clinicprotocol]")
{
    const SigningKeyPair clinic = generateSigningKeyPair();
    const QByteArray json = R"({"id": "demo", "version": "2026-1", "fastingHours": 6})";
    auto published = signClinicProtocol(clinic.secretKey, 4, 1767225600000, json);
    REQUIRE(published);
    auto wire = PublishedProtocol::fromJson(published->toJson());
    REQUIRE(wire);
    auto verified = wire->verify(clinic.publicKey);
    REQUIRE(verified);
    CHECK(verified->version == 4);
    CHECK(verified->issuedAt == 1767225600000);
    CHECK(verified->protocolJson == R"({"fastingHours":6,"id":"demo","version":"2026-1"})");

    CHECK_FALSE(wire->verify(generateSigningKeyPair().publicKey));
    PublishedProtocol altered = *wire;
    altered.document.replace("6", "0");
    CHECK_FALSE(altered.verify(clinic.publicKey));
    PublishedProtocol relabelled = *wire;
    relabelled.version = 5; // the server announcing another version than the one signed
    CHECK_FALSE(relabelled.verify(clinic.publicKey));
    for (int bit = 0; bit < 8 * static_cast<int>(kSignatureSize); ++bit) {
        PublishedProtocol flipped = *wire;
        flipped.signature[bit / 8] =
            static_cast<char>(flipped.signature[bit / 8] ^ (1 << (bit % 8)));
        REQUIRE_FALSE(flipped.verify(clinic.publicKey));
    }

    CHECK_FALSE(compactClinicProtocolJson("[1, 2]"));
    CHECK_FALSE(compactClinicProtocolJson("not json"));
    CHECK_FALSE(compactClinicProtocolJson(QByteArray(kMaxClinicProtocolJson + 1, ' ')));
    CHECK_FALSE(signClinicProtocol(clinic.secretKey, 0, 0, json));
}
