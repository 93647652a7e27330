// libFuzzer target: what the clinic → patient channel reads from the other side
// (src/protocol/clinicmessage.h, clinicprotocol.h): the message page a device pulls, the body a
// therapist posts, the signed protocol and its document, a message's JSON, and a sealed message
// opened with a fixed key (header and size checks before any allocation; the AEAD keeps the
// rest out of reach, which is the point). The first byte picks the decoder; the rest is the input.
// Whatever decodes must re-encode and decode to the same thing.
#include "protocol/clinicmessage.h"
#include "protocol/clinicprotocol.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace companion;
using namespace companion::protocol;

namespace {

template<typename Message>
void roundTrip(QByteArrayView body)
{
    auto decoded = Message::fromJson(body);
    if (!decoded)
        return;
    auto again = Message::fromJson(decoded->toJson());
    if (!again || again->toJson() != decoded->toJson())
        std::abort();
}

void publishedProtocol(QByteArrayView body)
{
    auto published = PublishedProtocol::fromJson(body);
    if (!published)
        return;
    (void)published->verify(QByteArray(32, '\x01'));
    auto again = PublishedProtocol::fromJson(published->toJson());
    if (!again || again->document != published->document)
        std::abort();
}

void protocolDocument(QByteArrayView body)
{
    auto document = ClinicProtocolDocument::decode(body);
    if (!document)
        return;
    auto again = ClinicProtocolDocument::decode(document->encode());
    if (!again || again->version != document->version ||
        again->protocolJson != document->protocolJson)
        std::abort();
}

void messageJson(QByteArrayView body)
{
    auto message = ClinicMessage::fromJson(body);
    if (!message)
        return;
    auto again = ClinicMessage::fromJson(message->toJson());
    if (!again || !(*again == *message))
        std::abort();
}

// Input: the author's public key (32 bytes), then the sealed blob; the SCK is fixed (the seeds
// are sealed with it).
void openSealed(QByteArrayView input)
{
    if (input.size() < 32)
        return;
    SecretBytes sck(32);
    std::memset(sck.data(), 0x42, sck.size());
    const ClinicMessageContext context{QStringLiteral("11111111111111111111111111111111"),
                                       QStringLiteral("22222222222222222222222222222222"),
                                       MessageAuthor::Therapist,
                                       QStringLiteral("33333333333333333333333333333333")};
    (void)clinicMessageGeneration(input.sliced(32));
    auto opened = openClinicMessage(input.sliced(32), context, sck, input.first(32));
    if (opened && !validate(*opened))
        std::abort(); // never hand out a message that does not validate
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView body(reinterpret_cast<const char *>(data + 1),
                              static_cast<qsizetype>(size - 1));
    switch (data[0] % 6) {
    case 0:
        roundTrip<VaultMessagesPage>(body);
        break;
    case 1:
        roundTrip<PostMessageRequest>(body);
        break;
    case 2:
        publishedProtocol(body);
        break;
    case 3:
        protocolDocument(body);
        break;
    case 4:
        messageJson(body);
        break;
    case 5:
        openSealed(body);
        break;
    }
    return 0;
}
