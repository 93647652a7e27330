// bench_first_frame: the patient app (`companion --report-first-frame`) against a minimal Qt
// Quick window (bench_minimal_window), each started as a fresh process, alternately, N times:
//   - time to first frame: from just before the process is started to its window's first
//     frameSwapped (both read CLOCK_MONOTONIC, one clock for all processes);
//   - memory at first frame: the process's VmRSS at that frameSwapped.
// Every start gets new, empty HOME and XDG directories, so the app shows its first screen (no
// profile yet) and neither side finds a cache left by an earlier run. Goals (issue 8): time
// ≤ 2.5×, memory ≤ 1.8× the minimal window.
//
//   bench_first_frame [--runs N] [--platform offscreen] [--backend software]
#include "benchutil.h"

#include "presentation/firstframereport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::bench;

namespace {

struct Sample
{
    double firstFrameMs = 0;
    double rssMiB = 0;
    double cpuMs = 0; // CPU time of the process (all threads) up to the first frame
};

Sample startOnce(const QString &program, const QStringList &arguments,
                 const QProcessEnvironment &base)
{
    QTemporaryDir home(benchRoot() + u"/companion-first-frame-XXXXXX"_s);
    QProcessEnvironment environment = base;
    environment.insert(u"HOME"_s, home.path());
    for (const char *variable :
         {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString directory = home.filePath(QString::fromLatin1(variable).toLower());
        QDir().mkpath(directory);
        environment.insert(QString::fromLatin1(variable), directory);
    }
    const QString runtime = home.filePath(u"runtime"_s);
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    environment.insert(u"XDG_RUNTIME_DIR"_s, runtime);

    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    const long long started = presentation::monotonicNanoseconds();
    process.start(program, arguments);
    if (!process.waitForFinished(120'000) || process.exitCode() != 0) {
        std::fprintf(stderr, "bench_first_frame: %s failed (exit %d): %s\n", qPrintable(program),
                     process.exitCode(), process.readAllStandardError().constData());
        std::exit(1);
    }
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() == 4 && fields[0] == "FIRST_FRAME")
            return {double(fields[1].toLongLong() - started) / 1e6,
                    double(fields[2].toLongLong()) / 1024.0, double(fields[3].toLongLong()) / 1e6};
    }
    std::fprintf(stderr, "bench_first_frame: %s printed no FIRST_FRAME line\n",
                 qPrintable(program));
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption runsOption(u"runs"_s, u"Starts of each program."_s, u"n"_s, u"7"_s);
    const QCommandLineOption platformOption(u"platform"_s, u"QT_QPA_PLATFORM for both."_s,
                                            u"name"_s, u"offscreen"_s);
    const QCommandLineOption backendOption(u"backend"_s, u"QT_QUICK_BACKEND for both."_s, u"name"_s,
                                           u"software"_s);
    const QCommandLineOption appOption(u"app"_s, u"The patient app."_s, u"path"_s,
                                       QStringLiteral(COMPANION_APP_PATH));
    const QCommandLineOption minimalOption(u"minimal"_s, u"The minimal window."_s, u"path"_s,
                                           QStringLiteral(COMPANION_MINIMAL_WINDOW_PATH));
    parser.addOptions({runsOption, platformOption, backendOption, appOption, minimalOption});
    parser.addHelpOption();
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
    base.insert(u"QT_QPA_PLATFORM"_s, parser.value(platformOption));
    if (parser.value(backendOption).isEmpty())
        base.remove(u"QT_QUICK_BACKEND"_s);
    else
        base.insert(u"QT_QUICK_BACKEND"_s, parser.value(backendOption));
    std::printf("bench_first_frame: %d starts each, alternating, QT_QPA_PLATFORM=%s "
                "QT_QUICK_BACKEND=%s, fresh HOME and XDG directories per start\n",
                runs, qPrintable(parser.value(platformOption)),
                qPrintable(parser.value(backendOption)));

    const QString appPath = parser.value(appOption);
    const QString minimalPath = parser.value(minimalOption);
    // One start of each first, not counted: loads the binaries and Qt's libraries into the page
    // cache, so neither side pays for a cold disk.
    startOnce(appPath, {u"--report-first-frame"_s}, base);
    startOnce(minimalPath, {}, base);

    std::vector<double> oursMs, baseMs, oursMiB, baseMiB, oursCpu, baseCpu, timeRatios,
        memoryRatios, cpuRatios;
    for (int run = 0; run < runs; ++run) {
        Sample ours, minimal;
        if (run % 2 == 0) {
            ours = startOnce(appPath, {u"--report-first-frame"_s}, base);
            minimal = startOnce(minimalPath, {}, base);
        } else {
            minimal = startOnce(minimalPath, {}, base);
            ours = startOnce(appPath, {u"--report-first-frame"_s}, base);
        }
        oursMs.push_back(ours.firstFrameMs);
        baseMs.push_back(minimal.firstFrameMs);
        oursMiB.push_back(ours.rssMiB);
        baseMiB.push_back(minimal.rssMiB);
        timeRatios.push_back(ours.firstFrameMs / minimal.firstFrameMs);
        memoryRatios.push_back(ours.rssMiB / minimal.rssMiB);
        oursCpu.push_back(ours.cpuMs);
        baseCpu.push_back(minimal.cpuMs);
        cpuRatios.push_back(ours.cpuMs / minimal.cpuMs);
        std::printf("  run %d: first frame %.1f vs %.1f ms (%.2f), CPU %.1f vs %.1f ms (%.2f), "
                    "VmRSS %.1f vs %.1f MiB (%.2f)\n",
                    run + 1, ours.firstFrameMs, minimal.firstFrameMs, timeRatios.back(), ours.cpuMs,
                    minimal.cpuMs, cpuRatios.back(), ours.rssMiB, minimal.rssMiB,
                    memoryRatios.back());
        std::fflush(stdout);
    }
    const double timeRatio = median(timeRatios);
    const double memoryRatio = median(memoryRatios);
    printResult("time to first frame, patient app vs minimal Qt Quick window (ms)",
                QString::number(median(oursMs), 'f', 1), QString::number(median(baseMs), 'f', 1),
                timeRatio, "<= 2.5x", true, timeRatio <= 2.5);
    printResult("  CPU time to first frame (all threads; no waiting for a core) (ms)",
                QString::number(median(oursCpu), 'f', 1), QString::number(median(baseCpu), 'f', 1),
                median(cpuRatios), "(info)", false, false);
    printResult("memory at first frame, patient app vs minimal window (VmRSS MiB)",
                QString::number(median(oursMiB), 'f', 1), QString::number(median(baseMiB), 'f', 1),
                memoryRatio, "<= 1.8x", true, memoryRatio <= 1.8);
    return 0;
}
