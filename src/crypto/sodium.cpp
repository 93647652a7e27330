#include "crypto/sodium.h"

#include <sodium.h>

namespace companion::crypto {

Result<void> initialize()
{
    if (sodium_init() < 0)
        return makeError(ErrorCode::Internal, QStringLiteral("libsodium could not initialise"));
    return {};
}

} // namespace companion::crypto
