#include "platform/ios/iospermissionsource.h"

#import <AVFoundation/AVFoundation.h>
#import <UIKit/UIKit.h>
#import <UserNotifications/UserNotifications.h>

// Built only for iOS; not compiled here (no Xcode on the Linux CI machine).
namespace companion::platform {

namespace {

PermissionStatus cameraStatus()
{
    switch ([AVCaptureDevice authorizationStatusForMediaType:AVMediaTypeVideo]) {
    case AVAuthorizationStatusAuthorized:
        return PermissionStatus::Granted;
    case AVAuthorizationStatusNotDetermined:
        return PermissionStatus::NotAsked;
    default: // denied, or restricted by a device policy
        return PermissionStatus::Denied;
    }
}

PermissionStatus notificationStatus()
{
    // The settings arrive on a background queue, so waiting here on the main thread is safe;
    // the call answers within milliseconds.
    __block UNAuthorizationStatus authorization = UNAuthorizationStatusNotDetermined;
    dispatch_semaphore_t done = dispatch_semaphore_create(0);
    [[UNUserNotificationCenter currentNotificationCenter]
        getNotificationSettingsWithCompletionHandler:^(UNNotificationSettings *settings) {
          authorization = settings.authorizationStatus;
          dispatch_semaphore_signal(done);
        }];
    dispatch_semaphore_wait(done, dispatch_time(DISPATCH_TIME_NOW, 2 * NSEC_PER_SEC));
    switch (authorization) {
    case UNAuthorizationStatusNotDetermined:
        return PermissionStatus::NotAsked;
    case UNAuthorizationStatusDenied:
        return PermissionStatus::Denied;
    default: // authorised, provisional, ephemeral: reminders are delivered
        return PermissionStatus::Granted;
    }
}

} // namespace

PermissionStatus IosPermissionSource::status(Permission permission) const
{
    return permission == Permission::Camera ? cameraStatus() : notificationStatus();
}

void IosPermissionSource::request(Permission permission, Answer answer)
{
    // Blocks copy the captured std::function; the answer is handed back on the main queue.
    if (permission == Permission::Camera) {
        [AVCaptureDevice requestAccessForMediaType:AVMediaTypeVideo
                                 completionHandler:^(BOOL granted) {
                                   dispatch_async(dispatch_get_main_queue(), ^{
                                     answer(granted ? PermissionStatus::Granted
                                                    : PermissionStatus::Denied);
                                   });
                                 }];
        return;
    }
    [[UNUserNotificationCenter currentNotificationCenter]
        requestAuthorizationWithOptions:(UNAuthorizationOptionAlert | UNAuthorizationOptionSound)
                      completionHandler:^(BOOL granted, NSError *) {
                        dispatch_async(dispatch_get_main_queue(), ^{
                          answer(granted ? PermissionStatus::Granted : PermissionStatus::Denied);
                        });
                      }];
}

bool IosPermissionSource::openSettings()
{
    NSURL *url = [NSURL URLWithString:UIApplicationOpenSettingsURLString];
    if (url == nil)
        return false;
    [[UIApplication sharedApplication] openURL:url options:@{} completionHandler:nil];
    return true;
}

std::unique_ptr<PermissionSource> createDevicePermissionSource()
{
    return std::make_unique<IosPermissionSource>();
}

} // namespace companion::platform
