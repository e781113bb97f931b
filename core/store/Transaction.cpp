#include "store/Transaction.h"

#include "common/Error.h"
#include "store/Connection.h"

#include <sqlcipher/sqlite3.h>

namespace fe::store {

Transaction::Transaction(Connection& connection, Mode mode) : m_connection(connection)
{
    if (connection.inTransaction())
        throw Error(ErrorCode::Internal, QT_TRANSLATE_NOOP("fe::Error", "Nested transactions are not supported."));
    connection.exec(mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::Transaction(Transaction&& other) noexcept : m_connection(other.m_connection), m_done(other.m_done)
{
    other.m_done = true; // the moved-from object neither commits nor rolls back
}

Transaction::~Transaction()
{
    if (m_done || !m_connection.isOpen())
        return;
    // SQLite may already have rolled back (after SQLITE_FULL, for example); only roll back
    // what is still open, and never throw from here.
    if (m_connection.inTransaction())
        sqlite3_exec(m_connection.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    m_connection.exec("COMMIT");
    m_done = true;
}

} // namespace fe::store
