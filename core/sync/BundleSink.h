#pragma once

#include "sync/ByteUtil.h"

#include <cstdint>

namespace fe::sync {

// Where a BundleWriter puts a bundle: bytes appended in order, and the header written last at
// offset 0. AtomicFile is the one for files; tests use memory.
class BundleSink
{
public:
    virtual ~BundleSink() = default;
    virtual void append(ByteView bytes) = 0;
    virtual void writeAt(std::uint64_t offset, ByteView bytes) = 0;
};

} // namespace fe::sync
