#pragma once

#include "cli/console.h"
#include "crypto/passphrasestrength.h"
#include "storage/profile.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace companion::cli {

// Runs companion-cli with the arguments after the program name and returns the exit code
// (see exitcodes.h). Everything a person should read goes to console.err, results to console.out.
int runCli(const QStringList &arguments, const Console &console = {});

QString cliVersion();

// The pieces of output worth testing without a profile.
QJsonObject infoToJson(const storage::ProfileInfo &info);
QString infoToText(const storage::ProfileInfo &info);
QString passphraseHintText(crypto::PassphraseHint hint);

} // namespace companion::cli
