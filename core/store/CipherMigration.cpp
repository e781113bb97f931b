#include "store/CipherMigration.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "store/AuditLog.h"
#include "store/DatabaseError.h"
#include "store/FileUtil.h"
#include "store/SecretBytes.h"
#include "store/StoreConstants.h"
#include "store/Transaction.h"
#include "store/Unlocker.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sqlcipher/sqlite3.h>
#include <unistd.h>

namespace fe::store {
namespace {

using CipherFormat = Connection::CipherFormat;

// The schema name the copy is attached under while sqlcipher_export fills it.
constexpr const char* kCopySchema = "cipher4";
// SQLite's own files beside a database file.
constexpr const char* kSideFiles[] = {"-journal", "-wal", "-shm"};
// Room beyond the database's size that the copy may need (its own rollback journal and the
// b-trees sqlcipher_export rebuilds, which can come out slightly larger than the old ones).
constexpr double kSpaceMargin = 1.1;

std::filesystem::path withSuffix(const std::filesystem::path& p, const char* suffix)
{
    return p.string() + suffix;
}

void removeCopy(const std::filesystem::path& copy)
{
    std::error_code ec;
    std::filesystem::remove(copy, ec);
    for (const char* side : kSideFiles)
        std::filesystem::remove(withSuffix(copy, side), ec);
}

bool fileExists(const std::filesystem::path& p)
{
    std::error_code ec;
    return std::filesystem::exists(p, ec);
}

std::uintmax_t sizeOrZero(const std::filesystem::path& p)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(p, ec);
    return ec ? 0 : size;
}

// fsync of a file, so that a rename after it cannot expose a file whose blocks are not on disk.
void syncFile(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int err = errno;
        if (fd >= 0)
            ::close(fd);
        throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot sync %1 to disk: %2."),
                    {path.string(), std::strerror(err)});
    }
    ::close(fd);
}

std::string megabytes(std::uintmax_t bytes)
{
    return std::to_string((bytes + (1u << 20) - 1) >> 20);
}

void requireSpaceForCopy(const StorePaths& paths)
{
    const auto needed = static_cast<std::uintmax_t>(
        static_cast<double>(sizeOrZero(paths.database) + sizeOrZero(withSuffix(paths.database, "-wal"))) *
        kSpaceMargin);
    std::error_code ec;
    const auto space = std::filesystem::space(paths.directory(), ec);
    if (!ec && space.available < needed)
        throw Error(ErrorCode::DiskFull,
                    QT_TRANSLATE_NOOP("fe::Error", "The database %1 must be converted to the current encryption format, which "
                                      "needs %2 MB free beside it; %3 MB are free. Free some space and log in again."),
                    {paths.database.string(), megabytes(needed), megabytes(space.available)});
}

std::map<std::string, std::int64_t> rowCounts(Connection& db)
{
    std::vector<std::string> tables;
    {
        Statement q = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (q.step())
            tables.push_back(q.text(0));
    }
    std::map<std::string, std::int64_t> counts;
    for (const auto& t : tables) {
        // Table names come from the schema (our own), quoted as identifiers all the same.
        std::string quoted = "\"";
        for (const char c : t)
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        quoted += '"';
        counts[t] = db.queryInt("SELECT count(*) FROM " + quoted).value_or(-1);
    }
    return counts;
}

bool hasAuditLog(Connection& db)
{
    return db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit'").value_or(0) > 0;
}

[[noreturn]] void failCheck(const StorePaths& paths, const std::string& what)
{
    throw Error(ErrorCode::Corrupt,
                QT_TRANSLATE_NOOP("fe::Error", "The copy of %1 in the current encryption format failed its check (%2); the "
                                  "database was left as it was."),
                {paths.database.string(), what});
}

[[noreturn]] void throwOpenElsewhere(const StorePaths& paths)
{
    throw Error(ErrorCode::Database,
                QT_TRANSLATE_NOOP("fe::Error", "The database %1 is open in another program (an older FaceEnroll?), so it "
                                  "cannot be converted to the current encryption format. Close that program and log in "
                                  "again."),
                {paths.database.string()});
}

bool isNotADatabase(const DatabaseError& e)
{
    return e.primaryCode() == SQLITE_NOTADB;
}

} // namespace

std::filesystem::path CipherMigration::copyPath(const StorePaths& paths)
{
    return withSuffix(paths.database, ".cipher4");
}

Connection CipherMigration::open(const StorePaths& paths, const SecretBytes& key, std::string_view databaseId,
                                 const Clock& clock)
{
    try {
        return Connection::openEncrypted(paths.database, key);
    } catch (const DatabaseError& current) {
        if (!isNotADatabase(current))
            throw;
        // The format is not written in the clear: whether the key opens the file as SQLCipher 3
        // is the only way to tell (a wrong key fails both ways, and costs one more open).
        bool isSqlcipher3 = false;
        try {
            (void)Connection::openKeyed(paths.database, key, CipherFormat::Sqlcipher3);
            isSqlcipher3 = true;
        } catch (const DatabaseError& old) {
            if (!isNotADatabase(old))
                throw;
        }
        if (!isSqlcipher3)
            throw;
    }
    migrate(paths, key, databaseId, clock);
    return Connection::openEncrypted(paths.database, key);
}

void CipherMigration::migrate(const StorePaths& paths, const SecretBytes& key, std::string_view databaseId,
                              const Clock& clock)
{
    const auto started = std::chrono::steady_clock::now();
    const auto copy = copyPath(paths);
    const auto directory = paths.directory();
    qCInfo(lcStore) << "migrating the database from SQLCipher 3 to the current format";
    // What an interrupted attempt left behind is of no use: it starts again from the old file.
    removeCopy(copy);
    requireSpaceForCopy(paths);
    const auto salt = readFileHead(paths.database, constants::kCipherSaltBytes);
    if (salt.size() != constants::kCipherSaltBytes)
        failCheck(paths, "salt");

    std::map<std::string, std::int64_t> countsBefore;
    std::optional<AuditVerification> chainBefore;
    std::int64_t userVersion = 0;
    bool renamed = false;
    try {
        {
            Connection old = Connection::openKeyed(paths.database, key, CipherFormat::Sqlcipher3);
            // Out of WAL mode: its WAL is copied into the file and deleted with the SHM, so
            // that no WAL of the old file can be replayed into the new one after the rename.
            // SQLite refuses while another connection has the database open.
            const auto mode = old.queryText("PRAGMA journal_mode = DELETE");
            if (!mode || *mode != "delete")
                throwOpenElsewhere(paths);
            syncDirectory(directory);
            userVersion = old.queryInt("PRAGMA user_version").value_or(0);
            countsBefore = rowCounts(old);
            if (hasAuditLog(old))
                chainBefore = AuditLog(old, std::string(databaseId)).verify();

            createPrivateFile(copy);
            old.attachEncrypted(copy, kCopySchema, key, CipherFormat::Current, salt);
            {
                // Deferred: only the copy gets a write transaction. An immediate one would
                // take both files, and SQLite would give the commit a super-journal
                // (NAME.db-mj…) that a crash leaves behind.
                Transaction tx(old, Transaction::Mode::Deferred);
                old.exec(std::string("SELECT sqlcipher_export('") + kCopySchema + "')");
                old.exec(std::string("PRAGMA ") + kCopySchema + ".user_version = " + std::to_string(userVersion));
                tx.commit();
            }
            old.exec(std::string("DETACH DATABASE ") + kCopySchema);
        }
        for (const char* side : {"-wal", "-shm"})
            if (fileExists(withSuffix(paths.database, side)))
                throwOpenElsewhere(paths);

        {
            // Read back from disk, as the next unlock will: the current format must open it.
            Connection fresh = Connection::openEncrypted(copy, key);
            const auto head = readFileHead(copy, constants::kCipherSaltBytes);
            if (head != salt)
                failCheck(paths, "salt");
            if (chainBefore) {
                AuditLog audit(fresh, std::string(databaseId));
                Transaction tx(fresh);
                audit.append({clock(), std::string(kSystemActor), auditActionName(AuditAction::CipherMigrated),
                              "sqlcipher4", "ok"});
                tx.commit();
            }
            if (fresh.queryText("PRAGMA integrity_check").value_or("") != "ok")
                failCheck(paths, "integrity_check");
            // Every page's HMAC, free pages included; a row names a failing page.
            if (fresh.queryText("PRAGMA cipher_integrity_check"))
                failCheck(paths, "cipher_integrity_check");
            if (fresh.queryInt("PRAGMA user_version").value_or(-1) != userVersion)
                failCheck(paths, "user_version");
            auto expected = countsBefore;
            if (chainBefore)
                ++expected["audit"];
            const auto countsAfter = rowCounts(fresh);
            for (const auto& [table, count] : expected) {
                const auto it = countsAfter.find(table);
                if (it == countsAfter.end() || it->second != count)
                    failCheck(paths, "rows of " + table);
            }
            if (countsAfter.size() != expected.size())
                failCheck(paths, "tables");
            if (chainBefore) {
                // As valid as before, one row longer: the export neither breaks nor repairs it.
                const auto chainAfter = AuditLog(fresh, std::string(databaseId)).verify();
                if (chainAfter.valid != chainBefore->valid || chainAfter.firstBroken != chainBefore->firstBroken ||
                    chainAfter.entries != chainBefore->entries + 1)
                    failCheck(paths, "audit chain");
                if (!chainBefore->valid)
                    qCWarning(lcStore) << "the audit chain was already broken before the migration, at row"
                                       << *chainBefore->firstBroken;
            }
            // A single self-contained file: the WAL checkpointed into it and deleted.
            const auto mode = fresh.queryText("PRAGMA journal_mode = DELETE");
            if (!mode || *mode != "delete")
                failCheck(paths, "journal_mode");
        }
        for (const char* side : kSideFiles)
            if (fileExists(withSuffix(copy, side)))
                failCheck(paths, std::string("leftover ") + side);

        syncFile(copy);
        if (::rename(copy.c_str(), paths.database.c_str()) != 0)
            throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot replace %1: %2."),
                        {paths.database.string(), std::strerror(errno)});
        renamed = true;
        syncDirectory(directory);
    } catch (...) {
        removeCopy(copy);
        if (renamed)
            qCWarning(lcStore) << "the migrated database is in place, but its directory could not be synced";
        else
            qCWarning(lcStore) << "the migration to the current cipher format failed; the database is unchanged";
        throw;
    }
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    qCInfo(lcStore) << "database migrated to SQLCipher 4 in" << ms << "ms," << countsBefore.size() << "tables";
}

} // namespace fe::store
