#include "cli/ownershipcommands.h"

#include "storage/profileexport.h"

#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace companion::cli {

Result<void> runExportJson(const CliArguments &args, storage::Profile &profile,
                           const Console &console, const Clock &clock)
{
    if (QFileInfo::exists(args.out) || QFileInfo(args.out).isSymLink())
        return makeError(ErrorCode::AlreadyExists,
                         u"%1 already exists; refusing to overwrite it"_s.arg(args.out));
    auto exported = storage::exportProfile(profile.database(), clock.nowUtc());
    if (!exported)
        return exported.error();
    auto created = createPrivateFile(args.out);
    if (!created)
        return created.error();
    const int fd = *created;
    const bool written =
        writeAll(fd, std::span(reinterpret_cast<const std::uint8_t *>(exported->json.constData()),
                               static_cast<std::size_t>(exported->json.size()))) &&
        ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    if (!written || !closed) {
        ::unlink(QFile::encodeName(args.out).constData());
        return makeError(ErrorCode::Io, u"could not write %1"_s.arg(args.out));
    }
    console.print(u"Exported %1 records (%2 deleted, %3 versions in all) and %4 drafts and "
                  u"preferences to %5 (readable only by you; it is not encrypted).\n"_s.arg(
                      QString::number(exported->counts.records),
                      QString::number(exported->counts.deleted),
                      QString::number(exported->counts.versions),
                      QString::number(exported->counts.metaItems), args.out));
    return {};
}

Result<void> runImport(const CliArguments &args, storage::Profile &profile, const Console &console,
                       const Clock &clock)
{
    QFile file(args.in);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, u"cannot read %1"_s.arg(args.in));
    // The size is checked before anything is read: a huge file must not exhaust memory.
    if (file.size() > storage::kMaxImportBytes)
        return makeError(ErrorCode::InvalidInput,
                         u"%1 is larger than %2 MiB; it is not a Companion export"_s.arg(
                             args.in, QString::number(storage::kMaxImportBytes >> 20)));
    const QByteArray json = file.read(storage::kMaxImportBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return makeError(ErrorCode::Io, u"could not read %1"_s.arg(args.in));
    auto imported = storage::importProfile(profile.database(), json, clock);
    if (!imported)
        return imported.error();
    console.print(u"Imported %1 records (%2 deleted, %3 versions in all) and %4 drafts and "
                  u"preferences into %5.\n"_s.arg(
                      QString::number(imported->records), QString::number(imported->deleted),
                      QString::number(imported->versions), QString::number(imported->metaItems),
                      args.profileDirectory));
    return {};
}

} // namespace companion::cli
