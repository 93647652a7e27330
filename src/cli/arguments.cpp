#include "cli/arguments.h"

#include <array>

using namespace Qt::StringLiterals;

namespace companion::cli {

namespace {

enum class Option {
    Profile,
    PassphraseFile,
    RecoveryKeyFile,
    NewPassphraseFile,
    RecoveryKeyOut,
    Json,
};

struct OptionSpec
{
    Option option;
    QStringView name;
    bool takesValue;
};

constexpr std::array kOptions = {
    OptionSpec{Option::Profile, u"--profile", true},
    OptionSpec{Option::PassphraseFile, u"--passphrase-file", true},
    OptionSpec{Option::RecoveryKeyFile, u"--recovery-key-file", true},
    OptionSpec{Option::NewPassphraseFile, u"--new-passphrase-file", true},
    OptionSpec{Option::RecoveryKeyOut, u"--recovery-key-out", true},
    OptionSpec{Option::Json, u"--json", false},
};

bool commandAccepts(Command command, Option option)
{
    switch (option) {
    case Option::Profile:
    case Option::PassphraseFile:
        return true;
    case Option::RecoveryKeyFile:
        return command != Command::Init;
    case Option::NewPassphraseFile:
        return command == Command::ChangePassphrase;
    case Option::RecoveryKeyOut:
        return command == Command::Init;
    case Option::Json:
        return command == Command::Info;
    }
    return false;
}

Command commandFromName(QStringView name)
{
    if (name == u"init")
        return Command::Init;
    if (name == u"check")
        return Command::Check;
    if (name == u"change-passphrase")
        return Command::ChangePassphrase;
    if (name == u"info")
        return Command::Info;
    return Command::None;
}

Error usageError(QString message)
{
    return makeError(ErrorCode::InvalidInput, std::move(message));
}

QString *valueSlot(CliArguments &args, Option option)
{
    switch (option) {
    case Option::Profile:
        return &args.profileDirectory;
    case Option::PassphraseFile:
        return &args.passphraseFile;
    case Option::RecoveryKeyFile:
        return &args.recoveryKeyFile;
    case Option::NewPassphraseFile:
        return &args.newPassphraseFile;
    case Option::RecoveryKeyOut:
        return &args.recoveryKeyOut;
    case Option::Json:
        break;
    }
    return nullptr;
}

bool isHelp(QStringView arg)
{
    return arg == u"--help" || arg == u"-h";
}

} // namespace

Result<CliArguments> parseArguments(const QStringList &arguments)
{
    CliArguments args;
    if (arguments.isEmpty())
        return usageError(u"no command given"_s);

    const QString &first = arguments.front();
    if (isHelp(first)) {
        args.help = true;
        return args;
    }
    if (first == u"--version") {
        if (arguments.size() > 1)
            return usageError(u"--version takes no other arguments"_s);
        args.version = true;
        return args;
    }
    if (first.startsWith(u'-'))
        return usageError(
            u"the command must come first (init, check, change-passphrase or info)"_s);
    args.command = commandFromName(first);
    // The unknown word is not repeated: it could be a secret typed in the wrong place.
    if (args.command == Command::None)
        return usageError(u"unknown command; expected init, check, change-passphrase or info"_s);

    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (isHelp(arg)) {
            args.help = true;
            return args;
        }
        if (!arg.startsWith(u"--"))
            return usageError(
                u"unexpected argument at position %1; options start with --"_s.arg(i + 1));

        const qsizetype equals = arg.indexOf(u'=');
        const QStringView name = equals < 0 ? QStringView(arg) : QStringView(arg).left(equals);
        const OptionSpec *spec = nullptr;
        for (const OptionSpec &candidate : kOptions) {
            if (candidate.name == name)
                spec = &candidate;
        }
        if (!spec) {
            const bool looksSecret =
                name.contains(u"passphrase") || name.contains(u"password") || name.contains(u"key");
            return usageError(
                looksSecret ? u"unknown option %1; secrets are never accepted on the command line, "
                              u"use --passphrase-file FILE or standard input"_s.arg(name)
                            : u"unknown option %1"_s.arg(name));
        }
        if (!commandAccepts(args.command, spec->option))
            return usageError(
                u"option %1 does not apply to %2"_s.arg(spec->name, commandName(args.command)));

        if (!spec->takesValue) {
            if (equals >= 0)
                return usageError(u"option %1 takes no value"_s.arg(spec->name));
            if (args.json)
                return usageError(u"option %1 is given twice"_s.arg(spec->name));
            args.json = true;
            continue;
        }

        QString value;
        if (equals >= 0) {
            value = arg.mid(equals + 1);
        } else {
            // "--profile --json" is a missing value, not a directory called "--json".
            if (i + 1 >= arguments.size() || arguments.at(i + 1).startsWith(u"--"))
                return usageError(u"option %1 needs a value"_s.arg(spec->name));
            value = arguments.at(++i);
        }
        if (value.isEmpty())
            return usageError(u"option %1 needs a value"_s.arg(spec->name));
        QString *slot = valueSlot(args, spec->option);
        if (!slot->isEmpty())
            return usageError(u"option %1 is given twice"_s.arg(spec->name));
        *slot = value;
    }

    if (args.profileDirectory.isEmpty())
        return usageError(u"%1 needs --profile DIR"_s.arg(commandName(args.command)));
    if (!args.passphraseFile.isEmpty() && !args.recoveryKeyFile.isEmpty())
        return usageError(u"give either --passphrase-file or --recovery-key-file, not both"_s);
    return args;
}

QString commandName(Command command)
{
    switch (command) {
    case Command::Init:
        return u"init"_s;
    case Command::Check:
        return u"check"_s;
    case Command::ChangePassphrase:
        return u"change-passphrase"_s;
    case Command::Info:
        return u"info"_s;
    case Command::None:
        break;
    }
    return u"companion-cli"_s;
}

QString usageText()
{
    return u"Usage:\n"
           u"  companion-cli init --profile DIR [--passphrase-file FILE] [--recovery-key-out "
           u"FILE]\n"
           u"  companion-cli check --profile DIR [--passphrase-file FILE | --recovery-key-file "
           u"FILE]\n"
           u"  companion-cli change-passphrase --profile DIR\n"
           u"                [--passphrase-file FILE | --recovery-key-file FILE]\n"
           u"                [--new-passphrase-file FILE]\n"
           u"  companion-cli info --profile DIR [--json]\n"
           u"                [--passphrase-file FILE | --recovery-key-file FILE]\n"
           u"  companion-cli --help | --version\n"
           u"\n"
           u"Commands:\n"
           u"  init               create a new encrypted profile and show its recovery key once\n"
           u"  check              unlock the profile and verify the key file and every database "
           u"page\n"
           u"  change-passphrase  set a new passphrase (the database is not re-encrypted)\n"
           u"  info               show the profile's id, dates, sizes and KDF settings\n"
           u"\n"
           u"Secrets are never read from the command line. Each one is the first line of the\n"
           u"given file, or the next line of standard input (on a terminal you are asked for it,\n"
           u"without echo; init and change-passphrase ask for the new passphrase twice).\n"
           u"\n"
           u"Exit codes: 0 ok, 1 other failure, 2 usage error, weak passphrase or malformed\n"
           u"recovery key, 3 wrong passphrase or recovery key, 4 damaged or tampered profile.\n"_s;
}

} // namespace companion::cli
