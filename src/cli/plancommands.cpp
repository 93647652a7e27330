#include "cli/plancommands.h"

#include "domain/course.h"
#include "domain/diaryentry.h"
#include "domain/icsexport.h"
#include "domain/protocol.h"
#include "platform/filereminderscheduler.h"
#include "platform/reminderdaemon.h"
#include "platform/schedulefile.h"
#include "storage/appointmentrepository.h"
#include "sync/clinicinbox.h"

#if defined(Q_OS_LINUX) && !defined(Q_OS_ANDROID)
#define COMPANION_DESKTOP_REMINDERS 1
#include "platform/linux/autostart.h"
#include "platform/linux/dbusnotifier.h"
#endif

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace companion::cli {

namespace {

using domain::Appointment;
using storage::AppointmentRepository;

Error usageError(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

void printJson(const Console &console, const QJsonObject &object)
{
    console.print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + u'\n');
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(domain::toIsoUtc(time)) : QJsonValue(QJsonValue::Null);
}

Result<RecordId> appointmentId(const QString &text)
{
    const RecordId id = RecordId::fromString(text.trimmed());
    if (id.isNull())
        return usageError(u"the appointment id must be an id from \"appointment list\""_s);
    return id;
}

// TIME for plan commands: like parseCliTime, except that a time without a zone (or a date
// alone) is on the wall clock of --time-zone, not the machine's: "2030-03-12T10:00" is 10:00
// where the patient is.
Result<QDateTime> planTime(const QString &value, const QString &option, const QTimeZone &zone)
{
    const QString trimmed = value.trimmed();
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), zone);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (date.isValid())
            time = QDateTime(date, QTime(0, 0), zone);
    }
    if (!time.isValid() || time.date().year() < 2000 || time.date().year() > 2200)
        return usageError(
            u"%1 must be an ISO 8601 date or time, e.g. 2026-03-01T09:30:00Z"_s.arg(option));
    return time.toUTC();
}

Result<QDateTime> timeOption(const QString &value, const QString &option, const Clock &clock,
                             const QTimeZone &zone)
{
    if (value.isEmpty())
        return clock.nowUtc();
    return planTime(value, option, zone);
}

Result<int> durationOption(const QString &value, int fallback)
{
    if (value.isEmpty())
        return fallback;
    bool ok = false;
    const int minutes = value.trimmed().toInt(&ok);
    if (!ok || minutes < domain::kMinAppointmentMinutes || minutes > domain::kMaxAppointmentMinutes)
        return usageError(u"--duration-min must be whole minutes from %1 to %2"_s
                              .arg(domain::kMinAppointmentMinutes)
                              .arg(domain::kMaxAppointmentMinutes));
    return minutes;
}

QString localText(const QDateTime &time, const QTimeZone &zone)
{
    return time.toTimeZone(zone).toString(u"ddd d MMM yyyy HH:mm"_s);
}

// Everything a plan command needs once the profile is open.
struct PlanContext
{
    domain::ClinicProtocol protocol;
    QTimeZone zone;
};

Result<PlanContext> context(const CliArguments &args, storage::Profile &profile)
{
    // The clinic's protocol once sync brought one (docs/sync-protocol.md), else the default.
    auto protocol = sync::protocolInUse(profile.database());
    if (!protocol)
        return protocol.error();
    auto zone = parseTimeZone(args.timeZone);
    if (!zone)
        return zone.error();
    return PlanContext{std::move(*protocol), *zone};
}

// Rewrites the schedule file from the plan: every future reminder as id, time, generic text.
Result<int> refreshSchedule(const CliArguments &args, AppointmentRepository &appointments,
                            const PlanContext &plan, const Clock &clock)
{
    auto inputs = appointments.planInputs();
    if (!inputs)
        return inputs.error();
    const auto reminders = domain::planReminders(plan.protocol, *inputs, clock.nowUtc(), plan.zone);
    platform::FileReminderScheduler scheduler(platform::scheduleFilePath(args.profileDirectory));
    COMPANION_TRY(scheduler.replaceAll(toScheduled(reminders)));
    return static_cast<int>(reminders.size());
}

Result<void> appointmentAdd(const CliArguments &args, AppointmentRepository &appointments,
                            const PlanContext &plan, const Console &console, const Clock &clock)
{
    domain::AppointmentBody body;
    auto at = planTime(args.at, u"--at"_s, plan.zone);
    if (!at)
        return at.error();
    body.startsAt = *at;
    auto minutes = durationOption(args.durationMinutes, plan.protocol.defaultAppointmentMinutes);
    if (!minutes)
        return minutes.error();
    body.durationMinutes = *minutes;
    auto added = appointments.add(body);
    if (!added)
        return added.error();
    auto scheduled = refreshSchedule(args, appointments, plan, clock);
    if (!scheduled)
        return scheduled.error();
    if (args.json)
        printJson(console, QJsonObject{{u"id"_s, added->id.toString()}});
    else
        console.print(added->id.toString() + u'\n');
    return {};
}

Result<void> appointmentMove(const CliArguments &args, AppointmentRepository &appointments,
                             const PlanContext &plan, const Console &console, const Clock &clock)
{
    auto id = appointmentId(args.positional.value(0));
    if (!id)
        return id.error();
    auto at = planTime(args.at, u"--at"_s, plan.zone);
    if (!at)
        return at.error();
    std::optional<int> minutes;
    if (!args.durationMinutes.isEmpty()) {
        auto parsed = durationOption(args.durationMinutes, 0);
        if (!parsed)
            return parsed.error();
        minutes = *parsed;
    }
    auto moved = appointments.move(*id, *at, minutes);
    if (!moved)
        return moved.error();
    auto scheduled = refreshSchedule(args, appointments, plan, clock);
    if (!scheduled)
        return scheduled.error();
    console.print(
        u"Moved the appointment to %1. Its checklist and reminders moved with it.\n"_s.arg(
            localText(moved->body.startsAt, plan.zone)));
    return {};
}

Result<void> appointmentCancel(const CliArguments &args, AppointmentRepository &appointments,
                               const PlanContext &plan, const Console &console, const Clock &clock)
{
    auto id = appointmentId(args.positional.value(0));
    if (!id)
        return id.error();
    auto cancelled = appointments.cancel(*id);
    if (!cancelled)
        return cancelled.error();
    auto scheduled = refreshSchedule(args, appointments, plan, clock);
    if (!scheduled)
        return scheduled.error();
    console.print(u"Cancelled the appointment of %1; its reminders are removed.\n"_s.arg(
        localText(cancelled->body.startsAt, plan.zone)));
    return {};
}

Result<void> appointmentList(const CliArguments &args, AppointmentRepository &appointments,
                             const PlanContext &plan, const Console &console, const Clock &clock)
{
    auto list = appointments.list();
    if (!list)
        return list.error();
    const QDateTime now = clock.nowUtc();
    const auto course = domain::buildCourse(plan.protocol.course, *list, now);
    const auto stage = domain::courseStageAt(plan.protocol.course, *list, now);
    QJsonArray items;
    QString text = u"Course: %1\n"_s.arg(domain::courseStageName(stage));
    for (const Appointment &appointment : *list) {
        QJsonObject object = appointmentToJson(appointment);
        QString phase = u"cancelled"_s;
        for (const domain::CourseEntry &entry : course) {
            if (entry.appointmentId != appointment.id)
                continue;
            object.insert(u"number"_s, entry.number);
            object.insert(u"phase"_s, domain::coursePhaseName(entry.phase));
            object.insert(u"phaseNumber"_s, entry.phaseNumber);
            phase = u"%1 %2"_s.arg(domain::coursePhaseName(entry.phase)).arg(entry.phaseNumber);
        }
        items.append(object);
        text += u"%1  %2  %3\n"_s.arg(appointment.id.toString(),
                                      localText(appointment.body.startsAt, plan.zone), phase);
    }
    if (args.json)
        printJson(console, QJsonObject{{u"appointments"_s, items},
                                       {u"courseStage"_s, domain::courseStageName(stage)}});
    else
        console.print(text);
    return {};
}

Result<void> planShow(const CliArguments &args, AppointmentRepository &appointments,
                      const PlanContext &plan, const Console &console, const Clock &clock)
{
    auto id = appointmentId(args.positional.value(0));
    if (!id)
        return id.error();
    auto now = timeOption(args.at, u"--at"_s, clock, plan.zone);
    if (!now)
        return now.error();
    auto appointment = appointments.get(*id);
    if (!appointment)
        return appointment.error();
    auto state = appointments.checklist(*id);
    if (!state)
        return state.error();
    auto ride = appointments.ride(*id);
    if (!ride)
        return ride.error();
    auto check = appointments.morningCheck(*id);
    if (!check)
        return check.error();
    const auto items = domain::buildChecklist(plan.protocol, appointment->body, &*state,
                                              *ride ? &**ride : nullptr, plan.zone);
    const auto fasting = domain::fastingCountdown(plan.protocol, appointment->body, *now);
    const auto window = domain::noDrivingWindow(plan.protocol, *appointment,
                                                *check ? &**check : nullptr, plan.zone);

    if (args.json) {
        QJsonArray list;
        for (const domain::ChecklistItem &item : items)
            list.append(checklistItemToJson(item));
        QJsonValue rideJson(QJsonValue::Null);
        if (*ride) {
            const domain::RidePlan &r = **ride;
            rideJson = QJsonObject{{u"driverName"_s, r.driverName},
                                   {u"phone"_s, r.phone},
                                   {u"tel"_s, domain::telLink(r.phone)},
                                   {u"pickupAt"_s, r.pickupAt ? timeOrNull(*r.pickupAt)
                                                              : QJsonValue(QJsonValue::Null)},
                                   {u"confirmed"_s, r.confirmed}};
        }
        printJson(
            console,
            QJsonObject{
                {u"appointment"_s, appointmentToJson(*appointment)},
                {u"items"_s, list},
                {u"fasting"_s,
                 QJsonObject{{u"solidFoodUntil"_s, timeOrNull(fasting.solidFoodUntil)},
                             {u"clearFluidsUntil"_s, timeOrNull(fasting.clearFluidsUntil)},
                             {u"secondsToSolidCutoff"_s, fasting.secondsToSolidCutoff},
                             {u"secondsToFluidsCutoff"_s, fasting.secondsToFluidsCutoff}}},
                {u"ride"_s, rideJson},
                {u"noDriving"_s, QJsonObject{{u"startsAt"_s, timeOrNull(window.startsAt)},
                                             {u"minimumEndsAt"_s, timeOrNull(window.minimumEndsAt)},
                                             {u"nextMorningAt"_s, timeOrNull(window.nextMorningAt)},
                                             {u"endsAt"_s, timeOrNull(window.endsAt)}}},
                {u"timeZone"_s, QString::fromUtf8(plan.zone.id())}});
        return {};
    }
    QString text =
        u"Appointment %1 (%2)\n"_s.arg(localText(appointment->body.startsAt, plan.zone),
                                       domain::appointmentStatusName(appointment->body.status));
    for (const domain::ChecklistItem &item : items)
        text += u"  [%1] %2  %3  (%4)\n"_s.arg(
            item.checked ? u"x"_s : u" "_s, localText(item.dueAt, plan.zone), item.title, item.id);
    if (fasting.secondsToSolidCutoff > 0)
        text += u"No solid food from %1 (%2 from now).\n"_s.arg(
            localText(fasting.solidFoodUntil, plan.zone),
            domain::durationWords(fasting.secondsToSolidCutoff));
    if (*ride)
        text += u"Ride: %1, %2 (%3)\n"_s.arg((*ride)->driverName, domain::telLink((*ride)->phone),
                                             (*ride)->confirmed ? u"confirmed"_s
                                                                : u"not confirmed yet"_s);
    else
        text += u"Ride: not planned yet (companion-cli ride set).\n"_s;
    text += u"No driving from %1 until %2.\n"_s.arg(localText(window.startsAt, plan.zone),
                                                    localText(window.endsAt, plan.zone));
    console.print(text);
    return {};
}

Result<void> planCheck(const CliArguments &args, AppointmentRepository &appointments,
                       const PlanContext &plan, const Console &console, const Clock &clock)
{
    auto id = appointmentId(args.positional.value(0));
    if (!id)
        return id.error();
    const QString item = args.positional.value(1);
    const bool known = std::any_of(plan.protocol.checklist.begin(), plan.protocol.checklist.end(),
                                   [&](const auto &entry) { return entry.id == item; });
    if (!known)
        return usageError(u"unknown checklist item; see the ids in \"plan show\""_s);
    const QString state = args.positional.value(2).toLower();
    if (state != u"on" && state != u"off")
        return usageError(u"plan check takes on or off"_s);
    auto updated = appointments.setChecked(*id, item, state == u"on", clock.nowUtc());
    if (!updated)
        return updated.error();
    auto scheduled = refreshSchedule(args, appointments, plan, clock);
    if (!scheduled)
        return scheduled.error();
    console.print(state == u"on" ? u"Checked %1.\n"_s.arg(item) : u"Unchecked %1.\n"_s.arg(item));
    return {};
}

Result<void> rideSet(const CliArguments &args, AppointmentRepository &appointments,
                     const PlanContext &plan, const Console &console, const Clock &clock)
{
    auto id = appointmentId(args.positional.value(0));
    if (!id)
        return id.error();
    domain::RidePlan ride;
    ride.appointmentId = *id;
    ride.driverName = args.driver.trimmed();
    ride.phone = args.phone.trimmed();
    ride.confirmed = args.confirmed;
    if (!args.pickup.isEmpty()) {
        auto pickup = planTime(args.pickup, u"--pickup"_s, plan.zone);
        if (!pickup)
            return pickup.error();
        ride.pickupAt = *pickup;
    }
    auto saved = appointments.setRide(ride);
    if (!saved)
        return saved.error();
    auto scheduled = refreshSchedule(args, appointments, plan, clock);
    if (!scheduled)
        return scheduled.error();
    console.print(u"Ride saved (%1). Call: %2\n"_s.arg(
        ride.confirmed ? u"confirmed"_s
                       : u"not confirmed yet; you will be reminded the day before and that "
                         u"morning"_s,
        domain::telLink(ride.phone)));
    return {};
}

Result<void> remindersList(const CliArguments &args, AppointmentRepository &appointments,
                           const PlanContext &plan, const Console &console, const Clock &clock)
{
    auto from = timeOption(args.from, u"--from"_s, clock, plan.zone);
    if (!from)
        return from.error();
    QDateTime to;
    if (!args.to.isEmpty()) {
        auto parsed = planTime(args.to, u"--to"_s, plan.zone);
        if (!parsed)
            return parsed.error();
        to = *parsed;
        if (!(*from < to))
            return usageError(u"--from must be before --to"_s);
    }
    auto inputs = appointments.planInputs();
    if (!inputs)
        return inputs.error();
    QJsonArray list;
    QString text;
    for (const domain::Reminder &reminder :
         domain::planReminders(plan.protocol, *inputs, *from, plan.zone)) {
        if (to.isValid() && reminder.fireAt >= to)
            break;
        list.append(reminderToJson(reminder));
        text += u"%1  %2  %3\n"_s.arg(localText(reminder.fireAt, plan.zone),
                                      domain::reminderKindName(reminder.kind).leftJustified(16),
                                      reminder.text);
    }
    if (args.json)
        printJson(console, QJsonObject{{u"reminders"_s, list}});
    else
        console.print(text.isEmpty() ? u"No reminders ahead.\n"_s : text);
    return {};
}

Result<void> noDrivingStatusCommand(const CliArguments &args, AppointmentRepository &appointments,
                                    const PlanContext &plan, const Console &console,
                                    const Clock &clock)
{
    auto now = timeOption(args.at, u"--at"_s, clock, plan.zone);
    if (!now)
        return now.error();
    auto inputs = appointments.planInputs();
    if (!inputs)
        return inputs.error();
    const auto status = domain::noDrivingStatus(plan.protocol, inputs->appointments,
                                                inputs->morningChecks, *now, plan.zone);
    if (args.json)
        printJson(console, noDrivingToJson(status));
    else
        console.print((status.message.isEmpty() ? u"No no-driving window now."_s : status.message) +
                      u'\n');
    return {};
}

Result<void> morningCheck(const CliArguments &args, AppointmentRepository &appointments,
                          const PlanContext &plan, const Console &console, const Clock &clock)
{
    auto id = appointmentId(args.positional.value(0));
    if (!id)
        return id.error();
    auto slept = parseYesNo(args.slept, u"--slept"_s);
    if (!slept)
        return slept.error();
    auto clear = parseYesNo(args.clearHeaded, u"--clear-headed"_s);
    if (!clear)
        return clear.error();
    auto at = timeOption(args.at, u"--at"_s, clock, plan.zone);
    if (!at)
        return at.error();
    auto appointment = appointments.get(*id);
    if (!appointment)
        return appointment.error();
    if (appointment->cancelled())
        return usageError(u"that appointment was cancelled"_s);
    if (*at < appointment->body.endsAt())
        return usageError(u"the morning check-in is for after the infusion"_s);
    auto recorded = appointments.recordMorningCheck({*id, *at, *slept, *clear});
    if (!recorded)
        return recorded.error();
    auto scheduled = refreshSchedule(args, appointments, plan, clock);
    if (!scheduled)
        return scheduled.error();
    // The status of this appointment's window, at the time of the check-in.
    const auto status =
        domain::noDrivingStatus(plan.protocol, {*appointment}, {*recorded}, *at, plan.zone);
    console.print(u"Thank you for your check-in. "_s + status.message + u'\n');
    return {};
}

} // namespace

Result<QTimeZone> parseTimeZone(const QString &text)
{
    if (text.isEmpty())
        return QTimeZone::systemTimeZone();
    const QTimeZone zone(text.trimmed().toUtf8());
    if (!zone.isValid())
        return usageError(u"--time-zone must be an IANA time zone such as Europe/Berlin"_s);
    return zone;
}

Result<bool> parseYesNo(const QString &text, const QString &option)
{
    const QString value = text.trimmed().toLower();
    if (value == u"yes")
        return true;
    if (value == u"no")
        return false;
    return usageError(u"%1 takes yes or no"_s.arg(option));
}

std::vector<platform::ScheduledReminder> toScheduled(const std::vector<domain::Reminder> &plan)
{
    std::vector<platform::ScheduledReminder> scheduled;
    scheduled.reserve(plan.size());
    // Only the lock-screen text leaves the profile: never `text`, which can name the driver.
    for (const domain::Reminder &reminder : plan)
        scheduled.push_back({reminder.id, reminder.fireAt, reminder.lockScreenText});
    return scheduled;
}

QJsonObject appointmentToJson(const Appointment &appointment)
{
    QJsonObject object{{u"id"_s, appointment.id.toString()},
                       {u"version"_s, static_cast<qint64>(appointment.version)},
                       {u"startsAt"_s, domain::toIsoUtc(appointment.body.startsAt)},
                       {u"endsAt"_s, domain::toIsoUtc(appointment.body.endsAt())},
                       {u"durationMinutes"_s, appointment.body.durationMinutes},
                       {u"status"_s, domain::appointmentStatusName(appointment.body.status)},
                       {u"source"_s, domain::appointmentSourceName(appointment.body.source)}};
    if (!appointment.body.location.isEmpty())
        object.insert(u"location"_s, appointment.body.location);
    return object;
}

QJsonObject checklistItemToJson(const domain::ChecklistItem &item)
{
    return QJsonObject{{u"id"_s, item.id},
                       {u"title"_s, item.title},
                       {u"detail"_s, item.detail},
                       {u"category"_s, item.category},
                       {u"dueAt"_s, domain::toIsoUtc(item.dueAt)},
                       {u"checked"_s, item.checked},
                       {u"checkedAt"_s, timeOrNull(item.checkedAt)},
                       {u"remind"_s, item.remind}};
}

QJsonObject reminderToJson(const domain::Reminder &reminder)
{
    QJsonObject object{{u"id"_s, reminder.id},
                       {u"appointmentId"_s, reminder.appointmentId.toString()},
                       {u"kind"_s, domain::reminderKindName(reminder.kind)},
                       {u"fireAt"_s, domain::toIsoUtc(reminder.fireAt)},
                       {u"text"_s, reminder.text},
                       {u"lockScreenText"_s, reminder.lockScreenText}};
    if (!reminder.itemId.isEmpty())
        object.insert(u"itemId"_s, reminder.itemId);
    return object;
}

QJsonObject noDrivingToJson(const domain::NoDrivingStatus &status)
{
    QJsonObject object{{u"state"_s, domain::noDrivingStateName(status.state)},
                       {u"secondsRemaining"_s, status.secondsRemaining},
                       {u"message"_s, status.message}};
    if (status.window) {
        const domain::NoDrivingWindow &window = *status.window;
        object.insert(u"appointmentId"_s, window.appointmentId.toString());
        object.insert(u"startsAt"_s, timeOrNull(window.startsAt));
        object.insert(u"minimumEndsAt"_s, timeOrNull(window.minimumEndsAt));
        object.insert(u"nextMorningAt"_s, timeOrNull(window.nextMorningAt));
        object.insert(u"endsAt"_s, timeOrNull(window.endsAt));
        object.insert(u"endedEarlyByCheck"_s, window.endedEarlyByCheck);
        object.insert(u"checkReceived"_s, window.checkReceived);
        object.insert(u"checkSaysNotReady"_s, window.checkSaysNotReady);
    }
    return object;
}

Result<void> runPlanCommand(const CliArguments &args, storage::Profile &profile,
                            const Console &console, const Clock &clock)
{
    auto plan = context(args, profile);
    if (!plan)
        return plan.error();
    AppointmentRepository appointments(profile.records());
    switch (args.command) {
    case Command::AppointmentAdd:
        return appointmentAdd(args, appointments, *plan, console, clock);
    case Command::AppointmentMove:
        return appointmentMove(args, appointments, *plan, console, clock);
    case Command::AppointmentCancel:
        return appointmentCancel(args, appointments, *plan, console, clock);
    case Command::AppointmentList:
        return appointmentList(args, appointments, *plan, console, clock);
    case Command::PlanShow:
        return planShow(args, appointments, *plan, console, clock);
    case Command::PlanCheck:
        return planCheck(args, appointments, *plan, console, clock);
    case Command::RideSet:
        return rideSet(args, appointments, *plan, console, clock);
    case Command::RemindersList:
        return remindersList(args, appointments, *plan, console, clock);
    case Command::NoDrivingStatus:
        return noDrivingStatusCommand(args, appointments, *plan, console, clock);
    case Command::NoDrivingMorningCheck:
        return morningCheck(args, appointments, *plan, console, clock);
    default:
        return makeError(ErrorCode::Internal, u"not a plan command"_s);
    }
}

Result<void> runExportIcs(const CliArguments &args, storage::Profile &profile,
                          const Console &console, const Clock &clock)
{
    auto plan = context(args, profile);
    if (!plan)
        return plan.error();
    AppointmentRepository appointments(profile.records());
    auto inputs = appointments.planInputs();
    if (!inputs)
        return inputs.error();
    const QByteArray bytes = domain::buildIcs(plan->protocol, *inputs, clock.nowUtc(), plan->zone);
    auto fd = createPrivateFile(args.out);
    if (!fd)
        return fd.error();
    const bool written =
        writeAll(*fd, std::span(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                static_cast<std::size_t>(bytes.size()))) &&
        ::fsync(*fd) == 0;
    if (::close(*fd) != 0 || !written) {
        ::unlink(QFile::encodeName(args.out).constData());
        return makeError(ErrorCode::Io, u"could not write %1"_s.arg(args.out));
    }
    console.print(u"Exported %1 appointments to %2 (readable only by you).\n"_s.arg(
        QString::number(inputs->appointments.size()), args.out));
    return {};
}

Result<void> runRemindersDaemon(const CliArguments &args, const Console &console)
{
#ifdef COMPANION_DESKTOP_REMINDERS
    const QString directory = args.profileDirectory;
    if (!QFileInfo(directory).isDir())
        return makeError(ErrorCode::NotFound, u"there is no profile folder %1"_s.arg(directory));
    platform::DbusNotifier notifier;
    platform::ReminderDaemon daemon(platform::scheduleFilePath(directory),
                                    platform::deliveredFilePath(directory), notifier,
                                    SystemClock::instance());
    // Fails fast when there is no notification service to talk to.
    if (auto probe = QDBusConnection::sessionBus(); !probe.isConnected())
        return makeError(ErrorCode::Unsupported,
                         u"no D-Bus session bus: reminders cannot be shown on this desktop"_s);
    console.printError(
        u"companion-cli: delivering reminders from %1 until stopped\n"_s.arg(directory));
    daemon.start();
    if (QCoreApplication::exec() != 0)
        return makeError(ErrorCode::Internal, u"the reminder service stopped"_s);
    return {};
#else
    Q_UNUSED(args);
    Q_UNUSED(console);
    return makeError(ErrorCode::Unsupported, u"the reminder service runs on Linux desktops"_s);
#endif
}

Result<void> runRemindersAutostart(const CliArguments &args, const Console &console)
{
#ifdef COMPANION_DESKTOP_REMINDERS
    const QString state = args.positional.value(0).toLower();
    if (state == u"off") {
        COMPANION_TRY(platform::autostart::disable());
        console.print(u"Reminders will no longer start at login.\n"_s);
        return {};
    }
    if (state != u"on")
        return usageError(u"reminders autostart takes on or off"_s);
    const QString directory = QFileInfo(args.profileDirectory).absoluteFilePath();
    if (!QFileInfo(directory).isDir())
        return makeError(ErrorCode::NotFound, u"there is no profile folder %1"_s.arg(directory));
    COMPANION_TRY(
        platform::autostart::enable(QCoreApplication::applicationFilePath(),
                                    {u"reminders"_s, u"daemon"_s, u"--profile"_s, directory}));
    console.print(u"Reminders will start at login (%1).\n"_s.arg(platform::autostart::entryPath()));
    return {};
#else
    Q_UNUSED(args);
    Q_UNUSED(console);
    return makeError(ErrorCode::Unsupported, u"autostart is for Linux desktops"_s);
#endif
}

} // namespace companion::cli
