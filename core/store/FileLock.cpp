#include "store/FileLock.h"

#include "common/Error.h"
#include "common/Logging.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace fe::store {
namespace {

// How often a waiting process tries again: short against a login's 0.5 s, long enough not to
// spin. flock has no timed wait; a blocking flock in a helper thread could not be abandoned.
constexpr std::chrono::milliseconds kRetryInterval{25};

} // namespace

FileLock::FileLock(const std::filesystem::path& path, std::chrono::milliseconds timeout,
                   const std::function<void()>& onWait)
{
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (m_fd < 0) {
        const int err = errno;
        if (err == ENOSPC)
            throw Error(ErrorCode::DiskFull, QT_TRANSLATE_NOOP("fe::Error", "The disk is full: %1 could not be written."),
                        {path.string()});
        throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot open %1: %2."), {path.string(), std::strerror(err)});
    }
    const auto start = std::chrono::steady_clock::now();
    bool told = false;
    for (;;) {
        if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0)
            break;
        const int err = errno;
        if (err == EINTR)
            continue;
        if (err != EWOULDBLOCK) {
            ::close(m_fd);
            m_fd = -1;
            throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot lock %1: %2."),
                        {path.string(), std::strerror(err)});
        }
        if (!told) {
            told = true;
            qCInfo(lcStore) << "waiting for another process to release the key-file lock";
            if (onWait) {
                try {
                    onWait();
                } catch (...) {
                    // Telling the user is a courtesy; it must not break the lock.
                }
            }
        }
        if (std::chrono::steady_clock::now() - start >= timeout) {
            ::close(m_fd);
            m_fd = -1;
            throw Error(ErrorCode::Locked,
                        QT_TRANSLATE_NOOP("fe::Error", "Another FaceEnroll process kept %1 locked for more than %2 "
                                                       "second(s) (a login, a password change or a key rotation); "
                                                       "nothing was changed. Try again when it has finished."),
                        {path.string(),
                         std::to_string(std::max<std::int64_t>(
                             1, std::chrono::duration_cast<std::chrono::seconds>(timeout).count()))});
        }
        std::this_thread::sleep_for(kRetryInterval);
    }
}

FileLock::~FileLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // closing releases the flock
}

} // namespace fe::store
