#include "store/AuditLog.h"

#include "common/Error.h"
#include "store/Connection.h"
#include "store/SecretBytes.h"

#include <algorithm>
#include <sodium.h>

namespace fe::store {

const char* auditActionName(AuditAction action) noexcept
{
    switch (action) {
    case AuditAction::StoreInitialized:
        return "store_initialized";
    case AuditAction::SchemaMigrated:
        return "schema_migrated";
    case AuditAction::Login:
        return "login";
    case AuditAction::LoginFailed:
        return "login_failed";
    case AuditAction::Lockout:
        return "lockout";
    case AuditAction::Logout:
        return "logout";
    case AuditAction::IdleLock:
        return "idle_lock";
    case AuditAction::AccessDenied:
        return "access_denied";
    case AuditAction::EnrollmentCreated:
        return "enrollment_created";
    case AuditAction::FlagRaised:
        return "flag_raised";
    case AuditAction::ReviewDecision:
        return "review_decision";
    case AuditAction::Export:
        return "export";
    case AuditAction::Import:
        return "import";
    case AuditAction::Upload:
        return "upload";
    case AuditAction::Receipt:
        return "receipt";
    case AuditAction::Purge:
        return "purge";
    case AuditAction::Erasure:
        return "erasure";
    case AuditAction::UserAdded:
        return "user_added";
    case AuditAction::UserDisabled:
        return "user_disabled";
    case AuditAction::PasswordChanged:
        return "password_changed";
    case AuditAction::SettingChanged:
        return "setting_changed";
    case AuditAction::KeyRotation:
        return "key_rotation";
    case AuditAction::Recovery:
        return "recovery";
    case AuditAction::ConsentRefused:
        return "consent_refused";
    case AuditAction::EnrollmentAbandoned:
        return "enrollment_abandoned";
    case AuditAction::CipherMigrated:
        return "cipher_migrated";
    }
    return "unknown";
}

namespace {

void updateField(crypto_hash_sha256_state& st, std::string_view s)
{
    unsigned char len[4];
    const auto n = static_cast<std::uint32_t>(s.size());
    for (int i = 0; i < 4; ++i)
        len[i] = static_cast<unsigned char>(n >> (24 - 8 * i));
    crypto_hash_sha256_update(&st, len, sizeof len);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

void updateInt(crypto_hash_sha256_state& st, std::int64_t v)
{
    unsigned char b[8];
    const auto u = static_cast<std::uint64_t>(v);
    for (int i = 0; i < 8; ++i)
        b[i] = static_cast<unsigned char>(u >> (56 - 8 * i));
    crypto_hash_sha256_update(&st, b, sizeof b);
}

} // namespace

AuditLog::AuditLog(Connection& db, std::string databaseId) : m_db(db), m_databaseId(std::move(databaseId)) {}

std::array<unsigned char, 32> AuditLog::genesis(std::string_view databaseId)
{
    ensureSodium();
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    updateField(st, "faceenroll/audit/v1");
    updateField(st, databaseId);
    std::array<unsigned char, 32> out{};
    crypto_hash_sha256_final(&st, out.data());
    return out;
}

std::array<unsigned char, 32> AuditLog::chain(const std::array<unsigned char, 32>& previous, std::int64_t seq,
                                              const AuditEvent& event)
{
    ensureSodium();
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, previous.data(), previous.size());
    updateInt(st, seq);
    updateInt(st, toMillis(event.time));
    updateField(st, event.actor);
    updateField(st, event.action);
    updateField(st, event.objectId);
    updateField(st, event.outcome);
    std::array<unsigned char, 32> out{};
    crypto_hash_sha256_final(&st, out.data());
    return out;
}

std::int64_t AuditLog::append(const AuditEvent& event)
{
    if (!m_db.inTransaction())
        throw Error(ErrorCode::Internal,
                    QT_TRANSLATE_NOOP("fe::Error", "Audit rows are appended inside a write transaction."));
    std::int64_t seq = 1;
    std::array<unsigned char, 32> previous = genesis(m_databaseId);
    {
        auto& tail = m_db.cached("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
        const Statement::ResetOnExit guard(tail);
        if (tail.step()) {
            seq = tail.int64(0) + 1;
            const auto h = tail.blob(1);
            if (h.size() != previous.size())
                throw Error(ErrorCode::Corrupt, QT_TRANSLATE_NOOP("fe::Error", "The last audit row (%1) holds no valid hash."),
                            {std::to_string(seq - 1)});
            std::copy(h.begin(), h.end(), previous.begin());
        }
    }
    const auto hash = chain(previous, seq, event);
    auto& insert = m_db.cached("INSERT INTO audit (seq, time, actor, action, object_id, outcome, hash) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    const Statement::ResetOnExit guard(insert);
    insert.bind(1, seq)
        .bind(2, toMillis(event.time))
        .bind(3, event.actor)
        .bind(4, event.action)
        .bind(5, event.objectId)
        .bind(6, event.outcome)
        .bindBlob(7, hash);
    insert.run();
    return seq;
}

AuditVerification AuditLog::verify()
{
    AuditVerification result;
    auto previous = genesis(m_databaseId);
    std::int64_t expectedSeq = 1;
    Statement rows =
        m_db.prepare("SELECT seq, time, actor, action, object_id, outcome, hash FROM audit ORDER BY seq");
    while (rows.step()) {
        ++result.entries;
        if (!result.valid)
            continue; // keep counting
        const std::int64_t seq = rows.int64(0);
        AuditEvent e;
        e.time = fromMillis(rows.int64(1));
        e.actor = rows.text(2);
        e.action = rows.text(3);
        e.objectId = rows.text(4);
        e.outcome = rows.text(5);
        const auto stored = rows.blob(6);
        const auto fail = [&](const char* textTemplate, std::vector<std::string> args) {
            result.valid = false;
            result.firstBroken = seq;
            result.reasonTemplate = textTemplate;
            result.reason = Error::format(textTemplate, args);
            result.reasonArgs = std::move(args);
        };
        if (seq != expectedSeq) {
            fail(QT_TRANSLATE_NOOP("fe::Error", "Row %1 follows row %2: rows are missing or were inserted."),
                 {std::to_string(seq), std::to_string(expectedSeq - 1)});
            continue;
        }
        const auto computed = chain(previous, seq, e);
        if (stored.size() != computed.size() ||
            sodium_memcmp(stored.data(), computed.data(), computed.size()) != 0) {
            fail(QT_TRANSLATE_NOOP("fe::Error", "Row %1 does not match its hash: it was changed after it was written."),
                 {std::to_string(seq)});
            continue;
        }
        previous = computed;
        ++expectedSeq;
    }
    return result;
}

std::vector<AuditEntry> AuditLog::entries(std::int64_t fromSeq, std::size_t limit)
{
    Statement rows = m_db.prepare("SELECT seq, time, actor, action, object_id, outcome, hash FROM audit "
                                  "WHERE seq >= ?1 ORDER BY seq LIMIT ?2");
    rows.bind(1, fromSeq).bind(2, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
    std::vector<AuditEntry> out;
    while (rows.step()) {
        AuditEntry e;
        e.seq = rows.int64(0);
        e.event.time = fromMillis(rows.int64(1));
        e.event.actor = rows.text(2);
        e.event.action = rows.text(3);
        e.event.objectId = rows.text(4);
        e.event.outcome = rows.text(5);
        const auto h = rows.blob(6);
        if (h.size() == e.hash.size())
            std::copy(h.begin(), h.end(), e.hash.begin());
        out.push_back(std::move(e));
    }
    return out;
}

std::int64_t AuditLog::count()
{
    return m_db.queryInt("SELECT count(*) FROM audit").value_or(0);
}

bool AuditLog::appendOnce(std::string_view eventId, const AuditEvent& event)
{
    {
        auto& q = m_db.cached("SELECT 1 FROM key_file_events WHERE event_id = ?1");
        const Statement::ResetOnExit guard(q);
        q.bind(1, eventId);
        if (q.step())
            return false;
    }
    const std::int64_t seq = append(event);
    auto& q = m_db.cached("INSERT INTO key_file_events (event_id, audit_seq) VALUES (?1, ?2)");
    const Statement::ResetOnExit guard(q);
    q.bind(1, eventId).bind(2, seq);
    q.run();
    return true;
}

bool AuditLog::contains(const AuditEvent& event)
{
    auto& q = m_db.cached(
        "SELECT 1 FROM audit WHERE time = ?1 AND action = ?2 AND object_id = ?3 AND outcome = ?4");
    const Statement::ResetOnExit guard(q);
    q.bind(1, toMillis(event.time)).bind(2, event.action).bind(3, event.objectId).bind(4, event.outcome);
    return q.step();
}

} // namespace fe::store
