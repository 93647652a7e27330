#pragma once

#include "common/result.h"

#include <QString>

namespace companion::storage {

struct WipeReport
{
    int files = 0;    // regular files overwritten and deleted
    qint64 bytes = 0; // bytes overwritten
    bool folderRemoved = false;
};

// The local half of "delete everything": overwrites every file in a CLOSED profile folder with
// zeros (fsync), deletes it, then removes the folder. The key file goes first: without it the
// SQLCipher database cannot be decrypted even if its blocks survive (flash storage and
// copy-on-write file systems may keep old blocks whatever is written over them; see
// docs/threat-model.md). Symbolic links are deleted, never followed. Sub-folders are wiped the
// same way. The folder must hold a profile (profile.key) or be empty: a wrong path must never
// wipe an unrelated folder (NotFound otherwise).
Result<WipeReport> wipeProfileFolder(const QString &directory, const char *keyFileName);

} // namespace companion::storage
