// Composition root of the patient app: builds the services, hands them to QML, starts the UI.
// No logic lives here (see docs/architecture.md).

#include "crypto/sodium.h"
#include "presentation/appservices.h"
#include "presentation/selftest.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QTemporaryDir>

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
    parser.addOptions({profileOption, selfTestOption, screenshotsOption});
    parser.process(app);

    if (auto ready = crypto::initialize(); !ready) {
        qCritical("Companion cannot start: the cryptography library failed to initialise.");
        return 1;
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
    // Articles in the system language where translated, English otherwise.
    options.language = QLocale::system().language() == QLocale::Spanish ? QStringLiteral("es")
                                                                        : QStringLiteral("en");
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
    services.publish();

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    // Drop everything decrypted when the app quits, even if QML still holds references.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &services.profile,
                     &ProfileController::lock);

    if (selfTest)
        return runSelfTest(engine, services.profile, services.preferences,
                           {parser.value(screenshotsOption)});

    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Companion/Patient/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}
