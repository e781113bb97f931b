#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fe::store {

// A prepared SQLCipher statement (RAII: finalized in the destructor, which never throws).
// Parameters are numbered from 1, columns from 0, as in SQLite. Errors throw DatabaseError
// with SQLite's message. Not thread-safe: use it on the thread of its Connection.
class Statement
{
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& bind(int index, double value);
    // Text and blobs are copied by SQLite, so the argument may go away before step().
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bindBlob(int index, std::span<const unsigned char> bytes);
    // No copy: bytes must stay alive and unchanged until the statement is reset (large images).
    Statement& bindBlobNoCopy(int index, std::span<const unsigned char> bytes);
    Statement& bindNull(int index);
    template <typename T> Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Runs to the next row: true when a row is available, false when done.
    bool step();
    // For statements that return no rows; throws if one does.
    void run();
    // Ready to run again, bindings cleared.
    void reset() noexcept;

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] int int32(int column) const { return static_cast<int>(int64(column)); }
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::optional<std::string> optText(int column) const;
    [[nodiscard]] std::optional<std::int64_t> optInt64(int column) const;
    [[nodiscard]] std::vector<unsigned char> blob(int column) const;
    // The column's bytes without a copy: valid until the next step(), reset() or column read.
    [[nodiscard]] std::span<const unsigned char> blobView(int column) const;
    [[nodiscard]] int columnCount() const;

    [[nodiscard]] sqlite3_stmt* handle() const noexcept { return m_stmt; }

    // Resets a (cached) statement when the scope ends, also when an exception leaves it: a
    // statement left mid-result keeps a read snapshot open, which would stop
    // wal_checkpoint(TRUNCATE) from emptying the WAL.
    class ResetOnExit
    {
    public:
        explicit ResetOnExit(Statement& s) noexcept : m_s(s) {}
        ~ResetOnExit() { m_s.reset(); }
        ResetOnExit(const ResetOnExit&) = delete;
        ResetOnExit& operator=(const ResetOnExit&) = delete;

    private:
        Statement& m_s;
    };

private:
    [[noreturn]] void fail(int rc, const char* what) const;

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace fe::store
