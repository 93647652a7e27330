#include "cli/exitcodes.h"

namespace companion::cli {

ExitCode exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::WrongPassphrase:
        return ExitCode::WrongPassphrase;
    case ErrorCode::Damaged:
        return ExitCode::Damaged;
    case ErrorCode::InvalidInput:
    case ErrorCode::WeakParameters:
        return ExitCode::Usage;
    case ErrorCode::Network:
        return ExitCode::Network;
    case ErrorCode::Refused:
        return ExitCode::Refused;
    case ErrorCode::NotFound:
    case ErrorCode::AlreadyExists:
    case ErrorCode::Io:
    case ErrorCode::Locked:
    case ErrorCode::Unsupported:
    case ErrorCode::Internal:
        return ExitCode::Failure;
    }
    return ExitCode::Failure;
}

} // namespace companion::cli
