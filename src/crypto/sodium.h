#pragma once

#include "common/result.h"

namespace companion::crypto {

// Initialises libsodium once per process. Every crypto entry point calls it; calling it early from
// main() just moves the cost out of the first unlock.
Result<void> initialize();

} // namespace companion::crypto
