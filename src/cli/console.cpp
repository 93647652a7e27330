#include "cli/console.h"

#include <QByteArray>

#include <cerrno>

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

} // namespace companion::cli
