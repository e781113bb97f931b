#pragma once

#include <cstddef>
#include <new>

namespace fe {

// Memory for large arrays that are read all over (the landmark model's leaves, the gallery's
// rows): aligned to 2 MiB and advised to the kernel as huge-page memory where it supports
// that, so that a scan touches a few dozen TLB entries and a fresh array costs a few dozen
// page faults instead of tens of thousands. Small blocks come from malloc.
//
// Freed blocks are wiped first: the gallery's rows are face templates, and freed heap memory
// keeps its content until it is reused (glibc keeps blocks below its adaptive mmap threshold,
// up to 32 MiB, in the heap). Wiping costs about as much as writing the block once.
void* allocateLarge(std::size_t bytes);
void freeLarge(void* p, std::size_t bytes) noexcept;

template <typename T>
struct HugePageAllocator
{
    using value_type = T;

    HugePageAllocator() noexcept = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept
    {
    }

    T* allocate(std::size_t n)
    {
        if (n > static_cast<std::size_t>(-1) / sizeof(T))
            throw std::bad_array_new_length();
        return static_cast<T*>(allocateLarge(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t n) noexcept { freeLarge(p, n * sizeof(T)); }

    template <typename U>
    bool operator==(const HugePageAllocator<U>&) const noexcept
    {
        return true;
    }
};

} // namespace fe
