// libFuzzer target: the clinic protocol loader (src/domain/protocol.h), which reads the
// protocol file a clinic supplies, and the relative-offset parser it uses.
#include "domain/protocol.h"

#include <cstdint>

using namespace companion::domain;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    (void)parseProtocol(input);
    if (size < 64)
        (void)parseRelativeOffset(QString::fromUtf8(input));
    return 0;
}
