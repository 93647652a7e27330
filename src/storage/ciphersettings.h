#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

struct sqlite3;

namespace companion::storage {

// Every SQLCipher setting lives here, so moving to SQLCipher 4 (mobile builds) is one change.
// Debian bookworm ships SQLCipher 3.4.1 (AES-256-CBC, HMAC-SHA1 per page). We pass a raw 32-byte
// key ("x'<hex>'"), which skips SQLCipher's weak PBKDF2 default: our key is already random.
struct CipherSettings
{
    static constexpr int kPageSize = 4096;
};

// Applies the key and cipher settings to a freshly opened connection, before the first read.
Result<void> applyKey(sqlite3 *db, const SecretBytes &rawKey);
// WAL, synchronous=FULL (an acknowledged write survives power loss), temp_store=MEMORY (no
// decrypted temp files), secure_delete, foreign keys.
Result<void> applyConnectionSettings(sqlite3 *db);

} // namespace companion::storage
