#include "storage/profilewipe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace companion::storage {

namespace {

Error ioError(const QString &what, const QString &path)
{
    return makeError(ErrorCode::Io, u"could not %1 %2 (%3)"_s.arg(
                                        what, path, QString::fromLocal8Bit(std::strerror(errno))));
}

// Zeros over the file's whole length, fsync, unlink. O_NOFOLLOW: a link swapped in for a file
// is never followed onto something else.
Result<void> overwriteAndDelete(const QString &path, WipeReport &report)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return ioError(u"open"_s, path);
    struct stat info
    {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return ioError(u"inspect"_s, path);
    }
    static const std::array<char, 64 * 1024> kZeros{};
    off_t left = info.st_size;
    bool ok = true;
    while (ok && left > 0) {
        const auto chunk =
            static_cast<std::size_t>(std::min<off_t>(left, static_cast<off_t>(kZeros.size())));
        const ssize_t written = ::write(fd, kZeros.data(), chunk);
        if (written < 0 && errno == EINTR)
            continue;
        ok = written > 0;
        left -= written > 0 ? written : 0;
    }
    ok = ok && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        return ioError(u"overwrite"_s, path);
    if (::unlink(name.constData()) != 0)
        return ioError(u"delete"_s, path);
    ++report.files;
    report.bytes += info.st_size;
    return {};
}

Result<void> wipeFolder(const QString &directory, const QString &first, WipeReport &report)
{
    QDir dir(directory);
    QStringList names = dir.entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    // The key file first (see the header): once it is gone, nothing else can be decrypted.
    if (names.removeOne(first))
        names.prepend(first);
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        const QFileInfo info(path);
        if (info.isSymLink()) {
            if (::unlink(QFile::encodeName(path).constData()) != 0)
                return ioError(u"delete"_s, path);
        } else if (info.isDir()) {
            COMPANION_TRY(wipeFolder(path, QString(), report));
            if (!dir.rmdir(name))
                return ioError(u"remove"_s, path);
        } else {
            COMPANION_TRY(overwriteAndDelete(path, report));
        }
    }
    return {};
}

} // namespace

Result<WipeReport> wipeProfileFolder(const QString &directory, const char *keyFileName)
{
    const QFileInfo folder(directory);
    if (folder.isSymLink() || !folder.isDir())
        return makeError(ErrorCode::NotFound, u"there is no profile folder %1"_s.arg(directory));
    const QString keyFile = QString::fromLatin1(keyFileName);
    QDir dir(directory);
    if (!QFileInfo(dir.filePath(keyFile)).isFile() &&
        !dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty())
        return makeError(ErrorCode::NotFound,
                         u"%1 does not hold a profile; nothing was deleted"_s.arg(directory));
    WipeReport report;
    COMPANION_TRY(wipeFolder(directory, keyFile, report));
    const QString absolute = folder.absoluteFilePath();
    if (!QDir().rmdir(absolute))
        return ioError(u"remove"_s, absolute);
    report.folderRemoved = true;
    // The parent's directory entry is gone only once the parent is synced.
    const int parent = ::open(QFile::encodeName(QFileInfo(absolute).absolutePath()).constData(),
                              O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (parent >= 0) {
        (void)::fsync(parent);
        ::close(parent);
    }
    return report;
}

} // namespace companion::storage
