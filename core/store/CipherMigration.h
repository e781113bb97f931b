#pragma once

// Internal to core/store: opening a station's database in the current cipher format, and
// bringing a station written with SQLCipher 3 (FaceEnroll before issue 16, Debian 12's
// libsqlcipher 3.4.1) to SQLCipher 4 at its first unlock. Not part of the API.

#include "store/Clock.h"
#include "store/Connection.h"
#include "store/StoreOptions.h"

#include <filesystem>
#include <string_view>

namespace fe::store {

class SecretBytes;

// The migration (docs/storage.md, "Stations written with SQLCipher 3"):
//  1. the old database is opened in the SQLCipher 3 format and switched out of WAL mode, which
//     copies its WAL into the file and deletes the WAL and SHM (and fails while another
//     program has the database open); the directory is fsync'ed;
//  2. sqlcipher_export writes a SQLCipher 4 copy beside it (<database>.cipher4, mode 0600)
//     with the same key and the same salt, so the key file stays bound to it unchanged;
//  3. the copy, opened afresh from disk in the current format, gets a cipher_migrated audit
//     row and is checked: integrity_check, cipher_integrity_check (every page's HMAC), the row
//     count of every table, user_version, and the audit chain (as valid as the old one, one
//     row longer); it leaves WAL mode, so it is a single self-contained file;
//  4. the copy is fsync'ed, renamed over the database, and the directory fsync'ed.
// A crash at any moment leaves either the old database or the new one in place, each a single
// file with no WAL or SHM of the other; a leftover copy is removed by the next attempt. A
// failed check leaves the old database in place and says so.
//
// Precondition for both functions: the caller holds the store's lock file (FileLock on
// paths.lockFile), so no other FaceEnroll process unlocks, and thus migrates or opens the
// station, meanwhile. Not thread-safe.
class CipherMigration
{
public:
    // The database opened with key in the current format (Connection::openEncrypted). When the
    // key opens it only in the SQLCipher 3 format, migrates it first. When it opens in
    // neither, throws the current format's error (Corrupt with SQLITE_NOTADB for a wrong key),
    // so that the caller can try another key. Migration errors: DiskFull (with the space it
    // needs), Database (another program has the old database open), Corrupt (the copy failed
    // a check), Io; the old database is unchanged after each.
    static Connection open(const StorePaths& paths, const SecretBytes& key, std::string_view databaseId,
                           const Clock& clock);

    // Migrates paths.database, which key opens in the SQLCipher 3 format, as described above.
    static void migrate(const StorePaths& paths, const SecretBytes& key, std::string_view databaseId,
                        const Clock& clock);

    // Where step 2 writes the copy.
    static std::filesystem::path copyPath(const StorePaths& paths);
};

} // namespace fe::store
