#include "document/privatefile.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace companion::document {

namespace {

bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(size));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        size -= written;
    }
    return true;
}

// Overwrites the first `size` bytes of the open temporary file with zeros before it is deleted:
// a failed write must not leave part of a health summary in free blocks of a file that is
// still reachable (best effort; a journaling file system may keep older blocks elsewhere).
void wipeAndRemove(int fd, const QByteArray &tempPath, qsizetype size)
{
    if (fd >= 0) {
        if (::lseek(fd, 0, SEEK_SET) == 0) {
            const std::vector<char> zeros(64 * 1024, 0);
            qsizetype left = size;
            while (left > 0) {
                const qsizetype chunk =
                    std::min<qsizetype>(left, static_cast<qsizetype>(zeros.size()));
                if (!writeAll(fd, zeros.data(), chunk))
                    break;
                left -= chunk;
            }
            (void)::fsync(fd);
        }
        ::close(fd);
    }
    ::unlink(tempPath.constData());
}

} // namespace

Result<void> writePrivateFile(const QString &path, QByteArrayView bytes, Overwrite overwrite)
{
    const QFileInfo target(path);
    if (target.isSymLink())
        return makeError(ErrorCode::AlreadyExists,
                         u"%1 is a symbolic link; refusing to write through it"_s.arg(path));
    if (overwrite == Overwrite::Refuse && target.exists())
        return makeError(ErrorCode::AlreadyExists,
                         u"%1 already exists; refusing to overwrite it"_s.arg(path));
    if (target.exists() && !target.isFile())
        return makeError(ErrorCode::AlreadyExists, u"%1 is not a regular file"_s.arg(path));

    const QString folder = target.absolutePath();
    const QByteArray finalPath = QFile::encodeName(target.absoluteFilePath());
    QByteArray tempPath = QFile::encodeName(folder + u"/."_s + target.fileName() + u".XXXXXX"_s);
    const int fd = ::mkstemp(tempPath.data()); // 0600, O_EXCL
    if (fd < 0)
        return makeError(ErrorCode::Io, u"cannot write to the folder %1"_s.arg(folder));
    (void)::fchmod(fd, S_IRUSR | S_IWUSR);

    const qsizetype size = bytes.size();
    if (!writeAll(fd, bytes.data(), size) || ::fsync(fd) != 0) {
        wipeAndRemove(fd, tempPath, size);
        return makeError(ErrorCode::Io, u"could not write %1 (is the disk full?)"_s.arg(path));
    }
    bool placed = false;
    if (overwrite == Overwrite::Replace) {
        placed = ::rename(tempPath.constData(), finalPath.constData()) == 0;
    } else {
        // link() fails with EEXIST if the name appeared since the check above: never replaced.
        placed = ::link(tempPath.constData(), finalPath.constData()) == 0;
        if (placed)
            ::unlink(tempPath.constData());
    }
    if (!placed) {
        const bool exists = errno == EEXIST;
        wipeAndRemove(fd, tempPath, size);
        return exists ? makeError(ErrorCode::AlreadyExists,
                                  u"%1 already exists; refusing to overwrite it"_s.arg(path))
                      : makeError(ErrorCode::Io, u"could not write %1"_s.arg(path));
    }
    ::close(fd);
    // The rename is durable only once the folder's entry is on disk.
    const int dirFd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        (void)::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

} // namespace companion::document
