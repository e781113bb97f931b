#include "store/SecretBytes.h"

#include "common/Error.h"

#include <cstring>
#include <new>
#include <sodium.h>
#include <utility>

namespace fe::store {

void ensureSodium()
{
    static const int result = sodium_init();
    if (result < 0)
        throw Error(ErrorCode::Internal, QT_TRANSLATE_NOOP("fe::Error", "libsodium could not be initialised."));
}

SecretBytes::SecretBytes(std::size_t size)
{
    if (size == 0)
        return;
    ensureSodium();
    m_data = static_cast<unsigned char*>(sodium_malloc(size));
    if (m_data == nullptr)
        throw std::bad_alloc();
    m_size = size;
    sodium_memzero(m_data, m_size);
}

SecretBytes::SecretBytes(const void* data, std::size_t size) : SecretBytes(size)
{
    if (size != 0)
        std::memcpy(m_data, data, size);
}

SecretBytes::~SecretBytes()
{
    release();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes SecretBytes::random(std::size_t size)
{
    SecretBytes out(size);
    if (size != 0)
        randombytes_buf(out.m_data, size);
    return out;
}

bool SecretBytes::equals(const SecretBytes& other) const noexcept
{
    if (m_size != other.m_size)
        return false;
    return m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

void SecretBytes::release() noexcept
{
    // sodium_free wipes the buffer before it unmaps it.
    if (m_data != nullptr)
        sodium_free(m_data);
    m_data = nullptr;
    m_size = 0;
}

} // namespace fe::store
