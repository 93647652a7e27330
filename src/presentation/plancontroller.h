#pragma once

#include "common/clock.h"
#include "domain/appointment.h"
#include "domain/course.h"
#include "domain/protocol.h"
#include "domain/reminderplanner.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTimeZone>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace companion::platform {
class ReminderScheduler;
}
namespace companion::storage {
class AppointmentRepository;
class JournalRepository;
class Profile;
} // namespace companion::storage

namespace companion::presentation {

class ProfileBinding;
class ProfileController;

// The infusion plan as the Prepare page and Today see it: appointments and the course, the
// selected appointment's preparation checklist (with the fasting countdown), its ride plan, the
// no-driving window, and the next reminders. After every change the complete future reminder
// list goes to the platform scheduler (times, opaque ids and the generic lock-screen text only),
// so reminders fire while the app is closed or locked; "next reminders" shows the same list, so a
// silent failure is visible.
//
// Journal actions marked "remind me" join the reminders: 09:00 (patient's zone) the day after
// they were written.
class PlanController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    // [{id, title, whenLabel, past, cancelled, selected, fromClinic}] by start time
    Q_PROPERTY(QVariantList appointments READ appointments NOTIFY planChanged)
    Q_PROPERTY(bool hasAppointments READ hasAppointments NOTIFY planChanged)
    Q_PROPERTY(QString selectedId READ selectedId NOTIFY planChanged)
    Q_PROPERTY(QString selectedTitle READ selectedTitle NOTIFY planChanged)
    Q_PROPERTY(QString selectedWhen READ selectedWhen NOTIFY planChanged)
    Q_PROPERTY(QString selectedDate READ selectedDate NOTIFY planChanged)
    Q_PROPERTY(QString selectedTime READ selectedTime NOTIFY planChanged)
    Q_PROPERTY(bool selectedEditable READ selectedEditable NOTIFY planChanged)
    // The clinic booked it (through sync): only the clinic moves or cancels it.
    Q_PROPERTY(bool selectedFromClinic READ selectedFromClinic NOTIFY planChanged)
    Q_PROPERTY(QString fastingText READ fastingText NOTIFY planChanged)
    // [{id, title, detail, dueLabel, checked, overdue}] in due order
    Q_PROPERTY(QVariantList checklist READ checklist NOTIFY planChanged)
    Q_PROPERTY(QString checklistProgress READ checklistProgress NOTIFY planChanged)
    Q_PROPERTY(bool hasRide READ hasRide NOTIFY planChanged)
    Q_PROPERTY(QString rideDriver READ rideDriver NOTIFY planChanged)
    Q_PROPERTY(QString ridePhone READ ridePhone NOTIFY planChanged)
    Q_PROPERTY(QString ridePickup READ ridePickup NOTIFY planChanged)
    Q_PROPERTY(bool rideConfirmed READ rideConfirmed NOTIFY planChanged)
    Q_PROPERTY(QString rideCallUri READ rideCallUri NOTIFY planChanged)
    // "none", "upcoming", "active", "ended"
    Q_PROPERTY(QString noDrivingState READ noDrivingState NOTIFY planChanged)
    Q_PROPERTY(QString noDrivingText READ noDrivingText NOTIFY planChanged)
    Q_PROPERTY(bool canMorningCheck READ canMorningCheck NOTIFY planChanged)
    // [{whenLabel, text}] the next reminders, soonest first
    Q_PROPERTY(QVariantList nextReminders READ nextReminders NOTIFY planChanged)
    Q_PROPERTY(QString schedulerStatus READ schedulerStatus NOTIFY planChanged)
    // Linux desktop: the background reminder service (companion-cli reminders daemon) that fires
    // reminders while the app is closed, started now and at every login (XDG autostart, opt-in).
    Q_PROPERTY(bool backgroundRemindersAvailable READ backgroundRemindersAvailable CONSTANT)
    Q_PROPERTY(bool backgroundReminders READ backgroundReminders WRITE setBackgroundReminders NOTIFY
                   backgroundRemindersChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    static constexpr int kNextRemindersShown = 8;

    PlanController(ProfileController &profile, const Clock &clock = SystemClock::instance(),
                   QTimeZone zone = QTimeZone::systemTimeZone(), QObject *parent = nullptr);
    ~PlanController() override;

    // Where planned reminders go (the Linux schedule file, Android, iOS); null: nowhere (tests).
    void setScheduler(platform::ReminderScheduler *scheduler);
    void setProtocol(domain::ClinicProtocol protocol);

    bool available() const { return m_appointments != nullptr; }
    QVariantList appointments() const { return m_appointmentsModel; }
    bool hasAppointments() const { return !m_inputs.appointments.empty(); }
    QString selectedId() const;
    QString selectedTitle() const;
    QString selectedWhen() const;
    QString selectedDate() const;
    QString selectedTime() const;
    bool selectedEditable() const;
    bool selectedFromClinic() const;
    QString fastingText() const { return m_fastingText; }
    QVariantList checklist() const { return m_checklistModel; }
    QString checklistProgress() const { return m_checklistProgress; }
    bool hasRide() const { return m_ride.has_value(); }
    QString rideDriver() const { return m_ride ? m_ride->driverName : QString(); }
    QString ridePhone() const { return m_ride ? m_ride->phone : QString(); }
    QString ridePickup() const;
    bool rideConfirmed() const { return m_ride && m_ride->confirmed; }
    QString rideCallUri() const;
    QString noDrivingState() const { return m_noDrivingState; }
    QString noDrivingText() const { return m_noDrivingText; }
    bool canMorningCheck() const { return !m_morningCheckFor.isNull(); }
    QVariantList nextReminders() const { return m_nextReminders; }
    QString schedulerStatus() const { return m_schedulerStatus; }
    QString errorMessage() const { return m_errorMessage; }
    bool backgroundRemindersAvailable() const { return !reminderServiceProgram().isEmpty(); }
    bool backgroundReminders() const;
    void setBackgroundReminders(bool on);

    // Infusion start times of scheduled appointments (the diary's schedule and trend markers).
    std::vector<QDateTime> infusionTimes() const;
    // Where the patient is in the course now (what Learn suggests reading).
    domain::CourseStage courseStage() const;

    // Date "YYYY-MM-DD" and time "HH:MM" on the patient's wall clock.
    Q_INVOKABLE bool addAppointment(const QString &date, const QString &time);
    Q_INVOKABLE bool moveSelected(const QString &date, const QString &time);
    Q_INVOKABLE bool cancelSelected();
    Q_INVOKABLE void select(const QString &appointmentId);
    Q_INVOKABLE bool setChecked(const QString &itemId, bool checked);
    // Pick-up time "HH:MM" on the appointment's day, or empty.
    Q_INVOKABLE bool saveRide(const QString &driver, const QString &phone, const QString &pickup,
                              bool confirmed);
    Q_INVOKABLE bool morningCheck(bool slept, bool clearHeaded);
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void clearError();

signals:
    void availableChanged();
    void planChanged();
    void errorMessageChanged();
    // The appointments changed: the diary schedule, trends and Learn's course stage follow.
    void appointmentsChanged();
    void backgroundRemindersChanged();

private:
    void load(storage::Profile &profile);
    void unload();
    void rebuild();
    void reschedule(const std::vector<domain::Reminder> &planned);
    const domain::Appointment *selected() const;
    std::optional<QDateTime> wallClock(const QString &date, const QString &time) const;
    void setError(const QString &message);
    QString timeLabel(const QDateTime &utc) const;
    // companion-cli beside this program (installed) or in the build tree; empty when not found.
    static QString reminderServiceProgram();

    ProfileController &m_profile;
    const Clock &m_clock;
    QTimeZone m_zone;
    domain::ClinicProtocol m_protocol;
    platform::ReminderScheduler *m_scheduler = nullptr;
    std::unique_ptr<storage::AppointmentRepository> m_appointments;
    std::unique_ptr<storage::JournalRepository> m_journal;
    std::unique_ptr<ProfileBinding> m_binding;

    domain::PlanInputs m_inputs;
    RecordId m_selected;
    QVariantList m_appointmentsModel;
    QVariantList m_checklistModel;
    QString m_checklistProgress;
    QString m_fastingText;
    std::optional<domain::RidePlan> m_ride;
    QString m_noDrivingState = QStringLiteral("none");
    QString m_noDrivingText;
    RecordId m_morningCheckFor;
    QVariantList m_nextReminders;
    QString m_schedulerStatus;
    QString m_errorMessage;
};

} // namespace companion::presentation
