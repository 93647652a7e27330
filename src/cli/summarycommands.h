#pragma once

#include "cli/arguments.h"
#include "cli/console.h"
#include "common/clock.h"
#include "common/result.h"
#include "storage/profile.h"

namespace companion::cli {

// `summary --format pdf --out FILE`: the patient's PDF summary (src/summary, ADR 0019) in
// --language (default: the system's if Spanish, else English), dates in --time-zone. Painting
// needs a QGuiApplication: app/cli/main.cpp makes one (offscreen) for this command only; without
// one this is an Internal error rather than a crash.
Result<void> runSummary(const CliArguments &args, storage::Profile &profile, const Console &console,
                        const Clock &clock);

} // namespace companion::cli
