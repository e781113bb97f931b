#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>

namespace fe::vision {

// An input media file opened for reading, checked to be a regular file first. Opening never
// blocks: a FIFO without a writer, a device or a socket is refused with a reason instead of
// hanging (the check is made on the opened descriptor, so a file swapped after the check is
// still refused). Move-only; closes on destruction. Not thread-safe.
class MediaFile
{
public:
    // Throws fe::Error: NotFound (missing), InvalidInput (a folder, not a regular file, empty),
    // Io (permission denied or another read error).
    static MediaFile open(const std::filesystem::path& path);

    // Throws the same errors as open() without keeping the file open: for inputs that another
    // library opens by name (a video).
    static void check(const std::filesystem::path& path);

    MediaFile(MediaFile&& other) noexcept;
    MediaFile& operator=(MediaFile&& other) noexcept;
    MediaFile(const MediaFile&) = delete;
    MediaFile& operator=(const MediaFile&) = delete;
    ~MediaFile();

    // Binary stream positioned at the start; owned by this object.
    [[nodiscard]] std::FILE* stream() const { return m_file; }
    [[nodiscard]] std::int64_t size() const { return m_size; }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

    // Reads up to n bytes at `offset` and rewinds the stream to the start; returns the count
    // read.
    std::size_t readAt(std::int64_t offset, unsigned char* out, std::size_t n) const;

private:
    MediaFile(std::FILE* file, std::int64_t size, std::filesystem::path path);

    std::FILE* m_file = nullptr;
    std::int64_t m_size = 0;
    std::filesystem::path m_path;
};

} // namespace fe::vision
