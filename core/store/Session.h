#pragma once

#include "store/AuditLog.h"
#include "store/Records.h"
#include "store/Roles.h"
#include "store/SyncRecords.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
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
class Transaction;
struct SessionState;

// Why a session stopped serving calls without logout(): what the GUI's lock listener is told.
enum class LockReason
{
    Idle,            // the idle timeout passed (lockIfIdle, or the first call after it)
    Manual,          // lock()
    KeyRotated,      // another session rotated the database key; log in again (resume)
    AccountDisabled, // an admin disabled this user; the session has ended
};
const char* lockReasonName(LockReason reason) noexcept;

// Called on the thread that uses the Session, after the connection is closed and the key
// wiped. Plain C++ (core has no Qt signals): a GUI forwards it to its UI, e.g. with
// QMetaObject::invokeMethod. Must not throw (an exception is logged and dropped) and must not
// call back into the Session, other than isLocked(), user() and the like.
using LockListener = std::function<void(LockReason)>;

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
// Every call first checks the idle lock, then that the key was not rotated by another process,
// that the user is still active and has no one-time password left to change, then the user's
// role (Permission), and throws fe::Error(Locked) or fe::Error(PermissionDenied) before
// touching anything; a refusal is itself audited. Every change runs in one BEGIN IMMEDIATE
// transaction together with its audit rows, and checks there, under the write lock, that the
// acting user is still active and that the record is still in the state the step needs: of
// two processes deciding one enrollment, exactly one succeeds and the other gets Conflict.
// Errors are fe::Error (DatabaseError for SQLCipher failures) with ids only, never personal
// data.
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
    // Locks now (audited "idle") if the idle timeout has passed, so that the lock happens on
    // time and not at the next call; for the GUI's timer. Returns whether it locked.
    bool lockIfIdle();
    void lock();
    // Activity the UI saw (input events) that did not reach the store: the idle lock counts
    // from the user's last input, not only from the last store call. No effect once the idle
    // time has run out (the next call locks, as without touch()) or when locked.
    void touch() noexcept;
    // Logs in again as the same user (a full login: a wrong password counts towards the
    // lockout). The lock listener stays.
    void resume(const SecretBytes& password);
    void logout() noexcept;
    // Told whenever the session locks or ends by itself (LockReason); replaces any earlier one.
    void setLockListener(LockListener listener);

    // --- one-time passwords -------------------------------------------------------------------
    // True after logging in with a password an admin set (a new user, a reset): until
    // changeOwnPassword() with a password of the user's own choosing succeeds, every other
    // call throws PermissionDenied. The GUI asks for the new password right after login.
    [[nodiscard]] bool mustChangePassword() const;

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
    // The new user's password works once: they choose their own at their first login.
    // Removes the user's key slot: their password no longer opens anything; a session they
    // have open stores nothing more. Refuses to disable the last active admin, or oneself.
    void disableUser(std::string_view name);
    // Also what ends a one-time password; the new password must differ from it.
    void changeOwnPassword(const SecretBytes& newPassword);
    // Another user's new password is one-time, like a new user's.
    void resetPassword(std::string_view name, const SecretBytes& newPassword);

    // --- enrollments -------------------------------------------------------------------------
    // Enroll. Returns the id. The status follows the flags (PendingReview when any, else
    // Accepted and queued for upload); every flag is audited. Begun with beginWrite: the acting
    // user must still be active under the write lock (an operator disabled meanwhile stores
    // nothing: PermissionDenied, audited "account_disabled", the session ends).
    std::string insertEnrollment(const Enrollment& enrollment);

    // Reads the gallery change log (schema version 7) through the connection that made it; see
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
    // connection can commit meanwhile, begun by beginWrite): checks that the acting user is
    // still active, calls
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
    // Enroll: an enrollment in progress was discarded before it was saved (the operator
    // cancelled, or the station locked); nothing was stored. Like a refusal, the audit row
    // names no one; the outcome says why ("cancelled", "locked", "logout").
    void recordEnrollmentAbandoned(std::string_view why);
    // Review: only for PendingReview enrollments (Conflict otherwise).
    void recordReview(std::string_view id, ReviewOutcome outcome, std::string_view reason);

    // --- outbox (for core/sync) --------------------------------------------------------------
    // Each step only from the upload states that allow it (Conflict otherwise, NotFound for no
    // such enrollment), checked and changed in one write transaction.
    std::vector<std::string> uploadQueue(std::size_t limit = 0);       // Export or Upload
    void markExported(std::string_view id, std::string_view bundleId); // Export; from Queued, Exported
    void markUploaded(std::string_view id, std::string_view bundleId); // Upload; from Queued, Exported, Uploaded
    void recordReceipt(std::string_view id, const Receipt& receipt);   // Upload; from Exported, Uploaded
    // A whole bundle, all or nothing: one transaction; if any id may not take the step,
    // nothing changes and the first refusal is thrown.
    void markExported(const std::vector<std::string>& ids, std::string_view bundleId);
    void markUploaded(const std::vector<std::string>& ids, std::string_view bundleId);
    // Import: audit the arrival of a bundle from another station.
    void recordImport(std::string_view bundleId, std::string_view outcome);

    // --- retention ---------------------------------------------------------------------------
    // Purge; afterwards wal_checkpoint(TRUNCATE) so no old page survives in the WAL.
    PurgeReport purge(PurgeMode mode = PurgeMode::RetentionPeriod);
    // Erase: subject erasure of an enrollment not yet exported or uploaded (Conflict after).
    void eraseEnrollment(std::string_view id);

    // --- settings ------------------------------------------------------------------------------
    // The keys, types, ranges, defaults and who may set each are common/SettingsSchema's.
    // Any role may read the stored values (operators need the thresholds); read typed values
    // through SettingsSchema (SettingsSchema::real(session.settings(), key)), which never
    // returns a stored value that no longer validates. Writing needs the row's permission
    // (ManageSettings or ManageThresholds); unknown keys (with the nearest known one named)
    // and values outside the row's range are refused with InvalidArgument.
    // (The sync.central.* keys are written only together, by setCentralKey.)
    std::optional<std::string> setting(std::string_view key);
    std::map<std::string, std::string> settings();
    void setSetting(std::string_view key, std::string_view value);

    // --- audit ---------------------------------------------------------------------------------
    AuditVerification verifyAudit();                                                       // VerifyAudit
    std::vector<AuditEntry> auditEntries(std::int64_t fromSeq = 1, std::size_t limit = 0); // VerifyAudit
    IntegrityReport checkIntegrity();                                                      // VerifyAudit
    StoreInfo info();                                                                      // VerifyAudit

    // --- sync (issue 14; implemented in SessionSync.cpp, used by core/sync) ---------------------
    // Keys and trust. The station's Ed25519 key pair is made when the store is initialised, or
    // at the first call that needs it for stores made before schema version 4 (audited as a
    // setting change of "station.signing_key"); its secret stays in the database.
    StationIdentity stationIdentity();                                     // any role
    SecretBytes stationSigningKey();                                       // Export or Upload (64 bytes)
    void setCentralKey(const CentralKeyInfo& key);                         // ManageSettings
    std::optional<CentralKeyInfo> centralKey();                            // any role
    TrustListChange replaceTrustList(const std::vector<TrustedStation>&);  // ManageSettings
    std::vector<TrustedStation> trustedStations();                         // any role
    // Export. What a bundle carries of one enrollment: the record and its audit rows.
    // Conflict unless it is queued, exported or uploaded (held and purged ones stay here).
    ExportRecord exportRecord(std::string_view id); // Export or Upload
    // The same for many, in order, read in one snapshot (one read transaction, so a bundle
    // shows the store at one moment and the reads do not take the lock per statement):
    // each is handed to `each`, which returns false to stop. The record is reused between
    // calls. Throws as exportRecord; `each` must not call this Session (the snapshot is open).
    void readExportRecords(const std::vector<std::string>& ids,
                           const std::function<bool(const ExportRecord&)>& each); // Export or Upload
    std::vector<std::string> enrollmentsOfBundle(std::string_view bundleId); // Export
    // After the bundle file is in place: queued or exported enrollments become exported
    // with bundleId (others, e.g. receipted meanwhile, are left alone). Returns how many.
    int markExportedBatch(const std::vector<std::string>& ids, std::string_view bundleId); // Export
    // The outbox of bundles (files in outboxDirectory()).
    [[nodiscard]] std::filesystem::path outboxDirectory() const;
    // Upload: a bundle made from queued enrollments; they become exported with its id, all or
    // nothing (Conflict when one of them is no longer queued).
    void addLocalBundle(const OutboxBundle& bundle, const std::vector<std::string>& ids);
    // Import: false when that bundle is there already (nothing changes).
    bool addRelayedBundle(const OutboxBundle& bundle);
    std::vector<OutboxBundle> outboxBundles(std::optional<BundleState> state = std::nullopt); // Upload or Import
    std::optional<OutboxBundle> outboxBundle(std::string_view bundleId);                      // Upload or Import
    void recordUploadAttempt(std::string_view bundleId, std::string_view error);               // Upload
    void rejectBundle(std::string_view bundleId, std::string_view reason);                     // Upload
    int retryRejectedBundles();                                                                // Upload
    // Upload: a receipt that core/sync has verified against the central key. Records this
    // station's enrollments it names, and that went into that bundle, as uploaded and
    // receipted (retention starts now), marks
    // the outbox bundle receipted, and queues again the records of a local bundle that the
    // receipt does not name. All in one transaction; applying the same receipt twice changes
    // nothing.
    ReceiptOutcome applyReceipt(const ReceiptRecord& receipt);
    // Upload or Import: receipts kept for the bundles of one station (all when empty), to
    // hand back to a station whose bundles were relayed.
    std::vector<ReceiptRecord> receipts(std::optional<std::string> stationId = std::nullopt);

    // --- keys ----------------------------------------------------------------------------------
    // RotateKeys: a new random database key (SQLCipher rekey), re-wrapped for every slot
    // (user and recovery) without their passwords. Crash-safe: see docs/storage.md.
    void rekey();

private:
    enum class Purpose
    {
        Work,
        PasswordChange, // the one call a session with a one-time password may make
    };
    void ensureActive(Purpose purpose = Purpose::Work);
    // The one way a Session begins a write: BEGIN IMMEDIATE, then, under the write lock, the
    // acting user must still be active (else the refusal is audited, the session ends and
    // PermissionDenied is thrown: nothing is stored). A key rotated by another process is
    // reported as such (Locked), not as a damaged database.
    Transaction beginWrite();
    // Whether the acting user is still active, as the database has it now.
    bool actorIsActive();
    // Audits the refusal (inside openWrite when given, then committed), ends the session,
    // tells the listener and throws PermissionDenied.
    [[noreturn]] void actorDisabled(Transaction* openWrite);
    // Whether another process rotated the database key since this session last knew its key
    // to be current (looked at only when the key file changed); if so, locks (KeyRotated) and
    // throws Locked.
    void checkKeyRotation();
    bool keyWasRotated();
    [[noreturn]] void keyRotated();
    void ensureWorkerActive();
    void reopenAfterPageFailure();
    // Tells the workers opened from this session that it ended (lock, logout).
    void endWorkers() noexcept;
    std::string insertLocked(EnrollmentRepository& repo, AuditLog& log, const Enrollment& input);
    // require(Enroll), beginWrite (the acting user re-checked under the write lock), body, commit.
    template <typename Body>
    auto inInsertTransaction(Body&& body);
    // Audits the lock (outcome "idle" or "manual"), closes the connection, wipes the key.
    void lockNow(const char* outcome) noexcept;
    void closeConnection() noexcept; // closes the connection and wipes the key
    void notify(LockReason reason) noexcept;
    // An audit row of the user's own action, in a write of its own (beginWrite).
    void audit(AuditAction action, std::string_view objectId, std::string_view outcome);
    // An audit row about the session itself (a refusal, a lock, a logout): written even for a
    // user disabled meanwhile, so the trail shows how the session ended.
    void auditSession(AuditAction action, std::string_view objectId, std::string_view outcome);
    [[nodiscard]] TimePoint now() const;
    void requireEither(Permission first, Permission second);
    void ensureStationKey();
    void rewriteOwnSlot(std::string_view userId, std::string_view userName, const SecretBytes& newPassword,
                        std::string_view outcome, bool oneTime);
    void advanceUploadStates(const std::vector<std::string>& ids, std::initializer_list<UploadState> from,
                             UploadState to, std::string_view bundleId, AuditAction action);

    std::unique_ptr<SessionState> m_state;
};

} // namespace fe::store
