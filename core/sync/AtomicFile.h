#pragma once

// A new file that appears whole or not at all: written to a temporary file (mode 0600) in the
// target's directory, then fsync'ed, given the target's name (never over an existing file:
// store::moveToNewName, which also works on FAT and exFAT media) and the directory fsync'ed.
// Destroyed without commit(), the temporary file is removed. Not thread-safe; not copyable.

#include "sync/BundleSink.h"
#include "sync/ByteUtil.h"

#include <cstdint>
#include <filesystem>

namespace fe::sync {

class AtomicFile final : public BundleSink
{
public:
    // What commit() does when the target exists by then: Refuse (Conflict; every file a user
    // names), or Replace (the station's own outbox, where a file left by an interrupted import
    // is the same bundle, verified again).
    enum class Existing
    {
        Refuse,
        Replace
    };
    // Throws fe::Error (Io, DiskFull, NotFound for a missing directory).
    explicit AtomicFile(std::filesystem::path target, Existing existing = Existing::Refuse);
    ~AtomicFile() override;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void append(ByteView bytes) override;
    void writeAt(std::uint64_t offset, ByteView bytes) override;
    [[nodiscard]] std::uint64_t size() const { return m_size; }
    [[nodiscard]] const std::filesystem::path& target() const { return m_target; }
    [[nodiscard]] const std::filesystem::path& temporaryPath() const { return m_temp; }
    // fsync, rename, fsync of the directory. Throws fe::Error (Conflict when the target exists
    // by now, DiskFull, Io); the target is then untouched and the temporary file removed.
    void commit();
    // Removes the temporary file now (also what the destructor does).
    void discard() noexcept;

private:
    // Appends between two starts of write-back (see startWriteback).
    static constexpr std::uint64_t kWritebackWindow = 8u * 1024 * 1024;

    [[noreturn]] void fail(int err);
    void startWriteback();

    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    Existing m_existing;
    int m_fd = -1;
    std::uint64_t m_size = 0;
    std::uint64_t m_writebackFrom = 0; // write-back started up to here
    std::uint64_t m_waitedTo = 0;      // and finished up to here
    bool m_committed = false;
};

} // namespace fe::sync
