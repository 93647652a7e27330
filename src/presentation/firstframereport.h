#pragma once

// `--report-first-frame` (the patient app) and bench_minimal_window (its baseline) report the
// same two figures the same way, so bench/bench_first_frame compares like with like: when the
// window's first frame was swapped and how much memory the process had then. Header-only and Qt
// Quick only, so the minimal window links nothing of ours.

#include <QCoreApplication>
#include <QFile>
#include <QQuickWindow>

#include <atomic>
#include <cstdio>
#include <ctime>

namespace companion::presentation {

// CLOCK_MONOTONIC in nanoseconds: the same clock std::chrono::steady_clock reads on Linux, and
// one clock for all processes, so the benchmark subtracts the moment it started the process.
inline long long monotonicNanoseconds()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec;
}

// CPU time of the whole process (all threads) so far, in nanoseconds: on a shared machine the
// wall-clock time to first frame includes waiting for a core; this does not.
inline long long processCpuNanoseconds()
{
    timespec used{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &used);
    return static_cast<long long>(used.tv_sec) * 1'000'000'000LL + used.tv_nsec;
}

// VmRSS of this process from /proc/self/status, in KiB (-1 where there is no /proc).
inline long long residentKibibytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

// On `window`'s first frameSwapped: reads the clocks and VmRSS, prints one line
//   FIRST_FRAME <tab> <CLOCK_MONOTONIC ns> <tab> <VmRSS KiB> <tab> <process CPU ns>
// to stdout and quits the application. frameSwapped may come from the render thread: the
// figures are taken there, at the swap; printing and quitting happen on the GUI thread.
inline void reportFirstFrameAndQuit(QQuickWindow *window)
{
    // One report per process: later frames (and a second call) do nothing.
    static std::atomic_bool done{false};
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [window] {
            if (done.exchange(true))
                return;
            const long long at = monotonicNanoseconds();
            const long long cpu = processCpuNanoseconds();
            const long long rss = residentKibibytes();
            QMetaObject::invokeMethod(
                window,
                [at, rss, cpu] {
                    std::printf("FIRST_FRAME\t%lld\t%lld\t%lld\n", at, rss, cpu);
                    std::fflush(stdout);
                    QCoreApplication::exit(0);
                },
                Qt::QueuedConnection);
        },
        Qt::DirectConnection);
}

} // namespace companion::presentation
