#include "platform/android/androidreminderscheduler.h"

#include <QCoreApplication>
#include <QJniEnvironment>
#include <QJniObject>

using namespace Qt::StringLiterals;

namespace companion::platform {

namespace {

constexpr char kJavaClass[] = "org/companionapp/companion/ReminderScheduler";

} // namespace

Result<void> AndroidReminderScheduler::replaceAll(const std::vector<ScheduledReminder> &reminders)
{
    QJniEnvironment env;
    const jsize count = static_cast<jsize>(reminders.size());
    jclass stringClass = env->FindClass("java/lang/String");
    jobjectArray ids = env->NewObjectArray(count, stringClass, nullptr);
    jobjectArray texts = env->NewObjectArray(count, stringClass, nullptr);
    jlongArray times = env->NewLongArray(count);
    if (!ids || !texts || !times || env.checkAndClearExceptions())
        return makeError(ErrorCode::Internal, u"cannot allocate the reminder arrays"_s);
    std::vector<jlong> millis(reminders.size());
    for (jsize i = 0; i < count; ++i) {
        const ScheduledReminder &reminder = reminders[static_cast<std::size_t>(i)];
        QJniObject id = QJniObject::fromString(reminder.id);
        QJniObject text = QJniObject::fromString(reminder.text);
        env->SetObjectArrayElement(ids, i, id.object<jstring>());
        env->SetObjectArrayElement(texts, i, text.object<jstring>());
        millis[static_cast<std::size_t>(i)] = reminder.fireAt.toMSecsSinceEpoch();
    }
    env->SetLongArrayRegion(times, 0, count, millis.data());

    const QJniObject context = QNativeInterface::QAndroidApplication::context();
    QJniObject::callStaticMethod<void>(
        kJavaClass, "replaceAll",
        "(Landroid/content/Context;[Ljava/lang/String;[J[Ljava/lang/String;)V", context.object(),
        ids, times, texts);
    const bool failed = env.checkAndClearExceptions();
    env->DeleteLocalRef(ids);
    env->DeleteLocalRef(texts);
    env->DeleteLocalRef(times);
    if (failed)
        return makeError(ErrorCode::Io, u"Android refused to schedule the reminders"_s);
    return {};
}

std::unique_ptr<ReminderScheduler> createDeviceReminderScheduler(const QString &)
{
    // The schedule lives with the alarms (device-protected storage), not in the profile folder.
    return std::make_unique<AndroidReminderScheduler>();
}

} // namespace companion::platform
