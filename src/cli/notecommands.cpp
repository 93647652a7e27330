#include "cli/notecommands.h"

#include "common/secretbytes.h"
#include "domain/journal.h"
#include "storage/journalrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace companion::cli {

namespace {

using namespace domain::journal;

// The rest of standard input (after any passphrase line the secret reader took). Capped: a
// journal entry is at most kMaxTextLength characters, so at most 4 bytes each in UTF-8.
Result<QString> readRemainingInput(int fd)
{
    constexpr qsizetype kMaxBytes = kMaxTextLength * 4;
    QByteArray bytes;
    char buffer[4096];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0)
            break;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return makeError(ErrorCode::Io, u"could not read the note from standard input"_s);
        }
        bytes.append(buffer, n);
        if (bytes.size() > kMaxBytes) {
            secureWipe(bytes.data(), static_cast<std::size_t>(bytes.size()));
            return makeError(ErrorCode::InvalidInput, u"the note is too long"_s);
        }
    }
    QString text = QString::fromUtf8(bytes).trimmed();
    secureWipe(bytes.data(), static_cast<std::size_t>(bytes.size()));
    return text;
}

QJsonObject entryToJson(const Entry &entry)
{
    QJsonObject object{{u"id"_s, entry.id.toString()},
                       {u"kind"_s, entryKindName(entry.body.kind)},
                       {u"text"_s, entry.body.text},
                       {u"shared"_s, entry.body.shared},
                       {u"version"_s, static_cast<qint64>(entry.version)},
                       {u"createdAt"_s, entry.createdAt.toString(Qt::ISODateWithMs)},
                       {u"updatedAt"_s, entry.updatedAt.toString(Qt::ISODateWithMs)}};
    if (!entry.body.appointmentId.isEmpty())
        object.insert(u"appointment"_s, entry.body.appointmentId);
    if (entry.body.infusionDate)
        object.insert(u"infusionDate"_s, entry.body.infusionDate->toString(Qt::ISODate));
    return object;
}

} // namespace

Result<void> runNoteAdd(const CliArguments &args, storage::Profile &profile, const Console &console)
{
    const auto kind = entryKindFromName(args.noteKind);
    if (!kind)
        return makeError(ErrorCode::InvalidInput,
                         u"--kind must be intention, experience, insight, action, followup or "
                         u"free"_s);
    EntryBody body;
    body.kind = *kind;
    body.appointmentId = args.appointment;
    body.shared = args.share;
    if (!args.text.isEmpty()) {
        body.text = args.text;
    } else {
        auto text = readRemainingInput(console.in);
        if (!text)
            return text.error();
        body.text = *text;
    }
    storage::JournalRepository journal(profile.database(), profile.records());
    auto added = journal.add(body);
    body.text.fill(u' ');
    if (!added)
        return added.error();
    console.print(added->id.toString() + u'\n');
    return {};
}

Result<void> runNoteList(const CliArguments &args, storage::Profile &profile,
                         const Console &console)
{
    storage::JournalRepository journal(profile.database(), profile.records());
    auto entries = journal.list();
    if (!entries)
        return entries.error();
    std::vector<Entry> selected;
    for (Entry &entry : *entries) {
        if (args.appointment.isEmpty() || entry.body.appointmentId == args.appointment)
            selected.push_back(std::move(entry));
    }
    const std::vector<Thread> threads = groupIntoThreads(std::move(selected));
    if (args.json) {
        QJsonArray list;
        for (const Thread &thread : threads) {
            QJsonArray items;
            for (const Entry &entry : thread.entries)
                items.append(entryToJson(entry));
            list.append(QJsonObject{{u"key"_s, thread.key}, {u"entries"_s, items}});
        }
        console.print(QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"threads"_s, list}}).toJson(QJsonDocument::Indented)));
        return {};
    }
    QString text;
    for (const Thread &thread : threads) {
        text += u"== "_s + thread.key + u'\n';
        for (const Entry &entry : thread.entries)
            text += u"  ["_s + entryKindName(entry.body.kind) + u"] "_s + entry.body.text + u'\n';
    }
    console.print(text.isEmpty() ? u"no journal entries\n"_s : text);
    return {};
}

} // namespace companion::cli
