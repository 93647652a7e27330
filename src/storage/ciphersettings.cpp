#include "storage/ciphersettings.h"

#include <sqlite3.h>

namespace companion::storage {

namespace {
Result<void> execPragma(sqlite3 *db, const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    sqlite3_free(message); // never logged: could in principle echo SQL
    if (rc != SQLITE_OK)
        return makeError(rc == SQLITE_NOTADB ? ErrorCode::WrongPassphrase : ErrorCode::Io,
                         QStringLiteral("could not apply database settings (%1)")
                             .arg(QString::fromUtf8(sqlite3_errstr(rc))));
    return {};
}
} // namespace

Result<void> applyKey(sqlite3 *db, const SecretBytes &rawKey)
{
    if (rawKey.size() != 32)
        return makeError(ErrorCode::Internal, QStringLiteral("database key has a wrong size"));
    // SQLCipher reads key material of the form x'<64 hex digits>' as a raw key (no PBKDF2).
    // Build it in wiped memory and hand it over with sqlite3_key, so it never sits in an SQL
    // string that SQLite might keep or trace.
    static constexpr char kHex[] = "0123456789abcdef";
    SecretBytes keySpec(3 + rawKey.size() * 2);
    std::uint8_t *out = keySpec.data();
    *out++ = 'x';
    *out++ = '\'';
    for (std::size_t i = 0; i < rawKey.size(); ++i) {
        *out++ = static_cast<std::uint8_t>(kHex[rawKey.data()[i] >> 4]);
        *out++ = static_cast<std::uint8_t>(kHex[rawKey.data()[i] & 0x0f]);
    }
    *out = '\'';
    const int rc = sqlite3_key(db, keySpec.data(), static_cast<int>(keySpec.size()));
    if (rc != SQLITE_OK)
        return makeError(ErrorCode::Internal, QStringLiteral("SQLCipher refused the key"));
    // Must follow the key and precede the first read; it is part of the on-disk format.
    return execPragma(db, "PRAGMA cipher_page_size = 4096;");
}

Result<void> applyConnectionSettings(sqlite3 *db)
{
    static constexpr const char *kPragmas[] = {
        "PRAGMA journal_mode = WAL;",
        // FULL: a transaction reported as committed survives a power cut (WAL fsyncs each commit).
        "PRAGMA synchronous = FULL;",
        // Never spill decrypted temporary tables or sort runs to unencrypted temp files.
        "PRAGMA temp_store = MEMORY;",
        "PRAGMA secure_delete = ON;",
        "PRAGMA foreign_keys = ON;",
        // Up to 64 MiB of page cache (grows only as used). Every cache miss costs SQLCipher a
        // page decryption and HMAC check, so the default 2 MB made bulk writes 3× slower than
        // plain SQLite; measured in bench/bench_store (docs/performance.md).
        "PRAGMA cache_size = -65536;",
        // The app syncs on a second connection (src/sync on a worker thread): a writer waits up
        // to 10 s for the other's transaction instead of failing at once with SQLITE_BUSY.
        "PRAGMA busy_timeout = 10000;",
    };
    for (const char *pragma : kPragmas)
        COMPANION_TRY(execPragma(db, pragma));
    return {};
}

} // namespace companion::storage
