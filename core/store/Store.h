#pragma once

#include "store/Roles.h"
#include "store/SecretBytes.h"
#include "store/Session.h"
#include "store/StoreOptions.h"

#include <filesystem>
#include <string_view>

namespace fe::store {

// The entry points of the encrypted local store: create one, log in, recover access.
// Everything else goes through the Session these return. See docs/storage.md.
//
// Thread-safety: the functions are reentrant; two processes may use the same store (the key
// file is guarded by a lock file, the database by SQLite's locks).
class Store
{
public:
    // Creates <database> with a new random database key, its key file, a local station and
    // the first admin, then returns the recovery key in its printed form; it is shown once
    // and stored nowhere. All or nothing: on failure no file is left behind. Throws Conflict
    // when a database or key file already exists there, Io/DiskFull/NotFound for the
    // directory.
    static SecretBytes initialize(const std::filesystem::path& database, std::string_view adminName,
                                  const SecretBytes& password, const StoreOptions& options = {},
                                  std::string_view stationName = "station");

    // Logs in. Throws AuthenticationFailed (wrong name or password), Locked (after
    // constants::kMaxFailedLogins failures, for an increasing time), Corrupt (damaged key
    // file or database), InvalidInput (the key file belongs to another database), NotFound,
    // Io (read-only directory), DiskFull. Failed attempts are recorded, without the password,
    // and reach the audit log at the next successful login.
    static Session unlock(const std::filesystem::path& database, std::string_view userName,
                          const SecretBytes& password, const StoreOptions& options = {});

    struct Recovery
    {
        Session session;         // logged in as the new admin
        SecretBytes recoveryKey; // the old recovery key is spent; this one replaces it
    };
    // Opens the store with the recovery key (tolerating damaged user slots in the key file),
    // creates a new admin and replaces the recovery slot. Audited as "recovery".
    static Recovery recover(const std::filesystem::path& database, const SecretBytes& recoveryKey,
                            std::string_view newAdminName, const SecretBytes& newAdminPassword,
                            const StoreOptions& options = {});
};

} // namespace fe::store
