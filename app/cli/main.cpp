// Composition root of companion-cli: process set-up only; the commands live in src/cli.
#include "cli/commands.h"

#include <QCoreApplication>
#include <QLoggingCategory>

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

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("companion-cli"));
    QCoreApplication::setApplicationVersion(companion::cli::cliVersion());

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    return companion::cli::runCli(arguments);
}
