// Run-time permissions (docs/adr/0028): the camera for QR codes, POST_NOTIFICATIONS for
// reminders on Android 13+. Called from C++ (src/platform/android/androidpermissionsource.cpp),
// which reads the result back with status() once the system dialog has closed: Qt 6.4 does not
// pass onRequestPermissionsResult on through public API, and a subclass of QtActivity only for
// that would be more to keep in step with Qt than this.
// Context.checkSelfPermission and Activity.requestPermissions are the platform's own (API 23+),
// so no androidx dependency is needed.
// Not built on the Linux CI machine (needs the Android SDK and Qt for Android).
package org.companionapp.companion;

import android.Manifest;
import android.app.Activity;
import android.app.NotificationManager;
import android.content.ActivityNotFoundException;
import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.content.pm.PackageManager;
import android.net.Uri;
import android.os.Build;
import android.provider.Settings;

public final class RuntimePermissions {
    public static final int GRANTED = 0;
    public static final int NOT_ASKED = 1;
    public static final int DENIED = 2;

    private static final int REQUEST_CODE = 4711;
    // Remembers which permissions were asked for: Android itself cannot tell "never asked"
    // from "refused for good". Permission names only; excluded from backups like all app data.
    private static final String ASKED = "asked_permissions";

    private RuntimePermissions() {}

    public static int status(Context context, String permission) {
        if (Manifest.permission.POST_NOTIFICATIONS.equals(permission)
                && Build.VERSION.SDK_INT < 33) {
            // Before Android 13 notifications need no permission, only the switch in settings.
            NotificationManager manager = context.getSystemService(NotificationManager.class);
            return manager == null || manager.areNotificationsEnabled() ? GRANTED : DENIED;
        }
        if (context.checkSelfPermission(permission) == PackageManager.PERMISSION_GRANTED) {
            return GRANTED;
        }
        return asked(context).getBoolean(permission, false) ? DENIED : NOT_ASKED;
    }

    // True when the system dialog was requested; the answer is read back with status().
    public static boolean request(Context context, String permission) {
        if (!(context instanceof Activity) || status(context, permission) == GRANTED) {
            return false;
        }
        if (Manifest.permission.POST_NOTIFICATIONS.equals(permission)
                && Build.VERSION.SDK_INT < 33) {
            return false; // nothing to ask; settings only
        }
        asked(context).edit().putBoolean(permission, true).apply();
        ((Activity) context).requestPermissions(new String[] {permission}, REQUEST_CODE);
        return true;
    }

    public static boolean openSettings(Context context) {
        Intent details = new Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS,
                Uri.fromParts("package", context.getPackageName(), null));
        details.addFlags(Intent.FLAG_ACTIVITY_NEW_TASK);
        try {
            context.startActivity(details);
            return true;
        } catch (ActivityNotFoundException e) {
            return false;
        }
    }

    private static SharedPreferences asked(Context context) {
        return context.getSharedPreferences(ASKED, Context.MODE_PRIVATE);
    }
}
