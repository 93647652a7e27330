#include "presentation/appservices.h"

#include "presentation/qmlsingletons.h"

namespace companion::presentation {

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
{
    // A saved questionnaire or check-in, or crisis help being recorded, changes the diary list,
    // what is due and the charts.
    QObject::connect(&questionnaire, &QuestionnaireController::resultSaved, &diary,
                     &DiaryController::reload);
    QObject::connect(&questionnaire, &QuestionnaireController::resultSaved, &trends,
                     &TrendController::reload);
    QObject::connect(&diary, &DiaryController::entrySaved, &trends, &TrendController::reload);
    QObject::connect(&safety, &SafetyController::helpStateChanged, &diary,
                     &DiaryController::reload);
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
}

void AppServices::publish()
{
    m_published = true;
    ProfileControllerInstance::instance = &profile;
    PreferencesInstance::instance = &preferences;
    AutoLockInstance::instance = &autoLock;
    LearnControllerInstance::instance = &learn;
    JournalControllerInstance::instance = &journal;
    SafetyControllerInstance::instance = &safety;
    DiaryControllerInstance::instance = &diary;
    QuestionnaireControllerInstance::instance = &questionnaire;
    TrendControllerInstance::instance = &trends;
}

} // namespace companion::presentation
