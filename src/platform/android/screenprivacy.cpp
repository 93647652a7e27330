#include "platform/screenprivacy.h"

#include <QCoreApplication>
#include <QJniEnvironment>
#include <QJniObject>

// Android: FLAG_SECURE on the activity's window (SecureWindow.java). Window flags belong to the
// Android UI thread, hence runOnAndroidMainThread. Built only for Android; not compiled here.
namespace companion::platform {

void protectScreenContents()
{
    QNativeInterface::QAndroidApplication::runOnAndroidMainThread([] {
        const QJniObject context = QNativeInterface::QAndroidApplication::context();
        QJniObject::callStaticMethod<void>("org/companionapp/companion/SecureWindow", "apply",
                                           "(Landroid/content/Context;)V", context.object());
        QJniEnvironment env;
        if (env.checkAndClearExceptions())
            qWarning("Screenshots could not be blocked on this device.");
    });
}

} // namespace companion::platform
