#pragma once

#include "store/Statement.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;

namespace fe::store {

class SecretBytes;

// Result of PRAGMA wal_checkpoint(TRUNCATE).
struct CheckpointResult
{
    bool complete = false; // every WAL frame was copied and the WAL truncated to zero bytes
    int walFrames = 0;
    int checkpointedFrames = 0;
};

// One SQLCipher connection (RAII: closed in the destructor, which never throws). Move-only.
// Not thread-safe: one connection per thread (opened with SQLITE_OPEN_NOMUTEX). All errors
// throw DatabaseError with SQLite's message.
class Connection
{
public:
    enum class Mode
    {
        OpenExisting,
        Create
    };

    // The on-disk encryption format (docs/storage.md, "The database key and the PRAGMAs").
    enum class CipherFormat
    {
        // SQLCipher 4: AES-256-CBC, HMAC-SHA512 per page, 4 KiB pages. What the store writes.
        Current,
        // SQLCipher 3 as FaceEnroll wrote it with Debian 12's libsqlcipher 3.4.1: HMAC-SHA1,
        // 4 KiB pages. Read only to migrate a station (CipherMigration), and by tests that
        // make such stations.
        Sqlcipher3
    };

    // Opens (or creates) an encrypted database with a raw 256-bit key, no SQLCipher KDF
    // (the key is random, see docs/storage.md), and applies the store's settings: cipher
    // format, WAL, synchronous=FULL, foreign_keys, secure_delete, temp_store=MEMORY, defensive
    // mode, busy timeout. Throws Corrupt when the key does not open the file (wrong key,
    // foreign file, another cipher format, damaged first page) and Internal when the linked
    // SQLite is not SQLCipher.
    static Connection openEncrypted(const std::filesystem::path& path, const SecretBytes& key,
                                    Mode mode = Mode::OpenExisting, CipherFormat format = CipherFormat::Current);

    // Opens an existing (or creates a new) database with key in format and nothing else: no
    // journal mode, no store PRAGMAs. For reading a database in another format (the cipher
    // migration, tests). Throws like openEncrypted.
    static Connection openKeyed(const std::filesystem::path& path, const SecretBytes& key, CipherFormat format,
                                Mode mode = Mode::OpenExisting);

    // Opens without a key and without the store's settings. Only for diagnostics and tests
    // (it is how a test proves that the file cannot be read without the key).
    static Connection openWithoutKey(const std::filesystem::path& path);

    ~Connection();
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one or more statements that return nothing.
    void exec(std::string_view sql);
    [[nodiscard]] Statement prepare(std::string_view sql);
    // A prepared statement kept for the connection's lifetime, reset and with bindings
    // cleared. Do not hold two uses of the same SQL at once.
    Statement& cached(std::string_view sql);

    // First column of the first row (an empty optional for no row or NULL).
    std::optional<std::string> queryText(std::string_view sql);
    std::optional<std::int64_t> queryInt(std::string_view sql);

    [[nodiscard]] std::int64_t lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] bool inTransaction() const;

    // Rotates the database key (SQLCipher's rekey: every page rewritten in one transaction).
    void rekey(const SecretBytes& newKey);

    // Attaches the database file at path as schema `schema`, encrypted with key in format
    // (created empty if it does not exist; create it with createPrivateFile first so that it
    // is private). With a 16-byte salt, a new file gets that salt instead of a random one
    // (SQLCipher's raw key-and-salt form): a copy made with sqlcipher_export then keeps the
    // salt the key file is bound to.
    void attachEncrypted(const std::filesystem::path& path, std::string_view schema, const SecretBytes& key,
                         CipherFormat format, std::span<const unsigned char> salt = {});
    CheckpointResult checkpointTruncate();

    // True once a page of this connection's database failed to decrypt (its HMAC did not
    // verify). SQLCipher 4 then refuses every further read on the connection, also of intact
    // pages, so that nothing inconsistent reaches its page cache: the owner opens a new
    // connection (Session does at its next call). Thread-safe.
    [[nodiscard]] bool pageFailed() const;
    // Called by Statement and exec when SQLite reports a damaged page on handle db.
    static void notePageFailure(sqlite3* db);

    [[nodiscard]] sqlite3* handle() const noexcept { return m_db; }
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }
    [[nodiscard]] bool isOpen() const noexcept { return m_db != nullptr; }
    void close() noexcept;

private:
    Connection(sqlite3* db, std::filesystem::path path);
    static sqlite3* openHandle(const std::filesystem::path& path, int flags);
    // PRAGMA [schema.]cipher_compatibility and cipher_page_size for format; before the first
    // read of that schema.
    void applyCipherFormat(std::string_view schema, CipherFormat format);

    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

} // namespace fe::store
