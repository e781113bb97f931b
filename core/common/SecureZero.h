#pragma once

#include <cstddef>
#include <cstring>
#include <string>

namespace fe {

// Overwrites memory that held personal or biometric data before it is freed or reused, in a
// way the compiler may not drop as a dead store (a plain memset before free() may be).
inline void secureZero(void* p, std::size_t bytes) noexcept
{
    if (p == nullptr || bytes == 0)
        return;
#if defined(__GLIBC__)
    explicit_bzero(p, bytes);
#else
    auto* v = static_cast<volatile unsigned char*>(p);
    while (bytes-- > 0)
        *v++ = 0;
#endif
}

// The characters of s (its whole buffer, also beyond size()), then clears it.
inline void secureClear(std::string& s) noexcept
{
    s.resize(s.capacity());
    secureZero(s.data(), s.size());
    s.clear();
}

} // namespace fe
