#pragma once

// Internal to core/store: what a Session owns. Not part of the API.

#include "store/Connection.h"
#include "store/FileUtil.h"
#include "store/KeyFile.h"
#include "store/Roles.h"
#include "store/SecretBytes.h"
#include "store/Session.h"
#include "store/StoreOptions.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace fe::store {

// What a session shares with the worker sessions opened from it (Session::openWorker): the
// only state that crosses threads, hence atomics. The owner clears `active` when it locks or
// logs out and keeps `idleDeadlineMs` at the moment its idle lock falls due.
struct SharedSessionState
{
    std::atomic<bool> active{true};
    std::atomic<std::int64_t> idleDeadlineMs{0};
};

struct SessionState
{
    enum class Status
    {
        Active,
        Locked,
        LoggedOut
    };

    // What the key file looked like when this session's key was last known to be current: a
    // key rotation by another process re-wraps every slot, so our own slot's and the recovery
    // slot's wraps both change (Session::checkKeyRotation).
    struct KeyFileMark
    {
        std::optional<FileStamp> stamp;
        KeyFile::PublicKey ownWrap{};      // ephemeral public key of our slot's database-key wrap
        KeyFile::PublicKey recoveryWrap{}; // the same for the recovery slot
    };

    StorePaths paths;
    StoreOptions options;
    std::optional<Connection> db;
    SecretBytes databaseKey; // needed to seal it for new slots and to rotate it
    std::string databaseId;
    KeyFile::Salt databaseSalt{};
    std::string localStationId;
    User user;
    TimePoint lastActivity{};
    std::chrono::milliseconds idleTimeout{0};
    Status status = Status::Active;
    // Owner: created with the first worker. Worker: the owner's, and worker = true.
    std::shared_ptr<SharedSessionState> shared;
    bool worker = false;
    bool mustChangePassword = false;
    KeyFileMark keyFileMark;
    LockListener lockListener;
};

} // namespace fe::store
