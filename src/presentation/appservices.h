#pragma once

#include "presentation/autolock.h"
#include "presentation/deleteeverythingcontroller.h"
#include "presentation/diarycontroller.h"
#include "presentation/journalcontroller.h"
#include "presentation/learncontroller.h"
#include "presentation/messagescontroller.h"
#include "presentation/permissioncontroller.h"
#include "presentation/plancontroller.h"
#include "presentation/preferences.h"
#include "presentation/profilecontroller.h"
#include "presentation/questionnairecontroller.h"
#include "presentation/safetycontroller.h"
#include "presentation/summarycontroller.h"
#include "presentation/synccontroller.h"
#include "presentation/trendcontroller.h"

#include <QString>

#include <memory>

namespace companion::platform {
class PermissionSource;
class ReminderScheduler;
} // namespace companion::platform

namespace companion::presentation {

// Every service the patient UI uses, built and wired in one place so the app
// (app/patient/main.cpp), the self-test and the Qt Quick tests run exactly the same graph.
struct AppServicesOptions
{
    QString profileDirectory;
    QString preferencesFile; // empty: in memory only
    QString contentRoot = QStringLiteral(":/content");
    QString language = QStringLiteral("en");
    QString countryCode = QStringLiteral("US"); // picks crisis lines until a clinic sets its own
    // Hand planned reminders to the operating system (off in tests and the self-test).
    bool scheduleReminders = false;
};

class AppServices
{
public:
    explicit AppServices(const AppServicesOptions &options);
    ~AppServices();
    AppServices(const AppServices &) = delete;
    AppServices &operator=(const AppServices &) = delete;

    // Hands the services to the QML singletons (Companion.Core); the destructor takes them back.
    void publish();

    Preferences preferences;
    ProfileController profile;
    AutoLock autoLock;
    JournalController journal;
    LearnController learn;
    SafetyController safety;
    DiaryController diary;
    QuestionnaireController questionnaire;
    TrendController trends;
    PlanController plan;
    SyncController sync;
    MessagesController messages;
    DeleteEverythingController deleteEverything;
    SummaryController summary;
    // Run-time permissions (docs/adr/0028): asked on the QR scan page and, after an
    // explanation, once reminders are planned. Desktops report both granted.
    PermissionController cameraPermission;
    PermissionController notificationPermission;

private:
    void followAppointments();
    // Hands the protocol in use (the clinic's once one arrived, else the default) to every
    // controller that follows it.
    void followProtocol();

    std::unique_ptr<platform::ReminderScheduler> m_scheduler;
    std::unique_ptr<platform::PermissionSource> m_permissions;
    bool m_published = false;
};

} // namespace companion::presentation
