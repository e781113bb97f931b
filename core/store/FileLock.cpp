#include "store/FileLock.h"

#include "common/Error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fe::store {

FileLock::FileLock(const std::filesystem::path& path)
{
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (m_fd < 0) {
        const int err = errno;
        if (err == ENOSPC)
            throw Error(ErrorCode::DiskFull, QT_TRANSLATE_NOOP("fe::Error", "The disk is full: %1 could not be written."),
                        {path.string()});
        throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot open %1: %2."), {path.string(), std::strerror(err)});
    }
    while (::flock(m_fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            const int err = errno;
            ::close(m_fd);
            m_fd = -1;
            throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot lock %1: %2."),
                        {path.string(), std::strerror(err)});
        }
    }
}

FileLock::~FileLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // closing releases the flock
}

} // namespace fe::store
