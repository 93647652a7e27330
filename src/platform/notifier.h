#pragma once

#include "common/result.h"

#include <QString>

namespace companion::platform {

// Shows one notification now. Implementations: DbusNotifier (Linux desktop), a recording fake
// in tests. The text is the generic lock-screen text: whatever reaches a notifier can be read on
// a locked screen by whoever holds the device.
class Notifier
{
public:
    virtual ~Notifier() = default;
    virtual Result<void> notify(const QString &text) = 0;
};

} // namespace companion::platform
