// bench_envelope: sealing and opening diary-sized records through the real record envelope
// (protocol/envelope.h: the 126-byte header as associated data, 256-byte padding, a fresh data
// key per version wrapped under the vault's key-wrapping key, as the sync push does) against raw
// crypto_aead_xchacha20poly1305_ietf_encrypt / _decrypt of the same padded plaintext sizes, in
// the same process and run. Goal (issue 8): at least half the raw AEAD's throughput.
//
//   bench_envelope [--records N] [--runs N]
#include "benchutil.h"

#include "crypto/sodium.h"
#include "protocol/envelope.h"
#include "protocol/keys.h"
#include "protocol/recordpayload.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <sodium.h>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::bench;

namespace {

// The payloads of diary check-ins as the sync engine seals them (RecordPayload around the body).
std::vector<QByteArray> diaryPayloads(int count)
{
    std::vector<QByteArray> payloads;
    payloads.reserve(static_cast<std::size_t>(count));
    const std::int64_t now = 1'790'000'000'000;
    for (QByteArray &body : diaryBodies(count)) {
        protocol::RecordPayload payload{u"diary.checkin"_s, now, now, now, false, std::move(body)};
        payloads.push_back(payload.encode());
    }
    return payloads;
}

protocol::Id16 randomId()
{
    protocol::Id16 id;
    randombytes_buf(id.data(), id.size());
    return id;
}

struct Side
{
    double sealSeconds = 0;
    double openSeconds = 0;
    double envelopeOnlySeconds = 0; // ours only: the seal alone, one data key, no wrap, no hash
};

// Ours, per record, what syncengine.cpp does for each new version: a fresh data key, the seal
// (padding into wiped memory, header as AD), the sealed header read back and the data key wrapped
// under KWK bound to it, the envelope's hash for the next version's prev_hash. Opening is what a
// pull does: unwrap the data key, open the envelope.
Side runOurs(const std::vector<QByteArray> &payloads)
{
    const SecretBytes kwk = protocol::generateKey();
    protocol::EnvelopeHeader header;
    header.vaultId = randomId();
    header.authorDevice = randomId();
    header.recordKind = protocol::RecordKind::Diary;
    header.schema = protocol::kRecordPayloadSchema;
    header.keyEpoch = 1;
    SecretBytes dataKey = protocol::generateKey();
    std::vector<QByteArray> envelopes, wrappedKeys;
    envelopes.reserve(payloads.size());
    wrappedKeys.reserve(payloads.size());
    std::vector<protocol::Id16> ids;
    ids.reserve(payloads.size());
    for (std::size_t i = 0; i < payloads.size(); ++i)
        ids.push_back(randomId());

    Side side;
    auto start = SteadyClock::now();
    for (std::size_t i = 0; i < payloads.size(); ++i) {
        header.recordId = ids[i];
        protocol::regenerateKey(dataKey);
        auto envelope = protocol::sealEnvelope(header, payloads[i], dataKey);
        if (!envelope)
            fail("sealEnvelope", envelope.error());
        auto sealed = protocol::parseEnvelopeHeader(*envelope);
        if (!sealed)
            fail("parseEnvelopeHeader", sealed.error());
        auto wrapped = protocol::wrapDataKey(kwk, dataKey, protocol::DataKeyBinding::of(*sealed));
        if (!wrapped)
            fail("wrapDataKey", wrapped.error());
        const protocol::Hash32 hash = protocol::envelopeHash(*envelope);
        if (hash[0] == 0 && hash[1] == 0 && hash[2] == 0 && hash[3] == 0)
            std::printf(" "); // keeps the hash from being optimised away (1 in 2^32)
        envelopes.push_back(std::move(*envelope));
        wrappedKeys.push_back(std::move(*wrapped));
    }
    side.sealSeconds = secondsSince(start);

    start = SteadyClock::now();
    std::size_t opened = 0;
    for (std::size_t i = 0; i < envelopes.size(); ++i) {
        auto sealed = protocol::parseEnvelopeHeader(envelopes[i]);
        if (!sealed)
            fail("parseEnvelopeHeader", sealed.error());
        auto key =
            protocol::unwrapDataKey(kwk, wrappedKeys[i], protocol::DataKeyBinding::of(*sealed));
        if (!key)
            fail("unwrapDataKey", key.error());
        auto plain = protocol::openEnvelope(envelopes[i], *key);
        if (!plain)
            fail("openEnvelope", plain.error());
        opened += static_cast<std::size_t>(plain->plaintext.size());
    }
    side.openSeconds = secondsSince(start);
    if (opened == 0)
        std::printf(" ");

    // The envelope's own cost: the same seals under one key, without the per-version key, its
    // wrap and the hash (what the "seal alone" info row reports).
    start = SteadyClock::now();
    for (std::size_t i = 0; i < payloads.size(); ++i) {
        header.recordId = ids[i];
        auto envelope = protocol::sealEnvelope(header, payloads[i], dataKey);
        if (!envelope)
            fail("sealEnvelope", envelope.error());
        envelopes[i] = std::move(*envelope);
    }
    side.envelopeOnlySeconds = secondsSince(start);
    return side;
}

// The baseline: the same plaintexts padded to the same 256-byte blocks beforehand, one key, a
// random nonce per record (XChaCha20's nonce is meant to be random), encrypted into and
// decrypted from preallocated buffers. No header, no key per record, no allocation.
Side runRaw(const std::vector<QByteArray> &payloads)
{
    std::vector<std::vector<unsigned char>> padded;
    padded.reserve(payloads.size());
    for (const QByteArray &payload : payloads) {
        const auto size = static_cast<std::size_t>(payload.size());
        std::vector<unsigned char> buffer(size + protocol::kPaddingBlock);
        std::memcpy(buffer.data(), payload.constData(), size);
        std::size_t paddedSize = 0;
        sodium_pad(&paddedSize, buffer.data(), size, protocol::kPaddingBlock, buffer.size());
        buffer.resize(paddedSize);
        padded.push_back(std::move(buffer));
    }
    unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
    crypto_aead_xchacha20poly1305_ietf_keygen(key);
    std::vector<std::vector<unsigned char>> ciphertexts(payloads.size());
    std::vector<std::array<unsigned char, 24>> nonces(payloads.size());
    for (std::size_t i = 0; i < padded.size(); ++i)
        ciphertexts[i].resize(padded[i].size() + protocol::kTagSize);
    std::vector<unsigned char> decrypted(protocol::kMaxPlaintextSize);

    Side side;
    auto start = SteadyClock::now();
    for (std::size_t i = 0; i < padded.size(); ++i) {
        randombytes_buf(nonces[i].data(), nonces[i].size());
        unsigned long long written = 0;
        crypto_aead_xchacha20poly1305_ietf_encrypt(ciphertexts[i].data(), &written,
                                                   padded[i].data(), padded[i].size(), nullptr, 0,
                                                   nullptr, nonces[i].data(), key);
    }
    side.sealSeconds = secondsSince(start);

    start = SteadyClock::now();
    for (std::size_t i = 0; i < padded.size(); ++i) {
        unsigned long long length = 0;
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(decrypted.data(), &length, nullptr,
                                                       ciphertexts[i].data(), ciphertexts[i].size(),
                                                       nullptr, 0, nonces[i].data(), key) != 0)
            fail("raw decrypt", makeError(ErrorCode::Damaged, u"raw AEAD did not open"_s));
    }
    side.openSeconds = secondsSince(start);
    sodium_memzero(key, sizeof key);
    return side;
}

QString perSecond(double value)
{
    return QString::number(value, 'f', 0) + u" records/s"_s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption recordsOption(u"records"_s, u"Records per run."_s, u"n"_s, u"20000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs (medians reported)."_s, u"n"_s, u"7"_s);
    parser.addOptions({recordsOption, runsOption});
    parser.addHelpOption();
    parser.process(app);
    const int records = std::max(1, parser.value(recordsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());
    if (auto ready = crypto::initialize(); !ready)
        fail("libsodium", ready.error());

    const std::vector<QByteArray> payloads = diaryPayloads(records);
    std::size_t plainBytes = 0;
    for (const QByteArray &payload : payloads)
        plainBytes += static_cast<std::size_t>(payload.size());
    std::printf("bench_envelope: %d diary payloads of %zu bytes on average (padded to 256-byte "
                "blocks), %d runs alternating which side goes first\n",
                records, plainBytes / payloads.size(), runs);

    std::vector<double> oursSeal, rawSeal, oursOpen, rawOpen, oursAlone, sealRatios, openRatios,
        aloneRatios;
    for (int run = 0; run < runs; ++run) {
        Side ours, raw;
        if (run % 2 == 0) {
            ours = runOurs(payloads);
            raw = runRaw(payloads);
        } else {
            raw = runRaw(payloads);
            ours = runOurs(payloads);
        }
        oursSeal.push_back(records / ours.sealSeconds);
        rawSeal.push_back(records / raw.sealSeconds);
        oursOpen.push_back(records / ours.openSeconds);
        rawOpen.push_back(records / raw.openSeconds);
        oursAlone.push_back(records / ours.envelopeOnlySeconds);
        sealRatios.push_back(oursSeal.back() / rawSeal.back());
        aloneRatios.push_back(oursAlone.back() / rawSeal.back());
        openRatios.push_back(oursOpen.back() / rawOpen.back());
        std::printf("  run %d: seal %.0f vs %.0f records/s (%.3f), open %.0f vs %.0f records/s "
                    "(%.3f), seal alone %.0f records/s (%.3f)\n",
                    run + 1, oursSeal.back(), rawSeal.back(), sealRatios.back(), oursOpen.back(),
                    rawOpen.back(), openRatios.back(), oursAlone.back(), aloneRatios.back());
        std::fflush(stdout);
    }
    const double sealRatio = median(sealRatios);
    const double openRatio = median(openRatios);
    printResult("envelope seal + key wrap vs raw AEAD encrypt (records/s)",
                perSecond(median(oursSeal)), perSecond(median(rawSeal)), sealRatio, ">= 0.50", true,
                sealRatio >= 0.5);
    printResult("  envelope seal alone (one key, no wrap, no hash) vs raw AEAD (records/s)",
                perSecond(median(oursAlone)), perSecond(median(rawSeal)), median(aloneRatios),
                "(info)", false, false);
    printResult("envelope open + key unwrap vs raw AEAD decrypt (records/s)",
                perSecond(median(oursOpen)), perSecond(median(rawOpen)), openRatio, "(info)", false,
                false);
    return 0;
}
