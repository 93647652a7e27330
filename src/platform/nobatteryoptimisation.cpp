#include "platform/batteryoptimisation.h"

namespace companion::platform {

// Linux desktop and iOS: no per-app battery optimisation to guide the person through (iOS
// delivers scheduled local notifications itself; a desktop does not drop timers).
bool batteryOptimisationIgnored()
{
    return true;
}

bool openBatteryOptimisationSettings()
{
    return false;
}

} // namespace companion::platform
