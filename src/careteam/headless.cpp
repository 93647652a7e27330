#include "careteam/headless.h"

#include "careteam/report.h"
#include "cli/exitcodes.h"
#include "cli/secretreader.h"
#include "crypto/recoverykey.h"
#include "crypto/sodium.h"
#include "protocol/keys.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace companion::careteam {

namespace {

using cli::Console;
using cli::ExitCode;

struct Arguments
{
    QString command;
    QHash<QString, QString> values;
    QSet<QString> flags;

    QString value(const char *name) const { return values.value(QLatin1String(name)); }
    bool has(const char *name) const
    {
        return values.contains(QLatin1String(name)) || flags.contains(QLatin1String(name));
    }
};

const QStringList kCommands{u"enrol"_s,    u"pull"_s,   u"patients"_s,
                            u"timeline"_s, u"report"_s, u"reply"_s};
const QSet<QString> kValueOptions{u"--profile"_s,
                                  u"--passphrase-file"_s,
                                  u"--recovery-key-file"_s,
                                  u"--recovery-key-out"_s,
                                  u"--server"_s,
                                  u"--code"_s,
                                  u"--fingerprint"_s,
                                  u"--patient"_s,
                                  u"--format"_s,
                                  u"--out"_s,
                                  u"--from"_s,
                                  u"--to"_s,
                                  u"--time-zone"_s,
                                  u"--entry"_s,
                                  u"--text"_s,
                                  u"--text-file"_s};
const QSet<QString> kFlagOptions{u"--json"_s, u"--keep-unread"_s, u"--help"_s};

// Which options each command takes (beyond --profile, the secret options and --time-zone).
const QHash<QString, QStringList> &commandOptions()
{
    static const QHash<QString, QStringList> options{
        {u"enrol"_s,
         {u"--server"_s, u"--code"_s, u"--fingerprint"_s, u"--recovery-key-out"_s, u"--json"_s}},
        {u"pull"_s, {u"--json"_s}},
        {u"patients"_s, {u"--json"_s}},
        {u"timeline"_s, {u"--patient"_s, u"--json"_s, u"--from"_s, u"--to"_s, u"--keep-unread"_s}},
        {u"report"_s, {u"--patient"_s, u"--format"_s, u"--out"_s, u"--from"_s, u"--to"_s}},
        {u"reply"_s, {u"--patient"_s, u"--entry"_s, u"--text"_s, u"--text-file"_s, u"--json"_s}},
    };
    return options;
}

// Messages name the option, never repeat a value: a value typed by mistake may be a secret.
Result<Arguments> parse(const QStringList &arguments)
{
    Arguments args;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (kValueOptions.contains(arg)) {
            if (i + 1 >= arguments.size())
                return makeError(ErrorCode::InvalidInput, arg + u" needs a value"_s);
            if (args.values.contains(arg))
                return makeError(ErrorCode::InvalidInput, arg + u" is given twice"_s);
            args.values.insert(arg, arguments[++i]);
        } else if (kFlagOptions.contains(arg)) {
            args.flags.insert(arg);
        } else if (arg.startsWith(u"-"_s)) {
            return makeError(ErrorCode::InvalidInput, u"unknown option "_s + arg.left(40));
        } else if (args.command.isEmpty() && kCommands.contains(arg)) {
            args.command = arg;
        } else {
            return makeError(ErrorCode::InvalidInput, u"unexpected argument"_s);
        }
    }
    if (args.flags.contains(u"--help"_s))
        return args;
    if (args.command.isEmpty())
        return makeError(ErrorCode::InvalidInput, u"no command given"_s);
    const QStringList allowed = commandOptions().value(args.command) +
                                QStringList{u"--profile"_s, u"--passphrase-file"_s,
                                            u"--recovery-key-file"_s, u"--time-zone"_s};
    for (const QString &key : args.values.keys() + args.flags.values()) {
        if (!allowed.contains(key))
            return makeError(ErrorCode::InvalidInput,
                             u"%1 does not apply to %2"_s.arg(key, args.command));
    }
    if (!args.values.contains(u"--profile"_s))
        return makeError(ErrorCode::InvalidInput, u"--profile DIR is required"_s);
    if (args.command == u"enrol") {
        for (const char *name : {"--server", "--code", "--fingerprint"})
            if (!args.has(name))
                return makeError(ErrorCode::InvalidInput,
                                 QLatin1String(name) + u" is required for enrol"_s);
        if (args.has("--recovery-key-file"))
            return makeError(ErrorCode::InvalidInput,
                             u"enrol creates the profile: give --passphrase-file, not "
                             u"--recovery-key-file"_s);
    }
    if (args.command == u"reply") {
        if (!args.has("--entry"))
            return makeError(ErrorCode::InvalidInput, u"--entry RECORD_ID is required"_s);
        if (args.has("--text") == args.has("--text-file"))
            return makeError(ErrorCode::InvalidInput,
                             u"give the reply as --text TEXT or --text-file FILE (one of them)"_s);
        if (!protocol::idFromHex(args.value("--entry")))
            return makeError(ErrorCode::InvalidInput,
                             u"--entry: an entry id is 32 lower-case hex digits"_s);
    }
    if ((args.command == u"timeline" || args.command == u"report" || args.command == u"reply") &&
        !args.has("--patient"))
        return makeError(ErrorCode::InvalidInput, u"--patient ID is required"_s);
    if (args.command == u"report") {
        const QString format = args.value("--format");
        if (format != u"pdf" && format != u"fhir")
            return makeError(ErrorCode::InvalidInput, u"--format must be pdf or fhir"_s);
        if (!args.has("--out"))
            return makeError(ErrorCode::InvalidInput, u"--out FILE is required"_s);
    }
    if (args.has("--patient") && !protocol::idFromHex(args.value("--patient")))
        return makeError(ErrorCode::InvalidInput,
                         u"--patient: a patient id is 32 lower-case hex digits"_s);
    return args;
}

ExitCode report(const Console &console, const Error &error, const QString &directory)
{
    QString text;
    switch (error.code) {
    case ErrorCode::WrongPassphrase:
        text = u"wrong passphrase or recovery key: it does not unlock the profile in %1"_s.arg(
            directory);
        break;
    case ErrorCode::Damaged:
        text = u"damaged or altered data (%1)"_s.arg(error.message);
        break;
    case ErrorCode::NotFound:
        text = u"not found: %1"_s.arg(error.message);
        break;
    case ErrorCode::Network:
        text = u"network: %1"_s.arg(error.message);
        break;
    case ErrorCode::Refused:
        text = u"refused: %1"_s.arg(error.message);
        break;
    case ErrorCode::WeakParameters:
    case ErrorCode::InvalidInput:
        text = error.message;
        break;
    default:
        text = u"failed: %1"_s.arg(error.message);
        break;
    }
    console.printError(u"companion-careteam: "_s + text + u'\n');
    return cli::exitCodeFor(error.code);
}

ExitCode usage(const Console &console, const QString &message)
{
    console.printError(u"companion-careteam: "_s + message + u"\n\n"_s + headlessUsage());
    return ExitCode::Usage;
}

void printJson(const Console &console, const QJsonObject &object)
{
    console.print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + u'\n');
}

QString iso(const QDateTime &at)
{
    return domain::toIsoUtc(at);
}

Result<QTimeZone> timeZoneOf(const Arguments &args)
{
    if (!args.has("--time-zone"))
        return QTimeZone::systemTimeZone();
    const QTimeZone zone(args.value("--time-zone").toUtf8());
    if (!zone.isValid())
        return makeError(ErrorCode::InvalidInput,
                         u"--time-zone: an IANA zone such as Europe/Madrid"_s);
    return zone;
}

Result<ReportRange> rangeOf(const Arguments &args)
{
    ReportRange range;
    auto zone = timeZoneOf(args);
    if (!zone)
        return zone.error();
    range.zone = *zone;
    for (const auto &[name, target] :
         {std::pair{"--from", &range.from}, std::pair{"--to", &range.to}}) {
        if (!args.has(name))
            continue;
        const QDate date = QDate::fromString(args.value(name), Qt::ISODate);
        if (!date.isValid())
            return makeError(ErrorCode::InvalidInput,
                             QLatin1String(name) + u": a date as YYYY-MM-DD"_s);
        *target = date;
    }
    if (range.from && range.to && *range.from > *range.to)
        return makeError(ErrorCode::InvalidInput, u"--from is after --to"_s);
    return range;
}

Result<void> writeNewFile(const QString &path, const QByteArray &bytes)
{
    auto created = cli::createPrivateFile(path);
    if (!created)
        return created.error();
    const int fd = *created;
    const bool written =
        cli::writeAll(fd, std::span(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                    static_cast<std::size_t>(bytes.size()))) &&
        ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    if (!written || !closed) {
        ::unlink(QFile::encodeName(path).constData());
        return makeError(ErrorCode::Io, u"could not write %1"_s.arg(path));
    }
    return {};
}

// Recovery keys are ASCII: wiped bytes, with the QString wiped too.
SecretBytes asciiSecret(QString &text)
{
    SecretBytes bytes(static_cast<std::size_t>(text.size()) + 1);
    for (qsizetype i = 0; i < text.size(); ++i)
        bytes.data()[i] = static_cast<std::uint8_t>(text.at(i).unicode() & 0x7f);
    bytes.data()[text.size()] = '\n';
    secureWipe(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    text.clear();
    return bytes;
}

Result<std::unique_ptr<TherapistProfile>> unlock(const Arguments &args, const Console &console,
                                                 const Clock &clock)
{
    const QString directory = args.value("--profile");
    if (!TherapistProfile::exists(directory))
        return makeError(ErrorCode::NotFound,
                         u"there is no care-team profile in %1 (run enrol first)"_s.arg(directory));
    if (args.has("--recovery-key-file")) {
        auto text =
            cli::SecretReader::readFromFile(args.value("--recovery-key-file"), u"recovery key"_s);
        if (!text)
            return text.error();
        QString key = QString::fromUtf8(reinterpret_cast<const char *>(text->data()),
                                        static_cast<qsizetype>(text->size()));
        auto parsed = crypto::RecoveryKey::parse(key);
        secureWipe(key.data(), static_cast<std::size_t>(key.size()) * sizeof(QChar));
        if (!parsed)
            return parsed.error();
        return TherapistProfile::unlockWithRecoveryKey(directory, *parsed, clock);
    }
    cli::SecretReader reader(console.in, console.err);
    auto passphrase =
        reader.read(args.value("--passphrase-file"), u"Passphrase: "_s, u"passphrase"_s);
    if (!passphrase)
        return passphrase.error();
    return TherapistProfile::unlock(directory, *passphrase, clock);
}

Result<void> runEnrol(const Arguments &args, const Console &console,
                      const HeadlessEnvironment &environment, const Clock &clock)
{
    const QString directory = args.value("--profile");
    if (TherapistProfile::exists(directory))
        return makeError(
            ErrorCode::AlreadyExists,
            u"a care-team profile already exists in %1; refusing to overwrite it"_s.arg(directory));
    const QString keyOut = args.value("--recovery-key-out");
    if (!keyOut.isEmpty() && QFileInfo::exists(keyOut))
        return makeError(ErrorCode::AlreadyExists,
                         u"%1 already exists; refusing to overwrite it"_s.arg(keyOut));
    cli::SecretReader reader(console.in, console.err);
    auto passphrase = reader.readNew(args.value("--passphrase-file"), u"New passphrase: "_s,
                                     u"Repeat the passphrase: "_s, u"passphrase"_s);
    if (!passphrase)
        return passphrase.error();
    auto enrolled = CareTeamConsole::enrol(
        directory, *passphrase,
        {args.value("--server"), args.value("--code"), args.value("--fingerprint")}, clock,
        environment.transports, environment.retryPolicy);
    passphrase->wipe();
    if (!enrolled)
        return enrolled.error();

    QString display = enrolled->recoveryKey.displayText();
    const SecretBytes keyLine = asciiSecret(display);
    enrolled->recoveryKey = {};
    bool keyWritten = false;
    if (!keyOut.isEmpty()) {
        auto fd = cli::createPrivateFile(keyOut);
        if (fd) {
            keyWritten = cli::writeAll(*fd, keyLine.view()) && ::fsync(*fd) == 0;
            keyWritten = ::close(*fd) == 0 && keyWritten;
        }
        if (!keyWritten)
            console.printError(u"companion-careteam: could not write the recovery key to %1; "
                               u"it is shown below instead.\n"_s.arg(keyOut));
    }
    if (args.has("--json")) {
        printJson(console, {{u"therapist_id"_s, enrolled->therapistId},
                            {u"name"_s, enrolled->name},
                            {u"clinic"_s, enrolled->clinicName},
                            {u"care_team_epoch"_s, static_cast<qint64>(enrolled->careTeamEpoch)},
                            {u"recovery_key_file"_s, keyWritten ? keyOut : QString()}});
    } else {
        console.print(u"Enrolled as %1 with %2 (care-team key epoch %3).\n"_s.arg(
            enrolled->name, enrolled->clinicName, QString::number(enrolled->careTeamEpoch)));
    }
    if (keyWritten) {
        if (!args.has("--json"))
            console.print(u"Recovery key written to %1 (readable only by you). Move it somewhere "
                          u"safe and offline.\n"_s.arg(keyOut));
        return {};
    }
    console.print(u"Recovery key (shown only this once; keep it somewhere safe and offline — it "
                  u"unlocks this profile if you forget the passphrase):\n"_s);
    cli::writeAll(console.out, keyLine.view());
    return {};
}

QJsonObject overviewToJson(const PatientOverview &patient)
{
    QJsonArray flags;
    QJsonArray details;
    for (const Flag &flag : patient.flags) {
        flags.append(flagName(flag.flag));
        details.append(QJsonObject{{u"flag"_s, flagName(flag.flag)},
                                   {u"detail"_s, flag.detail},
                                   {u"text"_s, FlagText::describe(flag)}});
    }
    return QJsonObject{
        {u"vault_id"_s, patient.vaultId},
        {u"label"_s, patient.label},
        {u"sharing"_s, patient.sharing},
        {u"flags"_s, flags},
        {u"flag_details"_s, details},
        {u"entries"_s, patient.entries},
        {u"unread"_s, patient.unread},
        {u"not_visible"_s, patient.notVisible},
        {u"open_alerts"_s, patient.openAlerts},
        {u"last_entry_at"_s,
         patient.lastEntryAt ? QJsonValue(iso(*patient.lastEntryAt)) : QJsonValue()},
    };
}

Result<void> runPull(const Arguments &args, CareTeamConsole &careTeam, const Console &console)
{
    auto pulled = careTeam.pull();
    if (!pulled)
        return pulled.error();
    if (args.has("--json")) {
        printJson(console, {{u"patients"_s, pulled->patients},
                            {u"fetched"_s, pulled->fetched},
                            {u"opened"_s, pulled->opened},
                            {u"unreadable"_s, pulled->unreadable},
                            {u"withdrawn"_s, pulled->withdrawn},
                            {u"new_keys"_s, pulled->newKeys},
                            {u"alerts"_s, pulled->alerts},
                            {u"replies_sent"_s, pulled->repliesSent},
                            {u"requests"_s, pulled->requests}});
        return {};
    }
    console.print(u"Pulled: %1 patients; %2 entries read (%3 opened, %4 not readable); %5 no "
                  u"longer shared; %6 open alerts.\n"_s.arg(pulled->patients)
                      .arg(pulled->fetched)
                      .arg(pulled->opened)
                      .arg(pulled->unreadable)
                      .arg(pulled->withdrawn)
                      .arg(pulled->alerts));
    return {};
}

Result<void> runPatients(const Arguments &args, CareTeamConsole &careTeam, const Console &console)
{
    auto account = careTeam.account();
    if (!account)
        return account.error();
    auto patients = careTeam.patients();
    if (!patients)
        return patients.error();
    if (args.has("--json")) {
        QJsonArray list;
        for (const PatientOverview &patient : *patients)
            list.append(overviewToJson(patient));
        printJson(
            console,
            {{u"patients"_s, list},
             {u"last_pull_at"_s,
              account->lastPullAt ? QJsonValue(iso(*account->lastPullAt)) : QJsonValue()},
             {u"access_ended_at"_s,
              account->accessEndedAt ? QJsonValue(iso(*account->accessEndedAt)) : QJsonValue()}});
        return {};
    }
    QString text;
    if (account->accessEndedAt)
        text += u"Your care-team access ended on %1; this is what was pulled before.\n"_s.arg(
            iso(*account->accessEndedAt));
    for (const PatientOverview &patient : *patients) {
        QStringList flags;
        for (const Flag &flag : patient.flags)
            flags << flagName(flag.flag);
        text += u"%1  %2  %3\n"_s.arg(patient.vaultId, patient.label,
                                      flags.isEmpty() ? u"-"_s : flags.join(u','));
    }
    if (patients->empty())
        text += u"No patient shares anything with you yet (run pull).\n"_s;
    console.print(text);
    return {};
}

Result<void> runTimeline(const Arguments &args, CareTeamConsole &careTeam, const Console &console)
{
    auto range = rangeOf(args);
    if (!range)
        return range.error();
    const QString vaultId = args.value("--patient");
    auto timeline = careTeam.timeline(vaultId, range->fromTime(), range->toTime());
    if (!timeline)
        return timeline.error();
    if (args.has("--json")) {
        printJson(console, timelineToJson(*timeline));
    } else {
        QString text = u"%1 (%2)\n"_s.arg(timeline->label, timeline->vaultId);
        for (const TimelineEntry &entry : timeline->entries) {
            text += u"%1  %2%3\n"_s.arg(iso(entry.occurredAt), entry.title,
                                        entry.text.isEmpty() ? QString() : u" — "_s + entry.text);
            for (const TimelineReply &reply : entry.replies)
                text += u"    your reply (%1): %2\n"_s.arg(
                    reply.state, QString(reply.text).replace(u'\n', u"\n      "_s));
        }
        for (const NotVisible &item : timeline->notVisible)
            text += u"not visible: %1 %2: %3\n"_s.arg(
                coarseKindName(item.coarseKind), item.recordId, TimelineText::notVisible(item));
        console.print(text);
    }
    // Showing the timeline is reading it.
    if (!args.has("--keep-unread"))
        COMPANION_TRY(careTeam.markRead(vaultId));
    return {};
}

Result<void> runReport(const Arguments &args, CareTeamConsole &careTeam, TherapistProfile &profile,
                       const Console &console, const Clock &clock)
{
    auto range = rangeOf(args);
    if (!range)
        return range.error();
    const QString vaultId = args.value("--patient");
    const QString out = args.value("--out");
    if (QFileInfo::exists(out))
        return makeError(ErrorCode::AlreadyExists,
                         u"%1 already exists; refusing to overwrite it"_s.arg(out));
    auto patient = profile.patient(vaultId);
    if (!patient)
        return patient.error();
    if (!*patient)
        return makeError(ErrorCode::NotFound, u"no patient with this id has shared with you"_s);
    auto records = profile.records(vaultId);
    if (!records)
        return records.error();
    const PatientRecords decoded = decodePatientRecords(*records);
    QByteArray bytes;
    if (args.value("--format") == u"fhir") {
        bytes = QJsonDocument(fhirReport(decoded, careTeam.catalog(), *range, clock.nowUtc()))
                    .toJson(QJsonDocument::Indented);
    } else {
        auto account = careTeam.account();
        if (!account)
            return account.error();
        auto overviews = careTeam.patients();
        if (!overviews)
            return overviews.error();
        PatientOverview overview;
        for (const PatientOverview &item : *overviews) {
            if (item.vaultId == vaultId)
                overview = item;
        }
        const PatientTimeline timeline = buildTimeline(**patient, decoded, careTeam.catalog(),
                                                       range->fromTime(), range->toTime());
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        COMPANION_TRY(writePdfReport(buffer, timeline, overview, *range,
                                     {account->clinicName, account->displayName, clock.nowUtc()}));
    }
    COMPANION_TRY(writeNewFile(out, bytes));
    console.print(
        u"Wrote the %1 report to %2 (readable only by you).\n"_s.arg(args.value("--format"), out));
    return {};
}

// The reply's text: --text as given, or a UTF-8 file (one final line break, as editors add it,
// is not part of the reply).
Result<QString> replyTextOf(const Arguments &args)
{
    if (args.has("--text"))
        return args.value("--text");
    QFile file(args.value("--text-file"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, u"--text-file: cannot read the file"_s);
    // Four UTF-8 bytes per character is more than any valid reply; more is refused unread.
    const QByteArray bytes = file.read(protocol::kMaxReplyText * 4 + 2);
    if (!file.atEnd())
        return makeError(
            ErrorCode::InvalidInput,
            u"--text-file: a reply is at most %1 characters"_s.arg(protocol::kMaxReplyText));
    QString text = QString::fromUtf8(bytes);
    if (text.endsWith(u"\r\n"_s))
        text.chop(2);
    else if (text.endsWith(u'\n'))
        text.chop(1);
    return text;
}

Result<void> runReply(const Arguments &args, CareTeamConsole &careTeam, const Console &console)
{
    auto text = replyTextOf(args);
    if (!text)
        return text.error();
    auto sent = careTeam.reply(args.value("--patient"), args.value("--entry"), *text);
    if (!sent)
        return sent.error();
    if (args.has("--json")) {
        printJson(console, {{u"message_id"_s, sent->messageId},
                            {u"patient"_s, sent->vaultId},
                            {u"entry"_s, sent->recordId},
                            {u"state"_s, replyStateName(sent->state)},
                            {u"seq"_s, sent->seq ? QJsonValue(static_cast<qint64>(*sent->seq))
                                                 : QJsonValue()},
                            {u"generation"_s, static_cast<qint64>(sent->generation)}});
        return {};
    }
    console.print(u"Reply sent to entry %1 (message %2); the patient sees it after their next "
                  u"sync.\n"_s.arg(sent->recordId, sent->messageId));
    return {};
}

} // namespace

QString headlessUsage()
{
    return u"Usage:\n"
           u"  companion-careteam --headless enrol --server URL --code CODE --fingerprint FP\n"
           u"                [--recovery-key-out FILE] [--json] --profile DIR\n"
           u"  companion-careteam --headless pull [--json] --profile DIR\n"
           u"  companion-careteam --headless patients [--json] --profile DIR\n"
           u"  companion-careteam --headless timeline --patient ID [--json] [--from DATE]\n"
           u"                [--to DATE] [--keep-unread] --profile DIR\n"
           u"  companion-careteam --headless report --patient ID --format pdf|fhir --out FILE\n"
           u"                [--from DATE] [--to DATE] --profile DIR\n"
           u"  companion-careteam --headless reply --patient ID --entry RECORD_ID\n"
           u"                (--text TEXT | --text-file FILE) [--json] --profile DIR\n"
           u"Every command also takes --passphrase-file FILE (else the passphrase is read from\n"
           u"standard input), or --recovery-key-file FILE instead, and --time-zone ZONE (dates\n"
           u"and times in reports; default: this computer's).\n"
           u"\n"
           u"  enrol     create this console's encrypted profile and enrol with a code from\n"
           u"            `companion-server admin add-therapist` (checks the clinic key first)\n"
           u"  pull      fetch what patients share with the care team; every entry read is in\n"
           u"            that patient's access log\n"
           u"  patients  patients with flags, most urgent first (from the last pull)\n"
           u"  timeline  one patient's shared entries, scores and what cannot be shown; marks\n"
           u"            them read unless --keep-unread\n"
           u"  report    a one-page PDF or a FHIR R4 bundle of the shared questionnaires\n"
           u"  reply     a short reply (1-2000 characters, plain text) to one shared entry,\n"
           u"            end-to-end encrypted to the patient; run it again after a network\n"
           u"            failure: the same reply is re-sent, never doubled\n"
           u"Exit codes: 0 ok, 1 failure, 2 usage or weak passphrase, 3 wrong passphrase,\n"
           u"4 damaged, 5 network, 6 refused by the clinic server.\n"_s;
}

int runHeadless(const QStringList &arguments, const Console &console,
                const HeadlessEnvironment &environment)
{
    auto parsed = parse(arguments);
    if (!parsed)
        return cli::toInt(usage(console, parsed.error().message));
    const Arguments &args = *parsed;
    if (args.flags.contains(u"--help"_s)) {
        console.print(headlessUsage());
        return cli::toInt(ExitCode::Ok);
    }
    const QString directory = args.value("--profile");
    if (auto ready = crypto::initialize(); !ready)
        return cli::toInt(report(console, ready.error(), directory));
    const Clock &clock = environment.clock ? *environment.clock : SystemClock::instance();

    if (args.command == u"enrol") {
        auto done = runEnrol(args, console, environment, clock);
        return cli::toInt(done ? ExitCode::Ok : report(console, done.error(), directory));
    }
    auto profile = unlock(args, console, clock);
    if (!profile)
        return cli::toInt(report(console, profile.error(), directory));
    CareTeamConsole careTeam(**profile, clock, environment.transports, environment.retryPolicy);
    Result<void> done;
    if (args.command == u"pull")
        done = runPull(args, careTeam, console);
    else if (args.command == u"patients")
        done = runPatients(args, careTeam, console);
    else if (args.command == u"timeline")
        done = runTimeline(args, careTeam, console);
    else if (args.command == u"reply")
        done = runReply(args, careTeam, console);
    else
        done = runReport(args, careTeam, **profile, console, clock);
    return cli::toInt(done ? ExitCode::Ok : report(console, done.error(), directory));
}

} // namespace companion::careteam
