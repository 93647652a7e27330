#pragma once

#include "cli/arguments.h"
#include "cli/console.h"
#include "cli/secretreader.h"
#include "common/result.h"
#include "storage/profile.h"

namespace companion::cli {

// enrol, sync, share, access-log, devices, conflicts, messages: the clinic connection (src/sync)
// from scripts. Network failures exit 5, refusals 6 (exitcodes.h).
Result<void> runEnrol(const CliArguments &args, storage::Profile &profile,
                      const SecretBytes &passphrase, SecretReader &reader, const Console &console);
Result<void> runSyncCommand(const CliArguments &args, storage::Profile &profile,
                            const Console &console);

} // namespace companion::cli
