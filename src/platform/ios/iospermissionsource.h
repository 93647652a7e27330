#pragma once

#include "platform/runtimepermission.h"

namespace companion::platform {

// iOS: the camera through AVCaptureDevice (authorizationStatusForMediaType,
// requestAccessForMediaType; the prompt shows NSCameraUsageDescription from Info.plist), and
// notifications through UNUserNotificationCenter (requestAuthorizationWithOptions, alert and
// sound). Answers arrive on the main queue. The settings link is
// UIApplicationOpenSettingsURLString.
//
// Built only for iOS (Qt for iOS, Xcode); not compiled or tested on the Linux CI machine.
class IosPermissionSource final : public PermissionSource
{
public:
    PermissionStatus status(Permission permission) const override;
    void request(Permission permission, Answer answer) override;
    bool openSettings() override;
};

} // namespace companion::platform
