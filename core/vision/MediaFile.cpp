#include "vision/MediaFile.h"

#include "common/Error.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace fe::vision {
namespace {

[[noreturn]] void throwOpenError(const std::filesystem::path& path, int err)
{
    if (err == ENOENT || err == ENOTDIR)
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "The file %1 does not exist."),
                    {path.string()});
    if (err == EACCES || err == EPERM)
        throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot read %1: permission denied."),
                    {path.string()});
    throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot read %1: %2."),
                {path.string(), std::strerror(err)});
}

[[noreturn]] void throwNotRegular(const std::filesystem::path& path, bool directory)
{
    if (directory)
        throw Error(ErrorCode::InvalidInput,
                    QT_TRANSLATE_NOOP("fe::Error", "%1 is a folder; give an image or video file."),
                    {path.string()});
    throw Error(
        ErrorCode::InvalidInput,
        QT_TRANSLATE_NOOP(
            "fe::Error", "%1 is not a regular file (a pipe, device or socket); give an image or video file."),
        {path.string()});
}

[[noreturn]] void throwEmpty(const std::filesystem::path& path)
{
    throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "The file %1 is empty."),
                {path.string()});
}

} // namespace

MediaFile::MediaFile(std::FILE* file, std::int64_t size, std::filesystem::path path)
    : m_file(file), m_size(size), m_path(std::move(path))
{}

MediaFile::MediaFile(MediaFile&& other) noexcept
    : m_file(std::exchange(other.m_file, nullptr)), m_size(other.m_size), m_path(std::move(other.m_path))
{}

MediaFile& MediaFile::operator=(MediaFile&& other) noexcept
{
    if (this != &other) {
        if (m_file != nullptr)
            std::fclose(m_file);
        m_file = std::exchange(other.m_file, nullptr);
        m_size = other.m_size;
        m_path = std::move(other.m_path);
    }
    return *this;
}

MediaFile::~MediaFile()
{
    if (m_file != nullptr)
        std::fclose(m_file);
}

std::size_t MediaFile::readAt(std::int64_t offset, unsigned char* out, std::size_t n) const
{
    std::size_t got = 0;
    if (offset >= 0 && offset < m_size && std::fseek(m_file, static_cast<long>(offset), SEEK_SET) == 0)
        got = std::fread(out, 1, n, m_file);
    std::rewind(m_file);
    return got;
}

#ifndef _WIN32

MediaFile MediaFile::open(const std::filesystem::path& path)
{
    // O_NONBLOCK: opening a FIFO that has no writer returns at once instead of waiting for one.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        throwOpenError(path, errno);
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        throwOpenError(path, err);
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        throwNotRegular(path, S_ISDIR(st.st_mode));
    }
    if (st.st_size == 0) {
        ::close(fd);
        throwEmpty(path);
    }
    // A regular file never blocks; clear the flag so that stdio reads behave as usual.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    std::FILE* file = ::fdopen(fd, "rb");
    if (file == nullptr) {
        const int err = errno;
        ::close(fd);
        throwOpenError(path, err);
    }
    return {file, static_cast<std::int64_t>(st.st_size), path};
}

void MediaFile::check(const std::filesystem::path& path)
{
    (void)open(path);
}

#else

MediaFile MediaFile::open(const std::filesystem::path& path)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
        throwOpenError(path, ENOENT);
    if (!std::filesystem::is_regular_file(status))
        throwNotRegular(path, std::filesystem::is_directory(status));
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size == 0)
        throwEmpty(path);
    std::FILE* file = _wfopen(path.c_str(), L"rb");
    if (file == nullptr)
        throwOpenError(path, errno);
    return {file, static_cast<std::int64_t>(size), path};
}

void MediaFile::check(const std::filesystem::path& path)
{
    (void)open(path);
}

#endif

} // namespace fe::vision
