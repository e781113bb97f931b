#pragma once

#include "store/Clock.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {

class Connection;

// What the audit log records (issue 3). Stored by name (auditActionName).
enum class AuditAction
{
    StoreInitialized,
    SchemaMigrated,
    Login,
    LoginFailed,
    Lockout,
    Logout,
    IdleLock,
    AccessDenied,
    EnrollmentCreated,
    FlagRaised,
    ReviewDecision,
    Export,
    Import,
    Upload,
    Receipt,
    Purge,
    Erasure,
    UserAdded,
    UserDisabled,
    PasswordChanged,
    SettingChanged,
    KeyRotation,
    Recovery,
    ConsentRefused,
    CipherMigrated,      // the database was brought from SQLCipher 3 to the current format
    EnrollmentAbandoned, // an enrollment in progress was discarded unsaved (cancel, lock, logout)
};

const char* auditActionName(AuditAction action) noexcept;

// One row's content. Ids and codes only: the actor is a user id, the object an enrollment
// id, user id, setting key or version; never a name, document or phone number.
struct AuditEvent
{
    TimePoint time{};
    std::string actor;
    std::string action;
    std::string objectId;
    std::string outcome;
};

struct AuditEntry
{
    std::int64_t seq = 0;
    AuditEvent event;
    std::array<unsigned char, 32> hash{};
};

struct AuditVerification
{
    std::int64_t entries = 0;
    bool valid = true;
    std::optional<std::int64_t> firstBroken; // seq of the first row that fails
    // Why it fails: a QT_TRANSLATE_NOOP("fe::Error", ...) template with its arguments (for translation), and the
    // English text filled in.
    const char* reasonTemplate = "";
    std::vector<std::string> reasonArgs;
    std::string reason;
};

// The append-only, hash-chained audit log: row n stores
//   hash_n = SHA-256(hash_(n-1) || seq_n || time_n || actor || action || object id || outcome)
// (fields length-prefixed), with hash_0 = SHA-256("faceenroll/audit/v1" || database id), so
// the chain also belongs to one database. Editing, deleting or inserting a row anywhere but
// at the end breaks every later hash; verify() names the first row that fails.
// append() must run inside the caller's write transaction (the tail is read under the write
// lock). Thread-safety: as the Connection.
class AuditLog
{
public:
    AuditLog(Connection& db, std::string databaseId);

    std::int64_t append(const AuditEvent& event);
    [[nodiscard]] AuditVerification verify();
    [[nodiscard]] std::vector<AuditEntry> entries(std::int64_t fromSeq, std::size_t limit);
    [[nodiscard]] std::int64_t count();
    // True when an identical (time, action, object, outcome) row exists. Only for key-file
    // events written before events had ids (two failures in one millisecond look identical).
    [[nodiscard]] bool contains(const AuditEvent& event);
    // Key-file events (failed logins) carry a unique id: appendOnce() appends the row unless an
    // earlier login already did (a replay after an interrupted login), and records the id in
    // the same transaction. Returns whether it appended.
    bool appendOnce(std::string_view eventId, const AuditEvent& event);

    static std::array<unsigned char, 32> genesis(std::string_view databaseId);
    static std::array<unsigned char, 32> chain(const std::array<unsigned char, 32>& previous,
                                               std::int64_t seq, const AuditEvent& event);

private:
    Connection& m_db;
    std::string m_databaseId;
};

} // namespace fe::store
