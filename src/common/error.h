#pragma once

#include <QString>

namespace companion {

// What went wrong, in terms a caller can act on. Messages are for people and must never contain
// patient text, keys, passphrases or tokens (see docs/threat-model.md, "Logs").
enum class ErrorCode {
    InvalidInput,    // the caller passed something malformed (bad argument, bad file format)
    WrongPassphrase, // a key could not be unwrapped with what the person typed
    Damaged,         // data failed an integrity check: corruption or tampering, never repaired
    NotFound,        // no such profile, record or file
    AlreadyExists,   // refusing to overwrite something that exists
    WeakParameters,  // stored KDF parameters below the floor, or a passphrase too weak
    Io,              // the operating system refused a read or write (disk full, permissions)
    Locked,          // the profile is locked; unlock first
    Unsupported,     // written by a newer version of Companion
    Network,         // the clinic server could not be reached or did not answer in time: retry
    Refused,         // the clinic server answered and said no (expired code, revoked device, …)
    Internal,        // a bug: an invariant did not hold
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;

    friend bool operator==(const Error &, const Error &) = default;
};

// A stable, English identifier for logs and JSON ("wrong_passphrase").
QString errorCodeName(ErrorCode code);

} // namespace companion
