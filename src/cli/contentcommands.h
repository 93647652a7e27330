#pragma once

#include "cli/arguments.h"
#include "cli/console.h"
#include "common/result.h"

namespace companion::cli {

// content list | show | search: the education library compiled into this build (no profile).
Result<void> runContentList(const CliArguments &args, const Console &console);
Result<void> runContentShow(const CliArguments &args, const Console &console);
Result<void> runContentSearch(const CliArguments &args, const Console &console);

} // namespace companion::cli
