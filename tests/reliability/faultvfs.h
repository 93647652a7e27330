#pragma once

namespace companion::testing {

// A SQLite VFS shim for I/O-fault tests (SQLite's own "I/O error testing", without a special
// build): a wrapper over the "unix" VFS, registered as the default for the life of this object,
// so every connection the code under test opens — Profile, Database, SQLCipher's pager — goes
// through it unchanged. Armed, it counts xWrite, xSync and xTruncate calls on every file (the
// database, its WAL) and fails the Nth one, and only that one, with the chosen result code:
// SQLITE_FULL stands for ENOSPC, SQLITE_IOERR_* for EIO. Reads are never failed.
// One instance at a time; not thread-safe (the storage tests are single-threaded).
class FaultVfs
{
public:
    enum class Fault {
        DiskFull, // SQLITE_FULL on the Nth write, sync or truncate
        IoError,  // SQLITE_IOERR_WRITE / _FSYNC / _TRUNCATE on the Nth one
    };

    FaultVfs();
    ~FaultVfs();
    FaultVfs(const FaultVfs &) = delete;
    FaultVfs &operator=(const FaultVfs &) = delete;

    // Starts counting from zero; the `failAt`-th operation (1-based) fails. failAt 0 only counts.
    void arm(int failAt, Fault fault);
    void disarm();
    // Operations seen since the last arm(), in all and by kind.
    int operations() const;
    int writes() const;
    int syncs() const;
    int truncates() const;
    // Faults injected since this object was made.
    int injected() const;
    // Whether the armed fault has fired.
    bool fired() const;
};

} // namespace companion::testing
