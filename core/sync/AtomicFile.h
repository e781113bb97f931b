#pragma once

// A file that appears whole or not at all: written to a temporary file (mode 0600) in the
// target's directory, then fsync'ed, renamed over the target and the directory fsync'ed.
// Destroyed without commit(), the temporary file is removed. Not thread-safe; not copyable.

#include "sync/BundleSink.h"
#include "sync/ByteUtil.h"

#include <cstdint>
#include <filesystem>

namespace fe::sync {

class AtomicFile final : public BundleSink
{
public:
    // Throws fe::Error (Io, DiskFull, NotFound for a missing directory).
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile() override;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void append(ByteView bytes) override;
    void writeAt(std::uint64_t offset, ByteView bytes) override;
    [[nodiscard]] std::uint64_t size() const { return m_size; }
    [[nodiscard]] const std::filesystem::path& target() const { return m_target; }
    [[nodiscard]] const std::filesystem::path& temporaryPath() const { return m_temp; }
    // fsync, rename, fsync of the directory. Throws fe::Error; the target is then untouched.
    void commit();
    // Removes the temporary file now (also what the destructor does).
    void discard() noexcept;

private:
    [[noreturn]] void fail(int err);

    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    int m_fd = -1;
    std::uint64_t m_size = 0;
    bool m_committed = false;
};

} // namespace fe::sync
