#pragma once

#include <cstddef>
#include <string_view>

namespace fe::store {

// Bytes that must not leak: passwords, the database key, key-slot secrets, the recovery key.
// Held in libsodium's guarded heap (sodium_malloc: mlock'ed so they never reach swap, guard
// pages around them) and wiped when freed. Move-only; clone() makes an explicit copy.
// Not thread-safe; a value may move between threads.
class SecretBytes
{
public:
    SecretBytes() = default;
    // size zero bytes.
    explicit SecretBytes(std::size_t size);
    SecretBytes(const void* data, std::size_t size);
    ~SecretBytes();

    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    static SecretBytes random(std::size_t size);
    static SecretBytes fromString(std::string_view text) { return {text.data(), text.size()}; }

    [[nodiscard]] SecretBytes clone() const { return {m_data, m_size}; }
    [[nodiscard]] unsigned char* data() noexcept { return m_data; }
    [[nodiscard]] const unsigned char* data() const noexcept { return m_data; }
    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    [[nodiscard]] bool empty() const noexcept { return m_size == 0; }
    [[nodiscard]] std::string_view view() const noexcept
    {
        return {reinterpret_cast<const char*>(m_data), m_size};
    }
    // Constant-time comparison.
    [[nodiscard]] bool equals(const SecretBytes& other) const noexcept;

private:
    void release() noexcept;

    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

// libsodium must be initialised once before any of its functions; safe to call repeatedly
// and from several threads. Throws fe::Error(Internal) when the CPU lacks what it needs.
void ensureSodium();

} // namespace fe::store
