#pragma once

#include <chrono>
#include <filesystem>
#include <functional>

namespace fe::store {

// An exclusive advisory lock (flock) on a lock file beside the database, held while the key
// file is read, changed and replaced, so that two FaceEnroll processes (GUI and CLI) cannot
// lose each other's key-slot or lockout updates. RAII: released in the destructor. A separate
// file because closing any descriptor of the database file would drop SQLite's own POSIX
// locks on it.
//
// When another process holds the lock, onWait (if set) is called once, at once, so the caller
// can tell its user; then the constructor waits up to timeout and throws fe::Error(Locked)
// naming the lock file if the lock is still taken. Not thread-safe (one per thread).
class FileLock
{
public:
    explicit FileLock(const std::filesystem::path& path, std::chrono::milliseconds timeout,
                      const std::function<void()>& onWait = {});
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int m_fd = -1;
};

} // namespace fe::store
