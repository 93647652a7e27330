#include "cli/console.h"

#include <QByteArray>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

namespace companion::cli {

bool writeAll(int fd, std::span<const std::uint8_t> bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t written = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        done += static_cast<std::size_t>(written);
    }
    return true;
}

bool writeText(int fd, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return writeAll(fd, {reinterpret_cast<const std::uint8_t *>(utf8.constData()),
                         static_cast<std::size_t>(utf8.size())});
}

void Console::print(const QString &text) const
{
    writeText(out, text);
}

void Console::printError(const QString &text) const
{
    writeText(err, text);
}

Result<int> createPrivateFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        const int error = errno;
        return makeError(
            error == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::Io,
            error == EEXIST
                ? QStringLiteral("%1 already exists; refusing to overwrite it").arg(path)
                : QStringLiteral("cannot create %1: %2")
                      .arg(path, QString::fromLocal8Bit(std::strerror(error))));
    }
    // The umask can only remove bits, but be explicit: these files hold secrets or health data.
    ::fchmod(fd, 0600);
    return fd;
}

SecretBytes takeAsciiSecret(QString &text)
{
    SecretBytes bytes(static_cast<std::size_t>(text.size()) + 1);
    for (qsizetype i = 0; i < text.size(); ++i)
        bytes.data()[i] = static_cast<std::uint8_t>(text.at(i).unicode() & 0x7f);
    bytes.data()[text.size()] = '\n';
    secureWipe(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    text.clear();
    return bytes;
}

} // namespace companion::cli
