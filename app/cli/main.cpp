// Composition root of companion-cli: process set-up only; the commands live in src/cli.
#include "cli/commands.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <cstring>
#include <memory>

#include <sys/resource.h>

int main(int argc, char *argv[])
{
    // A core dump would hold whatever was in memory: passphrases, the database key, records.
    // SecretBytes already excludes its pages from dumps; this covers every other heap copy.
    const struct rlimit noCore = {0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    // Scripts read stderr for our one-line errors; the library's progress notes ("created a
    // profile") are noise there. QT_LOGGING_RULES still overrides this for debugging.
    QLoggingCategory::setFilterRules(QStringLiteral("companion.*.debug=false\n"
                                                    "companion.*.info=false"));

    // `summary` paints a PDF, which needs fonts and so a QGuiApplication. Every other command
    // stays on QCoreApplication (the reminder service and scripts on machines without a display
    // must not load a GUI platform). Even for summary the CLI never shows a window: the
    // offscreen platform is forced, so it runs the same over ssh or in CI (ADR 0019).
    const bool paints = argc > 1 && std::strcmp(argv[1], "summary") == 0;
    std::unique_ptr<QCoreApplication> app;
    if (paints) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("companion-cli"));
    QCoreApplication::setApplicationVersion(companion::cli::cliVersion());

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    return companion::cli::runCli(arguments);
}
