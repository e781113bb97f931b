#pragma once

// Random-access input for the bundle readers: a file (pread, no mapping, nothing cached
// beyond the caller's buffer) or bytes in memory (the hub's request body, the fuzzer).

#include "sync/ByteUtil.h"

#include <cstdint>
#include <filesystem>

namespace fe::sync {

class ByteSource
{
public:
    virtual ~ByteSource() = default;
    [[nodiscard]] virtual std::uint64_t size() const = 0;
    // n bytes at offset: a view into memory, or into buffer after a read. Throws
    // BundleError(Io) when the bytes cannot be read, BundleError(Truncated) when they are
    // beyond the end.
    virtual ByteView read(std::uint64_t offset, std::size_t n, Bytes& buffer) = 0;
};

class MemorySource final : public ByteSource
{
public:
    explicit MemorySource(ByteView bytes) : m_bytes(bytes) {}
    [[nodiscard]] std::uint64_t size() const override { return m_bytes.size(); }
    ByteView read(std::uint64_t offset, std::size_t n, Bytes& buffer) override;

private:
    ByteView m_bytes;
};

// Not thread-safe; movable.
class FileSource final : public ByteSource
{
public:
    // Throws fe::Error NotFound or Io.
    explicit FileSource(const std::filesystem::path& path);
    ~FileSource() override;
    FileSource(FileSource&& other) noexcept;
    FileSource& operator=(FileSource&&) = delete;
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;
    [[nodiscard]] std::uint64_t size() const override { return m_size; }
    ByteView read(std::uint64_t offset, std::size_t n, Bytes& buffer) override;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
    int m_fd = -1;
    std::uint64_t m_size = 0;
};

} // namespace fe::sync
