// libFuzzer target: the record envelope parser and opener (src/protocol/envelope.h), what the
// server and every client run on bytes from the network. Seeds are envelopes sealed under the
// fixed key below, so the fuzzer starts past the AEAD into unpadding.
#include "protocol/envelope.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace companion;

namespace {
const SecretBytes &fixedKey()
{
    static const SecretBytes key = [] {
        SecretBytes k(32);
        std::memset(k.data(), 0x42, k.size());
        return k;
    }();
    return key;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto header = protocol::parseEnvelopeHeader(bytes);
    auto opened = protocol::openEnvelope(bytes, fixedKey());
    if (opened) {
        // Whatever opens must have a header that parses to the same values, and reseal.
        if (!header || !(opened->header == *header))
            std::abort();
        auto resealed = protocol::sealEnvelope(opened->header, opened->plaintext, fixedKey());
        if (!resealed)
            std::abort();
        auto reopened = protocol::openEnvelope(*resealed, fixedKey());
        if (!reopened || reopened->plaintext != opened->plaintext)
            std::abort();
    }
    (void)protocol::envelopeHash(bytes);
    return 0;
}
