#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QString>

#include <cstddef>

namespace companion::cli {

// Reads passphrases and recovery keys without ever copying them into ordinary memory: bytes go
// straight from read(2) into SecretBytes. A secret is one line: the first line of a file, or the
// next line of the input stream; the trailing "\n" or "\r\n" is not part of it. The stream is
// read byte by byte so a second secret on the next line stays in the pipe for the next call.
class SecretReader
{
public:
    // Longer lines are refused rather than truncated: a silently shortened passphrase would
    // work today and fail to match tomorrow.
    static constexpr std::size_t kMaxSecretBytes = 1024;

    // inputFd: where secrets without a file come from (stdin); promptFd: where prompts go when
    // inputFd is a terminal (stderr).
    SecretReader(int inputFd, int promptFd);

    // Errors: NotFound / Io for an unreadable file, InvalidInput for an empty first line or one
    // longer than kMaxSecretBytes. `what` names the secret in messages ("passphrase").
    static Result<SecretBytes> readFromFile(const QString &path, const QString &what);

    // The next line of the input; on a terminal, prompts and turns echo off while reading.
    // InvalidInput at end of input or for an empty line.
    Result<SecretBytes> readLine(const QString &prompt, const QString &what);

    // From `path` when given, else readLine().
    Result<SecretBytes> read(const QString &path, const QString &prompt, const QString &what);

    // Like read(), but on a terminal asks twice and requires both entries to match: a typo in a
    // new passphrase would lock the person out.
    Result<SecretBytes> readNew(const QString &path, const QString &prompt,
                                const QString &confirmPrompt, const QString &what);

    bool inputIsTerminal() const;

private:
    int m_inputFd;
    int m_promptFd;
};

// Copies the bytes of a line (without "\n" / "\r\n") out of `buffer[0, length)`.
// Exposed for tests.
SecretBytes lineFromBuffer(const SecretBytes &buffer, std::size_t length);

} // namespace companion::cli
