#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace companion {

// Memory for keys and passphrases: allocated with sodium_malloc (guard pages, mlock'd so it is not
// swapped out) and wiped on destruction. Move-only, so a secret is never silently copied.
// Never convert a SecretBytes to QString/QByteArray: those copies cannot be wiped.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    static SecretBytes fromView(std::span<const std::uint8_t> bytes);
    // For text a person typed: the UTF-8 bytes of a passphrase. The caller wipes its own copy.
    static SecretBytes fromUtf8(std::string_view text);

    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;
    ~SecretBytes();

    std::uint8_t *data() { return m_data; }
    const std::uint8_t *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::span<const std::uint8_t> view() const { return {m_data, m_size}; }
    std::span<std::uint8_t> span() { return {m_data, m_size}; }

    // Constant-time comparison (sodium_memcmp); false when sizes differ.
    bool equals(const SecretBytes &other) const;
    // An explicit copy, for when two owners really need the same key.
    SecretBytes clone() const;
    void wipe();

private:
    std::uint8_t *m_data = nullptr;
    std::size_t m_size = 0;
};

// Wipes ordinary memory that briefly held a secret (e.g. a QString's UTF-16 buffer).
void secureWipe(void *data, std::size_t size);

} // namespace companion
