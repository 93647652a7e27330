#pragma once

#include <QHash>
#include <QString>

#include <chrono>

namespace companion::server {

// Token buckets per (route class, client address): `perMinute` requests, refilled evenly.
// In memory and per instance on purpose: it slows guessing and floods, and a code's 100 bits
// make online guessing hopeless even across many instances (docs/sync-protocol.md, "Limits").
// Not thread-safe: the network thread owns it.
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(int perMinute)
        : m_perMinute(perMinute)
    {}
    // True when the request may go ahead (and takes a token).
    bool allow(const QString &key, Clock::time_point now = Clock::now());
    // Seconds until one token is back.
    int retryAfterSeconds() const;

private:
    struct Bucket
    {
        double tokens = 0;
        Clock::time_point updated;
    };
    int m_perMinute;
    QHash<QString, Bucket> m_buckets;
};

} // namespace companion::server
