#include "cli/synccommands.h"

#include "protocol/enrollink.h"
#include "qr/qrcode.h"
#include "qr/qrdecoder.h"
#include "sync/clinicinbox.h"
#include "sync/syncengine.h"

#include "cli/console.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace companion::cli {

namespace {

using namespace companion::sync;

void printJson(const Console &console, const QJsonObject &object)
{
    console.print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + u'\n');
}

QString isoTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

Result<void> runSync(const CliArguments &args, SyncEngine &engine, const Console &console)
{
    auto report = engine.sync();
    if (!report)
        return report.error();
    auto conflicts = engine.conflicts();
    if (!conflicts)
        return conflicts.error();
    if (args.json) {
        printJson(console, {{u"pushed"_s, report->pushed},
                            {u"pulled"_s, report->pulled},
                            {u"conflicts"_s, report->conflicts},
                            {u"open_conflicts"_s, static_cast<qint64>(conflicts->size())},
                            {u"integrity_events"_s, report->integrity},
                            {u"shares_granted"_s, report->sharesGranted},
                            {u"shares_revoked"_s, report->sharesRevoked},
                            {u"requests"_s, report->requests},
                            {u"retries"_s, report->retries},
                            {u"messages"_s, report->messages},
                            {u"appointments"_s, report->appointments},
                            {u"protocol_version"_s, static_cast<qint64>(report->protocolVersion)}});
        return {};
    }
    console.print(u"Synced: %1 sent, %2 received, %3 new conflicts (%4 open), %5 shares granted, "
                  u"%6 revoked.\n"_s.arg(report->pushed)
                      .arg(report->pulled)
                      .arg(report->conflicts)
                      .arg(conflicts->size())
                      .arg(report->sharesGranted)
                      .arg(report->sharesRevoked));
    if (report->messages > 0)
        console.print(u"%1 new messages from your clinic (see: companion-cli messages).\n"_s.arg(
            report->messages));
    if (report->protocolVersion > 0)
        console.print(u"Your clinic's instructions were updated (version %1).\n"_s.arg(
            report->protocolVersion));
    if (report->integrity > 0)
        console.print(
            u"Warning: %1 versions from the server were refused as damaged, replayed "
            u"or rolled back (see: companion-cli sync --json).\n"_s.arg(report->integrity));
    return {};
}

Result<void> runShare(const CliArguments &args, SyncEngine &engine, const Console &console)
{
    if (!args.category.isEmpty() || !args.entry.isEmpty()) {
        const QString choice = args.positional.value(0).toLower();
        if (!args.category.isEmpty()) {
            const auto category = shareCategoryFromName(args.category);
            if (!category)
                return makeError(ErrorCode::InvalidInput, u"--category must be one of %1"_s.arg(
                                                              shareCategoryNames().join(u", "_s)));
            if (choice != u"on" && choice != u"off")
                return makeError(ErrorCode::InvalidInput, u"share --category needs on or off"_s);
            COMPANION_TRY(engine.setCategoryShared(*category, choice == u"on"));
        } else {
            if (choice != u"on" && choice != u"off" && choice != u"default")
                return makeError(ErrorCode::InvalidInput,
                                 u"share --entry needs on, off or default"_s);
            COMPANION_TRY(engine.setEntryShared(
                args.entry,
                choice == u"default" ? std::nullopt : std::optional<bool>(choice == u"on")));
        }
        if (!args.json)
            console.print(u"Saved. It takes effect at the next sync.\n"_s);
    }
    auto choices = engine.shareChoices();
    if (!choices)
        return choices.error();
    if (args.json) {
        QJsonObject categories;
        for (const QString &name : shareCategoryNames())
            categories.insert(name, choices->categories.contains(*shareCategoryFromName(name)));
        QJsonObject entries;
        for (auto it = choices->entries.cbegin(); it != choices->entries.cend(); ++it)
            entries.insert(it.key(), it.value());
        printJson(console, {{u"categories"_s, categories}, {u"entries"_s, entries}});
        return {};
    }
    if (!args.category.isEmpty() || !args.entry.isEmpty())
        return {};
    QString text = u"Shared with your care team:\n"_s;
    for (const QString &name : shareCategoryNames())
        text += u"  %1: %2\n"_s.arg(
            name, choices->categories.contains(*shareCategoryFromName(name)) ? u"on"_s : u"off"_s);
    for (auto it = choices->entries.cbegin(); it != choices->entries.cend(); ++it)
        text += u"  entry %1: %2\n"_s.arg(it.key(), it.value() ? u"on"_s : u"off"_s);
    console.print(text);
    return {};
}

Result<void> runAccessLog(const CliArguments &args, SyncEngine &engine, const Console &console)
{
    auto entries = engine.accessLog();
    if (!entries)
        return entries.error();
    if (args.json) {
        QJsonArray array;
        for (const AccessLogEntry &entry : *entries)
            array.append(QJsonObject{{u"seq"_s, static_cast<qint64>(entry.seq)},
                                     {u"at"_s, isoTime(entry.at)},
                                     {u"actor_role"_s, entry.actorRole},
                                     {u"actor_id"_s, entry.actorId},
                                     {u"actor_name"_s, entry.actorName},
                                     {u"action"_s, entry.action},
                                     {u"subject"_s, entry.subject}});
        printJson(console, {{u"entries"_s, array}});
        return {};
    }
    QString text;
    for (const AccessLogEntry &entry : *entries)
        text += u"%1  %2 %3  %4  %5\n"_s.arg(isoTime(entry.at), entry.actorRole,
                                             entry.actorName.isEmpty() ? entry.actorId
                                                                       : entry.actorName,
                                             entry.action, entry.subject);
    console.print(text.isEmpty() ? u"Nothing yet.\n"_s : text);
    return {};
}

Result<void> runDevices(const CliArguments &args, SyncEngine &engine, const Console &console)
{
    if (args.command == Command::DeviceRevoke) {
        COMPANION_TRY(engine.revokeDevice(args.positional.value(0)));
        console.print(u"Revoked. That device can no longer reach your data on the server.\n"_s);
        return {};
    }
    if (args.command == Command::DeviceUnlink) {
        COMPANION_TRY(engine.closeDeviceLink(args.positional.value(0)));
        console.print(u"Closed. That QR code no longer opens your data.\n"_s);
        return {};
    }
    if (args.command == Command::DeviceLink) {
        // Checked before the link exists: a QR code nobody can see would only leave a slot open.
        const bool terminal = ::isatty(console.out) == 1;
        if (args.qrOut.isEmpty() && !terminal)
            return makeError(ErrorCode::InvalidInput,
                             u"no terminal to show the QR code on: use --qr FILE.png"_s);
        auto link = engine.createDeviceLink();
        if (!link)
            return link.error();
        auto code = qr::QrCode::encodeSecret(link->uri);
        if (!code) {
            (void)engine.closeDeviceLink(link->slot);
            return code.error();
        }
        if (!args.qrOut.isEmpty()) {
            if (auto written = code->writePng(args.qrOut); !written) {
                (void)engine.closeDeviceLink(link->slot);
                return written.error();
            }
        }
        if (args.json) {
            QJsonObject out{{u"slot"_s, link->slot},
                            {u"code"_s, link->code},
                            {u"expires_at"_s, isoTime(link->expiresAt)}};
            if (!args.qrOut.isEmpty())
                out.insert(u"qr_file"_s, args.qrOut);
            printJson(console, out);
            return {};
        }
        // The link itself (it holds the link secret) is never printed as text: only as a QR
        // code, on a terminal or in the file.
        if (args.qrOut.isEmpty() && terminal) {
            const QByteArray text = code->toTerminalText();
            writeAll(console.out, {reinterpret_cast<const std::uint8_t *>(text.constData()),
                                   static_cast<std::size_t>(text.size())});
        }
        console.print(
            u"Scan this on the new device (Companion: Connect to a clinic, Scan a QR "
            u"code, or companion-cli enrol --qr-image FILE). Valid until %1. Anyone who "
            u"sees it can join your data until then: show it to no one. To close it "
            u"now: companion-cli devices unlink %2\n"_s.arg(isoTime(link->expiresAt), link->slot));
        return {};
    }
    if (args.command == Command::JoinCode) {
        auto code = engine.createJoinCode();
        if (!code)
            return code.error();
        if (args.json) {
            printJson(console,
                      {{u"code"_s, code->code}, {u"expires_at"_s, isoTime(code->expiresAt)}});
            return {};
        }
        console.print(u"Join code: %1 (valid until %2). On the new device: companion-cli enrol "
                      u"--server URL --code CODE; you will be asked for this device's "
                      u"passphrase.\n"_s.arg(code->code, isoTime(code->expiresAt)));
        return {};
    }
    auto devices = engine.devices();
    if (!devices)
        return devices.error();
    if (args.json) {
        QJsonArray array;
        for (const DeviceInfo &device : *devices)
            array.append(QJsonObject{{u"device_id"_s, device.deviceId},
                                     {u"created_at"_s, isoTime(device.createdAt)},
                                     {u"revoked_at"_s, device.revokedAt
                                                           ? QJsonValue(isoTime(*device.revokedAt))
                                                           : QJsonValue()},
                                     {u"current"_s, device.current}});
        printJson(console, {{u"devices"_s, array}});
        return {};
    }
    QString text;
    for (const DeviceInfo &device : *devices)
        text += u"%1  added %2%3%4\n"_s.arg(
            device.deviceId, isoTime(device.createdAt),
            device.revokedAt ? u", revoked "_s + isoTime(*device.revokedAt) : QString(),
            device.current ? u"  (this device)"_s : QString());
    console.print(text);
    return {};
}

Result<void> runConflicts(const CliArguments &args, SyncEngine &engine, const Console &console)
{
    if (args.command == Command::ConflictResolve) {
        bool ok = false;
        const qint64 id = args.positional.value(0).toLongLong(&ok);
        const QString choice = args.positional.value(1).toLower();
        if (!ok || (choice != u"mine" && choice != u"theirs"))
            return makeError(ErrorCode::InvalidInput,
                             u"conflicts resolve needs a conflict id and mine or theirs"_s);
        COMPANION_TRY(engine.resolveConflict(id, choice == u"mine"));
        console.print(choice == u"mine" ? u"Kept this device's version; it is sent at the next "
                                          u"sync.\n"_s
                                        : u"Kept the other device's version.\n"_s);
        return {};
    }
    auto conflicts = engine.conflicts();
    if (!conflicts)
        return conflicts.error();
    if (args.json) {
        QJsonArray array;
        for (const Conflict &conflict : *conflicts)
            array.append(
                QJsonObject{{u"id"_s, static_cast<qint64>(conflict.id)},
                            {u"record_id"_s, conflict.recordId},
                            {u"kind"_s, conflict.kind},
                            {u"deleted"_s, conflict.deleted},
                            {u"edited_at"_s, conflict.updatedAt.toString(Qt::ISODateWithMs)},
                            {u"other_version"_s, static_cast<qint64>(conflict.remoteVersion)}});
        printJson(console, {{u"conflicts"_s, array}});
        return {};
    }
    QString text;
    for (const Conflict &conflict : *conflicts)
        text += u"%1  %2 %3  edited here at %4%5\n"_s.arg(
            QString::number(conflict.id), conflict.kind, conflict.recordId,
            conflict.updatedAt.toString(Qt::ISODate),
            conflict.deleted ? u" (deleted here)"_s : QString());
    console.print(text.isEmpty() ? u"No conflicts.\n"_s : text);
    return {};
}

// What the clinic and the care team sent, as stored at the last sync (no network): replies with
// the entry they answer, appointments with what they booked, moved or cancelled.
Result<void> runMessages(const CliArguments &args, SyncEngine &engine, const Console &console)
{
    auto messages = engine.messages();
    if (!messages)
        return messages.error();
    QJsonArray array;
    QString text;
    for (const ReceivedMessage &message : *messages) {
        auto content = messageContent(message);
        if (!content)
            return content.error();
        QJsonObject item{{u"message_id"_s, message.messageId},
                         {u"type"_s, message.type},
                         {u"author_type"_s, message.authorType},
                         {u"author_name"_s, message.authorName},
                         {u"created_at"_s, message.createdAt.toString(Qt::ISODateWithMs)}};
        QString line;
        if (const auto *reply = std::get_if<protocol::ReplyMessage>(&content->body)) {
            item.insert(u"entry_id"_s, message.subjectId);
            item.insert(u"author_name"_s, reply->authorName);
            item.insert(u"text"_s, reply->text);
            line = u"reply from %1 to entry %2:\n  %3"_s.arg(
                reply->authorName, message.subjectId,
                QString(reply->text).replace(u'\n', u"\n  "_s));
        } else if (const auto *booked = std::get_if<protocol::AppointmentMessage>(&content->body)) {
            const QString startsAt =
                QDateTime::fromMSecsSinceEpoch(booked->startsAt, Qt::UTC).toString(Qt::ISODate);
            item.insert(u"appointment_id"_s, message.subjectId);
            item.insert(u"starts_at"_s, startsAt);
            item.insert(u"duration_minutes"_s, booked->durationMinutes);
            item.insert(u"location"_s, booked->location);
            line = u"appointment %1 from the clinic: %2, %3 min%4"_s.arg(
                message.subjectId, startsAt, QString::number(booked->durationMinutes),
                booked->location.isEmpty() ? QString() : u", "_s + booked->location);
        } else {
            item.insert(u"appointment_id"_s, message.subjectId);
            line = u"appointment %1 cancelled by the clinic"_s.arg(message.subjectId);
        }
        array.append(item);
        text += u"%1  %2\n"_s.arg(message.createdAt.toString(Qt::ISODate), line);
    }
    if (args.json) {
        printJson(console, {{u"messages"_s, array}});
        return {};
    }
    console.print(text.isEmpty() ? u"No messages.\n"_s : text);
    return {};
}

// The link from --uri or --qr-image. A device link holds a secret, so on the command line
// (visible to every user through /proc) only the clinic's enrolment link is accepted; a device
// link comes from an image or from standard input (--uri -).
Result<protocol::EnrolmentLink> linkFromArguments(const CliArguments &args, SecretReader &reader)
{
    if (!args.qrImage.isEmpty()) {
        auto payloads = qr::decodeImageFile(args.qrImage);
        if (!payloads)
            return payloads.error();
        std::optional<Error> firstError;
        for (const QByteArray &payload : *payloads) {
            auto link = protocol::parseEnrolmentLink(payload);
            if (link)
                return link;
            if (!firstError)
                firstError = link.error();
        }
        return *firstError;
    }
    if (args.uri == u"-") {
        auto line = reader.readLine(u"Link: "_s, u"link"_s);
        if (!line)
            return line.error();
        return protocol::parseEnrolmentLink(QByteArrayView(
            reinterpret_cast<const char *>(line->data()), static_cast<qsizetype>(line->size())));
    }
    auto link = protocol::parseEnrolmentLink(args.uri.toUtf8());
    if (link && link->kind == protocol::LinkKind::Join)
        return makeError(ErrorCode::InvalidInput,
                         u"a device link holds a secret and must not be on the command line: "
                         u"use --qr-image FILE or --uri - (and type or paste it)"_s);
    return link;
}

// A new data recovery key for the synced vault (issue 6, ADR 0034). The key file is created
// before the server is asked, so a bad path changes nothing; when the server call fails the file
// is removed and the old key still works.
Result<void> runVaultRecoveryKey(const CliArguments &args, SyncEngine &engine,
                                 const Console &console)
{
    int keyFd = -1;
    if (!args.recoveryKeyOut.isEmpty()) {
        auto fd = createPrivateFile(args.recoveryKeyOut);
        if (!fd)
            return fd.error();
        keyFd = *fd;
    }
    auto replaced = engine.replaceRecoveryKey();
    if (!replaced) {
        if (keyFd >= 0) {
            ::close(keyFd);
            ::unlink(QFile::encodeName(args.recoveryKeyOut).constData());
        }
        return replaced.error();
    }
    QString display = replaced->displayText();
    SecretBytes keyLine = takeAsciiSecret(display);
    bool keyWritten = false;
    if (keyFd >= 0) {
        keyWritten = writeAll(keyFd, keyLine.view()) && ::fsync(keyFd) == 0;
        keyWritten = ::close(keyFd) == 0 && keyWritten;
    }
    // The server already holds the new slot: if the file could not be written, the key is
    // printed rather than lost.
    if (args.json) {
        QJsonObject out;
        if (keyWritten)
            out.insert(u"recovery_key_file"_s, args.recoveryKeyOut);
        else
            out.insert(u"recovery_key"_s,
                       QString::fromLatin1(reinterpret_cast<const char *>(keyLine.data()),
                                           static_cast<qsizetype>(keyLine.size()) - 1));
        printJson(console, out);
        return {};
    }
    if (keyWritten) {
        console.print(u"New data recovery key written to %1 (readable only by you). The old "
                      u"key no longer opens your synced data. Keep the new one somewhere safe "
                      u"and offline.\n"_s.arg(args.recoveryKeyOut));
        return {};
    }
    console.print(u"New data recovery key (shown only this once; the old key no longer opens "
                  u"your synced data - keep this one somewhere safe and offline):\n"_s);
    writeAll(console.out, keyLine.view());
    return {};
}

} // namespace

Result<void> runEnrol(const CliArguments &args, storage::Profile &profile,
                      const SecretBytes &passphrase, SecretReader &reader, const Console &console)
{
    SyncEngine engine(profile.database(), profile.records());
    EnrolOptions options;
    options.serverUrl = args.server;
    options.code = args.code;
    options.expectedFingerprint = args.fingerprint;
    if (!args.uri.isEmpty() || !args.qrImage.isEmpty()) {
        auto link = linkFromArguments(args, reader);
        if (!link)
            return link.error();
        options.serverUrl = link->serverUrl;
        options.code = link->code;
        options.expectedFingerprint = link->fingerprint;
        if (link->kind == protocol::LinkKind::Join)
            options.linkSecret = std::make_shared<const SecretBytes>(std::move(link->linkSecret));
    }
    if (!args.shareCategories.isEmpty())
        options.shareCategories = args.shareCategories.split(u',', Qt::SkipEmptyParts);
    const auto prompt = [&](int attempt) -> Result<SecretBytes> {
        if (!args.vaultPassphraseFile.isEmpty()) {
            if (attempt > 0)
                return makeError(ErrorCode::WrongPassphrase,
                                 u"the passphrase in --vault-passphrase-file does not open the "
                                 u"vault"_s);
            return SecretReader::readFromFile(args.vaultPassphraseFile, u"vault passphrase"_s);
        }
        return reader.readLine(u"Passphrase of your other device, or your vault recovery key: "_s,
                               u"vault passphrase"_s);
    };
    // The recovery key file is created before anything is sent, so a bad path costs no code.
    int keyFd = -1;
    if (!args.recoveryKeyOut.isEmpty()) {
        auto fd = createPrivateFile(args.recoveryKeyOut);
        if (!fd)
            return fd.error();
        keyFd = *fd;
    }
    auto enrolled = engine.enrol(options, passphrase, prompt);
    if (!enrolled || !enrolled->recoveryKey) {
        if (keyFd >= 0) {
            ::close(keyFd);
            ::unlink(QFile::encodeName(args.recoveryKeyOut).constData());
        }
        if (!enrolled)
            return enrolled.error();
    }
    // A new vault's recovery key: to the file when one was given, else shown once here.
    std::optional<SecretBytes> keyLine;
    bool keyWritten = false;
    if (enrolled->recoveryKey) {
        QString display = enrolled->recoveryKey->displayText();
        keyLine = takeAsciiSecret(display);
        enrolled->recoveryKey.reset();
        if (keyFd >= 0) {
            keyWritten = writeAll(keyFd, keyLine->view()) && ::fsync(keyFd) == 0;
            keyWritten = ::close(keyFd) == 0 && keyWritten;
        }
    }
    if (args.json) {
        QJsonObject out{{u"vault_id"_s, enrolled->vaultId},
                        {u"device_id"_s, enrolled->deviceId},
                        {u"clinic"_s, enrolled->clinicName},
                        {u"fingerprint"_s, enrolled->fingerprint},
                        {u"joined"_s, enrolled->joinedExistingVault}};
        if (keyWritten)
            out.insert(u"recovery_key_file"_s, args.recoveryKeyOut);
        else if (keyLine)
            out.insert(u"recovery_key"_s,
                       QString::fromLatin1(reinterpret_cast<const char *>(keyLine->data()),
                                           static_cast<qsizetype>(keyLine->size()) - 1));
        printJson(console, out);
        return {};
    }
    if (keyLine && keyWritten)
        console.print(u"Vault recovery key written to %1 (readable only by you). With it, the "
                      u"clinic can help you open your data on a new device if you lose every "
                      u"device. Keep it somewhere safe and offline.\n"_s.arg(args.recoveryKeyOut));
    else if (keyLine) {
        console.print(u"Vault recovery key (shown only this once; keep it somewhere safe and "
                      u"offline — with it, the clinic can help you open your data on a new "
                      u"device if you lose every device):\n"_s);
        writeAll(console.out, keyLine->view());
    }
    console.print(
        (enrolled->joinedExistingVault
             ? u"This device joined your vault at %1 (clinic key %2). Run sync to fetch your "
               u"entries.\n"_s
             : u"Connected to %1 (clinic key %2). Nothing is shared with your care team until "
               u"you turn it on (companion-cli share).\n"_s)
            .arg(enrolled->clinicName, enrolled->fingerprint));
    return {};
}

Result<void> runSyncCommand(const CliArguments &args, storage::Profile &profile,
                            const Console &console)
{
    SyncEngine engine(profile.database(), profile.records());
    switch (args.command) {
    case Command::Sync:
        return runSync(args, engine, console);
    case Command::Share:
        return runShare(args, engine, console);
    case Command::AccessLog:
        return runAccessLog(args, engine, console);
    case Command::DeviceList:
    case Command::DeviceRevoke:
    case Command::JoinCode:
    case Command::DeviceLink:
    case Command::DeviceUnlink:
        return runDevices(args, engine, console);
    case Command::VaultRecoveryKey:
        return runVaultRecoveryKey(args, engine, console);
    case Command::ConflictList:
    case Command::ConflictResolve:
        return runConflicts(args, engine, console);
    case Command::Messages:
        return runMessages(args, engine, console);
    default:
        break;
    }
    return makeError(ErrorCode::Internal, u"not a sync command"_s);
}

} // namespace companion::cli
