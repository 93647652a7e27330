// The privacy sweep (issue 8 item 6) for what the app writes on this computer outside the
// encrypted profile: reminders (the schedule file, the background service's desktop
// notifications over D-Bus, the autostart entry) and export / import. The sync, share and
// server side are swept in tests/sync (tst_sync_matrix, with a traffic capture).
//
// Every process runs in a sandbox: HOME, TMPDIR and the XDG cache, config, data, state and
// runtime folders point into one temp folder, Qt's logging goes to stderr, and the notification
// service is a recording stand-in on a private dbus-daemon. Canaries are typed into everything a
// patient can type on these paths; afterwards every file in the sandbox, every notification
// sent and every command's output is searched for them (UTF-8, UTF-16 and base64).
//
//   ctest --preset dev -R 'Privacy sweep'

#include "clirunner.h"
#include "support/notificationserver.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QDBusConnection>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace companion::testing;

namespace {

// `needle` in `haystack` as UTF-8, as UTF-16LE, or inside base64 at any of the three alignments
// (how a leak through a JSON field would look; the same check as tst_sync_matrix's).
bool containsInAnyForm(const QByteArray &haystack, const QString &text)
{
    const QByteArray needle = text.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    if (haystack.contains(needle) || haystack.contains(utf16))
        return true;
    for (int shift = 0; shift < 3; ++shift) {
        const QByteArray encoded = QByteArray(QByteArray(shift, 'x') + needle).toBase64();
        // Drop the characters that depend on the padding bytes and on what follows.
        const QByteArray stable = encoded.mid((shift * 4 + 2) / 3 + 1, needle.size() * 4 / 3 - 4);
        if (stable.size() >= 16 && haystack.contains(stable))
            return true;
    }
    return false;
}

QString randomDigits(int count)
{
    QString digits;
    for (int i = 0; i < count; ++i)
        digits += QChar(u'0' + QRandomGenerator::global()->bounded(10));
    return digits;
}

// One sandbox for every process of the sweep, with the canaries of this run.
class Sweep
{
public:
    Sweep()
    {
        // Fresh per run, so a hit can only come from this run.
        m_token = u"cnry"_s + QString::number(QRandomGenerator::global()->generate64(), 36);
        m_phoneDigits = u"5550"_s + randomDigits(12);
        m_environment = QProcessEnvironment::systemEnvironment();
        const std::pair<const char *, const char *> folders[] = {
            {"HOME", "home"},
            {"TMPDIR", "tmp"},
            {"XDG_CACHE_HOME", "home/.cache"},
            {"XDG_CONFIG_HOME", "home/.config"},
            {"XDG_DATA_HOME", "home/.local/share"},
            {"XDG_STATE_HOME", "home/.local/state"},
            {"XDG_RUNTIME_DIR", "run"},
        };
        for (const auto &[variable, folder] : folders) {
            const QString location = path(QString::fromLatin1(folder));
            REQUIRE(QDir().mkpath(location));
            m_environment.insert(QString::fromLatin1(variable), location);
        }
        QFile::setPermissions(path(u"run"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner);
        // Qt's messages to stderr (searched below), never to the journal where we cannot look.
        m_environment.insert(u"QT_FORCE_STDERR_LOGGING"_s, u"1"_s);
        m_environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        REQUIRE(QDir().mkpath(path(u"secrets"_s)));
        m_passphraseFile = path(u"secrets/passphrase.txt"_s);
        QFile passphrase(m_passphraseFile);
        REQUIRE(passphrase.open(QIODevice::WriteOnly));
        passphrase.write(kPassphrase + '\n');
    }

    QString path(const QString &relative) const { return QDir(m_root.path()).filePath(relative); }
    QString token() const { return m_token; }
    // A canary for one field: the run's token, so one search finds every field.
    QString canary(const QString &field) const { return m_token + u'-' + field; }
    QString phoneDigits() const { return m_phoneDigits; }
    QProcessEnvironment &environment() { return m_environment; }
    QString passphraseFile() const { return m_passphraseFile; }
    int commandsRun() const { return m_commands; }

    bool leaks(const QByteArray &bytes) const
    {
        return containsInAnyForm(bytes, m_token) || containsInAnyForm(bytes, m_phoneDigits);
    }

    // Runs companion-cli in the sandbox. Its stderr must never hold a canary; its stdout only
    // when the command's purpose is to show the patient their own text (`shows`), and then it
    // must (which proves the canaries went in).
    enum class Output { Quiet, Shows };
    CliResult run(const QStringList &arguments, Output output = Output::Quiet,
                  const std::function<void()> &childSetup = {})
    {
        QProcess process;
        process.setProcessEnvironment(m_environment);
        process.setProgram(QStringLiteral(COMPANION_CLI_PATH));
        process.setArguments(arguments);
        if (childSetup)
            process.setChildProcessModifier(childSetup);
        process.start();
        REQUIRE(process.waitForStarted(10000));
        process.closeWriteChannel();
        REQUIRE(process.waitForFinished(120000));
        REQUIRE(process.exitStatus() == QProcess::NormalExit);
        CliResult result{process.exitCode(), process.readAllStandardOutput(),
                         process.readAllStandardError()};
        ++m_commands;
        INFO("companion-cli " << arguments.first().toStdString() << ' '
                              << arguments.value(1).toStdString());
        CHECK_FALSE(leaks(result.err));
        if (output == Output::Quiet)
            CHECK_FALSE(leaks(result.out));
        else
            CHECK(leaks(result.out));
        return result;
    }

    // run() with --profile DIR --passphrase-file FILE, requiring exit 0.
    CliResult ok(const QString &profile, QStringList arguments, Output output = Output::Quiet)
    {
        arguments << u"--profile"_s << profile << u"--passphrase-file"_s << m_passphraseFile;
        const CliResult result = run(arguments, output);
        INFO(arguments.first().toStdString() << ": " << result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        return result;
    }

    // Every file below the sandbox holding a canary, except `allowed`; and how much was read.
    QStringList filesWithCanaries(const QStringList &allowed, int *files, qint64 *bytes) const
    {
        QStringList hits;
        QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (allowed.contains(file))
                continue;
            QFile input(file);
            if (!input.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = input.readAll();
            ++*files;
            *bytes += content.size();
            if (leaks(content))
                hits << file;
        }
        return hits;
    }

private:
    TempDir m_root;
    QString m_token;
    QString m_phoneDigits;
    QProcessEnvironment m_environment;
    QString m_passphraseFile;
    int m_commands = 0;
};

QJsonObject jsonOf(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    INFO(bytes.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    return document.object();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QStringList entriesOf(const QString &directory)
{
    return QDir(directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                     QDir::NoDotAndDotDot);
}

// A private session bus with a recording notification service on it.
class NotificationBus
{
public:
    NotificationBus()
    {
        m_bus.start(u"dbus-daemon"_s, {u"--session"_s, u"--nofork"_s, u"--print-address"_s});
        REQUIRE(m_bus.waitForStarted(10000));
        while (!m_address.contains('\n') && m_bus.waitForReadyRead(10000))
            m_address += m_bus.readAllStandardOutput();
        m_address = m_address.trimmed();
        REQUIRE(m_address.startsWith("unix:"));
        QDBusConnection connection =
            QDBusConnection::connectToBus(QString::fromUtf8(m_address), kName);
        REQUIRE(connection.isConnected());
        REQUIRE(connection.registerObject(u"/org/freedesktop/Notifications"_s, &m_server,
                                          QDBusConnection::ExportAllSlots));
        REQUIRE(connection.registerService(u"org.freedesktop.Notifications"_s));
    }
    ~NotificationBus()
    {
        QDBusConnection::disconnectFromBus(kName);
        m_bus.terminate();
        m_bus.waitForFinished(5000);
    }
    QString address() const { return QString::fromUtf8(m_address); }
    const std::vector<NotificationServer::Call> &calls() const { return m_server.calls; }

private:
    static inline const QString kName = u"privacy-sweep-bus"_s;
    QProcess m_bus;
    QByteArray m_address;
    NotificationServer m_server;
};

} // namespace

// Typed text reaches no reminder, notification, autostart entry, temp folder, cache or log, and
// leaves only through the export the patient asked for. (No colon, comma or semicolon in the
// name: CTest and Catch's reporter split on them.)
TEST_CASE("Privacy sweep of reminders and notifications and autostart and export and import",
          "[integration][cli][privacy]")
{
    Sweep sweep;
    const QString profile = sweep.path(u"profile"_s);
    const QString generic = u"You have a reminder from Companion"_s;

    // A fresh profile in the sandbox (init's own writes are swept too).
    REQUIRE(sweep
                .run({u"init"_s, u"--profile"_s, profile, u"--passphrase-file"_s,
                      sweep.passphraseFile()})
                .exitCode == 0);

    // --- Everything a patient types that can feed a reminder or an export. ---
    const QString diaryNote = sweep.canary(u"diary"_s) + u" <b>&amp; \"quoted\""_s;
    sweep.ok(profile, {u"checkin"_s, u"add"_s, u"--mood"_s, u"4"_s, u"--anxiety"_s, u"6"_s,
                       u"--pain"_s, u"2"_s, u"--note"_s, diaryNote});
    const QString at =
        QDateTime::currentDateTimeUtc().addDays(5).toString(u"yyyy-MM-ddT09:00:00Z"_s);
    const QString appointment =
        jsonOf(sweep
                   .ok(profile, {u"appointment"_s, u"add"_s, u"--at"_s, at, u"--json"_s,
                                 u"--time-zone"_s, u"Europe/Berlin"_s})
                   .out)
            .value(u"id"_s)
            .toString();
    REQUIRE(appointment.size() == 36);
    // An unconfirmed ride: its in-app reminder names the driver, the lock screen must not. The
    // command repeats the number it will call (its purpose), so its output shows a canary.
    const QString driver = sweep.canary(u"driver"_s);
    sweep.ok(profile,
             {u"ride"_s, u"set"_s, appointment, u"--driver"_s, driver, u"--phone"_s,
              u"+1 "_s + sweep.phoneDigits(), u"--time-zone"_s, u"Europe/Berlin"_s},
             Sweep::Output::Shows);
    // Journal entries about the appointment: private and shared, and four long ones, so the
    // export is larger than the file size limit of the "disk full" case below.
    sweep.ok(profile, {u"note"_s, u"add"_s, u"--kind"_s, u"followup"_s, u"--appointment"_s,
                       appointment, u"--text"_s, sweep.canary(u"journal-private"_s)});
    sweep.ok(profile, {u"note"_s, u"add"_s, u"--kind"_s, u"intention"_s, u"--share"_s, u"--text"_s,
                       sweep.canary(u"journal-shared"_s)});
    for (int i = 0; i < 4; ++i) {
        const QString longText =
            QString(sweep.canary(u"long"_s) + u' ').repeated(19000 / (sweep.token().size() + 6));
        sweep.ok(profile,
                 {u"note"_s, u"add"_s, u"--kind"_s, u"free"_s, u"--text"_s, longText.trimmed()});
    }
    // A checklist item ticked (rewrites the schedule again).
    const QJsonObject plan = jsonOf(sweep
                                        .ok(profile,
                                            {u"plan"_s, u"show"_s, appointment, u"--json"_s,
                                             u"--time-zone"_s, u"Europe/Berlin"_s},
                                            Sweep::Output::Shows)
                                        .out);
    const QJsonArray items = plan.value(u"items"_s).toArray();
    REQUIRE_FALSE(items.isEmpty());
    sweep.ok(profile, {u"plan"_s, u"check"_s, appointment,
                       items.first().toObject().value(u"id"_s).toString(), u"on"_s,
                       u"--time-zone"_s, u"Europe/Berlin"_s});
    // The patient's own views show the text (the positive control of the search).
    sweep.ok(profile, {u"diary"_s, u"list"_s, u"--json"_s}, Sweep::Output::Shows);
    sweep.ok(profile, {u"note"_s, u"list"_s, u"--json"_s}, Sweep::Output::Shows);

    // --- Reminders: the in-app list names the driver; the schedule file does not. ---
    const QJsonArray listed = jsonOf(sweep
                                         .ok(profile,
                                             {u"reminders"_s, u"list"_s, u"--json"_s,
                                              u"--time-zone"_s, u"Europe/Berlin"_s},
                                             Sweep::Output::Shows)
                                         .out)
                                  .value(u"reminders"_s)
                                  .toArray();
    int namingDriver = 0;
    for (const QJsonValue &each : listed) {
        const QJsonObject reminder = each.toObject();
        namingDriver += reminder.value(u"text"_s).toString().contains(driver) ? 1 : 0;
        CHECK(reminder.value(u"lockScreenText"_s).toString() == generic);
    }
    CHECK(namingDriver >= 1);

    const QString schedulePath = QDir(profile).filePath(u"reminders.json"_s);
    QJsonObject schedule = jsonOf(readAll(schedulePath));
    QJsonArray scheduled = schedule.value(u"reminders"_s).toArray();
    REQUIRE(scheduled.size() == listed.size());
    for (const QJsonValue &each : scheduled)
        CHECK(each.toObject().value(u"text"_s).toString() == generic);

    // --- Autostart entry (XDG_CONFIG_HOME is in the sandbox). ---
    REQUIRE(
        sweep.run({u"reminders"_s, u"autostart"_s, u"on"_s, u"--profile"_s, profile}).exitCode ==
        0);
    const QString autostart = sweep.path(u"home/.config/autostart/companion.desktop"_s);
    const QByteArray entry = readAll(autostart);
    CHECK(entry.contains(" reminders daemon --profile "));
    CHECK_FALSE(sweep.leaks(entry));

    // --- The background service's notifications. Every planned reminder is made due now by
    // moving its time (ids and texts stay byte for byte what the CLI wrote), then the service
    // runs without the passphrase against a recording notification server. ---
    std::size_t notifications = 0;
    {
        NotificationBus bus;
        const QString due =
            QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs);
        for (qsizetype i = 0; i < scheduled.size(); ++i) {
            QJsonObject reminder = scheduled.at(i).toObject();
            reminder.insert(u"fireAt"_s, due);
            scheduled.replace(i, reminder);
        }
        schedule.insert(u"reminders"_s, scheduled);
        QFile rewritten(schedulePath);
        REQUIRE(rewritten.open(QIODevice::WriteOnly | QIODevice::Truncate));
        rewritten.write(QJsonDocument(schedule).toJson());
        rewritten.close();

        QProcess daemon;
        QProcessEnvironment environment = sweep.environment();
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, bus.address());
        daemon.setProcessEnvironment(environment);
        daemon.start(QStringLiteral(COMPANION_CLI_PATH),
                     {u"reminders"_s, u"daemon"_s, u"--profile"_s, profile});
        REQUIRE(daemon.waitForStarted(10000));
        daemon.closeWriteChannel();
        const auto expected = static_cast<std::size_t>(scheduled.size());
        const bool all = waitUntil([&] { return bus.calls().size() >= expected; }, 60000);
        const QString delivered = QDir(profile).filePath(u"reminders-delivered.json"_s);
        const bool remembered = waitUntil([&] { return QFileInfo::exists(delivered); });
        daemon.terminate();
        REQUIRE(daemon.waitForFinished(10000));
        const QByteArray daemonErr = daemon.readAllStandardError();
        INFO(daemonErr.toStdString());
        CHECK_FALSE(sweep.leaks(daemonErr));
        CHECK_FALSE(sweep.leaks(daemon.readAllStandardOutput()));
        REQUIRE(all);
        CHECK(remembered);
        CHECK(bus.calls().size() == expected);
        notifications = bus.calls().size();
        for (const NotificationServer::Call &call : bus.calls()) {
            CHECK(call.appName == u"Companion");
            CHECK(call.summary == u"Companion");
            CHECK(call.body == generic);
            QByteArray everything =
                (call.appName + call.appIcon + call.summary + call.body + call.actions.join(u'\n'))
                    .toUtf8();
            for (auto it = call.hints.cbegin(); it != call.hints.cend(); ++it)
                everything += (it.key() + u'=' + it.value().toString()).toUtf8();
            CHECK_FALSE(sweep.leaks(everything));
        }
    }

    // --- Export: plaintext by design, but only in the file asked for. ---
    const QString exports = sweep.path(u"exports"_s);
    REQUIRE(QDir().mkpath(exports));
    QStringList allowed;
    for (const QString &format : {u"json"_s, u"csv"_s, u"ics"_s}) {
        const QString out = QDir(exports).filePath(u"export."_s + format);
        sweep.ok(profile, {u"export"_s, u"--format"_s, format, u"--out"_s, out});
        const QByteArray bytes = readAll(out);
        CHECK(QFile::permissions(out) == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ReadUser | QFileDevice::WriteUser));
        INFO(format.toStdString());
        if (format == u"ics") {
            // A calendar file is made to be imported into calendars that may be shared or
            // synced: neutral titles, no driver or phone (ADR 0010). The sweep below checks it.
            CHECK(bytes.contains("BEGIN:VALARM"));
            continue;
        }
        CHECK(sweep.leaks(bytes)); // the typed text is there, as the patient asked
        allowed << out;
    }
    const QString jsonExport = QDir(exports).filePath(u"export.json"_s);
    const QByteArray exported = readAll(jsonExport);
    for (const QString &field :
         {u"diary"_s, u"driver"_s, u"journal-private"_s, u"journal-shared"_s, u"long"_s})
        CHECK(exported.contains(sweep.canary(field).toUtf8()));
    CHECK(exported.contains(sweep.phoneDigits().toUtf8()));
    // Nothing beside the files (no temporary copy left next to them).
    CHECK(entriesOf(exports) == QStringList({u"export.csv"_s, u"export.ics"_s, u"export.json"_s}));

    // A failed export leaves no partial file. The disk fills up part way: a file size limit of
    // 56 KiB on the process (above SQLite's 32 KiB shared-memory file, below the export's size),
    // with SIGXFSZ ignored so write() fails with EFBIG as on a full disk.
    REQUIRE(exported.size() > 2 * 57344);
    const QString failedDir = sweep.path(u"failed"_s);
    REQUIRE(QDir().mkpath(failedDir));
    const QString partial = QDir(failedDir).filePath(u"partial.json"_s);
    const CliResult full =
        sweep.run({u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, partial, u"--profile"_s,
                   profile, u"--passphrase-file"_s, sweep.passphraseFile()},
                  Sweep::Output::Quiet, [] {
                      const rlimit limit{57344, 57344};
                      ::setrlimit(RLIMIT_FSIZE, &limit);
                      ::signal(SIGXFSZ, SIG_IGN);
                  });
    CHECK(full.exitCode == 1);
    CHECK(full.err.contains("could not write")); // the export file, not the profile
    CHECK(entriesOf(failedDir).isEmpty());
    // A folder that does not exist, and a "folder" that is a file.
    CHECK(sweep
              .run({u"export"_s, u"--format"_s, u"json"_s, u"--out"_s,
                    QDir(failedDir).filePath(u"missing/out.json"_s), u"--profile"_s, profile,
                    u"--passphrase-file"_s, sweep.passphraseFile()})
              .exitCode != 0);
    CHECK(sweep
              .run({u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, jsonExport + u"/out.json"_s,
                    u"--profile"_s, profile, u"--passphrase-file"_s, sweep.passphraseFile()})
              .exitCode != 0);
    // A folder nobody can create files in, root included.
    CHECK(sweep
              .run({u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, u"/proc/self/out.json"_s,
                    u"--profile"_s, profile, u"--passphrase-file"_s, sweep.passphraseFile()})
              .exitCode != 0);
    // A folder the patient cannot write to (root writes anywhere, so only as another user).
    if (::geteuid() != 0) {
        const QString readOnly = sweep.path(u"read-only"_s);
        REQUIRE(QDir().mkpath(readOnly));
        REQUIRE(QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        CHECK(sweep
                  .run({u"export"_s, u"--format"_s, u"json"_s, u"--out"_s,
                        QDir(readOnly).filePath(u"out.json"_s), u"--profile"_s, profile,
                        u"--passphrase-file"_s, sweep.passphraseFile()})
                  .exitCode != 0);
        CHECK(entriesOf(readOnly).isEmpty());
        QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner);
    }
    CHECK(entriesOf(failedDir).isEmpty());
    // The profile is unharmed by the failed writes.
    sweep.ok(profile, {u"check"_s});

    // --- Import reads the export into a new profile and copies it nowhere else. ---
    const QString imported = sweep.path(u"imported"_s);
    REQUIRE(sweep
                .run({u"init"_s, u"--profile"_s, imported, u"--passphrase-file"_s,
                      sweep.passphraseFile()})
                .exitCode == 0);
    sweep.ok(imported, {u"import"_s, u"--in"_s, jsonExport});
    sweep.ok(imported, {u"diary"_s, u"list"_s, u"--json"_s}, Sweep::Output::Shows);
    // A damaged export is refused without quoting it.
    const QString damaged = QDir(exports).filePath(u"damaged.json"_s);
    {
        QFile file(damaged);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(exported.left(exported.size() / 2));
    }
    allowed << damaged;
    const QString second = sweep.path(u"imported-again"_s);
    REQUIRE(sweep
                .run({u"init"_s, u"--profile"_s, second, u"--passphrase-file"_s,
                      sweep.passphraseFile()})
                .exitCode == 0);
    const CliResult refused = sweep.run({u"import"_s, u"--in"_s, damaged, u"--profile"_s, second,
                                         u"--passphrase-file"_s, sweep.passphraseFile()});
    CHECK(refused.exitCode != 0);

    // Nothing at all was left in the temp, cache, data or state folders.
    for (const QString &folder :
         {u"tmp"_s, u"home/.cache"_s, u"home/.local/share"_s, u"home/.local/state"_s, u"run"_s}) {
        INFO(folder.toStdString());
        CHECK(entriesOf(sweep.path(folder)).isEmpty());
    }

    // --- The sweep: every file in the sandbox but the exports. ---
    int files = 0;
    qint64 bytes = 0;
    const QStringList hits = sweep.filesWithCanaries(allowed, &files, &bytes);
    INFO(hits.join(u'\n').toStdString());
    CHECK(hits.isEmpty());
    // The search covered the profiles, the schedule, the delivered state and the autostart entry.
    CHECK(files >= 9);
    CHECK(bytes > 100000);
    WARN("privacy sweep: " << sweep.commandsRun() << " commands, " << notifications
                           << " notifications, " << files << " files (" << bytes
                           << " bytes) searched, " << hits.size() << " hits");
    // The checker finds a canary that is there (in the files it was told to skip).
    int allFiles = 0;
    qint64 allBytes = 0;
    CHECK(sweep.filesWithCanaries({}, &allFiles, &allBytes).size() == allowed.size());
}
