#include "platform/ios/iosreminderscheduler.h"

#import <Foundation/Foundation.h>
#import <UserNotifications/UserNotifications.h>

#include <algorithm>

namespace companion::platform {

Result<void> IosReminderScheduler::replaceAll(const std::vector<ScheduledReminder> &reminders)
{
    std::vector<ScheduledReminder> sorted = reminders;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.fireAt < b.fireAt; });
    if (sorted.size() > kMaxPending)
        sorted.resize(kMaxPending);

    UNUserNotificationCenter *center = [UNUserNotificationCenter currentNotificationCenter];
    // Companion schedules nothing else locally, so "all pending" is exactly the old plan.
    [center removeAllPendingNotificationRequests];

    NSCalendar *calendar = [NSCalendar calendarWithIdentifier:NSCalendarIdentifierGregorian];
    NSTimeZone *utc = [NSTimeZone timeZoneWithName:@"UTC"];
    for (const ScheduledReminder &reminder : sorted) {
        UNMutableNotificationContent *content = [[UNMutableNotificationContent alloc] init];
        content.title = @"Companion";
        content.body = reminder.text.toNSString();
        content.sound = [UNNotificationSound defaultSound];
        NSDate *date = [NSDate
            dateWithTimeIntervalSince1970:static_cast<double>(reminder.fireAt.toMSecsSinceEpoch()) /
                                          1000.0];
        // All components including the time zone: an absolute instant, not a wall-clock time
        // that would shift when the person travels.
        NSDateComponents *components = [calendar componentsInTimeZone:utc fromDate:date];
        UNCalendarNotificationTrigger *trigger =
            [UNCalendarNotificationTrigger triggerWithDateMatchingComponents:components
                                                                     repeats:NO];
        UNNotificationRequest *request =
            [UNNotificationRequest requestWithIdentifier:reminder.id.toNSString()
                                                 content:content
                                                 trigger:trigger];
        [center addNotificationRequest:request withCompletionHandler:nil];
    }
    return {};
}

std::unique_ptr<ReminderScheduler> createDeviceReminderScheduler(const QString &)
{
    // Pending notification requests are the schedule; nothing is kept in the profile folder.
    return std::make_unique<IosReminderScheduler>();
}

} // namespace companion::platform
