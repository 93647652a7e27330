#pragma once

#include "platform/notifier.h"

#include <QDBusConnection>
#include <QString>

namespace companion::platform {

// Desktop notifications through the freedesktop.org Desktop Notifications interface
// (org.freedesktop.Notifications on the session bus), which GNOME, KDE, XFCE and most other
// desktops implement. The call is asynchronous: a notification server that is slow or absent
// never blocks the reminder service; a failed call is logged by error name only.
class DbusNotifier final : public Notifier
{
public:
    static inline const QString kService = QStringLiteral("org.freedesktop.Notifications");
    static inline const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
    static inline const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

    explicit DbusNotifier(QDBusConnection connection = QDBusConnection::sessionBus());

    // Notify(app_name "Companion", replaces_id 0, app_icon, summary "Companion", body `text`,
    // no actions, hints {category: "reminder", desktop-entry, urgency normal}, default timeout).
    // Fails (Unsupported) when there is no bus connection.
    Result<void> notify(const QString &text) override;

private:
    QDBusConnection m_connection;
};

} // namespace companion::platform
