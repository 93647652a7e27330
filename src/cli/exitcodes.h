#pragma once

#include "common/error.h"

namespace companion::cli {

// The process exit codes are part of the CLI's contract with scripts: keep them stable.
enum class ExitCode : int {
    Ok = 0,
    Failure = 1,         // anything else: I/O, not found, already exists, internal
    Usage = 2,           // bad command line, weak passphrase, malformed recovery key
    WrongPassphrase = 3, // the passphrase or recovery key does not unlock the profile
    Damaged = 4,         // the profile failed an integrity check: corruption or tampering
    Network = 5,         // the clinic server could not be reached: try again later
    Refused = 6,         // the clinic server refused (bad code, revoked device, conflict)
};

// The one place where an error becomes an exit code.
ExitCode exitCodeFor(ErrorCode code);

inline int toInt(ExitCode code)
{
    return static_cast<int>(code);
}

} // namespace companion::cli
