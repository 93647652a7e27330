#include <catch2/catch.hpp>

#include "crypto/secretwrap.h"
#include "protocol/envelope.h"

using namespace companion;
using namespace companion::protocol;

namespace {

EnvelopeHeader sampleHeader()
{
    EnvelopeHeader header;
    header.vaultId.fill(0x11);
    header.recordId.fill(0x22);
    header.recordKind = RecordKind::Diary;
    header.schema = 3;
    header.version = 7;
    header.previousHash.fill(0x33);
    header.keyEpoch = 2;
    header.authorDevice.fill(0x44);
    return header;
}

const QByteArray kBody =
    QByteArrayLiteral(R"({"kind":"diary.checkin","mood":4,"note":"slept badly"})");

} // namespace

TEST_CASE("An envelope opens with its key and returns header and body unchanged", "[protocol]")
{
    const SecretBytes key = crypto::randomKey();
    auto sealed = sealEnvelope(sampleHeader(), kBody, key);
    REQUIRE(sealed);
    CHECK(sealed->startsWith("CMP1"));
    CHECK_FALSE(sealed->contains("slept badly"));

    auto opened = openEnvelope(*sealed, key);
    REQUIRE(opened);
    CHECK(opened->plaintext == kBody);
    EnvelopeHeader expected = sampleHeader();
    expected.nonce = opened->header.nonce;
    CHECK(opened->header == expected);

    auto header = parseEnvelopeHeader(*sealed);
    REQUIRE(header);
    CHECK(header->version == 7);
    CHECK(header->recordKind == RecordKind::Diary);

    // A fresh nonce per seal: the same record never encrypts to the same bytes.
    auto again = sealEnvelope(sampleHeader(), kBody, key);
    REQUIRE(again);
    CHECK(*again != *sealed);
}

TEST_CASE("Padding hides how long an entry is", "[protocol]")
{
    const SecretBytes key = crypto::randomKey();
    const auto shortOne = sealEnvelope(sampleHeader(), QByteArray(1, 'a'), key);
    const auto longer = sealEnvelope(sampleHeader(), QByteArray(200, 'a'), key);
    const auto block = sealEnvelope(sampleHeader(), QByteArray(255, 'a'), key);
    const auto twoBlocks = sealEnvelope(sampleHeader(), QByteArray(256, 'a'), key);
    const auto empty = sealEnvelope(sampleHeader(), QByteArray(), key);
    CHECK(shortOne->size() == longer->size());
    CHECK(block->size() == shortOne->size());
    CHECK(twoBlocks->size() == shortOne->size() + 256);
    CHECK(openEnvelope(*empty, key)->plaintext.isEmpty());
    CHECK(openEnvelope(*twoBlocks, key)->plaintext == QByteArray(256, 'a'));
}

TEST_CASE("Every single-bit flip of an envelope is rejected", "[protocol][tamper]")
{
    const SecretBytes key = crypto::randomKey();
    const QByteArray sealed = *sealEnvelope(sampleHeader(), kBody, key);
    int flips = 0;
    int opened = 0;
    for (qsizetype byte = 0; byte < sealed.size(); ++byte) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray tampered = sealed;
            tampered[byte] = static_cast<char>(tampered[byte] ^ (1 << bit));
            ++flips;
            auto result = openEnvelope(tampered, key);
            if (result) {
                ++opened;
                continue;
            }
            const ErrorCode code = result.error().code;
            CHECK((code == ErrorCode::Damaged || code == ErrorCode::Unsupported));
        }
    }
    CHECK(flips == sealed.size() * 8);
    CHECK(opened == 0);
}

TEST_CASE("Every truncation and extension of an envelope is rejected", "[protocol][tamper]")
{
    const SecretBytes key = crypto::randomKey();
    const QByteArray sealed = *sealEnvelope(sampleHeader(), kBody, key);
    int opened = 0;
    for (qsizetype length = 0; length < sealed.size(); ++length) {
        if (openEnvelope(sealed.left(length), key))
            ++opened;
    }
    CHECK(opened == 0);
    CHECK_FALSE(openEnvelope(QByteArray(sealed + QByteArray(1, '\0')), key));
    CHECK_FALSE(openEnvelope(QByteArray(sealed + QByteArray(256, '\0')), key));
}

TEST_CASE("A different key, or a header moved onto other ciphertext, fails", "[protocol]")
{
    const SecretBytes key = crypto::randomKey();
    const QByteArray a = *sealEnvelope(sampleHeader(), kBody, key);
    CHECK(openEnvelope(a, crypto::randomKey()).error().code == ErrorCode::Damaged);

    EnvelopeHeader other = sampleHeader();
    other.version = 8;
    const QByteArray b = *sealEnvelope(other, kBody, key);
    // b's header (version 8) on a's ciphertext: the associated data no longer matches.
    const QByteArray spliced = QByteArray(b.left(static_cast<qsizetype>(kHeaderSize)) +
                                          a.mid(static_cast<qsizetype>(kHeaderSize)));
    CHECK_FALSE(openEnvelope(spliced, key));
}

TEST_CASE("Sizes are checked before anything is allocated or decrypted", "[protocol]")
{
    const SecretBytes key = crypto::randomKey();
    CHECK(sealEnvelope(sampleHeader(),
                       QByteArray(static_cast<qsizetype>(kMaxPlaintextSize) + 1, 'x'), key)
              .error()
              .code == ErrorCode::InvalidInput);
    REQUIRE(sealEnvelope(sampleHeader(), QByteArray(static_cast<qsizetype>(kMaxPlaintextSize), 'x'),
                         key));

    QByteArray huge(static_cast<qsizetype>(kMaxEnvelopeSize) + 256, '\0');
    std::memcpy(huge.data(), "CMP1", 4);
    CHECK(parseEnvelopeHeader(huge).error().code == ErrorCode::Damaged);
    CHECK(parseEnvelopeHeader(QByteArrayLiteral("CMP1")).error().code == ErrorCode::Damaged);
}

TEST_CASE("Unknown formats and kinds are refused; version 0 is invalid", "[protocol]")
{
    const SecretBytes key = crypto::randomKey();
    QByteArray sealed = *sealEnvelope(sampleHeader(), kBody, key);
    QByteArray newer = sealed;
    newer[4] = 2; // format
    CHECK(parseEnvelopeHeader(newer).error().code == ErrorCode::Unsupported);
    QByteArray badKind = sealed;
    badKind[38] = 0x7f; // record_kind high byte
    CHECK(parseEnvelopeHeader(badKind).error().code == ErrorCode::Damaged);

    EnvelopeHeader zero = sampleHeader();
    zero.version = 0;
    CHECK(sealEnvelope(zero, kBody, key).error().code == ErrorCode::InvalidInput);
}

TEST_CASE("Envelope hashes chain versions", "[protocol]")
{
    const SecretBytes key = crypto::randomKey();
    EnvelopeHeader first = sampleHeader();
    first.version = 1;
    first.previousHash = {};
    const QByteArray v1 = *sealEnvelope(first, kBody, key);
    EnvelopeHeader second = first;
    second.version = 2;
    second.previousHash = envelopeHash(v1);
    const QByteArray v2 = *sealEnvelope(second, kBody, key);
    CHECK(parseEnvelopeHeader(v2)->previousHash == envelopeHash(v1));
    CHECK(envelopeHash(v1) != envelopeHash(v2));
}
