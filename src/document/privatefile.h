#pragma once

#include "common/result.h"

#include <QByteArrayView>
#include <QString>

namespace companion::document {

enum class Overwrite { Refuse, Replace };

// Writes a finished document (a PDF summary, a report) to `path` so that the file either appears
// complete, readable only by this user (mode 0600), or not at all:
//   1. the bytes go to a hidden temporary file in the same folder (mkstemp: 0600, O_EXCL),
//   2. fsync, then an atomic rename onto `path` (with Overwrite::Refuse a hard link instead, which
//      fails if `path` appeared meanwhile), then fsync of the folder;
//   3. on any failure the temporary file is overwritten with zeros and deleted, so no partial
//      plaintext stays behind (the document holds health information).
// A symbolic link at `path` is refused either way: the output must not be redirected. Errors are
// Io (folder missing or not writable, disk full) or AlreadyExists; messages name the path only.
Result<void> writePrivateFile(const QString &path, QByteArrayView bytes, Overwrite overwrite);

} // namespace companion::document
