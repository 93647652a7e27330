#include "presentation/plancontroller.h"

#include "common/logging.h"
#include "domain/course.h"
#include "domain/journal.h"
#include "domain/nodrivingwindow.h"
#include "domain/preparationplan.h"
#include "platform/reminderscheduler.h"
#include "presentation/profilebinding.h"
#include "presentation/profilecontroller.h"
#include "storage/appointmentrepository.h"
#include "storage/journalrepository.h"
#include "storage/profile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>

#if defined(Q_OS_LINUX) && !defined(Q_OS_ANDROID)
#include "platform/linux/autostart.h"
#define COMPANION_HAS_REMINDER_SERVICE 1
#endif

#include <algorithm>

namespace companion::presentation {

namespace {

// Journal actions marked "remind me" fire at this hour the day after they were written.
const QTime kActionReminderAt(9, 0);

QString courseTitle(const domain::CourseEntry &entry)
{
    return entry.phase == domain::CoursePhase::Series
               ? PlanController::tr("Infusion %1 of the series").arg(entry.phaseNumber)
               : PlanController::tr("Booster %1").arg(entry.phaseNumber);
}

QString actionReminderId(const RecordId &entryId)
{
    const QByteArray digest = QCryptographicHash::hash(
        (QStringLiteral("companion.action.v1|") + entryId.toString()).toUtf8(),
        QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.left(16).toHex());
}

} // namespace

PlanController::PlanController(ProfileController &profile, const Clock &clock, QTimeZone zone,
                               QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(clock)
    , m_zone(std::move(zone))
{
    if (auto protocol = domain::loadDefaultProtocol())
        m_protocol = std::move(*protocol);
    m_binding = std::make_unique<ProfileBinding>(
        *this, m_profile, [this](storage::Profile &opened) { load(opened); }, [this] { unload(); });
    m_binding->start();
}

PlanController::~PlanController() = default;

void PlanController::setScheduler(platform::ReminderScheduler *scheduler)
{
    m_scheduler = scheduler;
    rebuild();
}

void PlanController::setProtocol(domain::ClinicProtocol protocol)
{
    m_protocol = std::move(protocol);
    rebuild();
}

void PlanController::load(storage::Profile &profile)
{
    m_appointments = std::make_unique<storage::AppointmentRepository>(profile.records());
    m_journal = std::make_unique<storage::JournalRepository>(profile.database(), profile.records());
    refresh();
    emit availableChanged();
    emit appointmentsChanged();
}

void PlanController::unload()
{
    m_appointments.reset();
    m_journal.reset();
    m_inputs = domain::PlanInputs();
    m_selected = RecordId();
    m_appointmentsModel.clear();
    m_checklistModel.clear();
    m_checklistProgress.clear();
    m_fastingText.clear();
    m_ride.reset();
    m_noDrivingState = QStringLiteral("none");
    m_noDrivingText.clear();
    m_morningCheckFor = RecordId();
    m_nextReminders.clear();
    m_errorMessage.clear();
    emit availableChanged();
    emit planChanged();
    emit errorMessageChanged();
}

void PlanController::refresh()
{
    if (!m_appointments)
        return;
    auto inputs = m_appointments->planInputs();
    if (!inputs) {
        setError(tr("Your infusion plan could not be read. Nothing was changed."));
        return;
    }
    m_inputs = std::move(*inputs);
    rebuild();
}

std::vector<QDateTime> PlanController::infusionTimes() const
{
    std::vector<QDateTime> times;
    for (const domain::Appointment &appointment : m_inputs.appointments) {
        if (!appointment.cancelled())
            times.push_back(appointment.body.startsAt);
    }
    return times;
}

domain::CourseStage PlanController::courseStage() const
{
    return domain::courseStageAt(m_protocol.course, m_inputs.appointments, m_clock.nowUtc());
}

QString PlanController::timeLabel(const QDateTime &utc) const
{
    return QLocale().toString(utc.toTimeZone(m_zone), QLocale::ShortFormat);
}

const domain::Appointment *PlanController::selected() const
{
    for (const domain::Appointment &appointment : m_inputs.appointments) {
        if (appointment.id == m_selected)
            return &appointment;
    }
    return nullptr;
}

void PlanController::rebuild()
{
    if (!m_appointments)
        return;
    const QDateTime now = m_clock.nowUtc();
    const std::vector<domain::CourseEntry> course =
        domain::buildCourse(m_protocol.course, m_inputs.appointments, now);

    // The selection: kept while it exists, else the next scheduled appointment, else the latest.
    if (!selected() || selected()->cancelled()) {
        m_selected = RecordId();
        for (const domain::Appointment &appointment : m_inputs.appointments) {
            if (appointment.cancelled())
                continue;
            m_selected = appointment.id;
            if (appointment.body.endsAt() >= now)
                break;
        }
    }

    m_appointmentsModel.clear();
    for (const domain::Appointment &appointment : m_inputs.appointments) {
        QString title = tr("Cancelled appointment");
        for (const domain::CourseEntry &entry : course) {
            if (entry.appointmentId == appointment.id)
                title = courseTitle(entry);
        }
        m_appointmentsModel.append(QVariantMap{
            {QStringLiteral("id"), appointment.id.toString()},
            {QStringLiteral("title"), title},
            {QStringLiteral("whenLabel"), timeLabel(appointment.body.startsAt)},
            {QStringLiteral("past"), appointment.body.endsAt() < now},
            {QStringLiteral("cancelled"), appointment.cancelled()},
            {QStringLiteral("selected"), appointment.id == m_selected},
            {QStringLiteral("fromClinic"),
             appointment.body.source == domain::AppointmentSource::Clinic},
        });
    }

    m_checklistModel.clear();
    m_checklistProgress.clear();
    m_fastingText.clear();
    m_ride.reset();
    if (const domain::Appointment *appointment = selected()) {
        const domain::ChecklistState *state = m_inputs.checklistFor(appointment->id);
        const domain::RidePlan *ride = m_inputs.rideFor(appointment->id);
        if (ride)
            m_ride = *ride;
        int done = 0;
        const std::vector<domain::ChecklistItem> items =
            domain::buildChecklist(m_protocol, appointment->body, state, ride, m_zone);
        for (const domain::ChecklistItem &item : items) {
            done += item.checked ? 1 : 0;
            m_checklistModel.append(QVariantMap{
                {QStringLiteral("id"), item.id},
                {QStringLiteral("title"), item.title},
                {QStringLiteral("detail"), item.detail},
                {QStringLiteral("dueLabel"), tr("By %1").arg(timeLabel(item.dueAt))},
                {QStringLiteral("checked"), item.checked},
                {QStringLiteral("overdue"), !item.checked && item.dueAt < now},
            });
        }
        m_checklistProgress = tr("%1 of %2 done").arg(done).arg(items.size());
        const domain::FastingCountdown fasting =
            domain::fastingCountdown(m_protocol, appointment->body, now);
        if (fasting.secondsToFluidsCutoff > 0) {
            m_fastingText = fasting.secondsToSolidCutoff > 0
                                ? tr("Last solid food by %1 (in %2). Clear fluids until %3.")
                                      .arg(timeLabel(fasting.solidFoodUntil),
                                           domain::durationWords(fasting.secondsToSolidCutoff),
                                           timeLabel(fasting.clearFluidsUntil))
                                : tr("No more solid food. Clear fluids until %1 (in %2).")
                                      .arg(timeLabel(fasting.clearFluidsUntil),
                                           domain::durationWords(fasting.secondsToFluidsCutoff));
        }
    }

    const domain::NoDrivingStatus status = domain::noDrivingStatus(
        m_protocol, m_inputs.appointments, m_inputs.morningChecks, now, m_zone);
    m_noDrivingState = domain::noDrivingStateName(status.state);
    m_noDrivingText = domain::noDrivingMessage(m_protocol, status, m_zone);
    m_morningCheckFor = RecordId();
    if (status.state == domain::NoDrivingState::Active && status.window &&
        now.toTimeZone(m_zone).date() > status.window->startsAt.toTimeZone(m_zone).date())
        m_morningCheckFor = status.window->appointmentId;

    const std::vector<domain::Reminder> planned =
        domain::planReminders(m_protocol, m_inputs, now, m_zone);
    reschedule(planned);
    emit planChanged();
}

void PlanController::reschedule(const std::vector<domain::Reminder> &planned)
{
    const QDateTime now = m_clock.nowUtc();
    struct Shown
    {
        QDateTime at;
        QString text;
        platform::ScheduledReminder scheduled;
    };
    std::vector<Shown> all;
    for (const domain::Reminder &reminder : planned)
        all.push_back({reminder.fireAt,
                       reminder.text,
                       {reminder.id, reminder.fireAt, reminder.lockScreenText}});
    if (m_journal) {
        if (auto entries = m_journal->list()) {
            for (const domain::journal::Entry &action : domain::journal::pendingActions(*entries)) {
                const QDate written = action.createdAt.toTimeZone(m_zone).date();
                const QDateTime fireAt =
                    QDateTime(written.addDays(1), kActionReminderAt, m_zone).toUTC();
                if (fireAt < now)
                    continue;
                all.push_back(
                    {fireAt,
                     tr("Your action: %1").arg(action.body.text),
                     {actionReminderId(action.id), fireAt, m_protocol.reminders.texts.lockScreen}});
            }
        }
    }
    std::sort(all.begin(), all.end(), [](const Shown &a, const Shown &b) { return a.at < b.at; });

    m_nextReminders.clear();
    std::vector<platform::ScheduledReminder> scheduled;
    for (const Shown &shown : all) {
        scheduled.push_back(shown.scheduled);
        if (m_nextReminders.size() < kNextRemindersShown)
            m_nextReminders.append(QVariantMap{{QStringLiteral("whenLabel"), timeLabel(shown.at)},
                                               {QStringLiteral("text"), shown.text}});
    }
    if (!m_scheduler) {
        m_schedulerStatus = tr("Reminders are not delivered on this device.");
        return;
    }
    if (auto done = m_scheduler->replaceAll(scheduled); !done) {
        qCWarning(lcUi) << "reminders: scheduling failed:" << errorCodeName(done.error().code);
        m_schedulerStatus = tr("Reminders could not be handed to this device. Check that "
                               "notifications are allowed for Companion.");
        return;
    }
    m_schedulerStatus =
        tr("%n reminder(s) scheduled on this device.", nullptr, static_cast<int>(scheduled.size()));
}

QString PlanController::selectedId() const
{
    return m_selected.isNull() ? QString() : m_selected.toString();
}

QString PlanController::selectedTitle() const
{
    for (const QVariant &entry : m_appointmentsModel) {
        const QVariantMap map = entry.toMap();
        if (map.value(QStringLiteral("selected")).toBool())
            return map.value(QStringLiteral("title")).toString();
    }
    return {};
}

QString PlanController::selectedWhen() const
{
    const domain::Appointment *appointment = selected();
    if (!appointment)
        return {};
    return tr("%1. Arrive by %2.")
        .arg(timeLabel(appointment->body.startsAt),
             QLocale().toString(
                 appointment->body.startsAt.addSecs(-60LL * m_protocol.arrivalMinutesEarly)
                     .toTimeZone(m_zone)
                     .time(),
                 QLocale::ShortFormat));
}

QString PlanController::selectedDate() const
{
    const domain::Appointment *appointment = selected();
    return appointment ? appointment->body.startsAt.toTimeZone(m_zone).date().toString(Qt::ISODate)
                       : QString();
}

QString PlanController::selectedTime() const
{
    const domain::Appointment *appointment = selected();
    return appointment ? appointment->body.startsAt.toTimeZone(m_zone).time().toString(
                             QStringLiteral("HH:mm"))
                       : QString();
}

bool PlanController::selectedEditable() const
{
    const domain::Appointment *appointment = selected();
    return appointment && !appointment->cancelled() && !selectedFromClinic() &&
           appointment->body.startsAt > m_clock.nowUtc();
}

bool PlanController::selectedFromClinic() const
{
    const domain::Appointment *appointment = selected();
    return appointment && appointment->body.source == domain::AppointmentSource::Clinic;
}

QString PlanController::ridePickup() const
{
    if (!m_ride || !m_ride->pickupAt)
        return {};
    return m_ride->pickupAt->toTimeZone(m_zone).time().toString(QStringLiteral("HH:mm"));
}

QString PlanController::rideCallUri() const
{
    return m_ride ? domain::telLink(m_ride->phone) : QString();
}

std::optional<QDateTime> PlanController::wallClock(const QString &date, const QString &time) const
{
    const QDate day = QDate::fromString(date.trimmed(), Qt::ISODate);
    const QTime at = QTime::fromString(time.trimmed(), QStringLiteral("H:mm"));
    if (!day.isValid() || !at.isValid())
        return std::nullopt;
    const QDateTime local(day, at, m_zone);
    if (!local.isValid())
        return std::nullopt; // a time skipped by a daylight-saving change
    return local.toUTC();
}

bool PlanController::addAppointment(const QString &date, const QString &time)
{
    if (!m_appointments)
        return false;
    const auto at = wallClock(date, time);
    if (!at) {
        setError(tr("Enter the date as YYYY-MM-DD and the time as HH:MM."));
        return false;
    }
    domain::AppointmentBody body;
    body.startsAt = *at;
    body.durationMinutes = m_protocol.defaultAppointmentMinutes;
    auto added = m_appointments->add(body);
    if (!added) {
        setError(tr("The appointment could not be saved."));
        return false;
    }
    clearError();
    m_selected = added->id;
    refresh();
    emit appointmentsChanged();
    return true;
}

bool PlanController::moveSelected(const QString &date, const QString &time)
{
    if (!m_appointments || !selected())
        return false;
    const auto at = wallClock(date, time);
    if (!at) {
        setError(tr("Enter the date as YYYY-MM-DD and the time as HH:MM."));
        return false;
    }
    if (auto moved = m_appointments->move(m_selected, *at); !moved) {
        setError(tr("The appointment could not be moved."));
        return false;
    }
    clearError();
    refresh();
    emit appointmentsChanged();
    return true;
}

bool PlanController::cancelSelected()
{
    if (!m_appointments || !selected())
        return false;
    if (auto cancelled = m_appointments->cancel(m_selected); !cancelled) {
        setError(tr("The appointment could not be cancelled."));
        return false;
    }
    clearError();
    m_selected = RecordId();
    refresh();
    emit appointmentsChanged();
    return true;
}

void PlanController::select(const QString &appointmentId)
{
    const RecordId id = RecordId::fromString(appointmentId);
    if (id.isNull() || id == m_selected)
        return;
    m_selected = id;
    rebuild();
}

bool PlanController::setChecked(const QString &itemId, bool checked)
{
    if (!m_appointments || !selected())
        return false;
    if (auto saved = m_appointments->setChecked(m_selected, itemId, checked, m_clock.nowUtc());
        !saved) {
        setError(tr("This item could not be saved."));
        return false;
    }
    refresh();
    return true;
}

bool PlanController::saveRide(const QString &driver, const QString &phone, const QString &pickup,
                              bool confirmed)
{
    const domain::Appointment *appointment = selected();
    if (!m_appointments || !appointment)
        return false;
    domain::RidePlan plan;
    plan.appointmentId = appointment->id;
    plan.driverName = driver.trimmed();
    plan.phone = phone.trimmed();
    plan.confirmed = confirmed;
    if (!pickup.trimmed().isEmpty()) {
        const auto at = wallClock(
            appointment->body.startsAt.toTimeZone(m_zone).date().toString(Qt::ISODate), pickup);
        if (!at) {
            setError(tr("Enter the pick-up time as HH:MM."));
            return false;
        }
        plan.pickupAt = *at;
    }
    if (auto saved = m_appointments->setRide(plan); !saved) {
        setError(tr("The ride could not be saved: %1").arg(saved.error().message));
        return false;
    }
    clearError();
    refresh();
    return true;
}

bool PlanController::morningCheck(bool slept, bool clearHeaded)
{
    if (!m_appointments || m_morningCheckFor.isNull())
        return false;
    domain::MorningCheck check;
    check.appointmentId = m_morningCheckFor;
    check.answeredAt = m_clock.nowUtc();
    check.slept = slept;
    check.clearHeaded = clearHeaded;
    if (auto saved = m_appointments->recordMorningCheck(check); !saved) {
        setError(tr("Your answer could not be saved."));
        return false;
    }
    refresh();
    return true;
}

QString PlanController::reminderServiceProgram()
{
#ifdef COMPANION_HAS_REMINDER_SERVICE
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QStringLiteral("companion-cli")),
                                     here.filePath(QStringLiteral("../cli/companion-cli"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
#endif
    return {};
}

bool PlanController::backgroundReminders() const
{
#ifdef COMPANION_HAS_REMINDER_SERVICE
    return platform::autostart::isEnabled();
#else
    return false;
#endif
}

void PlanController::setBackgroundReminders(bool on)
{
#ifdef COMPANION_HAS_REMINDER_SERVICE
    const QString program = reminderServiceProgram();
    if (program.isEmpty() || on == backgroundReminders())
        return;
    const QStringList arguments{QStringLiteral("reminders"), QStringLiteral("daemon"),
                                QStringLiteral("--profile"),
                                QFileInfo(m_profile.profileDirectory()).absoluteFilePath()};
    const auto done =
        on ? platform::autostart::enable(program, arguments) : platform::autostart::disable();
    if (!done) {
        setError(tr("The background reminder service could not be set up."));
        return;
    }
    // Start it now too, so reminders fire tonight even before the next login. It needs no
    // passphrase: it reads only the schedule file (times and generic text).
    if (on && !QProcess::startDetached(program, arguments))
        setError(tr("The background reminder service did not start; it will start at your next "
                    "login."));
    emit backgroundRemindersChanged();
#else
    Q_UNUSED(on);
#endif
}

void PlanController::setError(const QString &message)
{
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void PlanController::clearError()
{
    setError(QString());
}

} // namespace companion::presentation
