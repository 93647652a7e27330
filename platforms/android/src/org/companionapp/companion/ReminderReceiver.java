// Posts one Companion reminder when its alarm fires. The text is the generic one; the public
// version shown on a secure lock screen is generic as well.
package org.companionapp.companion;

import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

public final class ReminderReceiver extends BroadcastReceiver {
    static final String CHANNEL = "reminders";
    static final String GENERIC = "You have a reminder from Companion";

    @Override
    public void onReceive(Context context, Intent intent) {
        String id = intent.getStringExtra(ReminderScheduler.EXTRA_ID);
        String text = intent.getStringExtra(ReminderScheduler.EXTRA_TEXT);
        if (id == null)
            return;
        if (text == null || text.isEmpty())
            text = GENERIC;
        NotificationManager manager = context.getSystemService(NotificationManager.class);
        manager.createNotificationChannel(new NotificationChannel(CHANNEL, "Reminders",
                NotificationManager.IMPORTANCE_DEFAULT));
        Intent open = context.getPackageManager().getLaunchIntentForPackage(
                context.getPackageName());
        PendingIntent tap = open == null ? null : PendingIntent.getActivity(context, 0, open,
                PendingIntent.FLAG_IMMUTABLE);
        Notification publicVersion = new Notification.Builder(context, CHANNEL)
                .setSmallIcon(context.getApplicationInfo().icon)
                .setContentTitle("Companion").setContentText(GENERIC).build();
        Notification notification = new Notification.Builder(context, CHANNEL)
                .setSmallIcon(context.getApplicationInfo().icon)
                .setContentTitle("Companion").setContentText(text)
                .setCategory(Notification.CATEGORY_REMINDER)
                .setVisibility(Notification.VISIBILITY_PRIVATE)
                .setPublicVersion(publicVersion)
                .setContentIntent(tap).setAutoCancel(true).build();
        manager.notify(id.hashCode(), notification);
    }
}
