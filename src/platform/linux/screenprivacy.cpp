#include "platform/screenprivacy.h"

namespace companion::platform {

// X11 and Wayland give an application no way to refuse screenshots or screen sharing; the
// desktop relies on the auto-lock instead (docs/adr/0005, docs/adr/0020).
void protectScreenContents()
{}

} // namespace companion::platform
