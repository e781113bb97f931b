#include "store/DatabaseError.h"

#include <cerrno>
#include <sqlcipher/sqlite3.h>

namespace fe::store {

DatabaseError::DatabaseError(ErrorCode code, const char* textTemplate, std::vector<std::string> args,
                             int sqliteCode)
    : Error(code, textTemplate, args), m_sqliteCode(sqliteCode),
      m_sqliteMessage(args.size() > 1 ? args[1] : std::string())
{}

DatabaseError DatabaseError::fromConnection(sqlite3* db, const std::string& context)
{
    return fromSqlite(sqlite3_extended_errcode(db), sqlite3_errmsg(db), context, sqlite3_system_errno(db));
}

DatabaseError DatabaseError::fromSqlite(int extendedCode, const char* message, const std::string& context,
                                        int systemErrno)
{
    std::vector<std::string> args{context, message != nullptr ? message : sqlite3_errstr(extendedCode)};
    if ((extendedCode & 0xff) == SQLITE_IOERR && (systemErrno == ENOSPC || systemErrno == EDQUOT))
        extendedCode = SQLITE_FULL;
    switch (extendedCode & 0xff) {
    case SQLITE_FULL:
        return {ErrorCode::DiskFull, QT_TRANSLATE_NOOP("fe::Error", "The disk is full (%1; SQLite: %2)."), std::move(args),
                extendedCode};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        // SQLCipher reports a page whose HMAC does not verify as SQLITE_CORRUPT, and a wrong
        // key or a foreign file as SQLITE_NOTADB: either way no data came out of it.
        return {ErrorCode::Corrupt,
                QT_TRANSLATE_NOOP("fe::Error", "The database is damaged or was altered (%1; SQLite: %2); no data was returned "
                              "from the damaged part."),
                std::move(args), extendedCode};
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return {ErrorCode::Io,
                QT_TRANSLATE_NOOP("fe::Error", "The database files could not be read or written (%1; SQLite: %2)."),
                std::move(args), extendedCode};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {
            ErrorCode::Database,
            QT_TRANSLATE_NOOP("fe::Error", "The database is busy: another FaceEnroll process is writing (%1; SQLite: %2)."),
            std::move(args), extendedCode};
    case SQLITE_CONSTRAINT:
        return {ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "The change conflicts with stored data (%1; SQLite: %2)."),
                std::move(args), extendedCode};
    default:
        return {ErrorCode::Database, QT_TRANSLATE_NOOP("fe::Error", "The database reported an error (%1; SQLite: %2)."),
                std::move(args), extendedCode};
    }
}

} // namespace fe::store
