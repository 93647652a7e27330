#include "platform/reminderdaemon.h"

#include "platform/logging.h"
#include "platform/schedulefile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::platform {

namespace {

// Delivered keys older than this are forgotten (the schedule no longer holds them).
constexpr qint64 kForgetAfterMs = 3LL * 24 * 3600 * 1000;

} // namespace

QString deliveredFilePath(const QString &profileDirectory)
{
    return QDir(profileDirectory).filePath(u"reminders-delivered.json"_s);
}

ReminderDaemon::ReminderDaemon(QString schedulePath, QString deliveredPath, Notifier &notifier,
                               const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_schedulePath(std::move(schedulePath))
    , m_deliveredPath(std::move(deliveredPath))
    , m_notifier(notifier)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReminderDaemon::tick);
}

Result<void> ReminderDaemon::loadDelivered()
{
    if (m_loaded)
        return {};
    QFile file(m_deliveredPath);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, u"cannot read the delivered-reminders file"_s);
        const QJsonObject root = QJsonDocument::fromJson(file.read(kMaxScheduleFileBytes)).object();
        for (const QJsonValue &value : root.value(u"delivered"_s).toArray()) {
            const QJsonObject entry = value.toObject();
            const QString id = entry.value(u"id"_s).toString();
            const qint64 at = static_cast<qint64>(entry.value(u"fireAt"_s).toDouble(-1));
            if (!id.isEmpty() && at >= 0)
                m_delivered.insert({id, at});
        }
    }
    m_loaded = true;
    return {};
}

Result<void> ReminderDaemon::saveDelivered()
{
    const qint64 forgetBefore = m_clock.nowUtc().toMSecsSinceEpoch() - kForgetAfterMs;
    QJsonArray list;
    for (auto it = m_delivered.begin(); it != m_delivered.end();) {
        if (it->second < forgetBefore) {
            it = m_delivered.erase(it);
            continue;
        }
        list.append(
            QJsonObject{{u"id"_s, it->first}, {u"fireAt"_s, static_cast<double>(it->second)}});
        ++it;
    }
    return writeFileAtomically(m_deliveredPath,
                               QJsonDocument(QJsonObject{{u"format"_s, 1}, {u"delivered"_s, list}})
                                   .toJson(QJsonDocument::Compact));
}

Result<int> ReminderDaemon::deliverDue()
{
    COMPANION_TRY(loadDelivered());
    auto schedule = readScheduleFile(m_schedulePath);
    if (!schedule)
        return schedule.error();
    const QDateTime now = m_clock.nowUtc();
    int shown = 0;
    bool changed = false;
    Result<void> failure;
    for (const ScheduledReminder &reminder : *schedule) {
        const Key key{reminder.id, reminder.fireAt.toMSecsSinceEpoch()};
        if (reminder.fireAt > now || m_delivered.count(key))
            continue;
        if (reminder.fireAt.secsTo(now) > kMissedGraceSeconds) {
            m_delivered.insert(key); // too late to be useful; do not try again
            changed = true;
            continue;
        }
        auto result = m_notifier.notify(reminder.text);
        if (!result) {
            failure = result.error();
            continue;
        }
        m_delivered.insert(key);
        changed = true;
        ++shown;
    }
    if (changed)
        COMPANION_TRY(saveDelivered());
    if (shown > 0) {
        qCInfo(lcReminders) << "delivered" << shown << "reminders";
        emit delivered(shown);
    }
    if (!failure)
        return failure.error();
    return shown;
}

QDateTime ReminderDaemon::nextFireAt()
{
    if (!loadDelivered())
        return {};
    auto schedule = readScheduleFile(m_schedulePath);
    if (!schedule)
        return {};
    const QDateTime now = m_clock.nowUtc();
    QDateTime next;
    for (const ScheduledReminder &reminder : *schedule) {
        if (reminder.fireAt <= now ||
            m_delivered.count({reminder.id, reminder.fireAt.toMSecsSinceEpoch()}))
            continue;
        if (!next.isValid() || reminder.fireAt < next)
            next = reminder.fireAt;
    }
    return next;
}

void ReminderDaemon::start()
{
    tick();
}

void ReminderDaemon::tick()
{
    auto result = deliverDue();
    if (!result)
        qCWarning(lcReminders) << "reminder delivery failed:" << errorCodeName(result.error().code);
    qint64 wait = kPollMilliseconds;
    const QDateTime next = nextFireAt();
    if (next.isValid())
        wait = std::clamp<qint64>(m_clock.nowUtc().msecsTo(next), 0, kPollMilliseconds);
    m_timer.start(static_cast<int>(wait));
}

} // namespace companion::platform
