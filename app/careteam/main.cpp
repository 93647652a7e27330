// Composition root of companion-careteam. `--headless` runs the console's commands for scripts
// and tests (src/careteam/headless.h); otherwise the Qt Quick window (Companion.CareTeam on
// src/careteampresentation) opens. No logic lives here (see docs/architecture.md).
#include "careteam/headless.h"

#ifdef COMPANION_CARETEAM_WINDOW
#include "careteampresentation/careteamautolock.h"
#include "careteampresentation/careteamqml.h"
#include "careteampresentation/careteamselftest.h"
#include "careteampresentation/careteamsession.h"
#include "crypto/sodium.h"
#include "presentation/language.h"
#include "presentation/preferences.h"
#include "presentation/qmlsingletons.h"

#include <QAccessible>
#include <QCommandLineParser>
#include <QDir>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <optional>

Q_IMPORT_QML_PLUGIN(Companion_CorePlugin)
Q_IMPORT_QML_PLUGIN(Companion_CareTeamCorePlugin)
Q_IMPORT_QML_PLUGIN(Companion_UiPlugin)
Q_IMPORT_QML_PLUGIN(Companion_CareTeamPlugin)
#endif

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTranslator>

#include <sys/resource.h>

#include <cstdio>

namespace {

int runHeadlessMode(int argc, char *argv[])
{
    // Reports need fonts, so a QGuiApplication; headless, it never uses a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QLoggingCategory::setFilterRules(QStringLiteral("companion.*.debug=false\n"
                                                    "companion.*.info=false"));

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("companion-careteam"));
    QGuiApplication::setApplicationVersion(QStringLiteral(COMPANION_VERSION));

    // English plural forms for the sentences in the JSON output ("2 unread shared entries").
    QTranslator plurals;
    if (plurals.load(QStringLiteral(":/i18n/companion_en.qm")))
        QCoreApplication::installTranslator(&plurals);

    QStringList arguments = QGuiApplication::arguments();
    arguments.removeFirst();
    arguments.removeOne(QStringLiteral("--headless"));
    return companion::careteam::runHeadless(arguments);
}

#ifdef COMPANION_CARETEAM_WINDOW
int runWindow(int argc, char *argv[])
{
    using namespace companion;
    using namespace companion::careteampresentation;

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("companion-careteam"));
    QGuiApplication::setOrganizationName(QStringLiteral("Companion"));
    QGuiApplication::setApplicationVersion(QStringLiteral(COMPANION_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Companion care team: review what your patients share with you"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QStringLiteral("Use the care-team profile in <dir> instead of the default."),
        QStringLiteral("dir"));
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"),
        QStringLiteral("Load every page with a throwaway profile and exit (0 = all good)."));
    const QCommandLineOption screenshotsOption(
        QStringLiteral("screenshots"),
        QStringLiteral("With --self-test: save a screenshot of every page into <dir>."),
        QStringLiteral("dir"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QStringLiteral("Show the window in <code> (en, es) instead of the system language."),
        QStringLiteral("code"));
    const QCommandLineOption translationFileOption(
        QStringLiteral("translation-file"),
        QStringLiteral("Also load the translation <qm> (for testing translations)."),
        QStringLiteral("qm"));
    const QCommandLineOption checkTextFitOption(
        QStringLiteral("check-text-fit"),
        QStringLiteral("With --self-test: also fail on elided or overflowing text."));
    const QCommandLineOption headlessOption(
        QStringLiteral("headless"),
        QStringLiteral("Run a command without the window (companion-careteam --headless --help)."));
    const QCommandLineOption checkAccessibilityOption(
        QStringLiteral("check-accessibility"),
        QStringLiteral("With --self-test: also fail on low text contrast and on controls that Tab "
                       "does not reach or that have no accessible name; adds 200 % text in dark "
                       "and high contrast."));
    parser.addOptions({profileOption, selfTestOption, screenshotsOption, languageOption,
                       translationFileOption, checkTextFitOption, checkAccessibilityOption,
                       headlessOption});
    parser.process(app);

    if (auto ready = crypto::initialize(); !ready) {
        qCritical("companion-careteam cannot start: the cryptography library failed to "
                  "initialise.");
        return 1;
    }

    const bool selfTest = parser.isSet(selfTestOption);
    std::optional<QTemporaryDir> throwaway;
    QString profileDirectory;
    if (selfTest) {
        throwaway.emplace();
        profileDirectory = throwaway->filePath(QStringLiteral("console"));
        if (auto seeded = seedSelfTestProfile(profileDirectory); !seeded) {
            std::fprintf(stderr, "self-test: FAILED: could not make the throwaway profile: %s\n",
                         qPrintable(seeded.error().message));
            return 1;
        }
    } else if (parser.isSet(profileOption)) {
        profileDirectory = QDir(parser.value(profileOption)).absolutePath();
    } else {
        // Headless commands take this folder with --profile.
        profileDirectory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                           QStringLiteral("/console");
    }

    QQuickStyle::setStyle(QStringLiteral("Basic"));
    const QString language = presentation::resolveLanguage(
        parser.isSet(languageOption) ? parser.value(languageOption) : QString(), QLocale::system());
    presentation::UiLanguage uiLanguage;
    if (!uiLanguage.apply(language, QLocale::system()))
        qWarning("The translation for the chosen language is missing; showing English text.");
    if (parser.isSet(translationFileOption) &&
        !uiLanguage.loadFile(parser.value(translationFileOption))) {
        qCritical("companion-careteam cannot start: the translation file could not be loaded.");
        return 1;
    }

    // The window's look (theme, text size) follows these, in memory only for now.
    presentation::Preferences preferences{QString()};
    preferences.setSystemPrefersDark(app.palette().color(QPalette::Window).lightness() < 128);
    preferences.setActiveLanguage(language);
    CareTeamSession session({.profileDirectory = profileDirectory});
    CareTeamAutoLock autoLock(session);
    app.installEventFilter(&autoLock);
    QObject::connect(&app, &QGuiApplication::applicationStateChanged, &autoLock,
                     &CareTeamAutoLock::applicationStateChanged);
    // Drop everything decrypted when the window closes.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &session, &CareTeamSession::lock);

    PreferencesInstance::instance = &preferences;
    CareTeamInstance::instance = &session;
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));

    int result = 0;
    if (selfTest) {
        // Controls set their accessible roles when created with accessibility on; the offscreen
        // platform has no screen reader to turn it on.
        if (parser.isSet(checkAccessibilityOption))
            QAccessible::setActive(true);
        result =
            runCareTeamSelfTest(engine, session, preferences,
                                {parser.value(screenshotsOption), parser.isSet(checkTextFitOption),
                                 parser.isSet(checkAccessibilityOption)});
    } else {
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Companion/CareTeam/Main.qml")));
        result = engine.rootObjects().isEmpty() ? 1 : app.exec();
    }
    // The window goes first, while the engine that compiled its bindings is whole: torn down by
    // the engine's destructor, a layout's binding can run against freed code (a crash on exit).
    const QList<QObject *> windows = engine.rootObjects();
    qDeleteAll(windows);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return result;
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    // A core dump would hold whatever was in memory: the passphrase, keys, shared entries.
    const struct rlimit noCore = {0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    bool headless = false;
    for (int i = 1; i < argc; ++i)
        headless = headless || qstrcmp(argv[i], "--headless") == 0;
    if (headless)
        return runHeadlessMode(argc, argv);
#ifdef COMPANION_CARETEAM_WINDOW
    return runWindow(argc, argv);
#else
    std::fputs("companion-careteam: this build has no window; use\n"
               "  companion-careteam --headless COMMAND …   (companion-careteam --headless "
               "--help)\n",
               stderr);
    return 2;
#endif
}
