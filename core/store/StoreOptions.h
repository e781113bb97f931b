#pragma once

#include "store/Clock.h"
#include "store/KdfParams.h"
#include "store/StoreConstants.h"

#include <chrono>
#include <filesystem>
#include <functional>

namespace fe::store {

// Where a store's files are: the database and, beside it, its WAL and SHM files, the key file
// and the lock file. Nothing else is written, and never outside this directory.
struct StorePaths
{
    std::filesystem::path database;
    std::filesystem::path keyFile;  // <database>.keys
    std::filesystem::path lockFile; // <database>.lock

    static StorePaths forDatabase(const std::filesystem::path& database)
    {
        StorePaths p;
        p.database = database;
        p.keyFile = database.string() + ".keys";
        p.lockFile = database.string() + ".lock";
        return p;
    }
    [[nodiscard]] std::filesystem::path directory() const
    {
        const auto d = database.parent_path();
        return d.empty() ? std::filesystem::path(".") : d;
    }
};

struct StoreOptions
{
    // "Now" for lockouts, idle lock, retention and record times; tests move it.
    Clock clock = systemNow;
    // Argon2id cost for slots created through this session (new users, password changes,
    // init, recovery). Unlock always uses the cost recorded in the slot. Tests pass a cheap
    // cost here to keep the suite fast; production code keeps the default.
    KdfParams kdf = KdfParams::recommended();
    // Another FaceEnroll process holding the key-file lock (a login, a password change, a key
    // rotation): onKeyFileLockWait is called at once, on the calling thread (the CLI prints
    // "waiting for another FaceEnroll process…"), and after keyFileLockTimeout the call fails
    // with fe::Error(Locked).
    std::chrono::milliseconds keyFileLockTimeout = constants::kKeyFileLockTimeout;
    std::function<void()> onKeyFileLockWait;
};

} // namespace fe::store
