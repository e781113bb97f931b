#pragma once

namespace fe::store {

class Connection;

// A transaction that rolls back in its destructor unless commit() ran (the destructor never
// throws). Immediate by default: the write lock is taken at BEGIN, so a transaction that
// reads the audit chain's tail and then appends to it cannot interleave with another
// process. Not nestable; not thread-safe (like its Connection).
class Transaction
{
public:
    enum class Mode
    {
        Deferred,
        Immediate
    };

    explicit Transaction(Connection& connection, Mode mode = Mode::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    // Moving hands the open transaction over (what a function that begins one returns).
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;

    void commit();
    [[nodiscard]] bool committed() const noexcept { return m_done; }

private:
    Connection& m_connection;
    bool m_done = false;
};

} // namespace fe::store
