#include "sync/ByteSource.h"

#include "sync/BundleError.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace fe::sync {
namespace {

[[noreturn]] void beyondEnd()
{
    throw BundleError(BundleProblem::Truncated,
                      QT_TRANSLATE_NOOP("fe::Error", "The bundle is truncated: it ends before its signature."));
}

} // namespace

ByteView MemorySource::read(std::uint64_t offset, std::size_t n, Bytes&)
{
    if (offset > m_bytes.size() || n > m_bytes.size() - offset)
        beyondEnd();
    return m_bytes.subspan(static_cast<std::size_t>(offset), n);
}

FileSource::FileSource(const std::filesystem::path& path) : m_path(path)
{
    m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        const int err = errno;
        if (err == ENOENT)
            throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no file %1."), {path.string()});
        throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot read %1: %2."),
                    {path.string(), std::strerror(err)});
    }
    struct stat st{};
    if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(m_fd);
        m_fd = -1;
        throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot read %1: %2."),
                    {path.string(), "not a regular file"});
    }
    m_size = static_cast<std::uint64_t>(st.st_size);
}

FileSource::~FileSource()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

FileSource::FileSource(FileSource&& other) noexcept
    : m_path(std::move(other.m_path)), m_fd(std::exchange(other.m_fd, -1)), m_size(other.m_size)
{
}

ByteView FileSource::read(std::uint64_t offset, std::size_t n, Bytes& buffer)
{
    if (offset > m_size || n > m_size - offset)
        beyondEnd();
    if (buffer.size() < n)
        buffer.resize(n);
    std::size_t done = 0;
    while (done < n) {
        const ssize_t r = ::pread(m_fd, buffer.data() + done, n - done, static_cast<off_t>(offset + done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            throw BundleError(BundleProblem::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot read %1: %2."),
                              {m_path.string(), std::strerror(errno)});
        if (r == 0)
            beyondEnd(); // the file shrank while it was read
        done += static_cast<std::size_t>(r);
    }
    return {buffer.data(), n};
}

} // namespace fe::sync
