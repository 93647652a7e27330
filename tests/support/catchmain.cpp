#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>

// Catch2 v2 main with a QCoreApplication, so Qt types that need one (QSettings, timers, QFuture)
// work in every unit test.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CompanionTests"));
    return Catch::Session().run(argc, argv);
}
