#include "faultvfs.h"

#include <sqlite3.h>

#include <cstdlib>
#include <cstring>

namespace companion::testing {

namespace {

struct State
{
    sqlite3_vfs *real = nullptr;
    sqlite3_vfs vfs{};
    bool armed = false;
    int failAt = 0;
    int seen = 0;
    int writes = 0, syncs = 0, truncates = 0;
    int injected = 0;
    bool fired = false;
    FaultVfs::Fault fault = FaultVfs::Fault::DiskFull;
};
State g_state;

// Our file: the io-methods pointer SQLite reads, then the real VFS's file in the same block.
struct ShimFile
{
    sqlite3_file base;
    sqlite3_file *real() { return reinterpret_cast<sqlite3_file *>(this + 1); }
};

ShimFile *shim(sqlite3_file *file)
{
    return reinterpret_cast<ShimFile *>(file);
}

// The result for this operation: SQLITE_OK, or the fault when it is the armed one. `ioerr` is
// the operation's EIO flavour (and tells which kind of operation it is).
int injectedResult(int ioerr)
{
    if (!g_state.armed)
        return SQLITE_OK;
    g_state.writes += ioerr == SQLITE_IOERR_WRITE ? 1 : 0;
    g_state.syncs += ioerr == SQLITE_IOERR_FSYNC ? 1 : 0;
    g_state.truncates += ioerr == SQLITE_IOERR_TRUNCATE ? 1 : 0;
    if (++g_state.seen != g_state.failAt)
        return SQLITE_OK;
    g_state.fired = true;
    ++g_state.injected;
    return g_state.fault == FaultVfs::Fault::DiskFull ? SQLITE_FULL : ioerr;
}

int shimClose(sqlite3_file *f)
{
    const int rc = shim(f)->real()->pMethods->xClose(shim(f)->real());
    return rc;
}
int shimRead(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset)
{
    return shim(f)->real()->pMethods->xRead(shim(f)->real(), buffer, amount, offset);
}
int shimWrite(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset)
{
    if (const int rc = injectedResult(SQLITE_IOERR_WRITE))
        return rc;
    return shim(f)->real()->pMethods->xWrite(shim(f)->real(), buffer, amount, offset);
}
int shimTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    if (const int rc = injectedResult(SQLITE_IOERR_TRUNCATE))
        return rc;
    return shim(f)->real()->pMethods->xTruncate(shim(f)->real(), size);
}
int shimSync(sqlite3_file *f, int flags)
{
    if (const int rc = injectedResult(SQLITE_IOERR_FSYNC))
        return rc;
    return shim(f)->real()->pMethods->xSync(shim(f)->real(), flags);
}
int shimFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    return shim(f)->real()->pMethods->xFileSize(shim(f)->real(), size);
}
int shimLock(sqlite3_file *f, int level)
{
    return shim(f)->real()->pMethods->xLock(shim(f)->real(), level);
}
int shimUnlock(sqlite3_file *f, int level)
{
    return shim(f)->real()->pMethods->xUnlock(shim(f)->real(), level);
}
int shimCheckReservedLock(sqlite3_file *f, int *out)
{
    return shim(f)->real()->pMethods->xCheckReservedLock(shim(f)->real(), out);
}
int shimFileControl(sqlite3_file *f, int op, void *arg)
{
    return shim(f)->real()->pMethods->xFileControl(shim(f)->real(), op, arg);
}
int shimSectorSize(sqlite3_file *f)
{
    return shim(f)->real()->pMethods->xSectorSize(shim(f)->real());
}
int shimDeviceCharacteristics(sqlite3_file *f)
{
    return shim(f)->real()->pMethods->xDeviceCharacteristics(shim(f)->real());
}
int shimShmMap(sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
    return shim(f)->real()->pMethods->xShmMap(shim(f)->real(), region, size, extend, out);
}
int shimShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    return shim(f)->real()->pMethods->xShmLock(shim(f)->real(), offset, n, flags);
}
void shimShmBarrier(sqlite3_file *f)
{
    shim(f)->real()->pMethods->xShmBarrier(shim(f)->real());
}
int shimShmUnmap(sqlite3_file *f, int deleteFlag)
{
    return shim(f)->real()->pMethods->xShmUnmap(shim(f)->real(), deleteFlag);
}
int shimFetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
    return shim(f)->real()->pMethods->xFetch(shim(f)->real(), offset, amount, out);
}
int shimUnfetch(sqlite3_file *f, sqlite3_int64 offset, void *page)
{
    return shim(f)->real()->pMethods->xUnfetch(shim(f)->real(), offset, page);
}

// Version 3 methods; the unix VFS provides all of them. xFetch (memory-mapped reads) stays
// a pass-through: mmap is off by default, and it only reads.
const sqlite3_io_methods kMethods = {
    3,
    shimClose,
    shimRead,
    shimWrite,
    shimTruncate,
    shimSync,
    shimFileSize,
    shimLock,
    shimUnlock,
    shimCheckReservedLock,
    shimFileControl,
    shimSectorSize,
    shimDeviceCharacteristics,
    shimShmMap,
    shimShmLock,
    shimShmBarrier,
    shimShmUnmap,
    shimFetch,
    shimUnfetch,
};

int shimOpen(sqlite3_vfs *, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    ShimFile *ours = shim(file);
    std::memset(ours->real(), 0, static_cast<std::size_t>(g_state.real->szOsFile));
    const int rc = g_state.real->xOpen(g_state.real, name, ours->real(), flags, outFlags);
    // SQLite calls xClose only when pMethods is set, so mirror the real file's state.
    ours->base.pMethods = ours->real()->pMethods ? &kMethods : nullptr;
    return rc;
}

int shimDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return g_state.real->xDelete(g_state.real, name, syncDir);
}
int shimAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return g_state.real->xAccess(g_state.real, name, flags, out);
}
int shimFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return g_state.real->xFullPathname(g_state.real, name, size, out);
}
void *shimDlOpen(sqlite3_vfs *, const char *name)
{
    return g_state.real->xDlOpen(g_state.real, name);
}
void shimDlError(sqlite3_vfs *, int size, char *out)
{
    g_state.real->xDlError(g_state.real, size, out);
}
void (*shimDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return g_state.real->xDlSym(g_state.real, handle, symbol);
}
void shimDlClose(sqlite3_vfs *, void *handle)
{
    g_state.real->xDlClose(g_state.real, handle);
}
int shimRandomness(sqlite3_vfs *, int size, char *out)
{
    return g_state.real->xRandomness(g_state.real, size, out);
}
int shimSleep(sqlite3_vfs *, int microseconds)
{
    return g_state.real->xSleep(g_state.real, microseconds);
}
int shimCurrentTime(sqlite3_vfs *, double *out)
{
    return g_state.real->xCurrentTime(g_state.real, out);
}
int shimGetLastError(sqlite3_vfs *, int size, char *out)
{
    return g_state.real->xGetLastError(g_state.real, size, out);
}
int shimCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return g_state.real->xCurrentTimeInt64(g_state.real, out);
}

} // namespace

FaultVfs::FaultVfs()
{
    sqlite3_initialize();
    g_state = State{};
    g_state.real = sqlite3_vfs_find("unix");
    if (!g_state.real)
        std::abort(); // a test set-up error, not a runtime condition
    sqlite3_vfs &vfs = g_state.vfs;
    vfs.iVersion = 2; // xCurrentTimeInt64; the version 3 syscall hooks are not needed
    vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + g_state.real->szOsFile;
    vfs.mxPathname = g_state.real->mxPathname;
    vfs.zName = "companion-fault";
    vfs.xOpen = shimOpen;
    vfs.xDelete = shimDelete;
    vfs.xAccess = shimAccess;
    vfs.xFullPathname = shimFullPathname;
    vfs.xDlOpen = shimDlOpen;
    vfs.xDlError = shimDlError;
    vfs.xDlSym = shimDlSym;
    vfs.xDlClose = shimDlClose;
    vfs.xRandomness = shimRandomness;
    vfs.xSleep = shimSleep;
    vfs.xCurrentTime = shimCurrentTime;
    vfs.xGetLastError = shimGetLastError;
    vfs.xCurrentTimeInt64 = shimCurrentTimeInt64;
    // makeDflt = 1: connections opened with no VFS name — all of ours — use the shim.
    sqlite3_vfs_register(&vfs, 1);
}

FaultVfs::~FaultVfs()
{
    // The previous default ("unix") becomes the default again.
    sqlite3_vfs_unregister(&g_state.vfs);
}

void FaultVfs::arm(int failAt, Fault fault)
{
    g_state.armed = true;
    g_state.failAt = failAt;
    g_state.fault = fault;
    g_state.seen = 0;
    g_state.writes = g_state.syncs = g_state.truncates = 0;
    g_state.fired = false;
}

void FaultVfs::disarm()
{
    g_state.armed = false;
}

int FaultVfs::operations() const
{
    return g_state.seen;
}

int FaultVfs::writes() const
{
    return g_state.writes;
}

int FaultVfs::syncs() const
{
    return g_state.syncs;
}

int FaultVfs::truncates() const
{
    return g_state.truncates;
}

int FaultVfs::injected() const
{
    return g_state.injected;
}

bool FaultVfs::fired() const
{
    return g_state.fired;
}

} // namespace companion::testing
