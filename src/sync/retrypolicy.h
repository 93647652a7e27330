#pragma once

#include <cstdint>
#include <functional>

namespace companion::sync {

// Exponential backoff with "full jitter" for requests that got no answer or a busy answer
// (429/503): attempt n waits a random time in [delay/2, delay] where delay = min(cap,
// base · 2^n). The jitter keeps a clinic's devices from retrying in lock-step after an outage.
struct RetryPolicy
{
    int maxAttempts = 5; // first try included
    int baseDelayMs = 250;
    int maxDelayMs = 30000;

    // The wait before retry number `retry` (0 = the first retry). `unitRandom` returns [0, 1).
    int delayMs(int retry, const std::function<double()> &unitRandom) const;
    // A server's Retry-After wins when it asks for longer, but never beyond the cap.
    int delayMs(int retry, int retryAfterSeconds, const std::function<double()> &unitRandom) const;
};

} // namespace companion::sync
