#include "store/Statement.h"

#include "store/Connection.h"
#include "store/DatabaseError.h"

#include <sqlcipher/sqlite3.h>
#include <utility>

namespace fe::store {

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        throw DatabaseError::fromConnection(db, QT_TRANSLATE_NOOP("fe::Error", "preparing a statement"));
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr))
{}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

void Statement::fail(int rc, const char* what) const
{
    (void)rc;
    throw DatabaseError::fromConnection(m_db, what);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    if (const int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        fail(rc, QT_TRANSLATE_NOOP("fe::Error", "binding a parameter"));
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    if (const int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK)
        fail(rc, QT_TRANSLATE_NOOP("fe::Error", "binding a parameter"));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    const int rc =
        sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        fail(rc, QT_TRANSLATE_NOOP("fe::Error", "binding a parameter"));
    return *this;
}

Statement& Statement::bindBlob(int index, std::span<const unsigned char> bytes)
{
    // A zero-length blob is still a blob, not NULL: SQLite needs a non-null pointer for that.
    static const unsigned char empty = 0;
    const void* data = bytes.empty() ? &empty : bytes.data();
    const int rc = sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        fail(rc, QT_TRANSLATE_NOOP("fe::Error", "binding a parameter"));
    return *this;
}

Statement& Statement::bindBlobNoCopy(int index, std::span<const unsigned char> bytes)
{
    static const unsigned char empty = 0;
    const void* data = bytes.empty() ? &empty : bytes.data();
    const int rc = sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(bytes.size()), SQLITE_STATIC);
    if (rc != SQLITE_OK)
        fail(rc, QT_TRANSLATE_NOOP("fe::Error", "binding a parameter"));
    return *this;
}

Statement& Statement::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        fail(rc, QT_TRANSLATE_NOOP("fe::Error", "binding a parameter"));
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // Read the error before reset() clears it.
    const DatabaseError error = DatabaseError::fromConnection(m_db, QT_TRANSLATE_NOOP("fe::Error", "running a statement"));
    if (error.primaryCode() == SQLITE_CORRUPT)
        Connection::notePageFailure(m_db);
    sqlite3_reset(m_stmt);
    throw error;
}

void Statement::run()
{
    if (step()) {
        sqlite3_reset(m_stmt);
        throw Error(ErrorCode::Internal,
                    QT_TRANSLATE_NOOP("fe::Error", "A statement that should return nothing returned a row."));
    }
}

void Statement::reset() noexcept
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto* p = sqlite3_column_text(m_stmt, column);
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p == nullptr ? std::string()
                        : std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

std::optional<std::string> Statement::optText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

std::vector<unsigned char> Statement::blob(int column) const
{
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    if (p == nullptr || n <= 0)
        return {};
    return {p, p + n};
}

std::span<const unsigned char> Statement::blobView(int column) const
{
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    if (p == nullptr || n <= 0)
        return {};
    return {p, static_cast<std::size_t>(n)};
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

} // namespace fe::store
