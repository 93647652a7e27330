// bench_scroll: frame times while scrolling the diary's list of 1,000 entries, in the patient
// app's own window and QML (Main.qml through the same AppServices as app/patient/main.cpp).
//
// A profile is created through ProfileController, 1,000 check-ins spread over the diary list's
// 90 days are written through DiaryRepository, and the profile is locked and unlocked through the
// controller, so the diary page lists them exactly as after a real unlock. Then the page's
// ScrollView is scrolled programmatically, 40 px per frame (a finger drag), 60 frames at each of
// five places spread over the list (top, each quarter, bottom): set contentY, wait for the
// window's frameSwapped. Measured per step, with a steady clock on the GUI thread:
//   frame   = from setting contentY to frameSwapped: polish (layouts), scene-graph sync, render
//             and swap of that one frame — what a finger drag costs per frame;
//   render  = from beforeSynchronizing to frameSwapped: the scene-graph part of it.
// Absolute goal (issue 8): p95 ≤ 16 ms and no frame over 100 ms. No baseline.
//
//   bench_scroll [--entries N] [--step px] [--stretches N] [--frames N] [--width w --height h]
#include "benchutil.h"

#include "crypto/sodium.h"
#include "domain/diaryentry.h"
#include "presentation/appservices.h"
#include "presentation/shellpreloader.h"
#include "storage/diaryrepository.h"
#include "storage/profile.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <random>

Q_IMPORT_QML_PLUGIN(Companion_CorePlugin)
Q_IMPORT_QML_PLUGIN(Companion_UiPlugin)
Q_IMPORT_QML_PLUGIN(Companion_PatientPlugin)

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::bench;
using companion::presentation::ProfileController;

namespace {

const QString kPassphrase = u"bench scroll lantern quarry ochre"_s;

bool waitFor(const std::function<bool()> &condition, int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > milliseconds)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

[[noreturn]] void die(const char *why)
{
    std::fprintf(stderr, "bench_scroll failed: %s\n", why);
    std::exit(1);
}

QQuickItem *findByObjectName(QQuickItem *root, const QString &name)
{
    if (root->objectName() == name)
        return root;
    for (QQuickItem *child : root->childItems())
        if (QQuickItem *found = findByObjectName(child, name))
            return found;
    return nullptr;
}

QQuickItem *findFlickable(QQuickItem *root)
{
    if (root->inherits("QQuickFlickable"))
        return root;
    for (QQuickItem *child : root->childItems())
        if (QQuickItem *found = findFlickable(child))
            return found;
    return nullptr;
}

void addEntries(storage::Profile &profile, int count)
{
    storage::DiaryRepository diary(profile.records());
    std::mt19937 random(20261121);
    const std::vector<QByteArray> bodies = diaryBodies(count);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Newest an hour ago, oldest 89 days ago: all inside the list's 90 days.
    const qint64 span = 89LL * 24 * 3600 - 3600;
    for (int i = 0; i < count; ++i) {
        domain::CheckIn checkIn;
        checkIn.occurredAt = now.addSecs(-3600 - span * i / std::max(1, count - 1));
        checkIn.mood = int(random() % 11);
        checkIn.anxiety = int(random() % 11);
        checkIn.pain = int(random() % 11);
        checkIn.sleepHours = 4.0 + double(random() % 20) / 4.0;
        checkIn.energy = int(random() % 11);
        // The note of a diary-sized body (benchutil's words), so rows wrap as real notes do.
        const QByteArray &body = bodies[static_cast<std::size_t>(i)];
        const qsizetype at = body.indexOf("\"note\":\"") + 8;
        checkIn.note = QString::fromUtf8(body.mid(at, body.size() - at - 2));
        checkIn.tags = {u"calm"_s};
        if (auto added = diary.add(checkIn); !added)
            fail("DiaryRepository::add", added.error());
    }
}

} // namespace

int main(int argc, char *argv[])
{
    // A window's update request waits 5 ms by default (QPlatformWindow::requestUpdate) where the
    // platform has no vsync, as offscreen does: without this, every frame would measure that
    // timer, not work. A caller's own value wins.
    if (!qEnvironmentVariableIsSet("QT_QPA_UPDATE_IDLE_TIME"))
        qputenv("QT_QPA_UPDATE_IDLE_TIME", "0");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(u"Companion bench"_s);
    QLoggingCategory::setFilterRules(u"companion.*.info=false"_s);
    QCommandLineParser parser;
    const QCommandLineOption entriesOption(u"entries"_s, u"Diary entries."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption stepOption(u"step"_s, u"Pixels per frame."_s, u"px"_s, u"40"_s);
    const QCommandLineOption stretchesOption(u"stretches"_s, u"Places in the list scrolled."_s,
                                             u"n"_s, u"5"_s);
    const QCommandLineOption framesOption(u"frames"_s, u"Frames scrolled at each place."_s, u"n"_s,
                                          u"60"_s);
    const QCommandLineOption widthOption(u"width"_s, u"Window width."_s, u"px"_s, u"1024"_s);
    const QCommandLineOption heightOption(u"height"_s, u"Window height."_s, u"px"_s, u"720"_s);
    parser.addOptions(
        {entriesOption, stepOption, stretchesOption, framesOption, widthOption, heightOption});
    parser.addHelpOption();
    parser.process(app);
    const int entries = std::max(1, parser.value(entriesOption).toInt());
    const double step = std::max(1.0, parser.value(stepOption).toDouble());
    const int stretches = std::max(1, parser.value(stretchesOption).toInt());
    const int framesPerStretch = std::max(1, parser.value(framesOption).toInt());
    if (auto ready = crypto::initialize(); !ready)
        fail("libsodium", ready.error());

    QTemporaryDir root(benchRoot() + u"/companion-bench-scroll-XXXXXX"_s);
    QQuickStyle::setStyle(u"Basic"_s);
    presentation::AppServicesOptions options;
    options.profileDirectory = root.filePath(u"profile"_s);
    QDir().mkpath(options.profileDirectory);
    presentation::AppServices services(options);
    services.publish();

    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s);
    engine.load(QUrl(u"qrc:/qt/qml/Companion/Patient/Main.qml"_s));
    auto *window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        die("Main.qml did not load");
    window->resize(parser.value(widthOption).toInt(), parser.value(heightOption).toInt());
    // As app/patient/main.cpp: the shell is compiled after the first frame (ADR 0029).
    presentation::ShellPreloader shellPreloader(
        engine, QUrl(u"qrc:/qt/qml/Companion/Patient/components/AppShell.qml"_s));
    shellPreloader.startAfterFirstFrame(window);

    ProfileController &profile = services.profile;
    profile.createProfile(kPassphrase, kPassphrase);
    if (!waitFor([&] { return profile.state() == ProfileController::Unlocked; }, 120'000))
        die("could not create the profile");
    profile.acknowledgeRecoveryKey();
    profile.setPreferredName(u"Alex"_s);
    addEntries(*profile.profile(), entries);
    // Locked and unlocked through the controller: the diary lists what an unlock loads.
    profile.lock();
    QCoreApplication::processEvents();
    QElapsedTimer loading;
    loading.start();
    profile.unlock(kPassphrase);
    if (!waitFor([&] { return profile.state() == ProfileController::Unlocked; }, 120'000))
        die("could not unlock the profile");

    // Go to the diary as the navigation bar does (Navigation.destination 1 is "Diary").
    QQuickItem *shell = nullptr;
    if (!waitFor(
            [&] {
                shell = findByObjectName(window->contentItem(), u"appShell"_s);
                return shell != nullptr;
            },
            120'000))
        die("the app shell did not appear after unlocking");
    // The first frame after the page lists its entries ends "time to the page appearing".
    bool listed = false;
    qint64 shownMs = -1;
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        if (listed && shownMs < 0)
            shownMs = loading.elapsed();
    });
    const qint64 navigatedMs = loading.elapsed();
    QQmlExpression navigate(qmlContext(shell), shell, u"Navigation.destination = 1"_s);
    navigate.evaluate();
    if (navigate.hasError())
        die("could not open the diary");

    QQuickItem *page = nullptr;
    if (!waitFor(
            [&] {
                page = findByObjectName(window->contentItem(), u"diaryPage"_s);
                return page && services.diary.entryCount() == entries;
            },
            120'000)) {
        std::fprintf(stderr, "diary page %s, %d entries listed, profile state %d\n",
                     page ? "found" : "not found", services.diary.entryCount(),
                     int(profile.state()));
        die("the diary page did not list the entries");
    }
    listed = true;
    if (!waitFor([&] { return shownMs >= 0; }, 120'000))
        die("the listed diary page was never drawn");
    // Let the page lay out its 1,000 rows and show them once before measuring.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QQuickItem *flickable = findFlickable(page);
    if (!flickable)
        die("the diary page has no Flickable");
    // A ListView's header sits above its first row, at a negative originY; a ListView also
    // estimates contentHeight from the rows it has made so far, so both are read again per place.
    const auto top = [&] { return flickable->property("originY").toDouble(); };
    const auto bottom = [&] {
        return top() + flickable->property("contentHeight").toDouble() - flickable->height();
    };
    const double contentHeight = flickable->property("contentHeight").toDouble();
    const double viewHeight = flickable->height();
    std::printf("bench_scroll: %d entries, unlock to the listed page's first frame %lld ms (of "
                "it, opening the page %lld ms), content %.0f px in a %.0f px view (%s \"%s\"), %s, "
                "QT_QUICK_BACKEND=%s, step %.0f px per frame\n",
                entries, static_cast<long long>(shownMs),
                static_cast<long long>(shownMs - navigatedMs), contentHeight, viewHeight,
                flickable->metaObject()->className(), qPrintable(flickable->objectName()),
                qPrintable(QGuiApplication::platformName()),
                qPrintable(qEnvironmentVariable("QT_QUICK_BACKEND", u"(default)"_s)), step);
    std::fflush(stdout);
    if (contentHeight <= viewHeight)
        die("the list does not scroll");

    // Timestamps from the window's signals (direct: the render thread, if any, writes them).
    std::atomic<long long> syncStart{0}, swapped{0};
    QElapsedTimer clock;
    clock.start();
    QObject::connect(
        window, &QQuickWindow::beforeSynchronizing, window,
        [&] { syncStart = clock.nsecsElapsed(); }, Qt::DirectConnection);
    QEventLoop frameLoop;
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [&] {
            swapped = clock.nsecsElapsed();
            QMetaObject::invokeMethod(&frameLoop, &QEventLoop::quit, Qt::QueuedConnection);
        },
        Qt::DirectConnection);
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &frameLoop, &QEventLoop::quit);

    // One frame: set contentY, wait for the swap; returns false when no frame came.
    const auto frameAt = [&](double y, double *frameMs, double *renderMs) {
        swapped = 0;
        const long long begin = clock.nsecsElapsed();
        flickable->setProperty("contentY", y);
        guard.start(10'000);
        frameLoop.exec();
        if (swapped == 0)
            return false;
        *frameMs = double(swapped - begin) / 1e6;
        *renderMs = syncStart >= begin ? double(swapped - syncStart) / 1e6 : 0.0;
        return true;
    };
    // Stretches of drag-speed frames spread over the whole list (top, every quarter, bottom):
    // scrolling all of it at drag speed would take thousands of frames, and the cost of a frame
    // depends on where in the list it is, not on how the view got there.
    std::vector<double> frames, renders;
    for (int stretch = 0; stretch < stretches; ++stretch) {
        const double start = top(), end = bottom();
        double y = stretches > 1 ? start + (end - start) * stretch / (stretches - 1) : start;
        double direction = stretch + 1 < stretches ? 1.0 : -1.0; // down, up from the bottom
        double frameMs = 0, renderMs = 0;
        // The jump there is not a scroll frame and is not counted (nor waited for when the
        // view is already there: nothing changes, so no frame comes).
        if (flickable->property("contentY").toDouble() != y && !frameAt(y, &frameMs, &renderMs))
            die("no frame within 10 s of a jump");
        for (int i = 0; i < framesPerStretch; ++i) {
            const double first = top(), last = bottom();
            if (y + direction * step > last || y + direction * step < first)
                direction = -direction; // turn at either end, as a finger would
            y = std::clamp(y + direction * step, first, last);
            if (!frameAt(y, &frameMs, &renderMs))
                die("no frame within 10 s of a scroll step");
            frames.push_back(frameMs);
            renders.push_back(renderMs);
        }
        std::printf("  stretch %d at %.0f px: median frame %.2f ms\n", stretch + 1, y,
                    median(std::vector<double>(frames.end() - framesPerStretch, frames.end())));
        std::fflush(stdout);
    }
    std::vector<double> beforeSync(frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i)
        beforeSync[i] = frames[i] - renders[i];
    const double p50 = percentile(frames, 50), p95 = percentile(frames, 95),
                 worst = *std::max_element(frames.begin(), frames.end());
    const auto over =
        std::count_if(frames.begin(), frames.end(), [](double ms) { return ms > 16; });
    std::printf(
        "  %zu frames: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, %lld over 16 ms; "
        "scene graph (sync + render + swap) p50 %.2f ms, p95 %.2f ms; before it (event "
        "delivery, polish) p50 %.2f ms, p95 %.2f ms\n",
        frames.size(), p50, p95, percentile(frames, 99), worst, static_cast<long long>(over),
        percentile(renders, 50), percentile(renders, 95), percentile(beforeSync, 50),
        percentile(beforeSync, 95));
    const bool met = p95 <= 16.0 && worst <= 100.0;
    std::printf("RESULT\tframes while scrolling %d diary entries, p50 / p95 / max (ms)\t"
                "%.1f / %.1f / %.1f\t-\t-\tp95 <= 16 ms, max <= 100 ms\t%s\n",
                entries, p50, p95, worst, met ? "yes" : "NO");
    std::printf("RESULT\t  unlock to the diary page's first frame with %d entries (info) (ms)\t"
                "%lld\t-\t-\t(info)\t-\n",
                entries, static_cast<long long>(shownMs));
    std::fflush(stdout);
    profile.lock();
    return 0;
}
