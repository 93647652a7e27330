#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "platform/notifier.h"
#include "platform/reminderscheduler.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <set>
#include <utility>

namespace companion::platform {

// The background reminder service of the Linux desktop: reads the schedule file (never the
// encrypted profile, so it runs while the profile is locked and the app is closed) and shows
// each reminder through a Notifier when its time comes.
//
// What was delivered is remembered in a small state file (<dir>/reminders-delivered.json, 0600:
// opaque ids and times only) so a restart does not repeat a reminder; the key is (id, fireAt),
// so a reminder whose appointment moved fires again at its new time. A reminder more than
// kMissedGraceSeconds late (the computer was off or asleep) is dropped rather than delivered in
// a burst of stale alerts; the in-app "next reminders" list still shows what is coming.
class ReminderDaemon : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kMissedGraceSeconds = 12 * 3600;
    // The schedule file is re-read at least this often: edits by the app or the CLI, and a
    // suspend/resume that QTimer does not notice, are picked up within a minute.
    static constexpr int kPollMilliseconds = 60 * 1000;

    ReminderDaemon(QString schedulePath, QString deliveredPath, Notifier &notifier,
                   const Clock &clock, QObject *parent = nullptr);

    // Delivers every due, undelivered reminder; returns how many were shown. A notifier failure
    // leaves the reminder undelivered, to be tried again on the next tick.
    Result<int> deliverDue();
    // The earliest undelivered reminder after now, or an invalid time.
    QDateTime nextFireAt();

    // deliverDue() now, then again at the next fire time (or after kPollMilliseconds).
    void start();

signals:
    void delivered(int count);

private:
    using Key = std::pair<QString, qint64>; // id, fireAt in ms since the epoch
    void tick();
    Result<void> loadDelivered();
    Result<void> saveDelivered();

    QString m_schedulePath;
    QString m_deliveredPath;
    Notifier &m_notifier;
    const Clock &m_clock;
    std::set<Key> m_delivered;
    bool m_loaded = false;
    QTimer m_timer;
};

// <dir>/reminders-delivered.json
QString deliveredFilePath(const QString &profileDirectory);

} // namespace companion::platform
