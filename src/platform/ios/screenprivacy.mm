#include "platform/screenprivacy.h"

#import <UIKit/UIKit.h>

// iOS takes a snapshot of the screen for the app switcher when the app leaves the foreground,
// and anyone can look at that thumbnail. While the app is inactive (app switcher, notification
// centre, an incoming call) or in the background, a plain cover view in the system background
// colour lies over every window, so the snapshot shows nothing; it is removed when the app is
// active again. Built only for iOS (Qt for iOS, Xcode); not compiled or tested here.

@interface CompanionSnapshotCover : NSObject
@property(nonatomic, strong) NSMutableArray<UIView *> *covers;
@end

@implementation CompanionSnapshotCover

- (instancetype)init
{
    if ((self = [super init])) {
        _covers = [NSMutableArray array];
        NSNotificationCenter *centre = [NSNotificationCenter defaultCenter];
        [centre addObserver:self
                   selector:@selector(cover:)
                       name:UIApplicationWillResignActiveNotification
                     object:nil];
        [centre addObserver:self
                   selector:@selector(cover:)
                       name:UIApplicationDidEnterBackgroundNotification
                     object:nil];
        [centre addObserver:self
                   selector:@selector(uncover:)
                       name:UIApplicationDidBecomeActiveNotification
                     object:nil];
    }
    return self;
}

- (void)cover:(NSNotification *)notification
{
    (void)notification;
    if (self.covers.count > 0)
        return; // resign-active and enter-background both arrive; one cover is enough
    for (UIScene *scene in [UIApplication sharedApplication].connectedScenes) {
        if (![scene isKindOfClass:[UIWindowScene class]])
            continue;
        for (UIWindow *window in ((UIWindowScene *)scene).windows) {
            UIView *cover = [[UIView alloc] initWithFrame:window.bounds];
            cover.backgroundColor = [UIColor systemBackgroundColor];
            cover.autoresizingMask = UIViewAutoresizingFlexibleWidth |
                                     UIViewAutoresizingFlexibleHeight;
            cover.accessibilityElementsHidden = YES;
            [window addSubview:cover];
            [self.covers addObject:cover];
        }
    }
}

- (void)uncover:(NSNotification *)notification
{
    (void)notification;
    for (UIView *cover in self.covers)
        [cover removeFromSuperview];
    [self.covers removeAllObjects];
}

@end

namespace companion::platform {

void protectScreenContents()
{
    // Lives as long as the process; the observer must outlast every notification.
    static CompanionSnapshotCover *observer = [[CompanionSnapshotCover alloc] init];
    (void)observer;
}

} // namespace companion::platform
