// Battery optimisation guidance for reminders. Exact alarms set with setExactAndAllowWhileIdle
// fire in Doze, but some vendors' battery savers still stop an "optimised" app's alarms, so the
// app explains this (docs/user-guide.md, "Reminders on Android") and opens the settings page
// where the person can exempt Companion. The one-tap request dialog
// (ACTION_REQUEST_IGNORE_BATTERY_OPTIMIZATIONS) would need the REQUEST_IGNORE_BATTERY_OPTIMIZATIONS
// permission, which the manifest leaves out (docs/adr/0020): the person chooses in settings.
// Called from C++ (src/platform/android/batteryoptimisation.cpp).
// Not built on the Linux CI machine (needs the Android SDK and Qt for Android).
package org.companionapp.companion;

import android.content.ActivityNotFoundException;
import android.content.Context;
import android.content.Intent;
import android.net.Uri;
import android.os.PowerManager;
import android.provider.Settings;

public final class BatteryOptimisation {
    private BatteryOptimisation() {}

    public static boolean isIgnored(Context context) {
        PowerManager power = context.getSystemService(PowerManager.class);
        return power != null && power.isIgnoringBatteryOptimizations(context.getPackageName());
    }

    public static boolean openSettings(Context context) {
        Intent list = new Intent(Settings.ACTION_IGNORE_BATTERY_OPTIMIZATION_SETTINGS);
        // Some vendors remove the list; the app's own details page has the battery entry too.
        Intent details = new Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS,
                Uri.fromParts("package", context.getPackageName(), null));
        for (Intent intent : new Intent[] {list, details}) {
            intent.addFlags(Intent.FLAG_ACTIVITY_NEW_TASK);
            try {
                context.startActivity(intent);
                return true;
            } catch (ActivityNotFoundException e) {
                // try the next one
            }
        }
        return false;
    }
}
