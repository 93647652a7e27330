#pragma once

#include "platform/runtimepermission.h"

namespace companion::platform {

// Desktops: the camera and notifications need no run-time permission (a Linux desktop has no
// per-app camera permission; portals are not used by the Qt 6.4 camera backend), so every
// status is Granted and a request answers Granted at once (still asynchronously, as promised).
class NoPromptPermissionSource final : public PermissionSource
{
public:
    PermissionStatus status(Permission permission) const override;
    void request(Permission permission, Answer answer) override;
    bool openSettings() override;
};

} // namespace companion::platform
