// libFuzzer target: the sync API's JSON codecs (src/protocol/api.h) that read what the other side
// sent — PushRequest (server), PushResponse and PullResponse (client), the enrolment and login
// messages — and ClinicInfo::fromJson + verify (what the app checks before trusting a clinic);
// and the binary push body (PushRequest::fromBinary, ADR 0030), which must also agree with JSON.
// The first byte picks the decoder; the rest is the body. Whatever decodes must re-encode and
// decode to the same thing (a codec that loses or invents fields would corrupt sync).
#include "protocol/api.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

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

void clinicInfo(QByteArrayView body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray());
    auto info =
        ClinicInfo::fromJson(document.isObject() ? QJsonValue(document.object()) : QJsonValue(),
                             QStringLiteral("clinic"));
    if (!info)
        return;
    // Against its own fingerprint (reaches the signature check) and a fixed wrong one.
    (void)info->verify(info->fingerprint);
    (void)info->verify(QStringLiteral("0000-0000-0000-0000-0000-0000-0000-0000"));
    auto again = ClinicInfo::fromJson(QJsonValue(info->toJson()), QStringLiteral("clinic"));
    if (!again || again->toJson() != info->toJson())
        std::abort();
}

// The binary push body: what decodes re-encodes to the same bytes (the format has exactly one
// encoding) and means the same as its JSON form.
void binaryPush(QByteArrayView body)
{
    auto decoded = PushRequest::fromBinary(body);
    if (!decoded)
        return;
    if (decoded->toBinary() != body)
        std::abort();
    auto viaJson = PushRequest::fromJson(decoded->toJson());
    if (!viaJson || viaJson->toBinary() != decoded->toBinary())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView body(reinterpret_cast<const char *>(data + 1),
                              static_cast<qsizetype>(size - 1));
    switch (data[0] % 9) {
    case 0:
        roundTrip<PushRequest>(body);
        break;
    case 1:
        roundTrip<PushResponse>(body);
        break;
    case 2:
        roundTrip<PullResponse>(body);
        break;
    case 3:
        clinicInfo(body);
        break;
    case 4:
        roundTrip<EnrolRequest>(body);
        break;
    case 5:
        roundTrip<EnrolResponse>(body);
        break;
    case 6:
        roundTrip<TokenRequest>(body);
        break;
    case 7:
        roundTrip<ChallengeResponse>(body);
        break;
    case 8:
        binaryPush(body);
        break;
    }
    return 0;
}
