#include "presentation/appservices.h"

#include "platform/reminderscheduler.h"
#include "platform/runtimepermission.h"
#include "presentation/coursestage.h"
#include "presentation/qmlsingletons.h"

namespace companion::presentation {

namespace {
// Phones have a settings page where a refused permission can be turned on again.
#if defined(Q_OS_ANDROID) || defined(Q_OS_IOS)
constexpr bool kPermissionSettings = true;
#else
constexpr bool kPermissionSettings = false;
#endif
} // namespace

AppServices::AppServices(const AppServicesOptions &options)
    : preferences(options.preferencesFile)
    , profile(options.profileDirectory)
    , autoLock(profile, preferences)
    , journal(profile)
    , learn(profile, options.contentRoot, options.language)
    , safety(profile, options.countryCode)
    , diary(profile)
    , questionnaire(profile, safety)
    , trends(profile)
    , plan(profile)
    , sync(profile)
    , messages(profile)
    , deleteEverything(profile, sync)
    , summary(profile, options.countryCode)
    , cameraPermission(platform::Permission::Camera, kPermissionSettings)
    , notificationPermission(platform::Permission::Notifications, kPermissionSettings)
    , m_permissions(platform::createDevicePermissionSource())
{
    // Reminders leave the encrypted profile only as times, opaque ids and generic text
    // (ADR "reminders outside the encrypted DB"): the Linux desktop hands them to the background
    // reminder service through the schedule file, phones to the system's alarms/notifications.
    if (options.scheduleReminders) {
        m_scheduler = platform::createDeviceReminderScheduler(options.profileDirectory);
        plan.setScheduler(m_scheduler.get());
    }
    cameraPermission.setSource(m_permissions.get());
    notificationPermission.setSource(m_permissions.get());
    // Notifications are asked for when there is something to deliver: the first planned
    // reminder (an infusion with its checklist, or a journal action marked "remind me").
    const auto followReminders = [this] {
        notificationPermission.setNeeded(!plan.nextReminders().isEmpty());
    };
    QObject::connect(&plan, &PlanController::planChanged, &notificationPermission, followReminders);
    followReminders();

    // Appointments anchor the questionnaire schedule, the trend markers and Learn's course stage.
    const auto infusions = [this] { return plan.infusionTimes(); };
    diary.setInfusionTimesProvider(infusions);
    trends.setInfusionTimesProvider(infusions);
    QObject::connect(&plan, &PlanController::appointmentsChanged, &plan,
                     [this] { followAppointments(); });
    // A journal action marked "remind me" becomes a reminder.
    QObject::connect(&journal, &JournalController::entriesChanged, &plan, &PlanController::refresh);

    // A saved questionnaire or check-in, or crisis help being recorded, changes the diary list,
    // what is due and the charts.
    QObject::connect(&questionnaire, &QuestionnaireController::resultSaved, &diary,
                     &DiaryController::reload);
    QObject::connect(&questionnaire, &QuestionnaireController::resultSaved, &trends,
                     &TrendController::reload);
    QObject::connect(&diary, &DiaryController::entrySaved, &trends, &TrendController::reload);
    QObject::connect(&safety, &SafetyController::helpStateChanged, &diary,
                     &DiaryController::reload);

    // Sync: lists show each entry's state; a saved change is sent soon; entries from the
    // patient's other devices refresh every view that shows them.
    const auto stateLabel = [this](const QString &id) { return sync.stateLabel(id); };
    diary.setStateLabelProvider(stateLabel);
    journal.setStateLabelProvider(stateLabel);
    const auto changedHere = [this] { sync.noteLocalChange(); };
    // A new profile passphrase is also the one a new device joins the vault with.
    QObject::connect(&profile, &ProfileController::passphraseReplaced, &sync,
                     &SyncController::resealPassphrase);
    QObject::connect(&diary, &DiaryController::entrySaved, &sync, changedHere);
    QObject::connect(&questionnaire, &QuestionnaireController::resultSaved, &sync, changedHere);
    QObject::connect(&journal, &JournalController::entrySaved, &sync, changedHere);
    QObject::connect(&plan, &PlanController::appointmentsChanged, &sync, changedHere);
    QObject::connect(&sync, &SyncController::statesChanged, &diary, &DiaryController::reload);
    QObject::connect(&sync, &SyncController::statesChanged, &journal, &JournalController::reload);
    QObject::connect(&sync, &SyncController::dataChanged, &plan, &PlanController::refresh);
    QObject::connect(&sync, &SyncController::dataChanged, &trends, &TrendController::reload);

    // What the clinic sends: replies and appointments show once a sync stored them; a newer
    // clinic protocol replaces the one in use at once.
    QObject::connect(&sync, &SyncController::inboxChanged, &messages, &MessagesController::reload);
    QObject::connect(&messages, &MessagesController::protocolChanged, &plan,
                     [this] { followProtocol(); });
    followProtocol(); // the profile may have been unlocked before this was wired
}

void AppServices::followProtocol()
{
    plan.setProtocol(messages.protocol());
    diary.setProtocol(messages.protocol());
    safety.setProtocol(messages.protocol());
    summary.setProtocol(messages.protocol());
}

void AppServices::followAppointments()
{
    diary.reload();
    trends.reload();
    learn.setCourseStage(toContentStage(plan.courseStage()));
}

AppServices::~AppServices()
{
    if (!m_published)
        return;
    ProfileControllerInstance::instance = nullptr;
    PreferencesInstance::instance = nullptr;
    AutoLockInstance::instance = nullptr;
    LearnControllerInstance::instance = nullptr;
    JournalControllerInstance::instance = nullptr;
    SafetyControllerInstance::instance = nullptr;
    DiaryControllerInstance::instance = nullptr;
    QuestionnaireControllerInstance::instance = nullptr;
    TrendControllerInstance::instance = nullptr;
    PlanControllerInstance::instance = nullptr;
    SyncControllerInstance::instance = nullptr;
    MessagesControllerInstance::instance = nullptr;
    DeleteEverythingControllerInstance::instance = nullptr;
    SummaryControllerInstance::instance = nullptr;
    CameraPermissionInstance::instance = nullptr;
    NotificationPermissionInstance::instance = nullptr;
}

void AppServices::publish()
{
    m_published = true;
    ProfileControllerInstance::instance = &profile;
    PreferencesInstance::instance = &preferences;
    AutoLockInstance::instance = &autoLock;
    LearnControllerInstance::instance = &learn;
    JournalControllerInstance::instance = &journal;
    SyncControllerInstance::instance = &sync;
    SafetyControllerInstance::instance = &safety;
    DiaryControllerInstance::instance = &diary;
    QuestionnaireControllerInstance::instance = &questionnaire;
    TrendControllerInstance::instance = &trends;
    PlanControllerInstance::instance = &plan;
    MessagesControllerInstance::instance = &messages;
    DeleteEverythingControllerInstance::instance = &deleteEverything;
    SummaryControllerInstance::instance = &summary;
    CameraPermissionInstance::instance = &cameraPermission;
    NotificationPermissionInstance::instance = &notificationPermission;
}

} // namespace companion::presentation
