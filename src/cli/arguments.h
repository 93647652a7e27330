#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace companion::cli {

enum class Command {
    None,
    Init,
    Check,
    ChangePassphrase,
    Info,
    InstrumentList,   // instrument list
    InstrumentScore,  // instrument score ID (stateless)
    InstrumentRecord, // instrument record ID
    CheckinAdd,       // checkin add
    DiaryList,        // diary list
    Export,           // export
    ContentList,      // content list
    ContentShow,      // content show ID
    ContentSearch,    // content search TEXT
    NoteAdd,          // note add
    NoteList,         // note list
    // The infusion plan (plancommands.h).
    AppointmentAdd,        // appointment add
    AppointmentMove,       // appointment move ID
    AppointmentCancel,     // appointment cancel ID
    AppointmentList,       // appointment list
    PlanShow,              // plan show ID
    PlanCheck,             // plan check ID ITEM on|off
    RideSet,               // ride set ID
    RemindersList,         // reminders list
    RemindersDaemon,       // reminders daemon (no passphrase: reads the schedule file only)
    RemindersAutostart,    // reminders autostart on|off (no passphrase)
    NoDrivingStatus,       // no-driving status
    NoDrivingMorningCheck, // no-driving morning-check ID
    // Sync with the clinic (synccommands.h).
    Enrol,           // enrol --server URL --code CODE | --uri URI | --qr-image FILE
    Sync,            // sync
    Share,           // share [--category NAME | --entry ID] [on|off|default]
    AccessLog,       // access-log
    DeviceList,      // devices list
    DeviceRevoke,    // devices revoke ID
    JoinCode,        // devices join-code
    DeviceLink,      // devices link [--qr FILE.png]: a QR for a new device (ADR 0018)
    DeviceUnlink,    // devices unlink SLOT: delete a device link before it expires
    ConflictList,    // conflicts list
    ConflictResolve, // conflicts resolve ID mine|theirs
    Messages,        // messages: what the clinic and the care team sent
    // The synced vault's key slots (ADR 0034).
    VaultRecoveryKey, // vault-recovery-key: a new data recovery key
    // Data ownership.
    Import,           // import --in FILE (a JSON export, into a new profile)
    DeleteEverything, // delete-everything --confirm [--local-only]
    Summary,          // summary --format pdf --out FILE (the patient's PDF summary)
};

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
    QString recoveryKeyOut;    // --recovery-key-out (init, enrol, vault-recovery-key)
    bool json = false;         // --json (info, instrument list/score, diary list)
    // Diary commands. Values are kept as typed; the command parses them and reports a bad value
    // by option name only (a note is patient text).
    QString instrumentId;      // the ID of instrument score/record
    QString answers;           // --answers 1,0,2,…
    QString at;                // --at ISO8601
    QString mood;              // --mood N
    QString anxiety;           // --anxiety N
    QString pain;              // --pain N
    QString sleepHours;        // --sleep-hours H
    QString note;              // --note TEXT
    QString from;              // --from ISO8601 (diary list); YYYY-MM-DD (summary)
    QString to;                // --to ISO8601 (diary list); YYYY-MM-DD (summary)
    QString format;            // --format fhir|csv|ics|json (export), pdf (summary)
    QString out;               // --out FILE (export, summary)
    bool includeNotes = false; // --include-notes (summary: journal and check-in notes)
    QString in;                // --in FILE (import)
    bool confirm = false;      // --confirm (delete-everything)
    bool localOnly = false;    // --local-only (delete-everything: the clinic is not asked)
    QString contentArgument;   // the ID of content show, the TEXT of content search
    QString language;          // --language en|es (content: default en; summary: the system's)
    // Journal notes. The text is patient text: prefer standard input to --text (argv is
    // visible to other local users while the command runs).
    QString noteKind;    // --kind intention|experience|insight|action|followup|free
    QString appointment; // --appointment ID
    QString text;        // --text TEXT
    bool share = false;  // --share
    // The infusion plan. Positional words after the command (ID, ITEM, on|off).
    QStringList positional;
    QString durationMinutes; // --duration-min N
    QString driver;          // --driver NAME
    QString phone;           // --phone P
    QString pickup;          // --pickup ISO8601
    bool confirmed = false;  // --confirmed
    QString slept;           // --slept yes|no
    QString clearHeaded;     // --clear-headed yes|no
    QString timeZone;        // --time-zone IANA id (default: the system's)
    // Sync.
    QString server;              // --server URL
    QString code;                // --code CODE (an enrolment or join code; single use)
    QString fingerprint;         // --fingerprint FP (the clinic key's, printed with the code)
    QString shareCategories;     // --share-categories LIST (enrol: what to share from the start)
    QString category;            // --category NAME (share)
    QString entry;               // --entry ID (share)
    QString vaultPassphraseFile; // --vault-passphrase-file FILE (enrol a second device)
    QString uri;                 // --uri URI (enrol: companion:enrol?… or companion:join?…)
    QString qrImage;             // --qr-image FILE (enrol: a photo or screenshot of the QR)
    QString qrOut;               // --qr FILE.png (devices link)
};

// The clinic-connection commands that run on an unlocked profile (not enrol: it unlocks itself).
bool isSyncCommand(Command command);
// Commands that open a profile (and so need --profile and a passphrase).
bool needsProfile(Command command);
// Commands that take --profile but never unlock it (the reminder service and its autostart).
bool usesProfileFolderOnly(Command command);

// Parses the arguments after the program name. Errors are InvalidInput with a message that names
// the offending option but never repeats a value: a value typed by mistake may be a passphrase.
Result<CliArguments> parseArguments(const QStringList &arguments);

QString commandName(Command command);
QString usageText();

} // namespace companion::cli
