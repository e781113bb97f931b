#include "store/Connection.h"

#include "common/Logging.h"
#include "store/DatabaseError.h"
#include "store/SecretBytes.h"
#include "store/StoreConstants.h"

#include <mutex>
#include <sqlcipher/sqlite3.h>
#include <span>
#include <unordered_set>
#include <utility>

namespace fe::store {
namespace {

// "x'<64 hex digits>'": SQLCipher's raw-key syntax. The key is used as the AES key as is,
// skipping the PBKDF2 that SQLCipher would otherwise run on every open (the key already has
// 256 bits of entropy; the password KDF is Argon2id, in the key slots). With a salt,
// "x'<64 hex digits><32 hex digits>'": the raw key and the salt a new file gets. Built in the
// guarded heap so the hex never sits in ordinary memory.
SecretBytes rawKeyLiteral(const SecretBytes& key, std::span<const unsigned char> salt = {})
{
    static constexpr char kHex[] = "0123456789abcdef";
    SecretBytes literal((key.size() + salt.size()) * 2 + 3);
    unsigned char* out = literal.data();
    *out++ = 'x';
    *out++ = '\'';
    const auto hex = [&](unsigned char byte) {
        *out++ = static_cast<unsigned char>(kHex[byte >> 4]);
        *out++ = static_cast<unsigned char>(kHex[byte & 0x0f]);
    };
    for (std::size_t i = 0; i < key.size(); ++i)
        hex(key.data()[i]);
    for (const unsigned char byte : salt)
        hex(byte);
    *out = '\'';
    return literal;
}

// The handles whose database had a page fail its HMAC (Connection::pageFailed).
std::mutex g_failedMutex;
std::unordered_set<sqlite3*> g_failed;

[[noreturn]] void throwFrom(sqlite3* db, const char* context)
{
    throw DatabaseError::fromConnection(db, context);
}

} // namespace

Connection::Connection(sqlite3* db, std::filesystem::path path) : m_db(db), m_path(std::move(path)) {}

Connection::~Connection()
{
    close();
}

Connection::Connection(Connection&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)),
      m_cache(std::move(other.m_cache))
{}

Connection& Connection::operator=(Connection&& other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

void Connection::close() noexcept
{
    // Statements first: sqlite3_close_v2 would otherwise keep the handle as a zombie.
    m_cache.clear();
    if (m_db != nullptr) {
        {
            const std::lock_guard lock(g_failedMutex);
            g_failed.erase(m_db);
        }
        sqlite3_close_v2(m_db);
    }
    m_db = nullptr;
}

void Connection::notePageFailure(sqlite3* db)
{
    const std::lock_guard lock(g_failedMutex);
    g_failed.insert(db);
}

bool Connection::pageFailed() const
{
    const std::lock_guard lock(g_failedMutex);
    return m_db != nullptr && g_failed.count(m_db) != 0;
}

sqlite3* Connection::openHandle(const std::filesystem::path& path, int flags)
{
    sqlite3* db = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE, nullptr);
    if (rc != SQLITE_OK) {
        const DatabaseError error =
            db != nullptr ? DatabaseError::fromConnection(db, QT_TRANSLATE_NOOP("fe::Error", "opening the database"))
                          : DatabaseError::fromSqlite(rc, nullptr, QT_TRANSLATE_NOOP("fe::Error", "opening the database"));
        sqlite3_close_v2(db);
        throw error;
    }
    sqlite3_extended_result_codes(db, 1);
    // Before the first statement: the key check and the first read (schema load, WAL mode) take
    // a read lock, which meets another process's commit or checkpoint; without a busy handler
    // SQLite answers that at once with "database is locked" instead of waiting.
    sqlite3_busy_timeout(db, static_cast<int>(constants::kBusyTimeout.count()));
    // Defensive mode: no SQL can corrupt the file through writable_schema, sqlite_dbpage or
    // shadow tables, or switch the journal off (docs/storage.md, "The SQLCipher build").
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    return db;
}

void Connection::applyCipherFormat(std::string_view schema, CipherFormat format)
{
    const std::string prefix = schema.empty() ? std::string() : std::string(schema) + ".";
    // cipher_compatibility pins every setting of a SQLCipher major version (HMAC and KDF
    // algorithms, page size), so a later SQLCipher with other defaults still reads our files.
    // The page size is the same in both formats and set explicitly after it (compatibility 3
    // would otherwise mean 1 KiB pages): it must be given on every open, the header being
    // encrypted.
    exec("PRAGMA " + prefix + "cipher_compatibility = " + (format == CipherFormat::Current ? "4" : "3") + ";" +
         "PRAGMA " + prefix + "cipher_page_size = " + std::to_string(constants::kCipherPageSize) + ";");
}

Connection Connection::openKeyed(const std::filesystem::path& path, const SecretBytes& key, CipherFormat format,
                                 Mode mode)
{
    if (key.size() != constants::kDatabaseKeyBytes)
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A database key must be %1 bytes."),
                    {std::to_string(constants::kDatabaseKeyBytes)});
    const int flags = SQLITE_OPEN_READWRITE | (mode == Mode::Create ? SQLITE_OPEN_CREATE : 0);
    Connection c(openHandle(path, flags), path);

    const SecretBytes literal = rawKeyLiteral(key);
    if (sqlite3_key_v2(c.m_db, "main", literal.data(), static_cast<int>(literal.size())) != SQLITE_OK)
        throwFrom(c.m_db, QT_TRANSLATE_NOOP("fe::Error", "setting the database key"));

    // Before the first page is read: the format is not stored in the clear.
    c.applyCipherFormat({}, format);
    // Proof that this is SQLCipher and not a plain SQLite that ignored the key: an empty
    // cipher_version means every byte would be written in the clear.
    const auto cipher = c.queryText("PRAGMA cipher_version");
    if (!cipher || cipher->empty())
        throw Error(
            ErrorCode::Internal,
            QT_TRANSLATE_NOOP("fe::Error", "This build is linked against SQLite without SQLCipher; refusing to open %1."),
            {path.string()});
    // The first read decrypts page 1: a wrong key, another format or a foreign file fails
    // here (NOTADB).
    c.queryInt("SELECT count(*) FROM sqlite_master");
    return c;
}

Connection Connection::openEncrypted(const std::filesystem::path& path, const SecretBytes& key, Mode mode,
                                     CipherFormat format)
{
    Connection c = openKeyed(path, key, format, mode);
    // See docs/storage.md for why each of these.
    const auto journal = c.queryText("PRAGMA journal_mode = WAL");
    if (!journal || *journal != "wal")
        throw Error(ErrorCode::Database, QT_TRANSLATE_NOOP("fe::Error", "The database %1 could not be switched to WAL mode."),
                    {path.string()});
    c.exec("PRAGMA synchronous = FULL;"
           "PRAGMA foreign_keys = ON;"
           "PRAGMA secure_delete = ON;"
           "PRAGMA temp_store = MEMORY;");
    return c;
}

Connection Connection::openWithoutKey(const std::filesystem::path& path)
{
    return {openHandle(path, SQLITE_OPEN_READWRITE), path};
}

void Connection::exec(std::string_view sql)
{
    // sqlite3_exec wants a NUL-terminated string.
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        if ((sqlite3_extended_errcode(m_db) & 0xff) == SQLITE_CORRUPT)
            notePageFailure(m_db);
        const std::string m = message != nullptr ? message : sqlite3_errmsg(m_db);
        sqlite3_free(message);
        throw DatabaseError::fromSqlite(sqlite3_extended_errcode(m_db), m.c_str(),
                                        QT_TRANSLATE_NOOP("fe::Error", "running SQL"), sqlite3_system_errno(m_db));
    }
}

Statement Connection::prepare(std::string_view sql)
{
    return {m_db, sql};
}

Statement& Connection::cached(std::string_view sql)
{
    auto it = m_cache.find(std::string(sql));
    if (it == m_cache.end())
        it = m_cache.emplace(std::string(sql), std::make_unique<Statement>(m_db, sql)).first;
    it->second->reset();
    return *it->second;
}

std::optional<std::string> Connection::queryText(std::string_view sql)
{
    Statement s(m_db, sql);
    if (!s.step())
        return std::nullopt;
    return s.optText(0);
}

std::optional<std::int64_t> Connection::queryInt(std::string_view sql)
{
    Statement s(m_db, sql);
    if (!s.step())
        return std::nullopt;
    return s.optInt64(0);
}

std::int64_t Connection::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Connection::changes() const
{
    return sqlite3_changes(m_db);
}

bool Connection::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

void Connection::rekey(const SecretBytes& newKey)
{
    if (newKey.size() != constants::kDatabaseKeyBytes)
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A database key must be %1 bytes."),
                    {std::to_string(constants::kDatabaseKeyBytes)});
    // Prepared statements hold read cursors that the rekey transaction must not race.
    m_cache.clear();
    const SecretBytes literal = rawKeyLiteral(newKey);
    if (sqlite3_rekey_v2(m_db, "main", literal.data(), static_cast<int>(literal.size())) != SQLITE_OK)
        throwFrom(m_db, QT_TRANSLATE_NOOP("fe::Error", "rotating the database key"));
    // SQLCipher has reported some failed rekeys only through the connection's state (3.4 did
    // for a failed transaction): a read proves that the new key opens every page it touches.
    queryInt("SELECT count(*) FROM sqlite_master");
}

void Connection::attachEncrypted(const std::filesystem::path& path, std::string_view schema, const SecretBytes& key,
                                 CipherFormat format, std::span<const unsigned char> salt)
{
    if (key.size() != constants::kDatabaseKeyBytes)
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A database key must be %1 bytes."),
                    {std::to_string(constants::kDatabaseKeyBytes)});
    if (!salt.empty() && salt.size() != constants::kCipherSaltBytes)
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A database salt must be %1 bytes."),
                    {std::to_string(constants::kCipherSaltBytes)});
    // The key as a bound parameter straight from the guarded heap, never in the SQL text.
    const SecretBytes literal = rawKeyLiteral(key, salt);
    Statement attach(m_db, "ATTACH DATABASE ?1 AS " + std::string(schema) + " KEY ?2");
    attach.bind(1, path.string()).bindBlobNoCopy(2, {literal.data(), literal.size()});
    attach.run();
    applyCipherFormat(schema, format);
}

CheckpointResult Connection::checkpointTruncate()
{
    int log = 0;
    int checkpointed = 0;
    const int rc = sqlite3_wal_checkpoint_v2(m_db, "main", SQLITE_CHECKPOINT_TRUNCATE, &log, &checkpointed);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        throwFrom(m_db, QT_TRANSLATE_NOOP("fe::Error", "checkpointing the write-ahead log"));
    CheckpointResult r;
    r.walFrames = log;
    r.checkpointedFrames = checkpointed;
    r.complete = rc == SQLITE_OK;
    return r;
}

} // namespace fe::store
