#pragma once

#include "presentation/autolock.h"
#include "presentation/diarycontroller.h"
#include "presentation/journalcontroller.h"
#include "presentation/learncontroller.h"
#include "presentation/preferences.h"
#include "presentation/profilecontroller.h"
#include "presentation/questionnairecontroller.h"
#include "presentation/safetycontroller.h"
#include "presentation/trendcontroller.h"

#include <QString>

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

private:
    bool m_published = false;
};

} // namespace companion::presentation
