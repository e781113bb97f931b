#pragma once

#include <functional>
#include <string>
#include <vector>

namespace fe::store {

class Connection;

// The database schema as a list of forward migrations, numbered from 1, tracked in
// PRAGMA user_version. Each migration runs in its own transaction together with its
// user_version bump (and the caller's audit row), so a crash leaves the database at the old
// version or the new one. There are no down-migrations: a database from a newer FaceEnroll
// is refused. Thread-safety: as the Connection.
class Schema
{
public:
    struct Migration
    {
        int version;
        const char* description; // for the audit log and docs/storage.md
        const char* sql;
    };

    static const std::vector<Migration>& migrations();
    static int latestVersion();
    static int version(Connection& db);

    // Called inside each migration's transaction after its SQL ran.
    using StepObserver = std::function<void(Connection& db, const Migration& step)>;

    // Brings db to targetVersion (default: the latest). Returns the versions applied.
    // Throws Conflict when the database is newer than this build knows.
    static std::vector<int> migrate(Connection& db, int targetVersion = -1,
                                    const StepObserver& observer = {});
};

} // namespace fe::store
