#pragma once

// Internal to core/store: the login path shared by Store::unlock, Store::recover and
// Session::resume. Not part of the API.

#include "store/Connection.h"
#include "store/KeyFile.h"
#include "store/Roles.h"
#include "store/SecretBytes.h"
#include "store/SlotCrypto.h"
#include "store/StoreOptions.h"

#include <memory>
#include <string_view>

namespace fe::store {

class AuditLog;
class UserRepository;
struct SessionState;

// Actor recorded for events no logged-in user caused (failed logins, schema migrations).
inline constexpr std::string_view kUnauthenticatedActor = "unauthenticated";
inline constexpr std::string_view kSystemActor = "system";

class Unlocker
{
public:
    // The whole login: key file, lockout, Argon2id, database, schema migration, user check,
    // pending events, audit row. Throws AuthenticationFailed, Locked, Corrupt, InvalidInput
    // (wrong database), NotFound, Io, DiskFull. loginOutcome goes into the login audit row
    // ("ok", "resumed").
    static std::unique_ptr<SessionState> unlock(const StorePaths& paths, std::string_view userName,
                                                const SecretBytes& password, const StoreOptions& options,
                                                std::string_view loginOutcome = "ok");

    // Checks that the database and key file exist and the directory is writable.
    static void checkFiles(const StorePaths& paths);
    // Throws InvalidInput when the key file was made for another database (salt mismatch).
    static void checkBinding(const KeyFile& keyFile, const StorePaths& paths);
    static SlotCrypto::Binding bindingOf(const KeyFile& keyFile);

    struct OpenedDatabase
    {
        Connection db;
        SecretBytes key;
        std::string localStationId;
        bool keyFileChanged = false;
    };
    // Opens the database with the key from slot (secret key already unwrapped), finishing or
    // abandoning an interrupted key rotation; migrates the schema and checks the database id.
    // Sets keyFileChanged when keyFile was updated in memory (caller saves).
    static OpenedDatabase openDatabase(const StorePaths& paths, KeyFile& keyFile, const KeyFile::Slot& slot,
                                       const SecretBytes& slotSecretKey, const StoreOptions& options);

    // Appends the key file's pending events (failed logins, lockouts) to the audit log, once
    // each (by event id), and reports dropped and damaged event lines, inside the caller's
    // transaction; then clears them from keyFile.
    static void flushPendingEvents(KeyFile& keyFile, AuditLog& audit, UserRepository& users, TimePoint now);

    // The state of a session just logged in as user (the caller holds the key-file lock and
    // has saved keyFile): connection, key, settings, and the key file's mark.
    static std::unique_ptr<SessionState> makeState(const StorePaths& paths, const StoreOptions& options,
                                                   OpenedDatabase&& opened, const KeyFile& keyFile,
                                                   const User& user, TimePoint now);
    // Records what the key file looks like now (SessionState::KeyFileMark) for the user's slot.
    static void markKeyFile(SessionState& state, const KeyFile& keyFile);
};

} // namespace fe::store
