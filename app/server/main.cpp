// Composition root of companion-server: process set-up only; everything else is in src/server.
#include "server/servercli.h"

#include <QCoreApplication>

#include <sys/resource.h>
#include <sys/stat.h>

int main(int argc, char *argv[])
{
    // No core dumps (they would hold keys and tokens) and private files by default: the SQLite
    // database, key files and logs the server creates are the operator's alone.
    const struct rlimit noCore = {0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    umask(077);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("companion-server"));
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    return companion::server::runServerCli(arguments);
}
