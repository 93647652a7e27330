// FLAG_SECURE on the activity's window: Android then leaves the app out of screenshots, screen
// recordings, casting to insecure displays and the app switcher's thumbnails (the "recents"
// card shows a blank). Called from C++ (src/platform/android/screenprivacy.cpp) on the Android
// UI thread at startup. Qt renders into a SurfaceView inside this window; SurfaceFlinger treats
// a layer as secure when its parent window is, so the flag covers Qt's surface too.
// Not built on the Linux CI machine (needs the Android SDK and Qt for Android).
package org.companionapp.companion;

import android.app.Activity;
import android.content.Context;
import android.view.WindowManager;

public final class SecureWindow {
    private SecureWindow() {}

    public static void apply(Context context) {
        if (!(context instanceof Activity))
            throw new IllegalStateException("no activity to protect");
        ((Activity) context).getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE,
                WindowManager.LayoutParams.FLAG_SECURE);
    }
}
