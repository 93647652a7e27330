#include "presentation/selftest.h"

#include "presentation/preferences.h"
#include "presentation/profilecontroller.h"
#include "presentation/selftestsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>

#include <algorithm>
#include <vector>

#include <cstdio>

namespace companion::presentation {

namespace {

const QString kPagesDirectory = QStringLiteral(":/qt/qml/Companion/Patient/pages");
const QString kSelfTestPassphrase = QStringLiteral("self test lantern quarry ochre");

} // namespace

int runSelfTest(QQmlApplicationEngine &engine, ProfileController &profile, Preferences &preferences,
                const SelfTestOptions &options)
{
    QTextStream out(stdout);
    selftest::startCollectingWarnings();

    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Companion/Patient/Main.qml")));
    auto *window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        out << "self-test: FAILED: Main.qml did not load\n";
        return 1;
    }
    if (!options.screenshotDirectory.isEmpty()) {
        QDir().mkpath(options.screenshotDirectory);
        selftest::saveScreenshot(window,
                                 options.screenshotDirectory + QStringLiteral("/first-run.png"));
    }

    profile.createProfile(kSelfTestPassphrase, kSelfTestPassphrase);
    if (!selftest::waitFor([&] { return profile.state() == ProfileController::Unlocked; }, 60000)) {
        out << "self-test: FAILED: could not create and unlock a profile: "
            << profile.errorMessage() << '\n';
        return 1;
    }
    if (!options.screenshotDirectory.isEmpty())
        selftest::saveScreenshot(window,
                                 options.screenshotDirectory + QStringLiteral("/recovery-key.png"));
    profile.acknowledgeRecoveryKey();
    profile.setPreferredName(QStringLiteral("Alex"));

    // Lock and unlock once, through the same controller the UI uses.
    profile.lock();
    selftest::settle();
    if (!options.screenshotDirectory.isEmpty())
        selftest::saveScreenshot(window,
                                 options.screenshotDirectory + QStringLiteral("/locked.png"));
    profile.unlock(kSelfTestPassphrase);
    if (!selftest::waitFor([&] { return profile.state() == ProfileController::Unlocked; }, 60000)) {
        out << "self-test: FAILED: unlock after lock did not work\n";
        return 1;
    }

    const QStringList pages =
        QDir(kPagesDirectory).entryList({QStringLiteral("*.qml")}, QDir::Files, QDir::Name);
    if (pages.isEmpty()) {
        out << "self-test: FAILED: no pages found in " << kPagesDirectory << '\n';
        return 1;
    }

    // Issue 9: 200 % text in every theme, at phone width where space is tightest (and the
    // high-contrast dark one on a desktop, with the navigation rail).
    const std::vector<selftest::Variant> variants = {
        {"phone-light", Preferences::Light, false, 1.0, {400, 800}, false},
        {"desktop-dark", Preferences::Dark, false, 1.0, {1280, 800}, false},
        {"phone-large-text", Preferences::Light, false, 2.0, {400, 800}, false},
        {"phone-dark-large-text", Preferences::Dark, false, 2.0, {400, 800}, true},
        {"phone-high-contrast-large-text", Preferences::Light, true, 2.0, {400, 800}, true},
        {"desktop-high-contrast-dark-large-text", Preferences::Dark, true, 2.0, {1280, 800}, true},
    };
    int variantsRun = 0;
    const int loaded = selftest::loadPagesInVariants(
        engine, window, preferences, variants, pages,
        {QStringLiteral("qrc:/qt/qml/Companion/Patient/pages/"), QStringLiteral("shell"),
         options.screenshotDirectory, options.checkTextFit, options.checkAccessibility},
        &variantsRun);

    profile.lock();
    selftest::settle();
    selftest::stopCollectingWarnings();
    if (!selftest::problems().isEmpty()) {
        out << "self-test: FAILED with " << selftest::problems().size() << " problem(s):\n";
        for (const QString &problem : std::as_const(selftest::problems()))
            out << "  " << problem << '\n';
        return 1;
    }
    out << "self-test: OK: " << pages.size() << " pages loaded " << loaded << " times ("
        << variantsRun << " variants), profile created, locked and unlocked"
        << (options.checkTextFit ? ", every visible text fits" : "")
        << (options.checkAccessibility
                ? ", every text has 4.5:1 contrast, every control is reachable with Tab and named"
                : "")
        << '\n';
    return 0;
}

} // namespace companion::presentation
