#pragma once

#include "platform/runtimepermission.h"

#include <QObject>
#include <QTimer>

#include <utility>
#include <vector>

namespace companion::platform {

// Android: Context.checkSelfPermission and Activity.requestPermissions through
// RuntimePermissions.java. Qt 6.4's public API does not deliver onRequestPermissionsResult (that
// is QtAndroidPrivate), so the answer is read back when the system's permission dialog, a
// separate activity, has closed: the app leaves the Active state while it shows and returns to
// it afterwards. If the app never leaves Active (the system refused without a dialog, as it does
// after repeated refusals), the status is read after kNoDialogMs.
//
// Built only for Android (Qt for Android, NDK); not compiled or tested on the Linux CI machine.
class AndroidPermissionSource final : public QObject, public PermissionSource
{
public:
    static constexpr int kNoDialogMs = 2000;

    AndroidPermissionSource();
    PermissionStatus status(Permission permission) const override;
    void request(Permission permission, Answer answer) override;
    bool openSettings() override;

private:
    void onApplicationStateChanged(Qt::ApplicationState state);
    void settle();

    std::vector<std::pair<Permission, Answer>> m_pending;
    bool m_leftForeground = false;
    QTimer m_noDialog;
};

} // namespace companion::platform
