#pragma once

#include <QDateTime>

namespace companion {

// Time comes from a Clock so every rule that depends on "now" (auto-lock, reminders, due items)
// can be tested at any instant. Production code takes a Clock&; tests pass a FakeClock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
    static SystemClock &instance();
};

} // namespace companion
