#include "store/FileUtil.h"

#include "common/Error.h"

#include <cerrno>
#include <cstdio> // renameat2
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fe::store {
namespace {

// textTemplate: %1 is the path, %2 the system's reason.
[[noreturn]] void throwErrno(int err, const char* textTemplate, const std::filesystem::path& path)
{
    if (err == ENOSPC || err == EDQUOT)
        throw Error(ErrorCode::DiskFull, QT_TRANSLATE_NOOP("fe::Error", "The disk is full: %1 could not be written."),
                    {path.string()});
    if (err == EROFS)
        throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "%1 is on a read-only file system."), {path.string()});
    if (err == ENOENT)
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "%1 does not exist."), {path.string()});
    throw Error(ErrorCode::Io, textTemplate, {path.string(), std::strerror(err)});
}

class Fd
{
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

} // namespace

void syncDirectory(const std::filesystem::path& dir)
{
    Fd fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0)
        throwErrno(errno, QT_TRANSLATE_NOOP("fe::Error", "Cannot open %1: %2."), dir);
    if (::fsync(fd.get()) != 0)
        throwErrno(errno, QT_TRANSLATE_NOOP("fe::Error", "Cannot sync %1 to disk: %2."), dir);
}

namespace {

// content in a new temporary file beside path (mode 0600), written in full, fsync'ed and
// closed; its name. On failure nothing is left behind and fe::Error is thrown.
std::filesystem::path writeTemporaryBeside(const std::filesystem::path& path, std::string_view content)
{
    std::string tmpl = (path.string() + ".tmp-XXXXXX");
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    Fd fd(::mkostemp(name.data(), O_CLOEXEC));
    if (fd.get() < 0)
        throwErrno(errno, QT_TRANSLATE_NOOP("fe::Error", "Cannot create a temporary file beside %1: %2."), path);
    const std::filesystem::path tmp(name.data());
    try {
        ::fchmod(fd.get(), S_IRUSR | S_IWUSR);
        std::size_t done = 0;
        while (done < content.size()) {
            const ssize_t n = ::write(fd.get(), content.data() + done, content.size() - done);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                throwErrno(errno, QT_TRANSLATE_NOOP("fe::Error", "Cannot write %1: %2."), path);
            }
            done += static_cast<std::size_t>(n);
        }
        if (::fsync(fd.get()) != 0)
            throwErrno(errno, QT_TRANSLATE_NOOP("fe::Error", "Cannot sync %1 to disk: %2."), path);
        if (::close(fd.release()) != 0)
            throwErrno(errno, QT_TRANSLATE_NOOP("fe::Error", "Cannot write %1: %2."), path);
    } catch (...) {
        ::unlink(tmp.c_str());
        throw;
    }
    return tmp;
}

[[noreturn]] void throwExists(const std::filesystem::path& path)
{
    throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "%1 exists already; FaceEnroll will not overwrite it."),
                {path.string()});
}

} // namespace

void writeFileAtomically(const std::filesystem::path& path, std::string_view content)
{
    const auto tmp = writeTemporaryBeside(path, content);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throwErrno(err, QT_TRANSLATE_NOOP("fe::Error", "Cannot replace %1: %2."), path);
    }
    syncDirectory(path.parent_path());
}

namespace {

bool renameFlagsUnsupported(int err)
{
    return err == EINVAL || err == ENOSYS || err == EOPNOTSUPP;
}

bool hardLinksUnsupported(int err)
{
    // FAT answers EPERM ("Operation not permitted") to link(2).
    return err == EPERM || err == EOPNOTSUPP || err == ENOSYS;
}

} // namespace

void moveToNewName(const std::filesystem::path& from, const std::filesystem::path& to)
{
#ifdef __linux__
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return;
    if (const int err = errno; !renameFlagsUnsupported(err)) {
        if (err == EEXIST)
            throwExists(to);
        throwErrno(err, QT_TRANSLATE_NOOP("fe::Error", "Cannot create %1: %2."), to);
    }
#endif
    // link(2), unlike rename(2), refuses to replace an existing name.
    if (::link(from.c_str(), to.c_str()) == 0) {
        ::unlink(from.c_str());
        return;
    }
    if (const int err = errno; !hardLinksUnsupported(err)) {
        if (err == EEXIST)
            throwExists(to);
        throwErrno(err, QT_TRANSLATE_NOOP("fe::Error", "Cannot create %1: %2."), to);
    }
    // No hard links (FAT): take the name with an empty file, then put the whole file over
    // that one, which is ours.
    createPrivateFile(to); // Conflict when the name is taken
    if (::rename(from.c_str(), to.c_str()) != 0) {
        const int err = errno;
        ::unlink(to.c_str());
        throwErrno(err, QT_TRANSLATE_NOOP("fe::Error", "Cannot create %1: %2."), to);
    }
}

void writeNewFile(const std::filesystem::path& path, std::string_view content)
{
    const auto tmp = writeTemporaryBeside(path, content);
    try {
        moveToNewName(tmp, path);
    } catch (...) {
        ::unlink(tmp.c_str());
        throw;
    }
    syncDirectory(path.parent_path());
}

std::string readWholeFile(const std::filesystem::path& path)
{
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        throwErrno(errno, QT_TRANSLATE_NOOP("fe::Error", "Cannot open %1: %2."), path);
    std::string out;
    char buffer[8192];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throwErrno(errno, QT_TRANSLATE_NOOP("fe::Error", "Cannot read %1: %2."), path);
        }
        if (n == 0)
            break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

std::vector<unsigned char> readFileHead(const std::filesystem::path& path, std::size_t n)
{
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        throwErrno(errno, QT_TRANSLATE_NOOP("fe::Error", "Cannot open %1: %2."), path);
    std::vector<unsigned char> out(n);
    std::size_t done = 0;
    while (done < n) {
        const ssize_t r = ::read(fd.get(), out.data() + done, n - done);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            throwErrno(errno, QT_TRANSLATE_NOOP("fe::Error", "Cannot read %1: %2."), path);
        }
        if (r == 0)
            break;
        done += static_cast<std::size_t>(r);
    }
    out.resize(done);
    return out;
}

void requireWritableDirectory(const std::filesystem::path& dir)
{
    const auto d = dir.empty() ? std::filesystem::path(".") : dir;
    std::error_code ec;
    if (!std::filesystem::is_directory(d, ec))
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "The directory %1 does not exist."), {d.string()});
    // access() reports EROFS for a read-only mount even to root.
    if (::access(d.c_str(), W_OK | X_OK) != 0) {
        const int err = errno;
        if (err == EROFS)
            throw Error(
                ErrorCode::Io,
                QT_TRANSLATE_NOOP("fe::Error", "The directory %1 is on a read-only file system; the store must write its "
                              "journal and key file there."),
                {d.string()});
        throw Error(
            ErrorCode::Io,
            QT_TRANSLATE_NOOP("fe::Error", "The directory %1 is not writable (%2); the store must write its journal and "
                          "key file there."),
            {d.string(), std::strerror(err)});
    }
}

void createPrivateFile(const std::filesystem::path& path)
{
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR));
    if (fd.get() < 0) {
        const int err = errno;
        if (err == EEXIST)
            throwExists(path);
        throwErrno(err, QT_TRANSLATE_NOOP("fe::Error", "Cannot create %1: %2."), path);
    }
}

std::optional<FileStamp> fileStamp(const std::filesystem::path& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return std::nullopt;
    FileStamp s;
    s.device = static_cast<std::uint64_t>(st.st_dev);
    s.inode = static_cast<std::uint64_t>(st.st_ino);
    s.modifiedNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    s.size = static_cast<std::int64_t>(st.st_size);
    return s;
}

} // namespace fe::store
