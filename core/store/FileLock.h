#pragma once

#include <filesystem>

namespace fe::store {

// An exclusive advisory lock (flock) on a lock file beside the database, held while the key
// file is read, changed and replaced, so that two FaceEnroll processes (GUI and CLI) cannot
// lose each other's key-slot or lockout updates. Blocks until the lock is free. RAII:
// released in the destructor. A separate file because closing any descriptor of the
// database file would drop SQLite's own POSIX locks on it.
class FileLock
{
public:
    explicit FileLock(const std::filesystem::path& path);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int m_fd = -1;
};

} // namespace fe::store
