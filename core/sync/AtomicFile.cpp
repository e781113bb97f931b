#include "sync/AtomicFile.h"

#include "common/Error.h"
#include "store/FileUtil.h"
#include "store/SecretBytes.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

namespace fe::sync {

AtomicFile::AtomicFile(std::filesystem::path target, Existing existing)
    : m_target(std::move(target)), m_existing(existing)
{
    store::ensureSodium();
    const auto dir = m_target.has_parent_path() ? m_target.parent_path() : std::filesystem::path(".");
    unsigned char r[8];
    randombytes_buf(r, sizeof r);
    m_temp = dir / ("." + m_target.filename().string() + ".tmp-" + toHex(r));
    m_fd = ::open(m_temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        const int err = errno;
        if (err == ENOENT)
            throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "The directory %1 does not exist."),
                        {dir.string()});
        fail(err);
    }
}

AtomicFile::~AtomicFile()
{
    if (!m_committed)
        discard();
}

void AtomicFile::fail(int err)
{
    const std::string where = m_target.string();
    discard();
    if (err == ENOSPC || err == EDQUOT)
        throw Error(ErrorCode::DiskFull,
                    QT_TRANSLATE_NOOP("fe::Error", "The disk is full: %1 could not be written. Free space and try again."),
                    {where});
    throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot write %1: %2."), {where, std::strerror(err)});
}

void AtomicFile::append(ByteView bytes)
{
    writeAt(m_size, bytes);
    if (m_size - m_writebackFrom >= kWritebackWindow)
        startWriteback();
}

void AtomicFile::startWriteback()
{
#ifdef __linux__
    // The disk starts on what is written while the rest is still being sealed, so commit()'s
    // fsync finds at most two windows left instead of the whole bundle (on a 200 MB export
    // that fsync was a third of the wall time). Waiting for the window before keeps the dirty
    // pages bounded and the writer at the medium's pace. Durability is still fsync's: an
    // error here is only an early sign of the one fsync would give.
    const auto range = [&](std::uint64_t from, std::uint64_t to, unsigned flags) {
        if (::sync_file_range(m_fd, static_cast<off_t>(from), static_cast<off_t>(to - from), flags) != 0 &&
            (errno == EIO || errno == ENOSPC))
            fail(errno);
    };
    if (m_writebackFrom > m_waitedTo)
        range(m_waitedTo, m_writebackFrom,
              SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    m_waitedTo = m_writebackFrom;
    range(m_writebackFrom, m_size, SYNC_FILE_RANGE_WRITE);
#endif
    m_writebackFrom = m_size;
}

void AtomicFile::writeAt(std::uint64_t offset, ByteView bytes)
{
    if (m_fd < 0)
        throw Error(ErrorCode::Internal, QT_TRANSLATE_NOOP("fe::Error", "Cannot write %1: %2."),
                    {m_target.string(), "already closed"});
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n =
            ::pwrite(m_fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            fail(n < 0 ? errno : EIO);
        done += static_cast<std::size_t>(n);
    }
    m_size = std::max<std::uint64_t>(m_size, offset + bytes.size());
}

void AtomicFile::commit()
{
    if (::fsync(m_fd) != 0)
        fail(errno);
    if (::close(m_fd) != 0) {
        m_fd = -1;
        fail(errno);
    }
    m_fd = -1;
    if (m_existing == Existing::Replace) {
        if (::rename(m_temp.c_str(), m_target.c_str()) != 0)
            fail(errno);
    } else {
        try {
            // Never over a file that appeared meanwhile (the caller checked before it began),
            // and also on removable media without hard links.
            store::moveToNewName(m_temp, m_target);
        } catch (...) {
            discard();
            throw;
        }
    }
    m_committed = true;
    store::syncDirectory(m_target.has_parent_path() ? m_target.parent_path() : std::filesystem::path("."));
}

void AtomicFile::discard() noexcept
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_committed && !m_temp.empty())
        ::unlink(m_temp.c_str());
}

} // namespace fe::sync
