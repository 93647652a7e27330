#pragma once

namespace companion::platform {

// Android's battery optimisation (Doze, app standby, and vendor "battery savers") can delay or
// drop reminders even though they are exact alarms. The app cannot turn it off; it can only
// tell the person and open the right settings page (docs/user-guide.md, "Reminders on
// Android"). On every other platform there is nothing to guide: true and a no-op.

// True when the system lets Companion's alarms through (the app is on the "not optimised"
// list), or when the platform has no such setting.
bool batteryOptimisationIgnored();

// Opens the system page where the person can exempt Companion
// (ACTION_IGNORE_BATTERY_OPTIMIZATION_SETTINGS, the list of apps; if a vendor removed it, the
// app's own details page). Not the one-tap ACTION_REQUEST_IGNORE_BATTERY_OPTIMIZATIONS dialog:
// that needs the REQUEST_IGNORE_BATTERY_OPTIMIZATIONS permission, which the manifest leaves out
// (docs/adr/0020). False when nothing could be opened.
bool openBatteryOptimisationSettings();

} // namespace companion::platform
