#include "cli/secretreader.h"

#include "cli/console.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace companion::cli {

namespace {

// Terminal state to restore if the person presses Ctrl-C at a prompt with echo off; otherwise
// their shell would keep not echoing. Signal handlers can only reach globals.
struct termios g_savedTerminal;
volatile std::sig_atomic_t g_terminalFd = -1;

extern "C" void restoreTerminalAndRaise(int signal)
{
    if (g_terminalFd >= 0)
        tcsetattr(g_terminalFd, TCSAFLUSH, &g_savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// Echo off for the lifetime of the guard.
class EchoOffGuard
{
public:
    explicit EchoOffGuard(int fd)
    {
        if (tcgetattr(fd, &g_savedTerminal) != 0)
            return;
        struct termios silent = g_savedTerminal;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHOE | ECHOK | ECHONL);
        g_terminalFd = fd;
        m_oldInt = std::signal(SIGINT, restoreTerminalAndRaise);
        m_oldTerm = std::signal(SIGTERM, restoreTerminalAndRaise);
        m_oldHup = std::signal(SIGHUP, restoreTerminalAndRaise);
        if (tcsetattr(fd, TCSAFLUSH, &silent) == 0)
            m_active = true;
    }
    ~EchoOffGuard()
    {
        if (g_terminalFd < 0)
            return;
        if (m_active)
            tcsetattr(g_terminalFd, TCSAFLUSH, &g_savedTerminal);
        g_terminalFd = -1;
        std::signal(SIGINT, m_oldInt);
        std::signal(SIGTERM, m_oldTerm);
        std::signal(SIGHUP, m_oldHup);
    }
    EchoOffGuard(const EchoOffGuard &) = delete;
    EchoOffGuard &operator=(const EchoOffGuard &) = delete;

private:
    bool m_active = false;
    void (*m_oldInt)(int) = SIG_DFL;
    void (*m_oldTerm)(int) = SIG_DFL;
    void (*m_oldHup)(int) = SIG_DFL;
};

Error tooLong(const QString &what)
{
    return makeError(ErrorCode::InvalidInput, u"the %1 is longer than %2 bytes"_s.arg(what).arg(
                                                  SecretReader::kMaxSecretBytes));
}

Error empty(const QString &what, const QString &where)
{
    return makeError(ErrorCode::InvalidInput, u"no %1 given: %2"_s.arg(what, where));
}

} // namespace

SecretBytes lineFromBuffer(const SecretBytes &buffer, std::size_t length)
{
    const std::uint8_t *bytes = buffer.data();
    const void *newline = length ? std::memchr(bytes, '\n', length) : nullptr;
    std::size_t end =
        newline ? static_cast<std::size_t>(static_cast<const std::uint8_t *>(newline) - bytes)
                : length;
    if (newline && end > 0 && bytes[end - 1] == '\r')
        --end;
    return SecretBytes::fromView({bytes, end});
}

SecretReader::SecretReader(int inputFd, int promptFd)
    : m_inputFd(inputFd)
    , m_promptFd(promptFd)
{}

bool SecretReader::inputIsTerminal() const
{
    return isatty(m_inputFd) == 1;
}

Result<SecretBytes> SecretReader::readFromFile(const QString &path, const QString &what)
{
    const QByteArray nativePath = QFile::encodeName(path);
    const int fd = ::open(nativePath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return makeError(error == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         u"cannot read the %1 file %2: %3"_s.arg(
                             what, path, QString::fromLocal8Bit(std::strerror(error))));
    }
    // One byte more than the limit, plus room for "\r\n", tells "too long" from "exactly full".
    SecretBytes buffer(kMaxSecretBytes + 3);
    std::size_t length = 0;
    bool sawNewline = false;
    while (length < buffer.size() && !sawNewline) {
        const ssize_t got = ::read(fd, buffer.data() + length, buffer.size() - length);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            return makeError(ErrorCode::Io,
                             u"cannot read the %1 file %2: %3"_s.arg(
                                 what, path, QString::fromLocal8Bit(std::strerror(error))));
        }
        if (got == 0)
            break;
        sawNewline = std::memchr(buffer.data() + length, '\n', static_cast<std::size_t>(got));
        length += static_cast<std::size_t>(got);
    }
    ::close(fd);
    SecretBytes line = lineFromBuffer(buffer, length);
    if (line.size() > kMaxSecretBytes)
        return tooLong(what);
    if (line.empty())
        return empty(what, u"the first line of %1 is empty"_s.arg(path));
    return line;
}

Result<SecretBytes> SecretReader::readLine(const QString &prompt, const QString &what)
{
    const bool terminal = inputIsTerminal();
    // Room for the longest accepted secret plus the "\r" of a "\r\n" line end.
    SecretBytes buffer(kMaxSecretBytes + 1);
    std::size_t length = 0;
    bool overflow = false;
    bool sawAnything = false;
    bool sawNewline = false;
    int readError = 0;
    {
        std::optional<EchoOffGuard> echoOff;
        // Echo goes off before the prompt appears, so nothing typed after it is ever shown.
        if (terminal) {
            echoOff.emplace(m_inputFd);
            writeText(m_promptFd, prompt);
        }
        for (;;) {
            std::uint8_t byte = 0;
            const ssize_t got = ::read(m_inputFd, &byte, 1);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0) {
                readError = errno;
                break;
            }
            if (got == 0)
                break;
            sawAnything = true;
            if (byte == '\n') {
                sawNewline = true;
                break;
            }
            // Keep consuming the rest of an overlong line so the next secret starts cleanly.
            if (length < buffer.size())
                buffer.data()[length++] = byte;
            else
                overflow = true;
            byte = 0;
        }
    }
    // The person's Enter was not echoed; end the prompt line ourselves.
    if (terminal)
        writeText(m_promptFd, u"\n"_s);
    if (readError != 0)
        return makeError(ErrorCode::Io,
                         u"cannot read the %1 from standard input: %2"_s.arg(
                             what, QString::fromLocal8Bit(std::strerror(readError))));
    if (!sawAnything)
        return empty(what, u"standard input ended"_s);
    std::size_t end = length;
    if (sawNewline && end > 0 && buffer.data()[end - 1] == '\r')
        --end;
    if (overflow || end > kMaxSecretBytes)
        return tooLong(what);
    if (end == 0)
        return empty(what, u"the line read from standard input is empty"_s);
    return SecretBytes::fromView({buffer.data(), end});
}

Result<SecretBytes> SecretReader::read(const QString &path, const QString &prompt,
                                       const QString &what)
{
    if (!path.isEmpty())
        return readFromFile(path, what);
    return readLine(prompt, what);
}

Result<SecretBytes> SecretReader::readNew(const QString &path, const QString &prompt,
                                          const QString &confirmPrompt, const QString &what)
{
    if (!path.isEmpty())
        return readFromFile(path, what);
    auto first = readLine(prompt, what);
    if (!first || !inputIsTerminal())
        return first;
    auto second = readLine(confirmPrompt, what);
    if (!second)
        return second.error();
    if (!first->equals(*second))
        return makeError(ErrorCode::InvalidInput, u"the two entries of the %1 differ"_s.arg(what));
    return first;
}

} // namespace companion::cli
