// Alarms do not survive a reboot, and a clock or time-zone change can make them stale: re-arm
// the stored plan. LOCKED_BOOT_COMPLETED works before the first unlock because the plan is in
// device-protected storage (and holds nothing but ids, times and the generic text).
package org.companionapp.companion;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

public final class BootReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        ReminderScheduler.cancelAll(context);
        ReminderScheduler.armAll(context);
    }
}
