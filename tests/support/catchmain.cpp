#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QLocale>

// Catch2 v2 main with a QCoreApplication, so Qt types that need one (QSettings, timers, QFuture)
// work in every unit test.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CompanionTests"));
    // Day and month names and number formats follow the default locale (the app sets it from the
    // UI language): pin it so results do not depend on the developer's LANG. Tests that check a
    // language set their own and restore this one.
    QLocale::setDefault(QLocale::c());
    return Catch::Session().run(argc, argv);
}
