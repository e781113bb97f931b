#pragma once

#include "store/AuditLog.h"
#include "store/Records.h"
#include "store/Roles.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {

class SecretBytes;
struct SessionState;

// Facts about the open store, for diagnostics (faceenroll-cli store-info).
struct StoreInfo
{
    std::string databaseId;
    std::string localStationId;
    int schemaVersion = 0;
    std::string cipherVersion; // SQLCipher's PRAGMA cipher_version
    std::string sqliteVersion; // the SQLite inside SQLCipher
    int pageSize = 0;
    std::string journalMode;
    std::int64_t enrollments = 0;
    std::int64_t users = 0;
    std::int64_t auditEntries = 0;
};

struct IntegrityReport
{
    bool ok = false;
    std::string message; // "ok" or SQLite's first complaint
};

// An unlocked store, as one logged-in user: what the CLI, core/enroll and the GUI work
// through. Obtained from Store::unlock (or Store::recover).
//
// Every call first checks the idle lock, then the user's role (Permission), and throws
// fe::Error(Locked) or fe::Error(PermissionDenied) before touching anything; a refusal is
// itself audited. Every change runs in one transaction together with its audit rows. Errors
// are fe::Error (DatabaseError for SQLCipher failures) with ids only, never personal data.
//
// Not thread-safe: one Session per thread (it owns one SQLCipher connection). Movable.
// The destructor logs out (audited) if logout() was not called, and never throws.
class Session
{
public:
    explicit Session(std::unique_ptr<SessionState> state);
    ~Session();
    Session(Session&& other) noexcept;
    Session& operator=(Session&& other) noexcept;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    [[nodiscard]] const User& user() const;
    [[nodiscard]] bool can(Permission permission) const;
    // Throws PermissionDenied (and audits the refusal) unless the user's role allows it.
    void require(Permission permission);

    // --- idle lock -------------------------------------------------------------------------
    // After idleTimeout() without a call the session locks: the connection is closed and the
    // key wiped; calls throw Locked until resume() with the same user's password.
    [[nodiscard]] std::chrono::milliseconds idleTimeout() const;
    [[nodiscard]] bool isLocked() const;
    // Time left before the idle lock; zero when locked. For the UI's countdown; not activity.
    [[nodiscard]] std::chrono::milliseconds idleRemaining() const;
    void lock();
    // Activity the UI saw (input events) that did not reach the store: the idle lock counts
    // from the user's last input, not only from the last store call. No effect once the idle
    // time has run out (the next call locks, as without touch()) or when locked.
    void touch() noexcept;
    void resume(const SecretBytes& password);
    void logout() noexcept;

    // --- users (ManageUsers, except changeOwnPassword) --------------------------------------
    User addUser(std::string_view name, Role role, const SecretBytes& password);
    std::vector<User> listUsers();
    // Removes the user's key slot: their password no longer opens anything. Refuses to
    // disable the last active admin, or oneself.
    void disableUser(std::string_view name);
    void changeOwnPassword(const SecretBytes& newPassword);
    void resetPassword(std::string_view name, const SecretBytes& newPassword);

    // --- enrollments -------------------------------------------------------------------------
    // Enroll. Returns the id. The status follows the flags (PendingReview when any, else
    // Accepted and queued for upload); every flag is audited.
    std::string insertEnrollment(const Enrollment& enrollment);
    // Several in one transaction (imports, tests, benchmark fixtures).
    std::vector<std::string> insertEnrollments(const std::vector<Enrollment>& enrollments);
    // ViewAllEnrollments, or ViewOwnEnrollmentsToday for the operator's own from today.
    Enrollment getEnrollment(std::string_view id);
    // Metadata only. An operator always gets their own enrollments of today, whatever the
    // filter says.
    std::vector<EnrollmentSummary> listEnrollments(const EnrollmentFilter& filter = {});
    std::vector<EnrollmentSummary> reviewQueue();
    // MatchGallery: every face template with the fields duplicate checks need.
    std::vector<GalleryEntry> galleryTemplates();
    // MatchGallery, streamed: each row is a view valid only during the call (no copy per
    // template). What the gallery rebuild at unlock uses.
    void forEachGalleryTemplate(const std::function<void(const GalleryRow&)>& visit);
    // MatchGallery. Subject fields are left empty unless the role may view all enrollments.
    std::vector<EnrollmentSummary> findByDocumentNumber(std::string_view documentType,
                                                        std::string_view number);
    std::vector<EnrollmentSummary> findByPhone(std::string_view phone);
    // Enroll: the customer refused consent; the session ended with nothing stored. The audit
    // row names no one (no object id): it records that a refusal happened, and by which user.
    void recordConsentRefused();
    // Enroll: an enrollment in progress was discarded before it was saved (the operator
    // cancelled, or the station locked); nothing was stored. Like a refusal, the audit row
    // names no one; the outcome says why ("cancelled", "locked", "logout").
    void recordEnrollmentAbandoned(std::string_view why);
    // Review: only for PendingReview enrollments (Conflict otherwise).
    void recordReview(std::string_view id, ReviewOutcome outcome, std::string_view reason);

    // --- outbox (for core/sync) --------------------------------------------------------------
    std::vector<std::string> uploadQueue(std::size_t limit = 0);       // Export or Upload
    void markExported(std::string_view id, std::string_view bundleId); // Export
    void markUploaded(std::string_view id, std::string_view bundleId); // Upload
    void recordReceipt(std::string_view id, const Receipt& receipt);   // Upload
    // Import: audit the arrival of a bundle from another station.
    void recordImport(std::string_view bundleId, std::string_view outcome);

    // --- retention ---------------------------------------------------------------------------
    // Purge; afterwards wal_checkpoint(TRUNCATE) so no old page survives in the WAL.
    PurgeReport purge(PurgeMode mode = PurgeMode::RetentionPeriod);
    // Erase: subject erasure of an enrollment not yet exported or uploaded (Conflict after).
    void eraseEnrollment(std::string_view id);

    // --- settings ------------------------------------------------------------------------------
    // Any role may read (operators need the thresholds). Writing needs ManageSettings, or
    // ManageThresholds for "threshold.*". Known keys: retention.days,
    // session.idle_timeout_minutes, station.name, threshold.<name>.
    std::optional<std::string> setting(std::string_view key);
    std::map<std::string, std::string> settings();
    void setSetting(std::string_view key, std::string_view value);

    // --- audit ---------------------------------------------------------------------------------
    AuditVerification verifyAudit();                                                       // VerifyAudit
    std::vector<AuditEntry> auditEntries(std::int64_t fromSeq = 1, std::size_t limit = 0); // VerifyAudit
    IntegrityReport checkIntegrity();                                                      // VerifyAudit
    StoreInfo info();                                                                      // VerifyAudit

    // --- keys ----------------------------------------------------------------------------------
    // RotateKeys: a new random database key (SQLCipher rekey), re-wrapped for every slot
    // (user and recovery) without their passwords. Crash-safe: see docs/storage.md.
    void rekey();

private:
    void ensureActive();
    // Audits the lock (outcome "idle" or "manual"), closes the connection, wipes the key.
    void lockNow(const char* outcome) noexcept;
    void audit(AuditAction action, std::string_view objectId, std::string_view outcome);
    [[nodiscard]] TimePoint now() const;
    void rewriteOwnSlot(std::string_view userId, std::string_view userName, const SecretBytes& newPassword,
                        std::string_view outcome);

    std::unique_ptr<SessionState> m_state;
};

} // namespace fe::store
