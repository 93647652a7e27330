#include "sync/retrypolicy.h"

#include <algorithm>
#include <cmath>

namespace companion::sync {

int RetryPolicy::delayMs(int retry, const std::function<double()> &unitRandom) const
{
    const double exponential =
        static_cast<double>(baseDelayMs) * std::pow(2.0, std::clamp(retry, 0, 30));
    const double capped = std::min(exponential, static_cast<double>(maxDelayMs));
    const double jitter = 0.5 + 0.5 * std::clamp(unitRandom(), 0.0, 1.0);
    return static_cast<int>(capped * jitter);
}

int RetryPolicy::delayMs(int retry, int retryAfterSeconds,
                         const std::function<double()> &unitRandom) const
{
    const int backoff = delayMs(retry, unitRandom);
    if (retryAfterSeconds < 0)
        return backoff;
    const long long asked = static_cast<long long>(retryAfterSeconds) * 1000;
    return static_cast<int>(std::min<long long>(std::max<long long>(asked, backoff), maxDelayMs));
}

} // namespace companion::sync
