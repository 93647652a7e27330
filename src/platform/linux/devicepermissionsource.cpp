#include "platform/nopromptpermissionsource.h"

namespace companion::platform {

std::unique_ptr<PermissionSource> createDevicePermissionSource()
{
    return std::make_unique<NoPromptPermissionSource>();
}

} // namespace companion::platform
