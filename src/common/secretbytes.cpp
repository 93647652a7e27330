#include "common/secretbytes.h"

#include <sodium.h>

#include <cstring>
#include <new>

namespace companion {

namespace {
void ensureSodium()
{
    // sodium_init is idempotent and thread-safe; it must run before sodium_malloc.
    if (sodium_init() < 0)
        throw std::bad_alloc();
}

// A few 32-byte blocks kept per thread after use instead of being freed. Every key of the sync
// hierarchy is 32 bytes, and a pull unwraps one data key per record: sodium_malloc and
// sodium_free (guard pages, mlock, mprotect, munmap: about ten system calls) were ~95% of the
// time to open an envelope (bench/bench_envelope). A pooled block is still sodium_malloc memory
// (guard pages, locked) and is wiped before it goes back into the pool, so a released secret is
// gone as before; only the mapping is reused. Plain data, so it stays usable while the thread's
// other thread_local objects are destroyed; the Reaper frees the blocks at thread exit and
// closes the pool so later releases free directly.
constexpr std::size_t kPooledSize = 32;
constexpr int kPoolCapacity = 8;
struct KeyPool
{
    std::uint8_t *blocks[kPoolCapacity];
    int count;
    bool closed;
};
thread_local KeyPool t_pool{};

struct KeyPoolReaper
{
    ~KeyPoolReaper()
    {
        while (t_pool.count > 0)
            sodium_free(t_pool.blocks[--t_pool.count]);
        t_pool.closed = true;
    }
};

std::uint8_t *takePooled()
{
    return t_pool.count > 0 ? t_pool.blocks[--t_pool.count] : nullptr;
}

// True when the pool took the (already wiped) block.
bool returnPooled(std::uint8_t *block)
{
    if (t_pool.closed || t_pool.count == kPoolCapacity)
        return false;
    thread_local KeyPoolReaper reaper; // constructed with the first pooled block
    (void)reaper;
    if (t_pool.closed) // the reaper has already run on this thread
        return false;
    t_pool.blocks[t_pool.count++] = block;
    return true;
}
} // namespace

SecretBytes::SecretBytes(std::size_t size)
    : m_size(size)
{
    if (size == 0)
        return;
    ensureSodium();
    if (size == kPooledSize && (m_data = takePooled()))
        return; // wiped when it was returned
    m_data = static_cast<std::uint8_t *>(sodium_malloc(size));
    if (!m_data)
        throw std::bad_alloc();
    sodium_memzero(m_data, size);
}

SecretBytes SecretBytes::fromView(std::span<const std::uint8_t> bytes)
{
    SecretBytes secret(bytes.size());
    if (!bytes.empty())
        std::memcpy(secret.m_data, bytes.data(), bytes.size());
    return secret;
}

SecretBytes SecretBytes::fromUtf8(std::string_view text)
{
    return fromView({reinterpret_cast<const std::uint8_t *>(text.data()), text.size()});
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(other.m_data)
    , m_size(other.m_size)
{
    other.m_data = nullptr;
    other.m_size = 0;
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_data = other.m_data;
        m_size = other.m_size;
        other.m_data = nullptr;
        other.m_size = 0;
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    wipe();
}

bool SecretBytes::equals(const SecretBytes &other) const
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

SecretBytes SecretBytes::clone() const
{
    return fromView(view());
}

void SecretBytes::wipe()
{
    if (m_data) {
        // sodium_free wipes before releasing; a pooled block is wiped here.
        if (m_size == kPooledSize) {
            sodium_memzero(m_data, m_size);
            if (!returnPooled(m_data))
                sodium_free(m_data);
        } else {
            sodium_free(m_data);
        }
        m_data = nullptr;
    }
    m_size = 0;
}

void secureWipe(void *data, std::size_t size)
{
    if (data && size)
        sodium_memzero(data, size);
}

} // namespace companion
