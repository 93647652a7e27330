#pragma once

namespace companion::platform {

// Keeps the app's screens out of screenshots, screen recordings and the app switcher's
// thumbnails (docs/adr/0020, docs/threat-model.md):
//   Android  FLAG_SECURE on the activity window (platforms/android/.../SecureWindow.java)
//   iOS      a neutral cover view over the window while the app is inactive or in the
//            background, so the snapshot iOS takes for the app switcher shows nothing
//   desktop  nothing: X11 and Wayland offer an application no way to refuse screenshots; the
//            auto-lock (docs/adr/0005) is the desktop's protection
// Call once, after the QGuiApplication exists and before the first window is shown.
void protectScreenContents();

} // namespace companion::platform
