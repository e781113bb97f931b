#pragma once

#include "common/Error.h"

struct sqlite3;

namespace fe::store {

// A failure reported by SQLCipher, as a typed fe::Error: the code says what the caller can do
// (DiskFull, Corrupt when a page fails its HMAC, Io, Database), the text names the operation
// and carries SQLite's own message. Never carries data from the rows involved.
class DatabaseError : public Error
{
public:
    DatabaseError(ErrorCode code, const char* textTemplate, std::vector<std::string> args, int sqliteCode);

    // extendedCode: sqlite3_extended_errcode(); message: sqlite3_errmsg(); context: what we
    // were doing, e.g. "inserting an enrollment" (no personal data); systemErrno:
    // sqlite3_system_errno(), which tells a full disk apart from other I/O errors (SQLite
    // reports ENOSPC while growing the WAL index as a plain I/O error).
    static DatabaseError fromSqlite(int extendedCode, const char* message, const std::string& context,
                                    int systemErrno = 0);
    // The same, reading code, message and errno from the connection.
    static DatabaseError fromConnection(sqlite3* db, const std::string& context);

    [[nodiscard]] int sqliteCode() const noexcept { return m_sqliteCode; }
    [[nodiscard]] int primaryCode() const noexcept { return m_sqliteCode & 0xff; }
    [[nodiscard]] const std::string& sqliteMessage() const noexcept { return m_sqliteMessage; }

private:
    int m_sqliteCode;
    std::string m_sqliteMessage;
};

} // namespace fe::store
