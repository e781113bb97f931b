#include "common/HugePageAllocator.h"

#include "common/SecureZero.h"

#include <cstdlib>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace fe {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

} // namespace

void* allocateLarge(std::size_t bytes)
{
    void* p = nullptr;
    if (bytes >= kHugePage) {
        const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        p = std::aligned_alloc(kHugePage, rounded);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        if (p != nullptr)
            madvise(p, rounded, MADV_HUGEPAGE);
#endif
    } else {
        p = std::malloc(bytes == 0 ? 1 : bytes);
    }
    if (p == nullptr)
        throw std::bad_alloc();
    return p;
}

void freeLarge(void* p, std::size_t bytes) noexcept
{
    if (p == nullptr)
        return;
    secureZero(p, bytes);
    std::free(p);
}

} // namespace fe
