#pragma once

#include "cli/arguments.h"
#include "cli/console.h"
#include "common/result.h"
#include "storage/profile.h"

namespace companion::cli {

// note add | list: the integration journal (src/domain/journal.h) from scripts.
Result<void> runNoteAdd(const CliArguments &args, storage::Profile &profile,
                        const Console &console);
Result<void> runNoteList(const CliArguments &args, storage::Profile &profile,
                         const Console &console);

} // namespace companion::cli
