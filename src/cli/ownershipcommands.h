#pragma once

#include "cli/arguments.h"
#include "cli/console.h"
#include "common/clock.h"
#include "common/result.h"
#include "storage/profile.h"

namespace companion::cli {

// Data ownership (issue 9): everything in the profile as one JSON file, and back into a new
// profile. The format is storage/profileexport.h, documented in docs/api.md.
Result<void> runExportJson(const CliArguments &args, storage::Profile &profile,
                           const Console &console, const Clock &clock);
Result<void> runImport(const CliArguments &args, storage::Profile &profile, const Console &console,
                       const Clock &clock);

} // namespace companion::cli
