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
} // namespace

SecretBytes::SecretBytes(std::size_t size)
    : m_size(size)
{
    if (size == 0)
        return;
    ensureSodium();
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
        // sodium_free wipes before releasing.
        sodium_free(m_data);
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
