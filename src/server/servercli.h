#pragma once

#include <QStringList>

namespace companion::server {

// `companion-server serve …` and `companion-server admin …` (usage in servercli.cpp and
// docs/sync-protocol.md). Returns the process exit code: 0 ok, 1 failure, 2 usage, 3 the audit
// chain does not verify.
int runServerCli(const QStringList &arguments);

} // namespace companion::server
