// Companion reminders on Android: AlarmManager alarms that post a notification with the generic
// text. Called from C++ (src/platform/android/androidreminderscheduler.cpp) with the complete
// plan; re-armed by BootReceiver after a restart or a clock/time-zone change.
//
// Stored in device-protected SharedPreferences (readable before the first unlock after boot):
// opaque ids, fire times and the generic text only, never anything the patient wrote.
// Not built on the Linux CI machine (needs the Android SDK and Qt for Android).
package org.companionapp.companion;

import android.app.AlarmManager;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.os.Build;

import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

public final class ReminderScheduler {
    static final String PREFERENCES = "companion.reminders";
    static final String KEY_PLAN = "plan";
    static final String EXTRA_ID = "id";
    static final String EXTRA_TEXT = "text";

    private ReminderScheduler() {}

    static SharedPreferences preferences(Context context) {
        Context storage = Build.VERSION.SDK_INT >= 24
                ? context.createDeviceProtectedStorageContext() : context;
        return storage.getSharedPreferences(PREFERENCES, Context.MODE_PRIVATE);
    }

    public static synchronized void replaceAll(Context context, String[] ids, long[] fireAt,
                                               String[] texts) {
        cancelAll(context);
        JSONArray plan = new JSONArray();
        try {
            for (int i = 0; i < ids.length; ++i) {
                plan.put(new JSONObject().put("id", ids[i]).put("fireAt", fireAt[i])
                        .put("text", texts[i]));
            }
        } catch (JSONException e) {
            throw new IllegalArgumentException("bad reminder plan");
        }
        preferences(context).edit().putString(KEY_PLAN, plan.toString()).commit();
        armAll(context);
    }

    // Arms every future alarm of the stored plan (after replaceAll, boot, or a clock change).
    static synchronized void armAll(Context context) {
        AlarmManager alarms = context.getSystemService(AlarmManager.class);
        long now = System.currentTimeMillis();
        try {
            JSONArray plan = new JSONArray(preferences(context).getString(KEY_PLAN, "[]"));
            for (int i = 0; i < plan.length(); ++i) {
                JSONObject entry = plan.getJSONObject(i);
                long at = entry.getLong("fireAt");
                if (at <= now)
                    continue;
                PendingIntent intent = pendingIntent(context, entry.getString("id"),
                        entry.getString("text"));
                boolean exact = Build.VERSION.SDK_INT < 31 || alarms.canScheduleExactAlarms();
                if (exact)
                    alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, intent);
                else
                    alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, intent);
            }
        } catch (JSONException e) {
            // A damaged plan is dropped; the app writes a fresh one on its next start.
            preferences(context).edit().remove(KEY_PLAN).commit();
        }
    }

    static synchronized void cancelAll(Context context) {
        AlarmManager alarms = context.getSystemService(AlarmManager.class);
        try {
            JSONArray plan = new JSONArray(preferences(context).getString(KEY_PLAN, "[]"));
            for (int i = 0; i < plan.length(); ++i) {
                JSONObject entry = plan.getJSONObject(i);
                alarms.cancel(pendingIntent(context, entry.getString("id"),
                        entry.getString("text")));
            }
        } catch (JSONException e) {
            // Nothing we can cancel by id; new alarms replace same-id ones anyway.
        }
    }

    static PendingIntent pendingIntent(Context context, String id, String text) {
        Intent intent = new Intent(context, ReminderReceiver.class)
                .setAction("org.companionapp.companion.REMINDER." + id)
                .putExtra(EXTRA_ID, id).putExtra(EXTRA_TEXT, text);
        return PendingIntent.getBroadcast(context, id.hashCode(), intent,
                PendingIntent.FLAG_UPDATE_CURRENT | PendingIntent.FLAG_IMMUTABLE);
    }
}
