#include "platform/batteryoptimisation.h"

#include <QCoreApplication>
#include <QJniEnvironment>
#include <QJniObject>

// Android: PowerManager.isIgnoringBatteryOptimizations and the settings deep link
// (BatteryOptimisation.java). Built only for Android; not compiled here.
namespace companion::platform {

namespace {
constexpr char kJavaClass[] = "org/companionapp/companion/BatteryOptimisation";
}

bool batteryOptimisationIgnored()
{
    const QJniObject context = QNativeInterface::QAndroidApplication::context();
    const bool ignored = QJniObject::callStaticMethod<jboolean>(
        kJavaClass, "isIgnored", "(Landroid/content/Context;)Z", context.object());
    QJniEnvironment env;
    // Unknown counts as "not exempt": showing the guidance once too often is harmless.
    return !env.checkAndClearExceptions() && ignored;
}

bool openBatteryOptimisationSettings()
{
    const QJniObject context = QNativeInterface::QAndroidApplication::context();
    const bool opened = QJniObject::callStaticMethod<jboolean>(
        kJavaClass, "openSettings", "(Landroid/content/Context;)Z", context.object());
    QJniEnvironment env;
    return !env.checkAndClearExceptions() && opened;
}

} // namespace companion::platform
