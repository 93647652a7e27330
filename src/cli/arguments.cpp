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
    Answers,
    At,
    Mood,
    Anxiety,
    Pain,
    SleepHours,
    Note,
    From,
    To,
    Format,
    Out,
    Language,
    Kind,
    Appointment,
    Text,
    Share,
    DurationMinutes,
    Driver,
    Phone,
    Pickup,
    Confirmed,
    Slept,
    ClearHeaded,
    TimeZone,
    Server,
    Code,
    Fingerprint,
    ShareCategories,
    Category,
    Entry,
    VaultPassphraseFile,
    In,
    Confirm,
    LocalOnly,
    Uri,
    QrImage,
    QrOut,
    IncludeNotes,
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
    OptionSpec{Option::Answers, u"--answers", true},
    OptionSpec{Option::At, u"--at", true},
    OptionSpec{Option::Mood, u"--mood", true},
    OptionSpec{Option::Anxiety, u"--anxiety", true},
    OptionSpec{Option::Pain, u"--pain", true},
    OptionSpec{Option::SleepHours, u"--sleep-hours", true},
    OptionSpec{Option::Note, u"--note", true},
    OptionSpec{Option::From, u"--from", true},
    OptionSpec{Option::To, u"--to", true},
    OptionSpec{Option::Format, u"--format", true},
    OptionSpec{Option::Out, u"--out", true},
    OptionSpec{Option::Language, u"--language", true},
    OptionSpec{Option::Kind, u"--kind", true},
    OptionSpec{Option::Appointment, u"--appointment", true},
    OptionSpec{Option::Text, u"--text", true},
    OptionSpec{Option::Share, u"--share", false},
    OptionSpec{Option::DurationMinutes, u"--duration-min", true},
    OptionSpec{Option::Driver, u"--driver", true},
    OptionSpec{Option::Phone, u"--phone", true},
    OptionSpec{Option::Pickup, u"--pickup", true},
    OptionSpec{Option::Confirmed, u"--confirmed", false},
    OptionSpec{Option::Slept, u"--slept", true},
    OptionSpec{Option::ClearHeaded, u"--clear-headed", true},
    OptionSpec{Option::TimeZone, u"--time-zone", true},
    OptionSpec{Option::Server, u"--server", true},
    OptionSpec{Option::Code, u"--code", true},
    OptionSpec{Option::Fingerprint, u"--fingerprint", true},
    OptionSpec{Option::ShareCategories, u"--share-categories", true},
    OptionSpec{Option::Category, u"--category", true},
    OptionSpec{Option::Entry, u"--entry", true},
    OptionSpec{Option::VaultPassphraseFile, u"--vault-passphrase-file", true},
    OptionSpec{Option::In, u"--in", true},
    OptionSpec{Option::Confirm, u"--confirm", false},
    OptionSpec{Option::LocalOnly, u"--local-only", false},
    OptionSpec{Option::Uri, u"--uri", true},
    OptionSpec{Option::QrImage, u"--qr-image", true},
    OptionSpec{Option::QrOut, u"--qr", true},
    OptionSpec{Option::IncludeNotes, u"--include-notes", false},
};

// How many positional words each plan command takes (ID, ITEM, on|off).
int positionalCount(Command command)
{
    switch (command) {
    case Command::AppointmentMove:
    case Command::AppointmentCancel:
    case Command::PlanShow:
    case Command::RideSet:
    case Command::NoDrivingMorningCheck:
    case Command::RemindersAutostart:
    case Command::DeviceRevoke:
    case Command::DeviceUnlink:
        return 1;
    case Command::ConflictResolve:
        return 2;
    case Command::Share:
        return 1; // on|off|default, optional (without it: the current choices)
    case Command::PlanCheck:
        return 3;
    default:
        return 0;
    }
}

bool isPlanCommand(Command command)
{
    switch (command) {
    case Command::AppointmentAdd:
    case Command::AppointmentMove:
    case Command::AppointmentCancel:
    case Command::AppointmentList:
    case Command::PlanShow:
    case Command::PlanCheck:
    case Command::RideSet:
    case Command::RemindersList:
    case Command::NoDrivingStatus:
    case Command::NoDrivingMorningCheck:
        return true;
    default:
        return false;
    }
}

bool takesInstrumentId(Command command)
{
    return command == Command::InstrumentScore || command == Command::InstrumentRecord;
}

bool isContentCommand(Command command)
{
    return command == Command::ContentList || command == Command::ContentShow ||
           command == Command::ContentSearch;
}

bool commandAccepts(Command command, Option option)
{
    switch (option) {
    case Option::Profile:
        return needsProfile(command);
    case Option::PassphraseFile:
        return needsProfile(command) && !usesProfileFolderOnly(command);
    case Option::RecoveryKeyFile:
        return needsProfile(command) && command != Command::Init && command != Command::Enrol &&
               !usesProfileFolderOnly(command);
    case Option::NewPassphraseFile:
        return command == Command::ChangePassphrase;
    case Option::RecoveryKeyOut:
        return command == Command::Init || command == Command::Enrol ||
               command == Command::VaultRecoveryKey;
    case Option::Json:
        return command == Command::Info || command == Command::InstrumentList ||
               command == Command::InstrumentScore || command == Command::DiaryList ||
               command == Command::ContentList || command == Command::ContentSearch ||
               command == Command::NoteList || command == Command::AppointmentAdd ||
               command == Command::AppointmentList || command == Command::PlanShow ||
               command == Command::RemindersList || command == Command::NoDrivingStatus ||
               command == Command::Sync || command == Command::Share ||
               command == Command::AccessLog || command == Command::DeviceList ||
               command == Command::ConflictList || command == Command::Enrol ||
               command == Command::JoinCode || command == Command::Messages ||
               command == Command::DeviceLink || command == Command::VaultRecoveryKey;
    case Option::Uri:
    case Option::QrImage:
        return command == Command::Enrol;
    case Option::QrOut:
        return command == Command::DeviceLink;
    case Option::Server:
    case Option::Code:
    case Option::Fingerprint:
    case Option::ShareCategories:
    case Option::VaultPassphraseFile:
        return command == Command::Enrol;
    case Option::Category:
    case Option::Entry:
        return command == Command::Share;
    case Option::Language:
        return isContentCommand(command) || command == Command::Summary;
    case Option::Kind:
    case Option::Text:
    case Option::Share:
        return command == Command::NoteAdd;
    case Option::Appointment:
        return command == Command::NoteAdd || command == Command::NoteList;
    case Option::Answers:
        return takesInstrumentId(command);
    case Option::At:
        return command == Command::InstrumentRecord || command == Command::CheckinAdd ||
               command == Command::AppointmentAdd || command == Command::AppointmentMove ||
               command == Command::PlanShow || command == Command::NoDrivingStatus ||
               command == Command::NoDrivingMorningCheck;
    case Option::Mood:
    case Option::Anxiety:
    case Option::Pain:
    case Option::SleepHours:
    case Option::Note:
        return command == Command::CheckinAdd;
    case Option::From:
    case Option::To:
        return command == Command::DiaryList || command == Command::RemindersList ||
               command == Command::Summary;
    case Option::Format:
    case Option::Out:
        return command == Command::Export || command == Command::Summary;
    case Option::IncludeNotes:
        return command == Command::Summary;
    case Option::In:
        return command == Command::Import;
    case Option::Confirm:
    case Option::LocalOnly:
        return command == Command::DeleteEverything;
    case Option::DurationMinutes:
        return command == Command::AppointmentAdd || command == Command::AppointmentMove;
    case Option::Driver:
    case Option::Phone:
    case Option::Pickup:
    case Option::Confirmed:
        return command == Command::RideSet;
    case Option::Slept:
    case Option::ClearHeaded:
        return command == Command::NoDrivingMorningCheck;
    case Option::TimeZone:
        return isPlanCommand(command) || command == Command::Export || command == Command::Summary;
    }
    return false;
}

// Reads the command words at the front; returns how many it used (0: unknown).
int commandFromWords(const QStringList &arguments, Command &command)
{
    const QString &first = arguments.front();
    const QString second = arguments.size() > 1 ? arguments.at(1) : QString();
    struct Word
    {
        QStringView first;
        QStringView second;
        Command command;
    };
    static constexpr std::array kWords = {
        Word{u"init", u"", Command::Init},
        Word{u"check", u"", Command::Check},
        Word{u"change-passphrase", u"", Command::ChangePassphrase},
        Word{u"info", u"", Command::Info},
        Word{u"instrument", u"list", Command::InstrumentList},
        Word{u"instrument", u"score", Command::InstrumentScore},
        Word{u"instrument", u"record", Command::InstrumentRecord},
        Word{u"checkin", u"add", Command::CheckinAdd},
        Word{u"diary", u"list", Command::DiaryList},
        Word{u"export", u"", Command::Export},
        Word{u"content", u"list", Command::ContentList},
        Word{u"content", u"show", Command::ContentShow},
        Word{u"content", u"search", Command::ContentSearch},
        Word{u"note", u"add", Command::NoteAdd},
        Word{u"note", u"list", Command::NoteList},
        Word{u"appointment", u"add", Command::AppointmentAdd},
        Word{u"appointment", u"move", Command::AppointmentMove},
        Word{u"appointment", u"cancel", Command::AppointmentCancel},
        Word{u"appointment", u"list", Command::AppointmentList},
        Word{u"plan", u"show", Command::PlanShow},
        Word{u"plan", u"check", Command::PlanCheck},
        Word{u"ride", u"set", Command::RideSet},
        Word{u"reminders", u"list", Command::RemindersList},
        Word{u"reminders", u"daemon", Command::RemindersDaemon},
        Word{u"reminders", u"autostart", Command::RemindersAutostart},
        Word{u"no-driving", u"status", Command::NoDrivingStatus},
        Word{u"no-driving", u"morning-check", Command::NoDrivingMorningCheck},
        Word{u"enrol", u"", Command::Enrol},
        Word{u"sync", u"", Command::Sync},
        Word{u"share", u"", Command::Share},
        Word{u"access-log", u"", Command::AccessLog},
        Word{u"devices", u"list", Command::DeviceList},
        Word{u"devices", u"revoke", Command::DeviceRevoke},
        Word{u"devices", u"join-code", Command::JoinCode},
        Word{u"devices", u"link", Command::DeviceLink},
        Word{u"devices", u"unlink", Command::DeviceUnlink},
        Word{u"vault-recovery-key", u"", Command::VaultRecoveryKey},
        Word{u"conflicts", u"list", Command::ConflictList},
        Word{u"conflicts", u"resolve", Command::ConflictResolve},
        Word{u"messages", u"", Command::Messages},
        Word{u"import", u"", Command::Import},
        Word{u"delete-everything", u"", Command::DeleteEverything},
        Word{u"summary", u"", Command::Summary},
    };
    for (const Word &word : kWords) {
        if (word.first != first)
            continue;
        if (word.second.isEmpty()) {
            command = word.command;
            return 1;
        }
        if (word.second == second) {
            command = word.command;
            return 2;
        }
    }
    return 0;
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
    case Option::Answers:
        return &args.answers;
    case Option::At:
        return &args.at;
    case Option::Mood:
        return &args.mood;
    case Option::Anxiety:
        return &args.anxiety;
    case Option::Pain:
        return &args.pain;
    case Option::SleepHours:
        return &args.sleepHours;
    case Option::Note:
        return &args.note;
    case Option::From:
        return &args.from;
    case Option::To:
        return &args.to;
    case Option::Format:
        return &args.format;
    case Option::Out:
        return &args.out;
    case Option::Language:
        return &args.language;
    case Option::Kind:
        return &args.noteKind;
    case Option::Appointment:
        return &args.appointment;
    case Option::Text:
        return &args.text;
    case Option::DurationMinutes:
        return &args.durationMinutes;
    case Option::Driver:
        return &args.driver;
    case Option::Phone:
        return &args.phone;
    case Option::Pickup:
        return &args.pickup;
    case Option::Slept:
        return &args.slept;
    case Option::ClearHeaded:
        return &args.clearHeaded;
    case Option::TimeZone:
        return &args.timeZone;
    case Option::Server:
        return &args.server;
    case Option::Code:
        return &args.code;
    case Option::Fingerprint:
        return &args.fingerprint;
    case Option::ShareCategories:
        return &args.shareCategories;
    case Option::Category:
        return &args.category;
    case Option::Entry:
        return &args.entry;
    case Option::VaultPassphraseFile:
        return &args.vaultPassphraseFile;
    case Option::In:
        return &args.in;
    case Option::Uri:
        return &args.uri;
    case Option::QrImage:
        return &args.qrImage;
    case Option::QrOut:
        return &args.qrOut;
    case Option::Share:
    case Option::Confirm:
    case Option::LocalOnly:
    case Option::IncludeNotes:
    case Option::Json:
    case Option::Confirmed:
        break;
    }
    return nullptr;
}

bool isHelp(QStringView arg)
{
    return arg == u"--help" || arg == u"-h";
}

const QString kCommandList =
    u"init, check, change-passphrase, info, instrument list|score|record, checkin add, "
    u"diary list, export, content list|show|search, note add|list, appointment "
    u"add|move|cancel|list, plan show|check, ride set, reminders list|daemon|autostart or "
    u"no-driving status|morning-check, enrol, sync, share, access-log, devices "
    u"list|revoke|join-code|link|unlink, vault-recovery-key, conflicts list|resolve, messages, "
    u"import, "
    u"delete-everything or "
    u"summary"_s;

} // namespace

bool isSyncCommand(Command command)
{
    switch (command) {
    case Command::Sync:
    case Command::Share:
    case Command::AccessLog:
    case Command::DeviceList:
    case Command::DeviceRevoke:
    case Command::JoinCode:
    case Command::DeviceLink:
    case Command::DeviceUnlink:
    case Command::VaultRecoveryKey:
    case Command::ConflictList:
    case Command::ConflictResolve:
    case Command::Messages:
        return true;
    default:
        return false;
    }
}

bool usesProfileFolderOnly(Command command)
{
    return command == Command::RemindersDaemon || command == Command::RemindersAutostart;
}

bool needsProfile(Command command)
{
    return command != Command::InstrumentList && command != Command::InstrumentScore &&
           !isContentCommand(command) && command != Command::None;
}

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
        return usageError(u"the command must come first (%1)"_s.arg(kCommandList));
    const int words = commandFromWords(arguments, args.command);
    // The unknown word is not repeated: it could be a secret typed in the wrong place.
    if (words == 0)
        return usageError(u"unknown command; expected %1"_s.arg(kCommandList));

    for (qsizetype i = words; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (isHelp(arg)) {
            args.help = true;
            return args;
        }
        if (!arg.startsWith(u"--")) {
            // The one positional argument: the instrument id of "instrument score|record".
            if (takesInstrumentId(args.command) && args.instrumentId.isEmpty()) {
                args.instrumentId = arg;
                continue;
            }
            // content show ID / content search TEXT (several words are one search).
            if (args.command == Command::ContentShow && args.contentArgument.isEmpty()) {
                args.contentArgument = arg;
                continue;
            }
            if (args.command == Command::ContentSearch) {
                args.contentArgument += (args.contentArgument.isEmpty() ? QString() : u" "_s) + arg;
                continue;
            }
            if (args.positional.size() < positionalCount(args.command)) {
                args.positional << arg;
                continue;
            }
            return usageError(
                u"unexpected argument at position %1; options start with --"_s.arg(i + 1));
        }

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
            bool &flag = spec->option == Option::Share          ? args.share
                         : spec->option == Option::Confirm      ? args.confirm
                         : spec->option == Option::LocalOnly    ? args.localOnly
                         : spec->option == Option::Confirmed    ? args.confirmed
                         : spec->option == Option::IncludeNotes ? args.includeNotes
                                                                : args.json;
            if (flag)
                return usageError(u"option %1 is given twice"_s.arg(spec->name));
            flag = true;
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

    if (needsProfile(args.command) && args.profileDirectory.isEmpty())
        return usageError(u"%1 needs --profile DIR"_s.arg(commandName(args.command)));
    if (!args.passphraseFile.isEmpty() && !args.recoveryKeyFile.isEmpty())
        return usageError(u"give either --passphrase-file or --recovery-key-file, not both"_s);
    if (takesInstrumentId(args.command) && args.instrumentId.isEmpty())
        return usageError(
            u"%1 needs an instrument id (see: instrument list)"_s.arg(commandName(args.command)));
    if (takesInstrumentId(args.command) && args.answers.isEmpty())
        return usageError(u"%1 needs --answers"_s.arg(commandName(args.command)));
    if (args.command == Command::CheckinAdd &&
        (args.mood.isEmpty() || args.anxiety.isEmpty() || args.pain.isEmpty()))
        return usageError(u"checkin add needs --mood, --anxiety and --pain"_s);
    if (args.command == Command::Export && (args.format.isEmpty() || args.out.isEmpty()))
        return usageError(u"export needs --format fhir|csv|ics|json and --out FILE"_s);
    if (args.command == Command::Summary && (args.format != u"pdf" || args.out.isEmpty()))
        return usageError(u"summary needs --format pdf and --out FILE"_s);
    if (args.command == Command::Summary && !args.language.isEmpty() && args.language != u"en" &&
        args.language != u"es")
        return usageError(u"--language: en or es"_s);
    if (args.command == Command::Import && args.in.isEmpty())
        return usageError(u"import needs --in FILE (a file written by export --format json)"_s);
    if (args.command == Command::NoteAdd && args.noteKind.isEmpty())
        return usageError(
            u"note add needs --kind intention|experience|insight|action|followup|free"_s);
    if (args.command == Command::Enrol) {
        const int ways = (args.uri.isEmpty() ? 0 : 1) + (args.qrImage.isEmpty() ? 0 : 1) +
                         (args.server.isEmpty() && args.code.isEmpty() ? 0 : 1);
        if (ways != 1 || (args.uri.isEmpty() && args.qrImage.isEmpty() &&
                          (args.server.isEmpty() || args.code.isEmpty())))
            return usageError(u"enrol needs --server URL and --code CODE, or --uri URI, or "
                              u"--qr-image FILE (one of the three)"_s);
        if ((!args.uri.isEmpty() || !args.qrImage.isEmpty()) && !args.fingerprint.isEmpty())
            return usageError(u"the link carries the clinic key fingerprint: leave out "
                              u"--fingerprint"_s);
    }
    if (args.command == Command::Share) {
        if (!args.category.isEmpty() && !args.entry.isEmpty())
            return usageError(u"share takes --category or --entry, not both"_s);
        if ((args.category.isEmpty() && args.entry.isEmpty()) != args.positional.isEmpty())
            return usageError(u"share --category NAME on|off or share --entry ID "
                              u"on|off|default; share alone lists the choices"_s);
    }
    if (args.command != Command::Share && args.positional.size() < positionalCount(args.command))
        return usageError(args.command == Command::PlanCheck
                              ? u"plan check needs an appointment id, an item id and on or off"_s
                          : args.command == Command::RemindersAutostart
                              ? u"reminders autostart needs on or off"_s
                          : args.command == Command::DeviceRevoke
                              ? u"devices revoke needs a device id (see: devices list)"_s
                          : args.command == Command::ConflictResolve
                              ? u"conflicts resolve needs a conflict id and mine or theirs"_s
                              : u"%1 needs an appointment id (see: appointment list)"_s.arg(
                                    commandName(args.command)));
    if ((args.command == Command::AppointmentAdd || args.command == Command::AppointmentMove) &&
        args.at.isEmpty())
        return usageError(u"%1 needs --at TIME"_s.arg(commandName(args.command)));
    if (args.command == Command::RideSet && (args.driver.isEmpty() || args.phone.isEmpty()))
        return usageError(u"ride set needs --driver NAME and --phone NUMBER"_s);
    if (args.command == Command::NoDrivingMorningCheck &&
        (args.slept.isEmpty() || args.clearHeaded.isEmpty()))
        return usageError(u"no-driving morning-check needs --slept yes|no and --clear-headed "
                          u"yes|no"_s);
    if ((args.command == Command::ContentShow || args.command == Command::ContentSearch) &&
        args.contentArgument.isEmpty())
        return usageError(args.command == Command::ContentShow
                              ? u"content show needs an article id (see: content list)"_s
                              : u"content search needs the words to look for"_s);
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
    case Command::InstrumentList:
        return u"instrument list"_s;
    case Command::InstrumentScore:
        return u"instrument score"_s;
    case Command::InstrumentRecord:
        return u"instrument record"_s;
    case Command::CheckinAdd:
        return u"checkin add"_s;
    case Command::DiaryList:
        return u"diary list"_s;
    case Command::Export:
        return u"export"_s;
    case Command::ContentList:
        return u"content list"_s;
    case Command::ContentShow:
        return u"content show"_s;
    case Command::ContentSearch:
        return u"content search"_s;
    case Command::NoteAdd:
        return u"note add"_s;
    case Command::NoteList:
        return u"note list"_s;
    case Command::AppointmentAdd:
        return u"appointment add"_s;
    case Command::AppointmentMove:
        return u"appointment move"_s;
    case Command::AppointmentCancel:
        return u"appointment cancel"_s;
    case Command::AppointmentList:
        return u"appointment list"_s;
    case Command::PlanShow:
        return u"plan show"_s;
    case Command::PlanCheck:
        return u"plan check"_s;
    case Command::RideSet:
        return u"ride set"_s;
    case Command::RemindersList:
        return u"reminders list"_s;
    case Command::RemindersDaemon:
        return u"reminders daemon"_s;
    case Command::RemindersAutostart:
        return u"reminders autostart"_s;
    case Command::NoDrivingStatus:
        return u"no-driving status"_s;
    case Command::NoDrivingMorningCheck:
        return u"no-driving morning-check"_s;
    case Command::Enrol:
        return u"enrol"_s;
    case Command::Sync:
        return u"sync"_s;
    case Command::Share:
        return u"share"_s;
    case Command::AccessLog:
        return u"access-log"_s;
    case Command::DeviceList:
        return u"devices list"_s;
    case Command::DeviceRevoke:
        return u"devices revoke"_s;
    case Command::JoinCode:
        return u"devices join-code"_s;
    case Command::DeviceLink:
        return u"devices link"_s;
    case Command::DeviceUnlink:
        return u"devices unlink"_s;
    case Command::VaultRecoveryKey:
        return u"vault-recovery-key"_s;
    case Command::ConflictList:
        return u"conflicts list"_s;
    case Command::ConflictResolve:
        return u"conflicts resolve"_s;
    case Command::Messages:
        return u"messages"_s;
    case Command::Import:
        return u"import"_s;
    case Command::DeleteEverything:
        return u"delete-everything"_s;
    case Command::Summary:
        return u"summary"_s;
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
           u"  companion-cli instrument list [--json]\n"
           u"  companion-cli instrument score ID --answers N,N,… [--json]\n"
           u"  companion-cli instrument record ID --answers N,N,… [--at TIME] --profile DIR\n"
           u"  companion-cli checkin add --mood N --anxiety N --pain N [--sleep-hours H]\n"
           u"                [--note TEXT] [--at TIME] --profile DIR\n"
           u"  companion-cli diary list [--json] [--from TIME] [--to TIME] --profile DIR\n"
           u"  companion-cli export --format fhir|csv|ics|json --out FILE [--time-zone ZONE]\n"
           u"                --profile DIR\n"
           u"  companion-cli content list [--json] [--language en|es]\n"
           u"  companion-cli content show ID [--language en|es]\n"
           u"  companion-cli content search TEXT… [--json] [--language en|es]\n"
           u"  companion-cli note add --kind KIND [--appointment ID] [--share] [--text TEXT]\n"
           u"                --profile DIR   (without --text, the rest of standard input)\n"
           u"  companion-cli note list [--json] [--appointment ID] --profile DIR\n"
           u"  companion-cli appointment add --at TIME [--duration-min N] [--json] --profile DIR\n"
           u"  companion-cli appointment move ID --at TIME [--duration-min N] --profile DIR\n"
           u"  companion-cli appointment cancel ID --profile DIR\n"
           u"  companion-cli appointment list [--json] --profile DIR\n"
           u"  companion-cli plan show ID [--json] [--at TIME] --profile DIR\n"
           u"  companion-cli plan check ID ITEM on|off --profile DIR\n"
           u"  companion-cli ride set ID --driver NAME --phone NUMBER [--pickup TIME]\n"
           u"                [--confirmed] --profile DIR\n"
           u"  companion-cli reminders list [--json] [--from TIME] [--to TIME] --profile DIR\n"
           u"  companion-cli reminders daemon --profile DIR\n"
           u"  companion-cli reminders autostart on|off --profile DIR\n"
           u"  companion-cli no-driving status [--json] [--at TIME] --profile DIR\n"
           u"  companion-cli no-driving morning-check ID --slept yes|no --clear-headed yes|no\n"
           u"                [--at TIME] --profile DIR\n"
           u"  companion-cli enrol (--server URL --code CODE [--fingerprint FP] | --uri URI |\n"
           u"                --qr-image FILE) [--share-categories LIST]\n"
           u"                [--vault-passphrase-file FILE] [--json] --profile DIR\n"
           u"  companion-cli sync [--json] --profile DIR\n"
           u"  companion-cli share [--category NAME on|off | --entry ID on|off|default]\n"
           u"                [--json] --profile DIR\n"
           u"  companion-cli access-log [--json] --profile DIR\n"
           u"  companion-cli devices list|join-code [--json] --profile DIR\n"
           u"  companion-cli devices revoke ID --profile DIR\n"
           u"  companion-cli devices link [--qr FILE.png] [--json] --profile DIR\n"
           u"  companion-cli devices unlink SLOT --profile DIR\n"
           u"  companion-cli vault-recovery-key [--recovery-key-out FILE] [--json] --profile DIR\n"
           u"  companion-cli conflicts list [--json] --profile DIR\n"
           u"  companion-cli conflicts resolve ID mine|theirs --profile DIR\n"
           u"  companion-cli messages [--json] --profile DIR\n"
           u"  companion-cli import --in FILE --profile DIR\n"
           u"  companion-cli delete-everything --confirm [--local-only] --profile DIR\n"
           u"  companion-cli summary --format pdf --out FILE [--from DATE] [--to DATE]\n"
           u"                [--include-notes] [--language en|es] [--time-zone ZONE]\n"
           u"                --profile DIR\n"
           u"  companion-cli --help | --version\n"
           u"\n"
           u"Commands:\n"
           u"  init               create a new encrypted profile and show its recovery key once\n"
           u"  check              unlock the profile and verify the key file and every database "
           u"page\n"
           u"  change-passphrase  set a new passphrase (the database is not re-encrypted)\n"
           u"  info               show the profile's id, dates, sizes and KDF settings\n"
           u"  instrument list    the questionnaires this build ships (PHQ-9, GAD-7, PCL-5, …)\n"
           u"  instrument score   score answers without storing anything (no profile needed)\n"
           u"  instrument record  score and store a result; PHQ-9 item 9 above 0 shows crisis\n"
           u"                     help and records that it was shown\n"
           u"  checkin add        store a daily check-in (scales 0-10, sleep 0-24 hours)\n"
           u"  diary list         entries, newest first, that happened in [--from, --to)\n"
           u"  export             write a FHIR R4 Bundle, a CSV file, an iCalendar (.ics) file\n"
           u"                     of appointments, or (json) everything in the profile\n"
           u"                     (created 0600; never overwrites)\n"
           u"  content list       the education articles (no profile needed)\n"
           u"  content show       one article as Markdown, with its sources\n"
           u"  content search     articles matching every word (the last may be a prefix)\n"
           u"  note add           add a journal entry (KIND: intention, experience, insight,\n"
           u"                     action, followup or free); private unless --share\n"
           u"  note list          journal entries grouped in threads, newest thread first\n"
           u"  appointment        add, move or cancel an infusion appointment; list shows the\n"
           u"                     course (series, then boosters)\n"
           u"  plan show          an appointment's preparation checklist with due times, the\n"
           u"                     fasting countdown, the ride and the no-driving window\n"
           u"  plan check         tick (on) or untick (off) a checklist item\n"
           u"  ride set           who drives you home, their phone, pick-up time, confirmed\n"
           u"  reminders list     the next reminders (from now unless --from)\n"
           u"  reminders daemon   deliver reminders as desktop notifications (runs until\n"
           u"                     stopped; needs no passphrase, shows only generic text)\n"
           u"  reminders autostart  start the reminder service at login (on) or stop (off)\n"
           u"  no-driving status  whether the no-driving window is running, and until when\n"
           u"  no-driving morning-check  the morning after: slept? clear-headed?\n"
           u"  enrol              connect the profile to a clinic with the code it gave you (or\n"
           u"                     a join code from your other device: you are then asked for\n"
           u"                     that device's passphrase); checks the clinic key fingerprint;\n"
           u"                     --uri or --qr-image take the clinic's or your device's QR\n"
           u"  sync               send what changed here and fetch what changed elsewhere,\n"
           u"                     end-to-end encrypted; prints counts\n"
           u"  share              what the care team may read: categories (checkins,\n"
           u"                     instruments, post-infusion, preparation, journal, safety) or\n"
           u"                     one entry; nothing is shared unless you turn it on\n"
           u"  access-log         who at the clinic read what you shared, and when; your\n"
           u"                     devices and logins\n"
           u"  devices            your devices; a one-hour code to join another; revoke one;\n"
           u"                     link: a 10-minute QR that joins a new device without your\n"
           u"                     passphrase (anyone who sees it can join: show it to no one)\n"
           u"  vault-recovery-key  a new data recovery key for your synced data, shown once\n"
           u"                     (or written 0600 to --recovery-key-out); the old one stops\n"
           u"                     working\n"
           u"  conflicts          edits made on two devices at once: both are kept; choose\n"
           u"                     which one stays\n"
           u"  messages           what your clinic and care team sent (as of the last sync):\n"
           u"                     replies to your entries, appointments the clinic booked\n"
           u"  import             copy a json export into a new, empty profile (made by init)\n"
           u"  delete-everything  delete your data at the clinic (ciphertext and keys) and\n"
           u"                     then this profile; --local-only skips the clinic\n"
           u"  summary            a PDF summary to keep or bring to an appointment: scores,\n"
           u"                     check-ins, infusions, the next infusion's preparation; notes\n"
           u"                     only with --include-notes (DATE: YYYY-MM-DD; 0600; never\n"
           u"                     overwrites)\n"
           u"\n"
           u"The diary commands take --profile DIR and unlock it like check does (options\n"
           u"--passphrase-file FILE or --recovery-key-file FILE). TIME is ISO 8601, e.g.\n"
           u"2026-03-01T09:30:00Z or 2026-03-01T09:30:00+01:00; a date alone is midnight UTC;\n"
           u"without a zone it is local time. --at defaults to now. Rules such as \"the day\n"
           u"before\" and \"08:00 the next morning\" use --time-zone ZONE (an IANA name such\n"
           u"as Europe/Berlin), by default the system's time zone.\n"
           u"\n"
           u"Secrets are never read from the command line. Each one is the first line of the\n"
           u"given file, or the next line of standard input (on a terminal you are asked for it,\n"
           u"without echo; init and change-passphrase ask for the new passphrase twice).\n"
           u"\n"
           u"Exit codes: 0 ok, 1 other failure, 2 usage error (including answers or values out\n"
           u"of range), weak passphrase or malformed recovery key, 3 wrong passphrase or recovery\n"
           u"key, 4 damaged or tampered profile, 5 clinic server unreachable (try again), 6\n"
           u"refused by the clinic server (used code, revoked device).\n"_s;
}

} // namespace companion::cli
