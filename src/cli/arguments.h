#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace companion::cli {

enum class Command { None, Init, Check, ChangePassphrase, Info };

// The parsed command line. It never holds a secret: passphrases and recovery keys come from
// files or standard input, never from argv (argv is visible to every user through /proc).
struct CliArguments
{
    Command command = Command::None;
    bool help = false;
    bool version = false;
    QString profileDirectory;  // --profile
    QString passphraseFile;    // --passphrase-file
    QString recoveryKeyFile;   // --recovery-key-file
    QString newPassphraseFile; // --new-passphrase-file (change-passphrase)
    QString recoveryKeyOut;    // --recovery-key-out (init)
    bool json = false;         // --json (info)
};

// Parses the arguments after the program name. Errors are InvalidInput with a message that names
// the offending option but never repeats a value: a value typed by mistake may be a passphrase.
Result<CliArguments> parseArguments(const QStringList &arguments);

QString commandName(Command command);
QString usageText();

} // namespace companion::cli
