#include "common/error.h"

namespace companion {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput:
        return QStringLiteral("invalid_input");
    case ErrorCode::WrongPassphrase:
        return QStringLiteral("wrong_passphrase");
    case ErrorCode::Damaged:
        return QStringLiteral("damaged");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::AlreadyExists:
        return QStringLiteral("already_exists");
    case ErrorCode::WeakParameters:
        return QStringLiteral("weak_parameters");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Locked:
        return QStringLiteral("locked");
    case ErrorCode::Unsupported:
        return QStringLiteral("unsupported");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Refused:
        return QStringLiteral("refused");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace companion
