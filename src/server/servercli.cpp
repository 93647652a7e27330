#include "server/servercli.h"

#include "protocol/enrollink.h"
#include "protocol/json.h"
#include "protocol/keys.h"
#include "qr/qrcode.h"
#include "server/admin.h"
#include "server/auditlog.h"
#include "server/clinicmessages.h"
#include "server/httpserver.h"
#include "server/logging.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>

namespace companion::server {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitAuditBroken = 3;

const char kUsage[] =
    "usage:\n"
    "  companion-server serve --db URL --listen HOST:PORT [--tls-cert FILE --tls-key FILE]\n"
    "        [--db-workers N] [--read-workers N] [--push-group N] [--max-connections N]\n"
    "        [--header-timeout-ms N] [--body-timeout-ms N] [--enrol-per-minute N]\n"
    "        [--auth-per-minute N]\n"
    "        [--token-ttl-s N] [--body-budget-mb N]\n"
    "  companion-server admin init --db URL --name NAME --keys-dir DIR [--safety-alerts]\n"
    "  companion-server admin enrol-patient --db URL [--label TEXT] [--valid-hours N]\n"
    "        [--server-url URL [--qr FILE.png | --qr -]]\n"
    "        (--server-url: also print a companion:enrol link; --qr: as a QR code in a PNG\n"
    "        file, or - for the terminal)\n"
    "  companion-server admin recovery-code --db URL --vault VAULT_ID [--valid-hours N]\n"
    "        (a patient who lost every device: joins a new one to the existing vault)\n"
    "  companion-server admin add-therapist --db URL --keys-dir DIR --name NAME\n"
    "        [--public-key BASE64 | --key-out FILE | --valid-hours N]\n"
    "        (neither key option: prints a one-time code for companion-careteam enrol)\n"
    "  companion-server admin remove-therapist --db URL --keys-dir DIR --id THERAPIST_ID\n"
    "  companion-server admin revoke-device --db URL --id DEVICE_ID\n"
    "  companion-server admin safety-alerts --db URL on|off\n"
    "  companion-server admin audit --db URL [--json]\n"
    "  companion-server admin publish-protocol --db URL --keys-dir DIR --file PROTOCOL.json\n"
    "  companion-server admin add-appointment --db URL --keys-dir DIR --vault VAULT_ID\n"
    "        --at ISO8601 [--minutes N] [--location TEXT] [--appointment APPOINTMENT_ID]\n"
    "  companion-server admin cancel-appointment --db URL --keys-dir DIR --vault VAULT_ID\n"
    "        --appointment APPOINTMENT_ID\n"
    "URL: a SQLite file path (or sqlite:PATH) or postgresql://user@host:port/dbname\n"
    "     (the password from PGPASSWORD or ~/.pgpass, never on the command line).\n";

void out(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const QString &message, int code = kExitFailure)
{
    std::fprintf(stderr, "companion-server: error: %s\n", message.toUtf8().constData());
    return code;
}

int usage(const QString &message)
{
    std::fprintf(stderr, "companion-server: %s\n%s", message.toUtf8().constData(), kUsage);
    return kExitUsage;
}

struct Options
{
    QHash<QString, QString> values;
    QSet<QString> flags;
    QStringList positional;
};

Result<Options> parseOptions(const QStringList &args, const QSet<QString> &valueNames,
                             const QSet<QString> &flagNames)
{
    Options options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (valueNames.contains(arg)) {
            if (i + 1 >= args.size())
                return makeError(ErrorCode::InvalidInput, arg + QStringLiteral(" needs a value"));
            options.values.insert(arg, args[++i]);
        } else if (flagNames.contains(arg)) {
            options.flags.insert(arg);
        } else if (arg.startsWith(QLatin1String("--"))) {
            return makeError(ErrorCode::InvalidInput, QStringLiteral("unknown option ") + arg);
        } else {
            options.positional << arg;
        }
    }
    return options;
}

Result<std::unique_ptr<Database>> openDatabase(const Options &options)
{
    if (!options.values.contains(QStringLiteral("--db")))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("--db is required"));
    auto url = DatabaseUrl::parse(options.values.value(QStringLiteral("--db")));
    if (!url)
        return url.error();
    auto db = Database::open(*url);
    if (!db)
        return db.error();
    COMPANION_TRY((*db)->migrate());
    return db;
}

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString isoTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

Result<int> intOption(const Options &options, const char *name, int fallback, int min, int max)
{
    const QString key = QLatin1String(name);
    if (!options.values.contains(key))
        return fallback;
    bool ok = false;
    const int value = options.values.value(key).toInt(&ok);
    if (!ok || value < min || value > max)
        return makeError(ErrorCode::InvalidInput,
                         key + QStringLiteral(": a number from %1 to %2").arg(min).arg(max));
    return value;
}

int runServe(const QStringList &args)
{
    auto options =
        parseOptions(args,
                     {QStringLiteral("--db"), QStringLiteral("--listen"),
                      QStringLiteral("--tls-cert"), QStringLiteral("--tls-key"),
                      QStringLiteral("--db-workers"), QStringLiteral("--read-workers"),
                      QStringLiteral("--push-group"), QStringLiteral("--max-connections"),
                      QStringLiteral("--header-timeout-ms"), QStringLiteral("--body-timeout-ms"),
                      QStringLiteral("--enrol-per-minute"), QStringLiteral("--auth-per-minute"),
                      QStringLiteral("--token-ttl-s"), QStringLiteral("--body-budget-mb")},
                     {});
    if (!options)
        return usage(options.error().message);
    const QString listen = options->values.value(QStringLiteral("--listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    if (!portOk || port < 0 || port > 65535)
        return usage(QStringLiteral("--listen HOST:PORT is required"));

    ServerOptions server;
    server.host = listen.left(colon);
    if (server.host.startsWith(QLatin1Char('[')) && server.host.endsWith(QLatin1Char(']')))
        server.host = server.host.mid(1, server.host.size() - 2);
    server.port = static_cast<std::uint16_t>(port);
    server.tlsCertificate = options->values.value(QStringLiteral("--tls-cert"));
    server.tlsKey = options->values.value(QStringLiteral("--tls-key"));

    struct IntSetting
    {
        const char *name;
        int fallback, min, max;
        int *target;
    };
    int headerTimeout = 10'000, bodyTimeout = 60'000, tokenTtl = 900, budgetMb = 64;
    const IntSetting settings[] = {
        {"--db-workers", 0, 1, 64, &server.limits.dbWorkers},
        {"--read-workers", -1, 0, 64, &server.limits.readWorkers},
        {"--push-group", server.limits.pushGroup, 1, 1024, &server.limits.pushGroup},
        {"--max-connections", server.limits.maxConnections, 1, 100000,
         &server.limits.maxConnections},
        {"--header-timeout-ms", headerTimeout, 100, 600000, &headerTimeout},
        {"--body-timeout-ms", bodyTimeout, 100, 3600000, &bodyTimeout},
        {"--enrol-per-minute", server.limits.enrolPerMinute, 0, 100000,
         &server.limits.enrolPerMinute},
        {"--auth-per-minute", server.limits.authPerMinute, 0, 100000, &server.limits.authPerMinute},
        {"--token-ttl-s", tokenTtl, 10, 86400, &tokenTtl},
        {"--body-budget-mb", budgetMb, 17, 65536, &budgetMb},
    };
    for (const IntSetting &setting : settings) {
        auto value = intOption(*options, setting.name, setting.fallback, setting.min, setting.max);
        if (!value)
            return usage(value.error().message);
        *setting.target = *value;
    }
    server.limits.headerTimeout = std::chrono::milliseconds(headerTimeout);
    server.limits.bodyTimeout = std::chrono::milliseconds(bodyTimeout);
    server.limits.bodyBudget = std::int64_t(budgetMb) * 1024 * 1024;
    server.api.tokenTtlMs = std::int64_t(tokenTtl) * 1000;

    auto db = openDatabase(*options);
    if (!db)
        return fail(db.error().message);
    server.database = *DatabaseUrl::parse(options->values.value(QStringLiteral("--db")));
    if (server.limits.dbWorkers == 0)
        // SQLite has one writer: more connections would only queue on its lock.
        server.limits.dbWorkers = server.database.kind == DatabaseUrl::Kind::Sqlite ? 1 : 4;
    if (server.limits.readWorkers < 0)
        // SQLite: readers beside its one writer (ADR 0026). PostgreSQL: the 4 workers already
        // read in parallel, and 2 read-only connections measured no faster there.
        server.limits.readWorkers = server.database.kind == DatabaseUrl::Kind::Sqlite ? 2 : 0;
    db->reset(); // the schema is current; workers open their own connections

    HttpServer httpServer(std::move(server));
    auto bound = httpServer.start();
    if (!bound)
        return fail(bound.error().message);
    // Tests and supervisors read the port from here (with --listen HOST:0).
    out(QStringLiteral("listening on %1:%2").arg(listen.left(colon)).arg(*bound));
    qCInfo(lcServer) << "serving";
    httpServer.run();
    qCInfo(lcServer) << "stopped";
    return kExitOk;
}

int runAudit(Database &db, bool json)
{
    auto entries = readAuditLog(db, QString(), 0, 1'000'000);
    if (!entries)
        return fail(entries.error().message);
    auto verification = verifyAuditLog(db);
    if (!verification)
        return fail(verification.error().message);
    if (json) {
        QJsonArray rows;
        for (const AuditEntry &entry : *entries)
            rows.append(QJsonObject{{QStringLiteral("seq"), static_cast<qint64>(entry.seq)},
                                    {QStringLiteral("at"), static_cast<qint64>(entry.at)},
                                    {QStringLiteral("actor_role"), entry.actorRole},
                                    {QStringLiteral("actor_id"), entry.actorId},
                                    {QStringLiteral("action"), entry.action},
                                    {QStringLiteral("vault_id"), entry.vaultId},
                                    {QStringLiteral("subject"), entry.subject},
                                    {QStringLiteral("prev_hash"), entry.prevHash},
                                    {QStringLiteral("hash"), entry.hash}});
        const QJsonObject report{
            {QStringLiteral("entries"), rows},
            {QStringLiteral("verified"), verification->intact},
            {QStringLiteral("rows"), static_cast<qint64>(verification->rows)},
            {QStringLiteral("head_hash"), verification->headHash},
            {QStringLiteral("problem"), verification->problem},
            {QStringLiteral("first_bad_seq"), static_cast<qint64>(verification->firstBadSeq)}};
        out(QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)));
    } else {
        for (const AuditEntry &entry : *entries)
            out(QStringLiteral("%1  %2  %3 %4  %5  vault=%6  %7")
                    .arg(entry.seq)
                    .arg(isoTime(entry.at), entry.actorRole, entry.actorId, entry.action,
                         entry.vaultId.isEmpty() ? QStringLiteral("-") : entry.vaultId,
                         entry.subject));
        out(verification->intact
                ? QStringLiteral("audit chain verified: %1 rows, head %2")
                      .arg(verification->rows)
                      .arg(verification->headHash)
                : QStringLiteral("AUDIT CHAIN BROKEN: %1").arg(verification->problem));
    }
    return verification->intact ? kExitOk : kExitAuditBroken;
}

int runAdmin(const QStringList &args)
{
    if (args.isEmpty())
        return usage(QStringLiteral("admin needs a command"));
    const QString command = args.first();
    auto options = parseOptions(
        args.mid(1),
        {QStringLiteral("--db"), QStringLiteral("--name"), QStringLiteral("--keys-dir"),
         QStringLiteral("--label"), QStringLiteral("--valid-hours"), QStringLiteral("--public-key"),
         QStringLiteral("--key-out"), QStringLiteral("--id"), QStringLiteral("--file"),
         QStringLiteral("--vault"), QStringLiteral("--at"), QStringLiteral("--minutes"),
         QStringLiteral("--location"), QStringLiteral("--appointment"),
         QStringLiteral("--server-url"), QStringLiteral("--qr")},
        {QStringLiteral("--json"), QStringLiteral("--safety-alerts")});
    if (!options)
        return usage(options.error().message);
    const auto value = [&](const char *name) { return options->values.value(QLatin1String(name)); };
    const auto need = [&](std::initializer_list<const char *> names) -> QString {
        for (const char *name : names)
            if (!options->values.contains(QLatin1String(name)))
                return QLatin1String(name) + QStringLiteral(" is required");
        return QString();
    };

    static const QStringList known{QStringLiteral("init"),
                                   QStringLiteral("enrol-patient"),
                                   QStringLiteral("recovery-code"),
                                   QStringLiteral("add-therapist"),
                                   QStringLiteral("remove-therapist"),
                                   QStringLiteral("revoke-device"),
                                   QStringLiteral("safety-alerts"),
                                   QStringLiteral("audit"),
                                   QStringLiteral("publish-protocol"),
                                   QStringLiteral("add-appointment"),
                                   QStringLiteral("cancel-appointment")};
    if (!known.contains(command))
        return usage(QStringLiteral("unknown admin command ") + command);
    auto db = openDatabase(*options);
    if (!db)
        return fail(db.error().message);
    Database &database = **db;

    if (command == QLatin1String("init")) {
        if (const QString missing = need({"--name", "--keys-dir"}); !missing.isEmpty())
            return usage(missing);
        auto created =
            initClinic(database, value("--name"), value("--keys-dir"),
                       options->flags.contains(QStringLiteral("--safety-alerts")), nowMs());
        if (!created)
            return fail(created.error().message);
        out(QStringLiteral("clinic: %1").arg(created->clinicId));
        out(QStringLiteral("clinic key fingerprint: %1").arg(created->fingerprint));
        return kExitOk;
    }
    if (command == QLatin1String("enrol-patient")) {
        auto hours = intOption(*options, "--valid-hours", 72, 1, 24 * 30);
        if (!hours)
            return usage(hours.error().message);
        const QString serverUrl = value("--server-url");
        const QString qrTarget = value("--qr");
        if (options->values.contains(QStringLiteral("--qr")) && serverUrl.isEmpty())
            return usage(QStringLiteral("--qr needs --server-url URL (the address the patient's "
                                        "device connects to)"));
        if (!serverUrl.isEmpty()) {
            // Checked before a code is issued, so a typo in the address spends nothing.
            protocol::EnrolmentLink probe;
            probe.serverUrl = serverUrl;
            probe.code = QStringLiteral("0000-0000-0000-0000-0000");
            probe.fingerprint = QStringLiteral("0000-0000-0000-0000-0000-0000-0000-0000");
            if (auto checked = protocol::formatEnrolmentLink(probe); !checked)
                return usage(QStringLiteral("--server-url: ") + checked.error().message);
        }
        auto code = issueEnrolmentCode(database, value("--label"),
                                       std::int64_t(*hours) * 3600 * 1000, nowMs());
        if (!code)
            return fail(code.error().message);
        out(QStringLiteral("code: %1").arg(code->code));
        out(QStringLiteral("vault: %1").arg(code->vaultId));
        out(QStringLiteral("label: %1").arg(code->label));
        out(QStringLiteral("expires: %1").arg(isoTime(code->expiresAt)));
        out(QStringLiteral("clinic key fingerprint: %1").arg(code->fingerprint));
        if (!serverUrl.isEmpty()) {
            protocol::EnrolmentLink link;
            link.serverUrl = serverUrl;
            link.code = code->code;
            link.fingerprint = code->fingerprint;
            auto uri = protocol::formatEnrolmentLink(link);
            if (!uri)
                return fail(uri.error().message);
            const QByteArray text(reinterpret_cast<const char *>(uri->data()),
                                  static_cast<qsizetype>(uri->size()));
            out(QStringLiteral("link: %1").arg(QString::fromLatin1(text)));
            if (!qrTarget.isEmpty()) {
                auto qrCode = qr::QrCode::encode(text);
                if (!qrCode)
                    return fail(qrCode.error().message);
                if (qrTarget == QLatin1String("-")) {
                    const QByteArray block = qrCode->toTerminalText();
                    std::fwrite(block.constData(), 1, static_cast<std::size_t>(block.size()),
                                stdout);
                    std::fflush(stdout);
                } else if (auto written = qrCode->writePng(qrTarget); !written) {
                    return fail(written.error().message);
                } else {
                    out(QStringLiteral("qr: %1").arg(qrTarget));
                }
            }
        }
        return kExitOk;
    }
    if (command == QLatin1String("recovery-code")) {
        if (const QString missing = need({"--vault"}); !missing.isEmpty())
            return usage(missing);
        auto hours = intOption(*options, "--valid-hours", 72, 1, 24 * 30);
        if (!hours)
            return usage(hours.error().message);
        auto code = issueRecoveryCode(database, value("--vault"),
                                      std::int64_t(*hours) * 3600 * 1000, nowMs());
        if (!code)
            return fail(code.error().message);
        out(QStringLiteral("code: %1").arg(code->code));
        out(QStringLiteral("vault: %1").arg(code->vaultId));
        out(QStringLiteral("expires: %1").arg(isoTime(code->expiresAt)));
        out(QStringLiteral("clinic key fingerprint: %1").arg(code->fingerprint));
        return kExitOk;
    }
    if (command == QLatin1String("add-therapist")) {
        if (const QString missing = need({"--name", "--keys-dir"}); !missing.isEmpty())
            return usage(missing);
        const bool hasPublic = options->values.contains(QStringLiteral("--public-key"));
        const bool hasOut = options->values.contains(QStringLiteral("--key-out"));
        if (hasPublic && hasOut)
            return usage(QStringLiteral("give at most one of --public-key and --key-out"));
        if (!hasPublic && !hasOut) {
            // Enrolment by code: the therapist makes their own key pair in the console, and the
            // care-team key reaches them sealed under the code (ADR 0013).
            auto hours = intOption(*options, "--valid-hours", 72, 1, 24 * 30);
            if (!hours)
                return usage(hours.error().message);
            auto code = issueTherapistCode(database, value("--keys-dir"), value("--name"),
                                           std::int64_t(*hours) * 3600 * 1000, nowMs());
            if (!code)
                return fail(code.error().message);
            out(QStringLiteral("code: %1").arg(code->code));
            out(QStringLiteral("expires: %1").arg(isoTime(code->expiresAt)));
            out(QStringLiteral("care-team epoch: %1").arg(code->careTeamEpoch));
            out(QStringLiteral("clinic key fingerprint: %1").arg(code->fingerprint));
            return kExitOk;
        }
        if (options->values.contains(QStringLiteral("--valid-hours")))
            return usage(QStringLiteral("--valid-hours is only for a code (no key option)"));
        QByteArray publicKey;
        if (hasPublic) {
            auto decoded = protocol::decodeBase64(value("--public-key").toLatin1());
            if (!decoded)
                return usage(QStringLiteral("--public-key: base64 of a 32-byte Ed25519 key"));
            publicKey = *decoded;
        } else {
            // A key pair made here for the therapist, written 0600 for them to take away.
            const protocol::SigningKeyPair pair = protocol::generateSigningKeyPair();
            if (auto written = writeKeyFile(value("--key-out"), pair.secretKey); !written)
                return fail(written.error().message);
            publicKey = pair.publicKey;
        }
        auto id = addTherapist(database, value("--keys-dir"), value("--name"), publicKey, nowMs());
        if (!id)
            return fail(id.error().message);
        out(QStringLiteral("therapist: %1").arg(*id));
        return kExitOk;
    }
    if (command == QLatin1String("remove-therapist")) {
        if (const QString missing = need({"--id", "--keys-dir"}); !missing.isEmpty())
            return usage(missing);
        auto epoch = removeTherapist(database, value("--keys-dir"), value("--id"), nowMs());
        if (!epoch)
            return fail(epoch.error().message);
        out(QStringLiteral("removed; care-team key rotated to epoch %1").arg(*epoch));
        return kExitOk;
    }
    if (command == QLatin1String("revoke-device")) {
        if (const QString missing = need({"--id"}); !missing.isEmpty())
            return usage(missing);
        if (auto revoked = revokeDeviceByAdmin(database, value("--id"), nowMs()); !revoked)
            return fail(revoked.error().message);
        out(QStringLiteral("device revoked"));
        return kExitOk;
    }
    if (command == QLatin1String("safety-alerts")) {
        const QString state = options->positional.value(0);
        if (state != QLatin1String("on") && state != QLatin1String("off"))
            return usage(QStringLiteral("safety-alerts on|off"));
        if (auto set = setSafetyAlerts(database, state == QLatin1String("on"), nowMs()); !set)
            return fail(set.error().message);
        out(QStringLiteral("safety alerts %1").arg(state));
        return kExitOk;
    }
    if (command == QLatin1String("publish-protocol")) {
        if (const QString missing = need({"--keys-dir", "--file"}); !missing.isEmpty())
            return usage(missing);
        QFile file(value("--file"));
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1").arg(value("--file")));
        // One byte over the cap is enough to refuse an oversized file without reading it all.
        const QByteArray json = file.read(protocol::kMaxClinicProtocolJson + 1);
        auto version = publishProtocol(database, value("--keys-dir"), json, nowMs());
        if (!version)
            return fail(version.error().message);
        out(QStringLiteral("clinic protocol published as version %1").arg(*version));
        return kExitOk;
    }
    if (command == QLatin1String("add-appointment") ||
        command == QLatin1String("cancel-appointment")) {
        const bool cancel = command == QLatin1String("cancel-appointment");
        if (const QString missing = cancel ? need({"--keys-dir", "--vault", "--appointment"})
                                           : need({"--keys-dir", "--vault", "--at"});
            !missing.isEmpty())
            return usage(missing);
        Result<SentMessage> sent = makeError(ErrorCode::Internal, QString());
        if (cancel) {
            sent = cancelAppointment(database, value("--keys-dir"), value("--vault"),
                                     value("--appointment"), nowMs());
        } else {
            // A zone is required: the server's own zone says nothing about the patient's.
            const QDateTime at = QDateTime::fromString(value("--at"), Qt::ISODateWithMs);
            if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
                return usage(QStringLiteral(
                    "--at: an ISO 8601 time with a zone, e.g. 2026-11-02T09:00:00+01:00"));
            auto minutes =
                intOption(*options, "--minutes", 60, protocol::kMinMessageAppointmentMinutes,
                          protocol::kMaxMessageAppointmentMinutes);
            if (!minutes)
                return usage(minutes.error().message);
            sent = sendAppointment(database, value("--keys-dir"),
                                   {value("--vault"), value("--appointment"),
                                    at.toMSecsSinceEpoch(), *minutes, value("--location")},
                                   nowMs());
        }
        if (!sent)
            return fail(sent.error().message);
        out(QStringLiteral("appointment: %1").arg(sent->appointmentId));
        out(QStringLiteral("message: %1").arg(sent->messageId));
        out(QStringLiteral("sealed with shared key generation %1").arg(sent->generation));
        return kExitOk;
    }
    return runAudit(database, options->flags.contains(QStringLiteral("--json")));
}

} // namespace

int runServerCli(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("-h")) {
        std::fputs(kUsage, arguments.isEmpty() ? stderr : stdout);
        return arguments.isEmpty() ? kExitUsage : kExitOk;
    }
    const QString command = arguments.first();
    if (command == QLatin1String("serve"))
        return runServe(arguments.mid(1));
    if (command == QLatin1String("admin"))
        return runAdmin(arguments.mid(1));
    return usage(QStringLiteral("unknown command ") + command);
}

} // namespace companion::server
