#pragma once

#include "careteam/console.h"
#include "cli/console.h"
#include "common/clock.h"

#include <QString>
#include <QStringList>

namespace companion::careteam {

// `companion-careteam --headless …`: the console for scripts and tests (docs/api.md). The
// conventions are companion-cli's (src/cli): secrets from --passphrase-file or standard input,
// never argv; output files created 0600 and never overwritten; the same exit codes
// (cli/exitcodes.h: 0 ok, 1 failure, 2 usage or weak passphrase, 3 wrong passphrase, 4 damaged,
// 5 network, 6 refused).
//
//   enrol --server URL --code CODE --fingerprint FP [--recovery-key-out FILE] [--json]
//   pull [--json]
//   patients [--json]
//   timeline --patient ID [--json] [--from DATE] [--to DATE] [--keep-unread]
//   report --patient ID --format pdf|fhir --out FILE [--from DATE] [--to DATE]
//   every command: --profile DIR [--passphrase-file FILE | --recovery-key-file FILE]
//                  [--time-zone ZONE]
struct HeadlessEnvironment
{
    const Clock *clock = nullptr;  // the system clock when null
    TransportFactory transports;   // QtHttpTransport when empty
    sync::RetryPolicy retryPolicy; // defaults
};

// `arguments` without the program name and without "--headless".
int runHeadless(const QStringList &arguments, const cli::Console &console = {},
                const HeadlessEnvironment &environment = {});

QString headlessUsage();

} // namespace companion::careteam
