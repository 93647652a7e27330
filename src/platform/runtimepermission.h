#pragma once

#include <functional>
#include <memory>

namespace companion::platform {

// Run-time permissions, each asked for at the moment it is first needed (docs/adr/0028):
// the camera when the person opens the QR scanner, notifications when reminders are planned
// and the person has read why. Qt 6.4 has no QPermission, so each phone gets its own small
// implementation; desktops need none and report Granted.
enum class Permission {
    Camera,
    Notifications,
};

enum class PermissionStatus {
    Granted,
    // The system would show its prompt: never asked on this device.
    NotAsked,
    // Refused (or switched off in the system settings). Phones may not show the prompt again;
    // the app then points to the settings page.
    Denied,
};

class PermissionSource
{
public:
    using Answer = std::function<void(PermissionStatus)>;

    virtual ~PermissionSource() = default;

    // What the system says now, without asking.
    virtual PermissionStatus status(Permission permission) const = 0;
    // Shows the system prompt. `answer` runs exactly once, later (never inside this call), on
    // the calling (GUI) thread, with Granted or Denied.
    virtual void request(Permission permission, Answer answer) = 0;
    // Opens the system page where the person can change the app's permissions. False when the
    // platform has none (desktops).
    virtual bool openSettings() = 0;
};

// The platform's source: Android (Context.checkSelfPermission / Activity.requestPermissions via
// RuntimePermissions.java), iOS (AVCaptureDevice, UNUserNotificationCenter), desktops (nothing
// to ask: Granted).
std::unique_ptr<PermissionSource> createDevicePermissionSource();

} // namespace companion::platform
