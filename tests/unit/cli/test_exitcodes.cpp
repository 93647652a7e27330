#include "cli/exitcodes.h"

#include <catch2/catch.hpp>

using companion::ErrorCode;
using companion::cli::ExitCode;
using companion::cli::exitCodeFor;

TEST_CASE("error codes map to the documented exit codes", "[cli]")
{
    CHECK(exitCodeFor(ErrorCode::WrongPassphrase) == ExitCode::WrongPassphrase);
    CHECK(exitCodeFor(ErrorCode::Damaged) == ExitCode::Damaged);
    CHECK(exitCodeFor(ErrorCode::InvalidInput) == ExitCode::Usage);
    CHECK(exitCodeFor(ErrorCode::WeakParameters) == ExitCode::Usage);
    for (ErrorCode other : {ErrorCode::NotFound, ErrorCode::AlreadyExists, ErrorCode::Io,
                            ErrorCode::Locked, ErrorCode::Unsupported, ErrorCode::Internal})
        CHECK(exitCodeFor(other) == ExitCode::Failure);

    CHECK(toInt(ExitCode::Ok) == 0);
    CHECK(toInt(ExitCode::Failure) == 1);
    CHECK(toInt(ExitCode::Usage) == 2);
    CHECK(toInt(ExitCode::WrongPassphrase) == 3);
    CHECK(toInt(ExitCode::Damaged) == 4);
    // Sync: scripts retry on 5 (no answer) and give up on 6 (the server said no).
    CHECK(exitCodeFor(ErrorCode::Network) == ExitCode::Network);
    CHECK(exitCodeFor(ErrorCode::Refused) == ExitCode::Refused);
    CHECK(toInt(ExitCode::Network) == 5);
    CHECK(toInt(ExitCode::Refused) == 6);
}
