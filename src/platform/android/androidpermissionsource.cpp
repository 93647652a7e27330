#include "platform/android/androidpermissionsource.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QJniEnvironment>
#include <QJniObject>

// Built only for Android; not compiled here (no NDK on the Linux CI machine).
namespace companion::platform {

namespace {

constexpr char kJavaClass[] = "org/companionapp/companion/RuntimePermissions";

// RuntimePermissions.status() codes.
constexpr jint kGranted = 0;
constexpr jint kNotAsked = 1;

QJniObject permissionName(Permission permission)
{
    return QJniObject::fromString(permission == Permission::Camera
                                      ? QStringLiteral("android.permission.CAMERA")
                                      : QStringLiteral("android.permission.POST_NOTIFICATIONS"));
}

} // namespace

AndroidPermissionSource::AndroidPermissionSource()
{
    m_noDialog.setSingleShot(true);
    m_noDialog.setInterval(kNoDialogMs);
    connect(&m_noDialog, &QTimer::timeout, this, [this] {
        if (!m_leftForeground)
            settle();
    });
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) { onApplicationStateChanged(state); });
}

PermissionStatus AndroidPermissionSource::status(Permission permission) const
{
    const QJniObject context = QNativeInterface::QAndroidApplication::context();
    const QJniObject name = permissionName(permission);
    const jint code = QJniObject::callStaticMethod<jint>(
        kJavaClass, "status", "(Landroid/content/Context;Ljava/lang/String;)I", context.object(),
        name.object<jstring>());
    QJniEnvironment env;
    if (env.checkAndClearExceptions())
        return PermissionStatus::Denied; // unknown counts as "not allowed": the app explains
    if (code == kGranted)
        return PermissionStatus::Granted;
    return code == kNotAsked ? PermissionStatus::NotAsked : PermissionStatus::Denied;
}

void AndroidPermissionSource::request(Permission permission, Answer answer)
{
    m_pending.emplace_back(permission, std::move(answer));
    const QJniObject context = QNativeInterface::QAndroidApplication::context();
    const QJniObject name = permissionName(permission);
    const bool shown = QJniObject::callStaticMethod<jboolean>(
        kJavaClass, "request", "(Landroid/content/Context;Ljava/lang/String;)Z", context.object(),
        name.object<jstring>());
    QJniEnvironment env;
    if (env.checkAndClearExceptions() || !shown) {
        // No dialog is coming (no activity, or nothing to ask): answer from the event loop.
        QTimer::singleShot(0, this, [this] { settle(); });
        return;
    }
    m_leftForeground = false;
    m_noDialog.start();
}

bool AndroidPermissionSource::openSettings()
{
    const QJniObject context = QNativeInterface::QAndroidApplication::context();
    const bool opened = QJniObject::callStaticMethod<jboolean>(
        kJavaClass, "openSettings", "(Landroid/content/Context;)Z", context.object());
    QJniEnvironment env;
    return !env.checkAndClearExceptions() && opened;
}

void AndroidPermissionSource::onApplicationStateChanged(Qt::ApplicationState state)
{
    if (m_pending.empty())
        return;
    if (state != Qt::ApplicationActive)
        m_leftForeground = true;
    else if (m_leftForeground)
        settle();
}

void AndroidPermissionSource::settle()
{
    m_noDialog.stop();
    m_leftForeground = false;
    auto pending = std::exchange(m_pending, {});
    for (auto &[permission, answer] : pending) {
        answer(status(permission) == PermissionStatus::Granted ? PermissionStatus::Granted
                                                               : PermissionStatus::Denied);
    }
}

std::unique_ptr<PermissionSource> createDevicePermissionSource()
{
    return std::make_unique<AndroidPermissionSource>();
}

} // namespace companion::platform
