#include "presentation/selftest.h"

#include "presentation/preferences.h"
#include "presentation/profilecontroller.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>

#include <algorithm>

#include <cstdio>

namespace companion::presentation {

namespace {

const QString kPagesDirectory = QStringLiteral(":/qt/qml/Companion/Patient/pages");
const QString kSelfTestPassphrase = QStringLiteral("self test lantern quarry ochre");

QStringList g_problems;
QtMessageHandler g_previousHandler = nullptr;

// QML reports binding errors, type errors and missing properties as warnings: any warning that
// points into our QML is a failure.
void collectWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool fromQml = message.contains(QLatin1String("qrc:/")) ||
                         qstrcmp(context.category, "qml") == 0 ||
                         qstrcmp(context.category, "js") == 0;
    if (type >= QtWarningMsg && fromQml)
        g_problems << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

bool waitFor(const std::function<bool()> &condition, int milliseconds)
{
    QDeadlineTimer deadline(milliseconds);
    while (!condition() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return condition();
}

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

QString describe(const QQuickItem *item)
{
    QString name = item->objectName();
    for (const QQuickItem *up = item->parentItem(); name.isEmpty() && up; up = up->parentItem())
        name = up->objectName();
    return QStringLiteral("\"%1\" (in %2)")
        .arg(item->property("text").toString().left(60),
             name.isEmpty() ? QStringLiteral("an unnamed item") : name);
}

// Texts that do not fit, found through the properties every QQuickText has (no private API).
// Elision and a non-wrapping text wider than its box hide words; a text whose right edge passes
// the root's hides them off screen. Texts inside a horizontal Flickable are meant to scroll.
void checkTextFit(QQuickItem *root, QQuickItem *item, const QString &where)
{
    constexpr double kSlack = 0.5; // sub-pixel rounding in layouts
    if (!item->isVisible() || item->opacity() <= 0.0)
        return;
    if (item->inherits("QQuickText") && !item->property("text").toString().isEmpty()) {
        const bool wraps = item->property("wrapMode").toInt() != 0;
        const double contentWidth = item->property("contentWidth").toDouble();
        const double right =
            item->mapToItem(root, QPointF(std::min(item->width(), contentWidth), 0)).x();
        QString problem;
        if (item->property("truncated").toBool())
            problem = QStringLiteral("is elided");
        else if (!wraps && item->implicitWidth() > item->width() + kSlack)
            problem = QStringLiteral("is wider than its box (%1 > %2 px)")
                          .arg(item->implicitWidth(), 0, 'f', 0)
                          .arg(item->width(), 0, 'f', 0);
        else if (wraps && contentWidth > item->width() + kSlack)
            problem = QStringLiteral("has a word wider than its box");
        else if (right > root->width() + kSlack)
            problem = QStringLiteral("sticks out of the page");
        if (!problem.isEmpty())
            g_problems << where + QStringLiteral(": text ") + describe(item) + u' ' + problem;
    }
    if (item->inherits("QQuickFlickable") &&
        item->property("contentWidth").toDouble() > item->width() + kSlack &&
        !item->inherits("QQuickListView"))
        return;
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        checkTextFit(root, child, where);
}

bool saveScreenshot(QQuickWindow *window, const QString &path)
{
    settle();
    return window->grabWindow().save(path);
}

// Instantiates one page on top of the shell; returns false on a load or creation error.
bool loadPage(QQmlApplicationEngine &engine, QQuickWindow *window, const QString &fileName,
              const QString &screenshotPath, const QString &fitCheckName)
{
    QQmlComponent component(
        &engine, QUrl(QStringLiteral("qrc:/qt/qml/Companion/Patient/pages/") + fileName));
    if (component.isError()) {
        g_problems << component.errorString();
        return false;
    }
    QObject *object = component.createWithInitialProperties(
        {{QStringLiteral("parent"), QVariant::fromValue(window->contentItem())}});
    auto *item = qobject_cast<QQuickItem *>(object);
    if (!item) {
        g_problems << fileName + QStringLiteral(": not created as an item: ") +
                          component.errorString();
        delete object;
        return false;
    }
    item->setZ(1000);
    item->setSize(window->contentItem()->size());
    settle();
    if (!screenshotPath.isEmpty())
        saveScreenshot(window, screenshotPath);
    if (!fitCheckName.isEmpty())
        checkTextFit(item, item, fitCheckName);
    delete item;
    return true;
}

} // namespace

int runSelfTest(QQmlApplicationEngine &engine, ProfileController &profile, Preferences &preferences,
                const SelfTestOptions &options)
{
    QTextStream out(stdout);
    g_previousHandler = qInstallMessageHandler(collectWarnings);

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
        saveScreenshot(window, options.screenshotDirectory + QStringLiteral("/first-run.png"));
    }

    profile.createProfile(kSelfTestPassphrase, kSelfTestPassphrase);
    if (!waitFor([&] { return profile.state() == ProfileController::Unlocked; }, 60000)) {
        out << "self-test: FAILED: could not create and unlock a profile: "
            << profile.errorMessage() << '\n';
        return 1;
    }
    if (!options.screenshotDirectory.isEmpty())
        saveScreenshot(window, options.screenshotDirectory + QStringLiteral("/recovery-key.png"));
    profile.acknowledgeRecoveryKey();
    profile.setPreferredName(QStringLiteral("Alex"));

    // Lock and unlock once, through the same controller the UI uses.
    profile.lock();
    settle();
    if (!options.screenshotDirectory.isEmpty())
        saveScreenshot(window, options.screenshotDirectory + QStringLiteral("/locked.png"));
    profile.unlock(kSelfTestPassphrase);
    if (!waitFor([&] { return profile.state() == ProfileController::Unlocked; }, 60000)) {
        out << "self-test: FAILED: unlock after lock did not work\n";
        return 1;
    }

    const QStringList pages =
        QDir(kPagesDirectory).entryList({QStringLiteral("*.qml")}, QDir::Files, QDir::Name);
    if (pages.isEmpty()) {
        out << "self-test: FAILED: no pages found in " << kPagesDirectory << '\n';
        return 1;
    }

    struct Variant
    {
        const char *name;
        Preferences::ThemeMode theme;
        double fontScale;
        QSize size;
    };
    const Variant variants[] = {
        {"phone-light", Preferences::Light, 1.0, {400, 800}},
        {"desktop-dark", Preferences::Dark, 1.0, {1280, 800}},
        {"phone-large-text", Preferences::Light, 2.0, {400, 800}},
    };
    int loaded = 0;
    for (const Variant &variant : variants) {
        preferences.setThemeMode(variant.theme);
        preferences.setFontScale(variant.fontScale);
        window->resize(variant.size);
        settle();
        const QString prefix =
            options.screenshotDirectory.isEmpty()
                ? QString()
                : options.screenshotDirectory + u'/' + QString::fromLatin1(variant.name) + u'-';
        if (!prefix.isEmpty())
            saveScreenshot(window, prefix + QStringLiteral("shell.png"));
        const auto fitName = [&](const QString &what) {
            return options.checkTextFit ? QString::fromLatin1(variant.name) + u' ' + what
                                        : QString();
        };
        if (options.checkTextFit)
            checkTextFit(window->contentItem(), window->contentItem(),
                         fitName(QStringLiteral("shell")));
        for (const QString &page : pages) {
            const QString shot =
                prefix.isEmpty()
                    ? QString()
                    : prefix + QString(page).replace(QLatin1String(".qml"), QLatin1String(".png"));
            if (loadPage(engine, window, page, shot, fitName(page)))
                ++loaded;
        }
    }

    profile.lock();
    settle();
    qInstallMessageHandler(g_previousHandler);
    if (!g_problems.isEmpty()) {
        out << "self-test: FAILED with " << g_problems.size() << " problem(s):\n";
        for (const QString &problem : std::as_const(g_problems))
            out << "  " << problem << '\n';
        return 1;
    }
    out << "self-test: OK: " << pages.size() << " pages loaded " << loaded << " times ("
        << std::size(variants) << " variants), profile created, locked and unlocked"
        << (options.checkTextFit ? ", every visible text fits" : "") << '\n';
    return 0;
}

} // namespace companion::presentation
