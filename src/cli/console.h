#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <span>
#include <unistd.h>

namespace companion::cli {

// The three streams a command talks to. Plain file descriptors rather than QTextStream or stdio:
// secrets are written from SecretBytes with write(2), so no library buffer keeps a copy, and
// tests can substitute pipes.
struct Console
{
    int in = STDIN_FILENO;
    int out = STDOUT_FILENO;
    int err = STDERR_FILENO;

    void print(const QString &text) const;
    void printError(const QString &text) const;
};

// write(2) until everything is written; false on an error other than EINTR.
bool writeAll(int fd, std::span<const std::uint8_t> bytes);
// UTF-8 of `text` to `fd`.
bool writeText(int fd, const QString &text);

// Creates `path` for writing with mode 0600; refuses an existing file (AlreadyExists) and a
// symbolic link, so an output file can never overwrite or be redirected onto something else.
// Returns the open descriptor; the caller closes it.
Result<int> createPrivateFile(const QString &path);

// A display string that is a secret (a recovery key) as bytes in wiped memory, with a newline;
// the QString is wiped too. Recovery keys are ASCII.
SecretBytes takeAsciiSecret(QString &text);

} // namespace companion::cli
