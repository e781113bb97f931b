#pragma once

#include "store/AuditLog.h"
#include "store/Records.h"
#include "store/Roles.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {

class AuditLog;
class Connection;
class EnrollmentRepository;
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
// Not thread-safe: one Session per thread (it owns one SQLCipher connection). Movable. A
// worker thread gets its own session from openWorker() (no second password prompt); the GUI
// keeps this one on the UI thread. The destructor logs out (audited) if logout() was not
// called, and never throws.
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
    void resume(const SecretBytes& password);
    void logout() noexcept;

    // "Now" from the store's clock (StoreOptions::clock, which tests move): what records such
    // as the consent time use. No activity, no checks.
    [[nodiscard]] TimePoint currentTime() const;

    // --- worker sessions ------------------------------------------------------------------------
    // A second session of the same user on a connection of its own, for one worker thread
    // (the match index loader, later the uploader): it shares the unlocked key, so no password
    // is asked again; it has the same role, and its calls are audited as this user's (a
    // "login" row with outcome "worker", a "logout" row when it ends). It has no idle lock of
    // its own: it ends when this session locks (idle or manual) or logs out — its next call
    // throws Locked, and its connection and key copy are dropped then. Call openWorker() on
    // this session's thread, then move the worker to its thread and use it only there. The
    // worker calls the store's clock (StoreOptions::clock) on its thread: the clock must be
    // thread-safe then (systemNow is). The owner's idle deadline counts from its own last call:
    // a worker does not keep the station unlocked. Throws Locked when this session is locked,
    // InvalidArgument on a worker.
    Session openWorker();

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
    // Accepted and queued for upload); every flag is audited. Inside the write transaction the
    // acting user must still be active (an operator disabled meanwhile stores nothing:
    // PermissionDenied, audited).
    std::string insertEnrollment(const Enrollment& enrollment);

    // Reads the gallery change log (schema version 4) through the connection that made it; see
    // the decision overload of insertEnrollment. Valid only during the call that hands it out.
    class GalleryChanges
    {
    public:
        // The highest change number now (0 when nothing changed yet). It only grows: every
        // face template added or removed (insert, erasure, purge, import) and every change of
        // an enrollment's document or phone, by any process, takes the next number.
        [[nodiscard]] std::int64_t sequence();
        // Every enrollment changed after `since`, once each: upsert with its row when it has a
        // face template now, removed when it no longer does. Returns the sequence read up to.
        std::int64_t since(std::int64_t since, const std::function<void(const GalleryRow&)>& upsert,
                           const std::function<void(std::string_view)>& removed);

    private:
        friend class Session;
        explicit GalleryChanges(Connection& db) : m_db(db) {}
        Connection& m_db;
    };
    // Decides an enrollment's flags and matches under the write lock (see below).
    using InsertDecision = std::function<void(GalleryChanges& changes, Enrollment& enrollment)>;
    // Enroll, with the binding rules decided against everything committed before this
    // enrollment's own commit. In one BEGIN IMMEDIATE transaction (no other process or
    // connection can commit meanwhile): checks that the acting user is still active, calls
    // decide — which brings the caller's 1:N index up to date with changes.since(its
    // snapshot) and sets the enrollment's flags and matches — then inserts, audits and
    // commits. Nothing is stored when decide throws. Keep decide short: it holds the store's
    // write lock (the rules on a current index take milliseconds).
    std::string insertEnrollment(Enrollment enrollment, const InsertDecision& decide);
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
    // MatchGallery, for the 1:N index's loader: one consistent snapshot (a read transaction,
    // which does not block writers), streamed as above. onTotal gets the number of templates
    // before the first row; visit returns false to stop early (cancellation).
    struct GalleryScan
    {
        std::int64_t sequence = 0; // the change sequence the snapshot corresponds to
        std::int64_t total = 0;    // face templates in the snapshot
        bool complete = false;     // false when visit stopped the scan
    };
    GalleryScan scanGallery(const std::function<bool(const GalleryRow&)>& visit,
                            const std::function<void(std::int64_t total)>& onTotal = {});
    // MatchGallery: GalleryChanges outside an insert (a refresh), in a read transaction.
    [[nodiscard]] std::int64_t gallerySequence();
    std::int64_t galleryChangesSince(std::int64_t since, const std::function<void(const GalleryRow&)>& upsert,
                                     const std::function<void(std::string_view)>& removed);
    // MatchGallery. Subject fields are left empty unless the role may view all enrollments.
    std::vector<EnrollmentSummary> findByDocumentNumber(std::string_view documentType,
                                                        std::string_view number);
    std::vector<EnrollmentSummary> findByPhone(std::string_view phone);
    // Enroll: the customer refused consent; the session ended with nothing stored. The audit
    // row names no one (no object id): it records that a refusal happened, and by which user.
    void recordConsentRefused();
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
    void ensureWorkerActive();
    // Tells the workers opened from this session that it ended (lock, logout).
    void endWorkers() noexcept;
    void requireStillActiveInTransaction();
    std::string insertLocked(EnrollmentRepository& repo, AuditLog& log, const Enrollment& input);
    template <typename Body>
    auto inInsertTransaction(Body&& body);
    // Audits the lock (outcome "idle" or "manual"), closes the connection, wipes the key.
    void lockNow(const char* outcome) noexcept;
    void audit(AuditAction action, std::string_view objectId, std::string_view outcome);
    [[nodiscard]] TimePoint now() const;
    void rewriteOwnSlot(std::string_view userId, std::string_view userName, const SecretBytes& newPassword,
                        std::string_view outcome);

    std::unique_ptr<SessionState> m_state;
};

} // namespace fe::store
