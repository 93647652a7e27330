// Composition root of companion-careteam. `--headless` runs the console's commands for scripts
// and tests (src/careteam/headless.h); the window is not built yet, so anything else prints the
// usage and exits 2.
#include "careteam/headless.h"

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTranslator>

#include <sys/resource.h>

#include <cstdio>

int main(int argc, char *argv[])
{
    // A core dump would hold whatever was in memory: the passphrase, keys, shared entries.
    const struct rlimit noCore = {0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    bool headless = false;
    for (int i = 1; i < argc; ++i)
        headless = headless || qstrcmp(argv[i], "--headless") == 0;
    if (!headless) {
        std::fputs("companion-careteam: the window is not available in this build; use\n"
                   "  companion-careteam --headless COMMAND …   (companion-careteam --headless "
                   "--help)\n",
                   stderr);
        return 2;
    }
    // Reports need fonts, so a QGuiApplication; headless, it never uses a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QLoggingCategory::setFilterRules(QStringLiteral("companion.*.debug=false\n"
                                                    "companion.*.info=false"));

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("companion-careteam"));
    QGuiApplication::setApplicationVersion(QStringLiteral(COMPANION_VERSION));

    // English plural forms for the sentences in the JSON output ("2 unread shared entries").
    QTranslator plurals;
    if (plurals.load(QStringLiteral(":/i18n/companion_en.qm")))
        QCoreApplication::installTranslator(&plurals);

    QStringList arguments = QGuiApplication::arguments();
    arguments.removeFirst();
    arguments.removeOne(QStringLiteral("--headless"));
    return companion::careteam::runHeadless(arguments);
}
