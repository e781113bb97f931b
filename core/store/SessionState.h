#pragma once

// Internal to core/store: what a Session owns. Not part of the API.

#include "store/Connection.h"
#include "store/KeyFile.h"
#include "store/Roles.h"
#include "store/SecretBytes.h"
#include "store/StoreOptions.h"

#include <chrono>
#include <optional>
#include <string>

namespace fe::store {

struct SessionState
{
    enum class Status
    {
        Active,
        Locked,
        LoggedOut
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
};

} // namespace fe::store
