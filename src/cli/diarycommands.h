#pragma once

#include "cli/arguments.h"
#include "cli/console.h"
#include "common/clock.h"
#include "common/result.h"
#include "domain/diaryentry.h"
#include "domain/instrumentcatalog.h"
#include "domain/instrumentscoring.h"
#include "storage/profile.h"

#include <QDateTime>
#include <QJsonObject>

#include <vector>

namespace companion::cli {

// The diary commands. Each returns an Error for commands.cpp to report (InvalidInput → exit 2);
// results go to console.out. No message repeats an answer, a note or any other value typed.

Result<void> runInstrumentList(const CliArguments &args, const Console &console);
Result<void> runInstrumentScore(const CliArguments &args, const Console &console);
Result<void> runInstrumentRecord(const CliArguments &args, storage::Profile &profile,
                                 const Console &console, const Clock &clock);
Result<void> runCheckinAdd(const CliArguments &args, storage::Profile &profile,
                           const Console &console, const Clock &clock);
Result<void> runDiaryList(const CliArguments &args, storage::Profile &profile,
                          const Console &console);
Result<void> runExport(const CliArguments &args, storage::Profile &profile, const Console &console,
                       const Clock &clock);

// Pieces worth testing without a process.
// "1,0,2" → {1, 0, 2}; spaces around commas are allowed.
Result<std::vector<int>> parseAnswers(const QString &text);
// ISO 8601 with a zone, a local time without one, or a date (midnight UTC). `option` names the
// option in the error message.
Result<QDateTime> parseCliTime(const QString &text, const QString &option);
QJsonObject scoreToJson(const domain::InstrumentScore &score, const domain::Instrument &instrument);
QJsonObject instrumentToJson(const domain::Instrument &instrument);
QJsonObject entryToJson(const domain::DiaryEntry &entry);

} // namespace companion::cli
