#include "cli/commands.h"

#include "cli/arguments.h"
#include "cli/contentcommands.h"
#include "cli/diarycommands.h"
#include "cli/exitcodes.h"
#include "cli/notecommands.h"
#include "cli/ownershipcommands.h"
#include "cli/plancommands.h"
#include "cli/secretreader.h"
#include "cli/summarycommands.h"
#include "cli/synccommands.h"
#include "crypto/recoverykey.h"
#include "crypto/sodium.h"
#include "storage/profilewipe.h"
#include "sync/clinicclient.h"
#include "sync/syncengine.h"
#if defined(Q_OS_LINUX) && !defined(Q_OS_ANDROID)
#define COMPANION_DESKTOP_REMINDERS 1
#include "platform/linux/autostart.h"
#endif

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <variant>

using namespace Qt::StringLiterals;

namespace companion::cli {

namespace {

using storage::Profile;

// How a command unlocked the profile decides the wording of "wrong …".
enum class Credential { Passphrase, RecoveryKey };

ExitCode report(const Console &console, const Error &error, const QString &directory,
                Credential credential = Credential::Passphrase)
{
    QString text;
    switch (error.code) {
    case ErrorCode::WrongPassphrase:
        text = credential == Credential::RecoveryKey
                   ? u"wrong recovery key: it does not unlock the profile in %1"_s.arg(directory)
                   : u"wrong passphrase: it does not unlock the profile in %1"_s.arg(directory);
        break;
    case ErrorCode::Damaged:
        text = u"the profile in %1 is damaged or has been tampered with (%2). Nothing was "
               u"changed or repaired; restore the profile from a backup"_s.arg(directory,
                                                                               error.message);
        break;
    case ErrorCode::WeakParameters:
    case ErrorCode::InvalidInput:
        text = error.message;
        break;
    case ErrorCode::NotFound:
        text = u"not found: %1"_s.arg(error.message);
        break;
    case ErrorCode::Unsupported:
        text = u"the profile in %1 was written by a newer version of Companion (%2)"_s.arg(
            directory, error.message);
        break;
    default:
        text = u"failed: %1"_s.arg(error.message);
        break;
    }
    console.printError(u"companion-cli: "_s + text + u'\n');
    return exitCodeFor(error.code);
}

ExitCode usage(const Console &console, const QString &message)
{
    console.printError(u"companion-cli: "_s + message + u"\n\n"_s + usageText());
    return ExitCode::Usage;
}

// The recovery key file holds text; RecoveryKey::parse wants a QStringView. The QString holds
// the key only for the parse and is wiped before it is freed.
Result<crypto::RecoveryKey> parseRecoveryKey(const SecretBytes &utf8)
{
    QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8.data()),
                                     static_cast<qsizetype>(utf8.size()));
    auto key = crypto::RecoveryKey::parse(text);
    secureWipe(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    return key;
}

struct Unlocked
{
    std::unique_ptr<Profile> profile;
};

// Unlocks with the recovery key file when given, else with the passphrase (file or stdin).
// On failure, reports and returns the exit code.
std::variant<Unlocked, ExitCode> unlock(const CliArguments &args, SecretReader &reader,
                                        const Console &console)
{
    const QString &directory = args.profileDirectory;
    if (!Profile::exists(directory))
        return report(console,
                      makeError(ErrorCode::NotFound, u"there is no profile in %1"_s.arg(directory)),
                      directory);

    if (!args.recoveryKeyFile.isEmpty()) {
        auto text = SecretReader::readFromFile(args.recoveryKeyFile, u"recovery key"_s);
        if (!text)
            return report(console, text.error(), directory);
        auto key = parseRecoveryKey(*text);
        if (!key)
            return report(console, key.error(), directory);
        auto profile = Profile::unlockWithRecoveryKey(directory, *key);
        if (!profile)
            return report(console, profile.error(), directory, Credential::RecoveryKey);
        return Unlocked{std::move(profile).value()};
    }

    auto passphrase = reader.read(args.passphraseFile, u"Passphrase: "_s, u"passphrase"_s);
    if (!passphrase)
        return report(console, passphrase.error(), directory);
    auto profile = Profile::unlock(directory, *passphrase);
    if (!profile)
        return report(console, profile.error(), directory);
    return Unlocked{std::move(profile).value()};
}

// Rejects a new passphrase zxcvbn finds guessable, with the reason in plain words.
Result<void> requireStrong(const SecretBytes &passphrase)
{
    const crypto::PassphraseStrength strength = crypto::assessPassphrase(passphrase);
    if (strength.acceptable)
        return {};
    return makeError(ErrorCode::WeakParameters,
                     u"the passphrase is too weak (strength %1 of 4): %2"_s.arg(strength.score)
                         .arg(passphraseHintText(strength.hint)));
}

ExitCode runInit(const CliArguments &args, const Console &console)
{
    const QString &directory = args.profileDirectory;
    if (Profile::exists(directory))
        return report(
            console,
            makeError(ErrorCode::AlreadyExists,
                      u"a profile already exists in %1; refusing to overwrite it"_s.arg(directory)),
            directory);
    if (!args.recoveryKeyOut.isEmpty() && QFileInfo::exists(args.recoveryKeyOut))
        return report(
            console,
            makeError(ErrorCode::AlreadyExists,
                      u"%1 already exists; refusing to overwrite it"_s.arg(args.recoveryKeyOut)),
            directory);

    SecretReader reader(console.in, console.err);
    auto passphrase = reader.readNew(args.passphraseFile, u"New passphrase: "_s,
                                     u"Repeat the passphrase: "_s, u"passphrase"_s);
    if (!passphrase)
        return report(console, passphrase.error(), directory);
    if (auto strong = requireStrong(*passphrase); !strong)
        return report(console, strong.error(), directory);

    int keyFd = -1;
    if (!args.recoveryKeyOut.isEmpty()) {
        auto fd = createPrivateFile(args.recoveryKeyOut);
        if (!fd)
            return report(console, fd.error(), directory);
        keyFd = *fd;
    }

    auto created = Profile::create(directory, *passphrase);
    passphrase->wipe();
    if (!created) {
        if (keyFd >= 0) {
            ::close(keyFd);
            ::unlink(QFile::encodeName(args.recoveryKeyOut).constData());
        }
        return report(console, created.error(), directory);
    }

    QString display = created->recoveryKey.displayText();
    const SecretBytes keyLine = takeAsciiSecret(display);
    created->recoveryKey = {};

    if (keyFd >= 0) {
        const bool written = writeAll(keyFd, keyLine.view()) && ::fsync(keyFd) == 0;
        const bool closed = ::close(keyFd) == 0;
        if (written && closed) {
            console.print(u"Created a new profile in %1.\n"
                          u"Recovery key written to %2 (readable only by you). Move it somewhere "
                          u"safe and offline, then delete it from this computer.\n"_s.arg(
                              directory, args.recoveryKeyOut));
            return ExitCode::Ok;
        }
        // The profile exists now; losing its recovery key is worse than showing it on screen.
        console.printError(u"companion-cli: could not write the recovery key to %1; it is shown "
                           u"below instead.\n"_s.arg(args.recoveryKeyOut));
    }

    console.print(
        u"Created a new profile in %1.\n"
        u"Recovery key (shown only this once; write it down and keep it somewhere safe "
        u"and offline — it unlocks this profile if you forget the passphrase):\n"_s.arg(directory));
    writeAll(console.out, keyLine.view());
    return keyFd >= 0 ? ExitCode::Failure : ExitCode::Ok;
}

// Unlocks the profile (passphrase or recovery key, verifying every page) and runs `command`
// on it; an unlock failure is reported and becomes the exit code.
template<typename Command>
ExitCode withUnlockedProfile(const CliArguments &args, const Console &console, Command &&command)
{
    SecretReader reader(console.in, console.err);
    auto unlocked = unlock(args, reader, console);
    if (auto *code = std::get_if<ExitCode>(&unlocked))
        return *code;
    return command(*std::get<Unlocked>(unlocked).profile, reader);
}

ExitCode runCheck(const CliArguments &args, const Console &console)
{
    return withUnlockedProfile(args, console, [&](Profile &profile, SecretReader &) {
        auto info = profile.info();
        if (!info)
            return report(console, info.error(), args.profileDirectory);
        console.print(u"ok: profile %1 unlocked; the key file and every database page verified "
                      u"(%2 records, schema version %3)\n"_s.arg(
                          info->profileId, QString::number(info->recordCount),
                          QString::number(info->schemaVersion)));
        return ExitCode::Ok;
    });
}

ExitCode runChangePassphrase(const CliArguments &args, const Console &console)
{
    // The current secret is checked before the new passphrase is asked for, so a person at a
    // terminal does not type a new passphrase twice only to learn the old one was wrong.
    return withUnlockedProfile(args, console, [&](Profile &profile, SecretReader &reader) {
        auto newPassphrase = reader.readNew(args.newPassphraseFile, u"New passphrase: "_s,
                                            u"Repeat the new passphrase: "_s, u"new passphrase"_s);
        if (!newPassphrase)
            return report(console, newPassphrase.error(), args.profileDirectory);
        if (auto strong = requireStrong(*newPassphrase); !strong)
            return report(console, strong.error(), args.profileDirectory);
        if (auto changed = profile.changePassphrase(*newPassphrase); !changed)
            return report(console, changed.error(), args.profileDirectory);
        console.print(
            u"Passphrase changed for the profile in %1. The recovery key is unchanged.\n"_s.arg(
                args.profileDirectory));
        // A synced profile: a new device joins with "the passphrase of your other device", so
        // the server's passphrase slot is sealed again under the new one (issue 6, ADR 0034).
        sync::SyncEngine engine(profile.database(), profile.records());
        auto enrolled = engine.isEnrolled();
        if (enrolled && *enrolled) {
            if (auto resealed = engine.resealPassphraseSlot(*newPassphrase); !resealed) {
                console.printError(
                    u"companion-cli: the clinic server was not updated (%1), so a new device "
                    u"still joins with your old passphrase. Run change-passphrase again when "
                    u"you are online (you may choose the same new passphrase).\n"_s.arg(
                        resealed.error().message));
                return exitCodeFor(resealed.error().code);
            }
            console.print(u"A new device now joins your synced data with the new passphrase.\n"_s);
        }
        return ExitCode::Ok;
    });
}

ExitCode runInfo(const CliArguments &args, const Console &console)
{
    return withUnlockedProfile(args, console, [&](Profile &profile, SecretReader &) {
        auto info = profile.info();
        if (!info)
            return report(console, info.error(), args.profileDirectory);
        if (args.json)
            console.print(
                QString::fromUtf8(QJsonDocument(infoToJson(*info)).toJson(QJsonDocument::Compact)) +
                u'\n');
        else
            console.print(infoToText(*info));
        return ExitCode::Ok;
    });
}

// The diary commands that open a profile: unlock as check does, then run.
ExitCode runWithProfile(const CliArguments &args, const Console &console)
{
    return withUnlockedProfile(args, console, [&](Profile &profile, SecretReader &) {
        const Clock &clock = SystemClock::instance();
        Result<void> done;
        switch (args.command) {
        case Command::InstrumentRecord:
            done = runInstrumentRecord(args, profile, console, clock);
            break;
        case Command::CheckinAdd:
            done = runCheckinAdd(args, profile, console, clock);
            break;
        case Command::DiaryList:
            done = runDiaryList(args, profile, console);
            break;
        case Command::Export:
            done = args.format.toLower() == u"ics"    ? runExportIcs(args, profile, console, clock)
                   : args.format.toLower() == u"json" ? runExportJson(args, profile, console, clock)
                                                      : runExport(args, profile, console, clock);
            break;
        case Command::Import:
            done = runImport(args, profile, console, clock);
            break;
        case Command::Summary:
            done = runSummary(args, profile, console, clock);
            break;
        case Command::NoteAdd:
            done = runNoteAdd(args, profile, console);
            break;
        case Command::NoteList:
            done = runNoteList(args, profile, console);
            break;
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
            done = runPlanCommand(args, profile, console, clock);
            break;
        default:
            done = isSyncCommand(args.command)
                       ? runSyncCommand(args, profile, console)
                       : Result<void>(makeError(ErrorCode::Internal, u"not a profile command"_s));
            break;
        }
        if (!done)
            return report(console, done.error(), args.profileDirectory);
        return ExitCode::Ok;
    });
}

// enrol needs the passphrase itself, not only an unlocked profile: it seals the vault key for
// the patient's other devices under it. So it unlocks with the passphrase only.
ExitCode runEnrolCommand(const CliArguments &args, const Console &console)
{
    const QString &directory = args.profileDirectory;
    if (!Profile::exists(directory))
        return report(console,
                      makeError(ErrorCode::NotFound, u"there is no profile in %1"_s.arg(directory)),
                      directory);
    SecretReader reader(console.in, console.err);
    auto passphrase = reader.read(args.passphraseFile, u"Passphrase: "_s, u"passphrase"_s);
    if (!passphrase)
        return report(console, passphrase.error(), directory);
    auto profile = Profile::unlock(directory, *passphrase);
    if (!profile)
        return report(console, profile.error(), directory);
    auto done = runEnrol(args, **profile, *passphrase, reader, console);
    passphrase->wipe();
    if (!done)
        return report(console, done.error(), directory);
    return ExitCode::Ok;
}

// What delete-everything deletes and what is kept, shown before anything happens (the app shows
// the same in Settings → Delete everything).
const QString kDeleteEverythingText =
    u"delete-everything deletes, for good:\n"
    u"  - at the clinic's server: every entry this profile synced (encrypted), the keys that\n"
    u"    open them, what you shared with the care team, messages, and your devices' logins;\n"
    u"    copies in the clinic's backups cannot be read any more without those keys;\n"
    u"  - on this computer: the profile folder (database, key file, reminders), overwritten\n"
    u"    and then deleted.\n"
    u"The clinic keeps, as the law requires: its audit log of who read or changed what and\n"
    u"when (ids and times, never your entries), and its own clinical records about you,\n"
    u"which are kept outside this app. Export your data first if you want a copy:\n"
    u"  companion-cli export --format json --out FILE --profile DIR\n"
    u"Your other devices stop syncing and offer to delete what they hold.\n"
    u"Without a network connection nothing is deleted; --local-only deletes only this\n"
    u"profile and leaves the clinic's copy.\n"_s;

ExitCode runDeleteEverythingCommand(const CliArguments &args, const Console &console)
{
    if (!args.confirm) {
        console.printError(kDeleteEverythingText +
                           u"\nNothing was deleted. To go ahead, run it again with --confirm.\n"_s);
        return ExitCode::Usage;
    }
    SecretReader reader(console.in, console.err);
    auto unlocked = unlock(args, reader, console);
    if (auto *code = std::get_if<ExitCode>(&unlocked))
        return *code;
    std::unique_ptr<Profile> profile = std::move(std::get<Unlocked>(unlocked).profile);
    const QString directory = args.profileDirectory;

    bool deletedAtClinic = false;
    if (!args.localOnly) {
        sync::SyncEngine engine(profile->database(), profile->records());
        auto enrolled = engine.isEnrolled();
        if (!enrolled)
            return report(console, enrolled.error(), directory);
        if (*enrolled) {
            auto deleted = engine.deleteEverywhere();
            // Already deleted from another device: the server holds nothing more to delete.
            if (!deleted && !sync::isVaultDeleted(deleted.error())) {
                console.printError(
                    u"companion-cli: nothing was deleted: the clinic's copy could "
                    u"not be deleted (%1). Try again when online, or use "
                    u"--local-only to delete only this profile.\n"_s.arg(deleted.error().message));
                return exitCodeFor(deleted.error().code);
            }
            deletedAtClinic = true;
        }
    }

    // The profile is closed (database checkpointed, key wiped from memory) before its files go.
    profile.reset();
    auto wiped = storage::wipeProfileFolder(directory, Profile::kKeyFileName);
    if (!wiped)
        return report(console, wiped.error(), directory);
#ifdef COMPANION_DESKTOP_REMINDERS
    // The reminder service's login entry names this folder; it would start for nothing. The
    // data is already gone, so a leftover entry is reported, not a failure.
    if (!platform::autostart::disableForProfile(directory))
        console.printError(u"The reminder service's login entry could not be removed: %1\n"_s.arg(
            platform::autostart::entryPath()));
#endif
    console.print((deletedAtClinic  ? u"Deleted your data at the clinic's server.\n"_s
                   : args.localOnly ? u"The clinic's copy was left as it is (--local-only).\n"_s
                                    : u"This profile was not connected to a clinic.\n"_s) +
                  u"Deleted the profile in %1 (%2 files overwritten and deleted).\n"_s.arg(
                      directory, QString::number(wiped->files)));
    return ExitCode::Ok;
}

ExitCode runStateless(Result<void> done, const Console &console)
{
    if (!done)
        return report(console, done.error(), QString());
    return ExitCode::Ok;
}

} // namespace

QString cliVersion()
{
    return QStringLiteral(COMPANION_VERSION);
}

QString passphraseHintText(crypto::PassphraseHint hint)
{
    switch (hint) {
    case crypto::PassphraseHint::TooShort:
        return u"use at least %1 characters; several unusual words work well"_s.arg(
            crypto::kMinimumPassphraseLength);
    case crypto::PassphraseHint::CommonWordsOrNames:
        return u"it is made of common words or names; add unusual words"_s;
    case crypto::PassphraseHint::KeyboardPattern:
        return u"it contains a keyboard pattern, sequence or repeat; use unrelated words"_s;
    case crypto::PassphraseHint::DatesOrYears:
        return u"it contains dates or years, which are easy to guess; use words instead"_s;
    case crypto::PassphraseHint::AddMoreWords:
    case crypto::PassphraseHint::None:
        break;
    }
    return u"it is still easy to guess; add another unusual word"_s;
}

QJsonObject infoToJson(const storage::ProfileInfo &info)
{
    return QJsonObject{
        {u"profile_id"_s, info.profileId},
        {u"directory"_s, info.directory},
        {u"created_at"_s, info.createdAt.toUTC().toString(Qt::ISODate)},
        {u"schema_version"_s, info.schemaVersion},
        {u"kdf_ops_limit"_s, static_cast<qint64>(info.kdfOpsLimit)},
        {u"kdf_mem_limit"_s, static_cast<qint64>(info.kdfMemLimit)},
        {u"database_bytes"_s, info.databaseBytes},
        {u"record_count"_s, info.recordCount},
        {u"pending_outbox"_s, info.pendingOutbox},
    };
}

QString infoToText(const storage::ProfileInfo &info)
{
    const double mebibyte = 1024.0 * 1024.0;
    // One multi-argument arg() call: a directory name containing "%4" must not be substituted.
    return u"profile id:      %1\n"
           u"directory:       %2\n"
           u"created at:      %3\n"
           u"schema version:  %4\n"
           u"KDF:             Argon2id, %5 passes, %6 MiB\n"
           u"database size:   %7 bytes\n"
           u"records:         %8\n"
           u"pending outbox:  %9\n"_s.arg(
               info.profileId, info.directory, info.createdAt.toUTC().toString(Qt::ISODate),
               QString::number(info.schemaVersion), QString::number(info.kdfOpsLimit),
               QString::number(static_cast<double>(info.kdfMemLimit) / mebibyte, 'f', 0),
               QString::number(info.databaseBytes), QString::number(info.recordCount),
               QString::number(info.pendingOutbox));
}

int runCli(const QStringList &arguments, const Console &console)
{
    auto parsed = parseArguments(arguments);
    if (!parsed)
        return toInt(usage(console, parsed.error().message));
    const CliArguments &args = *parsed;
    if (args.help) {
        console.print(usageText());
        return toInt(ExitCode::Ok);
    }
    if (args.version) {
        console.print(u"companion-cli "_s + cliVersion() + u'\n');
        return toInt(ExitCode::Ok);
    }
    if (auto ready = crypto::initialize(); !ready)
        return toInt(report(console, ready.error(), args.profileDirectory));

    switch (args.command) {
    case Command::Init:
        return toInt(runInit(args, console));
    case Command::Check:
        return toInt(runCheck(args, console));
    case Command::ChangePassphrase:
        return toInt(runChangePassphrase(args, console));
    case Command::Info:
        return toInt(runInfo(args, console));
    case Command::InstrumentList:
        return toInt(runStateless(runInstrumentList(args, console), console));
    case Command::InstrumentScore:
        return toInt(runStateless(runInstrumentScore(args, console), console));
    case Command::ContentList:
        return toInt(runStateless(runContentList(args, console), console));
    case Command::ContentShow:
        return toInt(runStateless(runContentShow(args, console), console));
    case Command::ContentSearch:
        return toInt(runStateless(runContentSearch(args, console), console));
    case Command::InstrumentRecord:
    case Command::CheckinAdd:
    case Command::DiaryList:
    case Command::Export:
    case Command::NoteAdd:
    case Command::NoteList:
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
    case Command::Import:
    case Command::Summary:
        return toInt(runWithProfile(args, console));
    case Command::Enrol:
        return toInt(runEnrolCommand(args, console));
    case Command::DeleteEverything:
        return toInt(runDeleteEverythingCommand(args, console));
    case Command::RemindersDaemon:
        return toInt(runStateless(runRemindersDaemon(args, console), console));
    case Command::RemindersAutostart:
        return toInt(runStateless(runRemindersAutostart(args, console), console));
    case Command::None:
        break;
    }
    return toInt(usage(console, u"no command given"_s));
}

} // namespace companion::cli
