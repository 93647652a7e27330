#include "platform/nopromptpermissionsource.h"

#include <QCoreApplication>
#include <QTimer>

namespace companion::platform {

PermissionStatus NoPromptPermissionSource::status(Permission) const
{
    return PermissionStatus::Granted;
}

void NoPromptPermissionSource::request(Permission, Answer answer)
{
    // Callers rely on the answer never arriving inside request() (the phones answer after a
    // dialog), so the desktop answers from the event loop too.
    QTimer::singleShot(0, QCoreApplication::instance(),
                       [answer = std::move(answer)] { answer(PermissionStatus::Granted); });
}

bool NoPromptPermissionSource::openSettings()
{
    return false;
}

} // namespace companion::platform
