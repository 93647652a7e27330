// Composition root of the patient app: builds the services, hands them to QML, starts the UI.
// No logic lives here (see docs/architecture.md).

#include "crypto/sodium.h"
#include "platform/keystore.h"
#include "platform/screenprivacy.h"
#include "presentation/appservices.h"
#include "presentation/firstframereport.h"
#include "presentation/language.h"
#include "presentation/selftest.h"
#include "presentation/shellpreloader.h"
#include "storage/keyfile.h"

#include <QAccessible>
#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(Companion_CorePlugin)
Q_IMPORT_QML_PLUGIN(Companion_UiPlugin)
Q_IMPORT_QML_PLUGIN(Companion_PatientPlugin)

using namespace companion;
using namespace companion::presentation;

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Companion"));
    QGuiApplication::setOrganizationName(QStringLiteral("Companion"));
    QGuiApplication::setApplicationVersion(QStringLiteral(COMPANION_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.companionapp.Companion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Companion: your infusion therapy companion"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QStringLiteral("Use the profile in <dir> instead of the default."), QStringLiteral("dir"));
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"),
        QStringLiteral("Load every page with a throwaway profile and exit (0 = all good)."));
    const QCommandLineOption screenshotsOption(
        QStringLiteral("screenshots"),
        QStringLiteral("With --self-test: save a screenshot of every page into <dir>."),
        QStringLiteral("dir"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QStringLiteral("Show the app in <code> (en, es) instead of the saved or system language."),
        QStringLiteral("code"));
    // For translators and the pseudo-translation test: a .qm installed over the UI language.
    const QCommandLineOption translationFileOption(
        QStringLiteral("translation-file"),
        QStringLiteral("Also load the translation <qm> (for testing translations)."),
        QStringLiteral("qm"));
    const QCommandLineOption checkTextFitOption(
        QStringLiteral("check-text-fit"),
        QStringLiteral("With --self-test: also fail on elided or overflowing text."));
    const QCommandLineOption checkAccessibilityOption(
        QStringLiteral("check-accessibility"),
        QStringLiteral("With --self-test: also fail on low text contrast and on controls that Tab "
                       "does not reach or that have no accessible name; adds 200 % text in dark "
                       "and high contrast."));
    // For bench/bench_first_frame: the app starts as usual and exits at its first frame.
    const QCommandLineOption reportFirstFrameOption(
        QStringLiteral("report-first-frame"),
        QStringLiteral("Print when the first frame was shown (CLOCK_MONOTONIC ns), the memory "
                       "in use then (VmRSS KiB) and the CPU time used (ns), and exit."));
    parser.addOptions({profileOption, selfTestOption, screenshotsOption, languageOption,
                       translationFileOption, checkTextFitOption, checkAccessibilityOption,
                       reportFirstFrameOption});
    parser.process(app);

    if (auto ready = crypto::initialize(); !ready) {
        qCritical("Companion cannot start: the cryptography library failed to initialise.");
        return 1;
    }

    // Phones: no screenshots or app-switcher thumbnails of the app's pages, and the profile's
    // key file sealed by the device key store (docs/adr/0020). On the desktop both are no-ops
    // (no key store is available), so desktop profiles stay exactly as they were.
    platform::protectScreenContents();
    const std::unique_ptr<platform::KeyStore> keyStore = platform::createDeviceKeyStore();
    if (keyStore->available()) {
        storage::setKeyFileSeal(
            {[&store = *keyStore](const QByteArray &plain, const QByteArray &associatedData) {
                 return store.seal(plain, associatedData);
             },
             [&store = *keyStore](const QByteArray &sealed, const QByteArray &associatedData) {
                 return store.unseal(sealed, associatedData);
             }});
    }

    const bool selfTest = parser.isSet(selfTestOption);
    // The self-test never touches a real profile.
    std::optional<QTemporaryDir> throwaway;
    QString profileDirectory;
    if (selfTest) {
        throwaway.emplace();
        profileDirectory = throwaway->filePath(QStringLiteral("profile"));
    } else if (parser.isSet(profileOption)) {
        profileDirectory = QDir(parser.value(profileOption)).absolutePath();
    } else {
        profileDirectory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                           QStringLiteral("/profile");
    }
    QDir().mkpath(profileDirectory);

    QQuickStyle::setStyle(QStringLiteral("Basic"));
    AppServicesOptions options;
    options.profileDirectory = profileDirectory;
    options.preferencesFile =
        selfTest ? QString() : QDir(profileDirectory).filePath(QStringLiteral("preferences.ini"));
    // One language for strings, articles and date formats: the command line, else the saved
    // choice, else the system's; English where none of them is translated. Set before any
    // service exists, so every label a controller builds is already in that language.
    const QString language = resolveLanguage(
        parser.isSet(languageOption) ? parser.value(languageOption)
                                     : Preferences::storedLanguage(options.preferencesFile),
        QLocale::system());
    UiLanguage uiLanguage;
    if (!uiLanguage.apply(language, QLocale::system()))
        qWarning("The translation for the chosen language is missing; showing English text.");
    if (parser.isSet(translationFileOption) &&
        !uiLanguage.loadFile(parser.value(translationFileOption))) {
        qCritical("Companion cannot start: the translation file could not be loaded.");
        return 1;
    }
    options.language = language;
    options.countryCode = QLocale::territoryToCode(QLocale::system().territory());
    options.scheduleReminders = !selfTest;
    AppServices services(options);
    services.preferences.setSystemPrefersDark(app.palette().color(QPalette::Window).lightness() <
                                              128);
    // Clinic articles (added or replacing ours by id) until the clinic channel delivers them.
    if (const QString clinicContent =
            QDir(profileDirectory).filePath(QStringLiteral("clinic-content"));
        QDir(clinicContent).exists()) {
        if (auto loaded = services.learn.loadClinicArticles(clinicContent); !loaded)
            qWarning("Clinic articles were not loaded: they are malformed.");
    }
    app.installEventFilter(&services.autoLock);
    QObject::connect(&app, &QGuiApplication::applicationStateChanged, &services.autoLock,
                     &AutoLock::applicationStateChanged);
    services.preferences.setActiveLanguage(language);
    services.publish();

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    // Drop everything decrypted when the app quits, even if QML still holds references.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &services.profile,
                     &ProfileController::lock);

    if (selfTest) {
        // Controls set their accessible roles when they are created with accessibility on; the
        // offscreen platform has no screen reader to turn it on.
        if (parser.isSet(checkAccessibilityOption))
            QAccessible::setActive(true);
        return runSelfTest(engine, services.profile, services.preferences,
                           {parser.value(screenshotsOption), parser.isSet(checkTextFitOption),
                            parser.isSet(checkAccessibilityOption)});
    }

    // Connected as the window is created, before it can render anything.
    if (parser.isSet(reportFirstFrameOption))
        QObject::connect(&engine, &QQmlApplicationEngine::objectCreated, &app,
                         [](QObject *object, const QUrl &) {
                             if (auto *window = qobject_cast<QQuickWindow *>(object))
                                 reportFirstFrameAndQuit(window);
                         });
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Companion/Patient/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    // The shell (every page behind the unlock) is compiled after the first frame, not before it
    // (ADR 0029); the URL is the one AppRoot's Loader asks for.
    ShellPreloader shellPreloader(
        engine, QUrl(QStringLiteral("qrc:/qt/qml/Companion/Patient/components/AppShell.qml")));
    shellPreloader.startAfterFirstFrame(qobject_cast<QQuickWindow *>(engine.rootObjects().first()));
    return app.exec();
}
