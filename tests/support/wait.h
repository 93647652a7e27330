#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <functional>

namespace companion::testing {

// Spins the event loop until `condition` holds or `milliseconds` pass; returns the condition.
inline bool waitUntil(const std::function<bool()> &condition, int milliseconds = 30000)
{
    QDeadlineTimer deadline(milliseconds);
    while (!condition() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return condition();
}

} // namespace companion::testing
