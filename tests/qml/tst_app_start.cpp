// The patient app's start (ADR 0029): Main.qml as app/patient/main.cpp loads it, with the real
// services on a real profile. The shell is not compiled before the first frame; ShellPreloader
// compiles it after that frame into the engine's type cache, where AppRoot's Loader finds it; and a
// passphrase typed while that compilation runs still unlocks into the shell.
#define CATCH_CONFIG_RUNNER
#include "crypto/sodium.h"
#include "presentation/appservices.h"
#include "presentation/shellpreloader.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <catch2/catch.hpp>

#include <QGuiApplication>
#include <QKeyEvent>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(Companion_CorePlugin)
Q_IMPORT_QML_PLUGIN(Companion_UiPlugin)
Q_IMPORT_QML_PLUGIN(Companion_PatientPlugin)

using namespace companion;
using namespace companion::presentation;
using namespace companion::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kPassphrase = u"juniper falcon atlas biscuit"_s;
const QUrl kMainUrl(u"qrc:/qt/qml/Companion/Patient/Main.qml"_s);
// The URL AppRoot's Loader resolves for the shell.
const QUrl kShellUrl(u"qrc:/qt/qml/Companion/Patient/components/AppShell.qml"_s);

// What app/patient/main.cpp builds, on `profileDirectory`.
struct App
{
    explicit App(const QString &profileDirectory)
        : services(options(profileDirectory))
    {
        services.publish();
        engine.addImportPath(u"qrc:/qt/qml"_s);
    }

    static AppServicesOptions options(const QString &profileDirectory)
    {
        AppServicesOptions options;
        options.profileDirectory = profileDirectory;
        return options;
    }

    QQuickWindow *load()
    {
        engine.load(kMainUrl);
        REQUIRE(engine.rootObjects().size() == 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        REQUIRE(window != nullptr);
        return window;
    }

    QQuickItem *rootLoader() const
    {
        auto *loader = engine.rootObjects().constFirst()->findChild<QQuickItem *>(u"rootLoader"_s);
        REQUIRE(loader != nullptr);
        return loader;
    }

    QString pageName() const
    {
        const auto *page = rootLoader()->property("item").value<QQuickItem *>();
        return page ? page->objectName() : QString();
    }

    AppServices services;
    QQmlApplicationEngine engine;
};

// One key press and release, delivered to the window's focused item as the platform would.
void type(QQuickWindow *window, Qt::Key key, QChar text)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(text));
    QCoreApplication::sendEvent(window, &press);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(text));
    QCoreApplication::sendEvent(window, &release);
}

void createLockedProfile(const QString &directory)
{
    AppServices services(App::options(directory));
    services.profile.createProfile(kPassphrase, kPassphrase);
    REQUIRE(waitUntil([&] { return !services.profile.busy(); }));
    REQUIRE(services.profile.state() == ProfileController::Unlocked);
    services.profile.acknowledgeRecoveryKey();
    services.profile.lock();
    REQUIRE(services.profile.state() == ProfileController::Locked);
}

} // namespace

TEST_CASE("the shell is compiled after the first frame, into the cache AppRoot's Loader reads",
          "[appstart]")
{
    TempDir dir;
    App app(dir.path());
    QQuickWindow *window = app.load();
    CHECK(app.pageName() == u"createProfilePage"_s);

    ShellPreloader preloader(app.engine, kShellUrl);
    preloader.startAfterFirstFrame(window);
    // Nothing happens before the window has shown its first frame.
    CHECK_FALSE(preloader.started());
    bool finished = false;
    QObject::connect(&preloader, &ShellPreloader::finished, [&] { finished = true; });
    REQUIRE(waitUntil([&] { return finished; }));
    REQUIRE(preloader.ready());

    // Asked for again (as the Loader does after the unlock), the shell is ready at once: an
    // asynchronous request is only complete on creation when the type cache already holds it.
    QQmlComponent again(&app.engine, kShellUrl, QQmlComponent::Asynchronous);
    CHECK(again.isReady());
}

TEST_CASE("loading Main.qml does not compile the shell", "[appstart]")
{
    TempDir dir;
    App app(dir.path());
    app.load();
    // Had Main.qml's compilation included the shell (as inline components in AppRoot did), the
    // type cache would hold it and this asynchronous request would be complete at once.
    QQmlComponent cold(&app.engine, kShellUrl, QQmlComponent::Asynchronous);
    CHECK(cold.isLoading());
    REQUIRE(waitUntil([&] { return !cold.isLoading(); }));
    CHECK(cold.isReady());
}

TEST_CASE("a passphrase typed while the shell is being compiled unlocks into the shell",
          "[appstart]")
{
    TempDir dir;
    createLockedProfile(dir.path());

    App app(dir.path());
    REQUIRE(app.services.profile.state() == ProfileController::Locked);
    QQuickWindow *window = app.load();
    REQUIRE(app.pageName() == u"unlockPage"_s);
    // Keys go to the active window's focused field.
    window->requestActivate();
    REQUIRE(waitUntil([&] { return window->isActive(); }));

    // What the first frame starts, started here so the typing surely overlaps it: the shell is
    // compiled on the type-loader thread while the GUI thread takes the keys.
    ShellPreloader preloader(app.engine, kShellUrl);
    preloader.start();
    REQUIRE_FALSE(preloader.ready());
    for (const QChar c : kPassphrase)
        type(window, c.unicode() == u' ' ? Qt::Key_Space : Qt::Key(c.toUpper().unicode()), c);
    type(window, Qt::Key_Return, u'\r');
    REQUIRE(app.services.profile.busy()); // the unlock is under way with what was typed

    // The Loader asks for the shell the preloader is compiling (done or not): one shell, shown.
    REQUIRE(waitUntil([&] { return app.pageName() == u"appShell"_s; }));
    CHECK(app.services.profile.state() == ProfileController::Unlocked);
    CHECK(app.services.profile.errorMessage().isEmpty());
    REQUIRE(waitUntil([&] { return !preloader.started() || preloader.ready(); }));
    CHECK(preloader.ready());
}

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"CompanionTests"_s);
    QLocale::setDefault(QLocale::c());
    if (!crypto::initialize())
        return 1;
    QQuickStyle::setStyle(u"Basic"_s);
    return Catch::Session().run(argc, argv);
}
