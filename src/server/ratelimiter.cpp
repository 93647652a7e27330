#include "server/ratelimiter.h"

#include <algorithm>

namespace companion::server {

bool RateLimiter::allow(const QString &key, Clock::time_point now)
{
    if (m_perMinute <= 0)
        return true;
    // Bound the table: forget buckets that have refilled (they behave like new ones anyway).
    if (m_buckets.size() > 10000) {
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (now - it->updated > std::chrono::minutes(1))
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{static_cast<double>(m_perMinute), now});
    const double elapsed = std::chrono::duration<double>(now - it->updated).count();
    it->tokens = std::min<double>(m_perMinute, it->tokens + elapsed * m_perMinute / 60.0);
    it->updated = now;
    if (it->tokens < 1.0)
        return false;
    it->tokens -= 1.0;
    return true;
}

int RateLimiter::retryAfterSeconds() const
{
    return m_perMinute > 0 ? std::max(1, 60 / m_perMinute) : 1;
}

} // namespace companion::server
