#include "store/Session.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "common/SettingsSchema.h"
#include "store/DatabaseError.h"
#include "store/EnrollmentRepository.h"
#include "store/FileLock.h"
#include "store/FileUtil.h"
#include "store/Schema.h"
#include "store/SessionState.h"
#include "store/SettingsRepository.h"
#include "store/SlotCrypto.h"
#include "store/StoreConstants.h"
#include "store/Transaction.h"
#include "store/Unlocker.h"
#include "store/UserRepository.h"
#include "store/Uuid.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace fe::store {
namespace {

void validatePassword(const SecretBytes& password)
{
    if (password.size() < constants::kMinPasswordLength || password.size() > constants::kMaxPasswordLength)
        throw Error(
            ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A password needs %1 to %2 characters."),
            {std::to_string(constants::kMinPasswordLength), std::to_string(constants::kMaxPasswordLength)});
}

// Replaces the key file's content: if the database transaction that goes with a key-file
// change fails to commit, the old key file comes back.
void commitOrRestoreKeyFile(Transaction& tx, const std::filesystem::path& keyFile,
                            const std::string& previous)
{
    try {
        tx.commit();
    } catch (...) {
        try {
            writeFileAtomically(keyFile, previous);
        } catch (const Error& e) {
            qCWarning(lcStore) << "could not restore the key file after a failed commit:" << e.what();
        }
        throw;
    }
}

} // namespace

const char* lockReasonName(LockReason reason) noexcept
{
    switch (reason) {
    case LockReason::Idle:
        return "idle";
    case LockReason::Manual:
        return "manual";
    case LockReason::KeyRotated:
        return "key_rotated";
    case LockReason::AccountDisabled:
        return "account_disabled";
    }
    return "manual";
}

Session::Session(std::unique_ptr<SessionState> state) : m_state(std::move(state)) {}

Session::~Session()
{
    logout();
}

Session::Session(Session&& other) noexcept = default;

Session& Session::operator=(Session&& other) noexcept
{
    if (this != &other) {
        logout();
        m_state = std::move(other.m_state);
    }
    return *this;
}

const User& Session::user() const
{
    if (!m_state)
        throw Error(ErrorCode::Locked, QT_TRANSLATE_NOOP("fe::Error", "The session has ended; log in again."));
    return m_state->user;
}

TimePoint Session::now() const
{
    return m_state->options.clock();
}

bool Session::can(Permission permission) const
{
    return m_state && allows(m_state->user.role, permission);
}

bool Session::mustChangePassword() const
{
    return m_state && m_state->mustChangePassword;
}

void Session::ensureActive(Purpose purpose)
{
    if (!m_state || m_state->status == SessionState::Status::LoggedOut)
        throw Error(ErrorCode::Locked, QT_TRANSLATE_NOOP("fe::Error", "The session has ended; log in again."));
    if (m_state->worker)
        return ensureWorkerActive();
    if (m_state->status == SessionState::Status::Locked)
        throw Error(ErrorCode::Locked,
                    QT_TRANSLATE_NOOP("fe::Error", "The session is locked; unlock it with the password of %1."),
                    {m_state->user.name});
    const TimePoint t = now();
    if (t - m_state->lastActivity >= m_state->idleTimeout) {
        lockNow("idle");
        throw Error(
            ErrorCode::Locked,
            QT_TRANSLATE_NOOP("fe::Error", "The session locked itself after %1 minute(s) without activity; unlock it with the "
                          "password of %2."),
            {std::to_string(std::chrono::duration_cast<std::chrono::minutes>(m_state->idleTimeout).count()),
             m_state->user.name});
    }
    reopenAfterPageFailure(); // before anything reads
    checkKeyRotation();
    if (!actorIsActive())
        actorDisabled(nullptr);
    if (m_state->mustChangePassword && purpose != Purpose::PasswordChange)
        throw Error(ErrorCode::PermissionDenied,
                    QT_TRANSLATE_NOOP("fe::Error", "The password of %1 was set by an administrator and works only once: "
                                                   "choose your own password before anything else."),
                    {m_state->user.name});
    m_state->lastActivity = t;
    if (m_state->shared)
        m_state->shared->idleDeadlineMs.store(toMillis(t + m_state->idleTimeout), std::memory_order_relaxed);
}

void Session::ensureWorkerActive()
{
    // A worker has no idle lock of its own: it ends when its owner locks, logs out or would
    // lock for idleness (the owner may be idle on another thread and not notice yet).
    if (m_state->status == SessionState::Status::Active &&
        (!m_state->shared->active.load() ||
         toMillis(now()) >= m_state->shared->idleDeadlineMs.load(std::memory_order_relaxed))) {
        m_state->db.reset();
        m_state->databaseKey = SecretBytes();
        m_state->status = SessionState::Status::Locked;
        qCInfo(lcStore) << "worker session ended with its owner";
    }
    if (m_state->status != SessionState::Status::Active)
        throw Error(ErrorCode::Locked,
                    QT_TRANSLATE_NOOP("fe::Error", "The session of %1 was locked or ended; this background task stopped. "
                                                   "Unlock the station to start it again."),
                    {m_state->user.name});
    // Like its owner: a key rotated by another process, or this user disabled meanwhile, ends it.
    reopenAfterPageFailure(); // before anything reads
    checkKeyRotation();
    if (!actorIsActive())
        actorDisabled(nullptr);
}

void Session::reopenAfterPageFailure()
{
    // SQLCipher 4 keeps a connection that met a damaged page from reading anything more: a
    // fresh one reads every intact page again (docs/storage.md, "SQLCipher, and only
    // SQLCipher"). Opened before the old one goes, so a failure leaves the session as it was.
    if (m_state->db && m_state->db->pageFailed()) {
        Connection fresh = Connection::openEncrypted(m_state->paths.database, m_state->databaseKey);
        m_state->db.emplace(std::move(fresh));
    }
}

bool Session::actorIsActive()
{
    const auto row = UserRepository(*m_state->db).findById(m_state->user.id);
    return row && row->active;
}

void Session::actorDisabled(Transaction* openWrite)
{
    const AuditEvent event{now(), m_state->user.id, auditActionName(AuditAction::AccessDenied), m_state->user.id,
                           "account_disabled"};
    try {
        if (openWrite != nullptr) {
            AuditLog(*m_state->db, m_state->databaseId).append(event);
            openWrite->commit();
        } else {
            auditSession(AuditAction::AccessDenied, event.objectId, event.outcome);
        }
    } catch (const std::exception& e) {
        qCWarning(lcStore) << "could not audit the refusal of a disabled user:" << e.what();
    }
    qCInfo(lcStore) << "the acting user was disabled; session ended";
    const std::string name = m_state->user.name;
    closeConnection();
    m_state->status = SessionState::Status::LoggedOut;
    notify(LockReason::AccountDisabled);
    throw Error(ErrorCode::PermissionDenied,
                QT_TRANSLATE_NOOP("fe::Error", "The account %1 was disabled by an administrator: the session has ended "
                                               "and nothing more was stored."),
                {name});
}

Transaction Session::beginWrite()
{
    try {
        Transaction tx(*m_state->db);
        if (!actorIsActive())
            actorDisabled(&tx);
        return tx;
    } catch (const DatabaseError& e) {
        // After a rotation by another process our key no longer decrypts the first page, which
        // BEGIN IMMEDIATE reads: that is not damage.
        if (e.code() == ErrorCode::Corrupt && keyWasRotated())
            keyRotated();
        throw;
    }
}

void Session::checkKeyRotation()
{
    const auto stamp = fileStamp(m_state->paths.keyFile);
    if (!stamp || stamp == m_state->keyFileMark.stamp)
        return; // unchanged (a missing key file is reported by whatever needs it)
    if (keyWasRotated())
        keyRotated();
}

bool Session::keyWasRotated()
{
    auto& mark = m_state->keyFileMark;
    const auto stamp = fileStamp(m_state->paths.keyFile);
    KeyFile keyFile;
    try {
        keyFile = KeyFile::load(m_state->paths.keyFile);
    } catch (const Error&) {
        return false; // a key file we cannot read says nothing about our key
    }
    const bool rotating = std::any_of(keyFile.slots.begin(), keyFile.slots.end(),
                                      [](const KeyFile::Slot& s) { return s.nextDatabaseKey.has_value(); });
    const auto* own = keyFile.findUser(SlotCrypto::labelFor(m_state->user.name, m_state->databaseId));
    const auto* recovery = keyFile.recovery();
    const bool ownChanged = own != nullptr && own->databaseKey.ephemeralPublicKey != mark.ownWrap;
    const bool recoveryChanged = recovery != nullptr && recovery->databaseKey.ephemeralPublicKey != mark.recoveryWrap;
    if (!rotating && !ownChanged && !recoveryChanged) {
        mark.stamp = stamp; // a failed login's event, a new user: not our business
        return false;
    }
    // Something re-wrapped keys (a rotation; or a password change, or a recovery, which keep
    // the key): the database itself says whether our key still opens it.
    try {
        (void)m_state->db->queryInt("SELECT count(*) FROM sqlite_master");
    } catch (const DatabaseError& e) {
        if (e.code() == ErrorCode::Corrupt)
            return true;
        throw;
    }
    if (!rotating) {
        mark.stamp = stamp;
        if (own != nullptr)
            mark.ownWrap = own->databaseKey.ephemeralPublicKey;
        if (recovery != nullptr)
            mark.recoveryWrap = recovery->databaseKey.ephemeralPublicKey;
    }
    // While a rotation is under way the mark stays, so the next call looks again.
    return false;
}

void Session::keyRotated()
{
    qCWarning(lcStore) << "the database key was rotated by another session; this session is locked";
    closeConnection();
    m_state->status = SessionState::Status::Locked;
    notify(LockReason::KeyRotated);
    throw Error(ErrorCode::Locked,
                QT_TRANSLATE_NOOP("fe::Error", "The database key was rotated by another session, so this session was "
                                               "closed; log in again. Everything saved before is intact."));
}

void Session::closeConnection() noexcept
{
    m_state->db.reset();
    m_state->databaseKey = SecretBytes();
}

void Session::notify(LockReason reason) noexcept
{
    if (!m_state || !m_state->lockListener)
        return;
    try {
        m_state->lockListener(reason);
    } catch (const std::exception& e) {
        qCWarning(lcStore) << "the lock listener threw:" << e.what();
    } catch (...) {
        qCWarning(lcStore) << "the lock listener threw";
    }
}

void Session::audit(AuditAction action, std::string_view objectId, std::string_view outcome)
{
    Transaction tx = beginWrite();
    AuditLog(*m_state->db, m_state->databaseId)
        .append(
            {now(), m_state->user.id, auditActionName(action), std::string(objectId), std::string(outcome)});
    tx.commit();
}

void Session::auditSession(AuditAction action, std::string_view objectId, std::string_view outcome)
{
    Transaction tx(*m_state->db);
    AuditLog(*m_state->db, m_state->databaseId)
        .append(
            {now(), m_state->user.id, auditActionName(action), std::string(objectId), std::string(outcome)});
    tx.commit();
}

void Session::require(Permission permission)
{
    ensureActive();
    if (allows(m_state->user.role, permission))
        return;
    try {
        auditSession(AuditAction::AccessDenied, permissionName(permission), "denied");
    } catch (const Error& e) {
        qCWarning(lcStore) << "could not audit a refused action:" << e.what();
    }
    throw Error(ErrorCode::PermissionDenied, permissionRefusal(permission),
                {m_state->user.name, roleName(m_state->user.role)});
}

// --- idle lock ------------------------------------------------------------------------------

std::chrono::milliseconds Session::idleTimeout() const
{
    return m_state ? m_state->idleTimeout : std::chrono::milliseconds(0);
}

bool Session::isLocked() const
{
    if (!m_state || m_state->status != SessionState::Status::Active)
        return true;
    return now() - m_state->lastActivity >= m_state->idleTimeout;
}

std::chrono::milliseconds Session::idleRemaining() const
{
    if (isLocked())
        return std::chrono::milliseconds(0);
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_state->idleTimeout -
                                                                 (now() - m_state->lastActivity));
}

void Session::lockNow(const char* outcome) noexcept
{
    try {
        auditSession(AuditAction::IdleLock, m_state->user.id, outcome);
    } catch (const std::exception& e) {
        qCWarning(lcStore) << "could not audit the lock:" << e.what();
    }
    endWorkers();
    closeConnection();
    m_state->status = SessionState::Status::Locked;
    notify(std::string_view(outcome) == "idle" ? LockReason::Idle : LockReason::Manual);
}

bool Session::lockIfIdle()
{
    if (!m_state || m_state->status != SessionState::Status::Active)
        return false;
    if (now() - m_state->lastActivity < m_state->idleTimeout)
        return false;
    lockNow("idle");
    return true;
}

void Session::endWorkers() noexcept
{
    if (m_state->shared && !m_state->worker) {
        m_state->shared->active.store(false);
        m_state->shared.reset(); // a resumed session shares a fresh state with new workers
    }
}

void Session::lock()
{
    if (m_state && m_state->status == SessionState::Status::Active)
        lockNow("manual");
}

void Session::touch() noexcept
{
    if (m_state && m_state->status == SessionState::Status::Active && !isLocked())
        m_state->lastActivity = now();
}

void Session::setLockListener(LockListener listener)
{
    if (m_state)
        m_state->lockListener = std::move(listener);
}

void Session::resume(const SecretBytes& password)
{
    if (!m_state || m_state->status == SessionState::Status::LoggedOut)
        throw Error(ErrorCode::Locked, QT_TRANSLATE_NOOP("fe::Error", "The session has ended; log in again."));
    if (m_state->status == SessionState::Status::Active && !isLocked())
        return;
    if (m_state->status == SessionState::Status::Active)
        lockNow("idle"); // idle, but nobody called in the meantime
    // The full login path: a wrong password counts towards the lockout like any other.
    auto fresh = Unlocker::unlock(m_state->paths, m_state->user.name, password, m_state->options, "resumed");
    fresh->lockListener = std::move(m_state->lockListener);
    m_state = std::move(fresh);
}

void Session::logout() noexcept
{
    if (!m_state || m_state->status == SessionState::Status::LoggedOut)
        return;
    endWorkers();
    try {
        if (m_state->status == SessionState::Status::Active && m_state->db)
            auditSession(AuditAction::Logout, m_state->user.id, m_state->worker ? "worker" : "ok");
    } catch (...) {
        // Logging out must not fail; the login row and the missing logout row tell the story.
    }
    closeConnection();
    m_state->status = SessionState::Status::LoggedOut;
}

TimePoint Session::currentTime() const
{
    if (!m_state)
        throw Error(ErrorCode::Locked, QT_TRANSLATE_NOOP("fe::Error", "The session has ended; log in again."));
    return now();
}

Session Session::openWorker()
{
    ensureActive();
    if (m_state->worker)
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "A worker session cannot open another; open it from the session it "
                                                   "belongs to."));
    if (!m_state->shared) {
        m_state->shared = std::make_shared<SharedSessionState>();
        m_state->shared->idleDeadlineMs.store(toMillis(m_state->lastActivity + m_state->idleTimeout));
    }
    auto state = std::make_unique<SessionState>();
    state->paths = m_state->paths;
    state->options = m_state->options;
    state->databaseKey = m_state->databaseKey.clone();
    state->databaseId = m_state->databaseId;
    state->databaseSalt = m_state->databaseSalt;
    state->localStationId = m_state->localStationId;
    state->user = m_state->user;
    state->lastActivity = now();
    state->idleTimeout = std::chrono::milliseconds::max() / 2; // the owner's idle lock ends it
    state->shared = m_state->shared;
    state->worker = true;
    state->keyFileMark = m_state->keyFileMark;
    state->db.emplace(Connection::openEncrypted(state->paths.database, state->databaseKey));
    state->status = SessionState::Status::Active;
    Session worker(std::move(state));
    worker.audit(AuditAction::Login, worker.m_state->user.id, "worker");
    return worker;
}

// --- users --------------------------------------------------------------------------------------

User Session::addUser(std::string_view name, Role role, const SecretBytes& password)
{
    require(Permission::ManageUsers);
    validateUserName(name);
    validatePassword(password);
    UserRepository users(*m_state->db);
    if (users.findByName(name))
        throw Error(ErrorCode::Conflict,
                    QT_TRANSLATE_NOOP("fe::Error", 
                        "The user name %1 is taken (disabled accounts keep their name for the audit trail)."),
                    {std::string(name)});

    const FileLock lock(m_state->paths.lockFile, m_state->options.keyFileLockTimeout,
                        m_state->options.onKeyFileLockWait);
    KeyFile keyFile = KeyFile::load(m_state->paths.keyFile);
    Unlocker::checkBinding(keyFile, m_state->paths);
    const std::string previous = keyFile.serialize();
    const auto label = SlotCrypto::labelFor(name, m_state->databaseId);
    auto slot = SlotCrypto::createUserSlot(label, password, m_state->options.kdf, m_state->databaseKey,
                                           Unlocker::bindingOf(keyFile));

    User u;
    u.id = newUuid();
    u.name = std::string(name);
    u.role = role;
    u.active = true;
    u.mustChangePassword = true; // the admin chose it: it opens one session, to choose their own
    u.createdAt = truncateToMillis(now());

    Transaction tx = beginWrite();
    users.insert(u, m_state->user.id);
    AuditLog(*m_state->db, m_state->databaseId)
        .append({now(), m_state->user.id, auditActionName(AuditAction::UserAdded), u.id, roleName(role)});
    keyFile.removeUser(label);
    keyFile.removeUnknown(label);
    keyFile.slots.push_back(std::move(slot));
    keyFile.save(m_state->paths.keyFile);
    commitOrRestoreKeyFile(tx, m_state->paths.keyFile, previous);
    qCInfo(lcStore) << "user added, role" << roleName(role);
    return u;
}

std::vector<User> Session::listUsers()
{
    require(Permission::ManageUsers);
    return UserRepository(*m_state->db).list();
}

void Session::disableUser(std::string_view name)
{
    require(Permission::ManageUsers);
    UserRepository users(*m_state->db);
    const auto target = users.findByName(name);
    if (!target)
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no user %1."), {std::string(name)});
    if (!target->active)
        throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "The user %1 is already disabled."),
                    {std::string(name)});
    if (target->id == m_state->user.id)
        throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "You cannot disable your own account."));

    const FileLock lock(m_state->paths.lockFile, m_state->options.keyFileLockTimeout,
                        m_state->options.onKeyFileLockWait);
    KeyFile keyFile = KeyFile::load(m_state->paths.keyFile);
    Unlocker::checkBinding(keyFile, m_state->paths);
    const std::string previous = keyFile.serialize();

    Transaction tx = beginWrite();
    // Counted under the write lock: two admins disabling each other cannot leave none.
    if (target->role == Role::Admin && users.countActive(Role::Admin) <= 1)
        throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "The user %1 is the last active admin."),
                    {std::string(name)});
    users.disable(target->id, now());
    AuditLog(*m_state->db, m_state->databaseId)
        .append({now(), m_state->user.id, auditActionName(AuditAction::UserDisabled), target->id, "ok"});
    keyFile.removeUser(SlotCrypto::labelFor(name, m_state->databaseId));
    keyFile.save(m_state->paths.keyFile);
    commitOrRestoreKeyFile(tx, m_state->paths.keyFile, previous);
}

void Session::rewriteOwnSlot(std::string_view userId, std::string_view userName,
                             const SecretBytes& newPassword, std::string_view outcome, bool oneTime)
{
    validatePassword(newPassword);
    const FileLock lock(m_state->paths.lockFile, m_state->options.keyFileLockTimeout,
                        m_state->options.onKeyFileLockWait);
    KeyFile keyFile = KeyFile::load(m_state->paths.keyFile);
    Unlocker::checkBinding(keyFile, m_state->paths);
    const auto binding = Unlocker::bindingOf(keyFile);
    const std::string previous = keyFile.serialize();
    const auto label = SlotCrypto::labelFor(userName, m_state->databaseId);
    const bool own = userId == m_state->user.id;
    if (own && m_state->mustChangePassword) {
        // The one-time password must not simply be kept: the admin knows it.
        if (const auto* current = keyFile.findUser(label);
            current != nullptr && SlotCrypto::openUserSlot(*current, newPassword, binding))
            throw Error(ErrorCode::InvalidArgument,
                        QT_TRANSLATE_NOOP("fe::Error", "Choose a password of your own: the new password must differ from "
                                                       "the one the administrator set."));
    }
    // A new key pair and salt, not a re-encryption: nothing of the old slot survives.
    auto slot = SlotCrypto::createUserSlot(label, newPassword, m_state->options.kdf, m_state->databaseKey, binding);

    Transaction tx = beginWrite();
    UserRepository(*m_state->db).setMustChangePassword(userId, oneTime);
    AuditLog(*m_state->db, m_state->databaseId)
        .append({now(), m_state->user.id, auditActionName(AuditAction::PasswordChanged), std::string(userId),
                 std::string(outcome)});
    keyFile.removeUser(label);
    keyFile.slots.push_back(std::move(slot));
    keyFile.save(m_state->paths.keyFile);
    commitOrRestoreKeyFile(tx, m_state->paths.keyFile, previous);
    if (own) {
        m_state->mustChangePassword = oneTime;
        // Our own slot changed on purpose: not a sign of a rotation.
        Unlocker::markKeyFile(*m_state, keyFile);
    }
}

void Session::changeOwnPassword(const SecretBytes& newPassword)
{
    ensureActive(Purpose::PasswordChange);
    // Audited apart: the first password of the user's own choosing, after an admin's.
    rewriteOwnSlot(m_state->user.id, m_state->user.name, newPassword,
                   m_state->mustChangePassword ? "replaced_one_time" : "self", false);
}

void Session::resetPassword(std::string_view name, const SecretBytes& newPassword)
{
    require(Permission::ManageUsers);
    const auto target = UserRepository(*m_state->db).findByName(name);
    if (!target)
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no user %1."), {std::string(name)});
    if (!target->active)
        throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "The user %1 is disabled."), {std::string(name)});
    const bool self = target->id == m_state->user.id;
    // Another user's new password is the admin's choice, so it works once (issue 9): an admin
    // cannot quietly act as a user whose password they set.
    rewriteOwnSlot(target->id, target->name, newPassword, self ? "self" : "reset", !self);
}

// --- enrollments --------------------------------------------------------------------------------

std::string Session::insertLocked(EnrollmentRepository& repo, AuditLog& log, const Enrollment& input)
{
    validateForInsert(input);
    if (!input.operatorId.empty() && input.operatorId != m_state->user.id)
        throw Error(
            ErrorCode::InvalidArgument,
            QT_TRANSLATE_NOOP("fe::Error", "An enrollment is recorded under the logged-in operator; leave operatorId "
                          "empty."));
    if (!input.stationId.empty() && input.stationId != m_state->localStationId)
        throw Error(
            ErrorCode::InvalidArgument,
            QT_TRANSLATE_NOOP("fe::Error", "An enrollment made here belongs to this station; leave stationId empty."));
    if (!input.id.empty() && !isUuid(input.id))
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "An enrollment id must be a lower-case UUID."));

    // The record is copied once so the store's fields can be filled in; the images are
    // bound without a further copy.
    Enrollment e = input;
    if (e.id.empty())
        e.id = newUuid();
    else if (repo.exists(e.id))
        throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "An enrollment with the id %1 exists already."),
                    {e.id});
    e.stationId = m_state->localStationId;
    e.operatorId = m_state->user.id;
    e.createdAt = truncateToMillis(e.createdAt == TimePoint{} ? now() : e.createdAt);
    e.consent.time = truncateToMillis(e.consent.time);
    e.status = e.flags.empty() ? EnrollmentStatus::Accepted : EnrollmentStatus::PendingReview;
    repo.insert(e, e.flags.empty() ? UploadState::Queued : UploadState::Held);
    const TimePoint t = now();
    log.append({t, m_state->user.id, auditActionName(AuditAction::EnrollmentCreated), e.id, toString(e.status)});
    for (const auto& f : e.flags)
        log.append({t, m_state->user.id, auditActionName(AuditAction::FlagRaised), e.id, f.code});
    return e.id;
}

template <typename Body>
auto Session::inInsertTransaction(Body&& body)
{
    require(Permission::Enroll);
    Transaction tx = beginWrite(); // the operator must still be active when it is stored
    auto result = body();
    tx.commit();
    return result;
}

std::vector<std::string> Session::insertEnrollments(const std::vector<Enrollment>& enrollments)
{
    return inInsertTransaction([&] {
        EnrollmentRepository repo(*m_state->db);
        AuditLog log(*m_state->db, m_state->databaseId);
        std::vector<std::string> ids;
        ids.reserve(enrollments.size());
        for (const auto& input : enrollments)
            ids.push_back(insertLocked(repo, log, input));
        return ids;
    });
}

std::string Session::insertEnrollment(const Enrollment& enrollment)
{
    return inInsertTransaction([&] {
        EnrollmentRepository repo(*m_state->db);
        AuditLog log(*m_state->db, m_state->databaseId);
        return insertLocked(repo, log, enrollment);
    });
}

std::string Session::insertEnrollment(Enrollment enrollment, const InsertDecision& decide)
{
    return inInsertTransaction([&] {
        if (decide) {
            GalleryChanges changes(*m_state->db);
            decide(changes, enrollment);
        }
        EnrollmentRepository repo(*m_state->db);
        AuditLog log(*m_state->db, m_state->databaseId);
        return insertLocked(repo, log, enrollment);
    });
}

std::int64_t Session::GalleryChanges::sequence()
{
    return EnrollmentRepository(m_db).changeSequence();
}

std::int64_t Session::GalleryChanges::since(std::int64_t since, const std::function<void(const GalleryRow&)>& upsert,
                                            const std::function<void(std::string_view)>& removed)
{
    return EnrollmentRepository(m_db).galleryChangesSince(since, upsert, removed);
}

Enrollment Session::getEnrollment(std::string_view id)
{
    ensureActive();
    EnrollmentRepository repo(*m_state->db);
    if (!can(Permission::ViewAllEnrollments)) {
        if (!can(Permission::ViewOwnEnrollmentsToday))
            require(Permission::ViewAllEnrollments); // throws, audited
        const auto s = repo.summary(id);
        if (!s)
            throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no enrollment %1."), {std::string(id)});
        if (s->operatorId != m_state->user.id || s->createdAt < startOfLocalDay(now()))
            require(Permission::ViewAllEnrollments); // throws, audited
    }
    auto e = repo.get(id);
    if (!e)
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no enrollment %1."), {std::string(id)});
    return std::move(*e);
}

std::vector<EnrollmentSummary> Session::listEnrollments(const EnrollmentFilter& filter)
{
    ensureActive();
    EnrollmentRepository repo(*m_state->db);
    if (can(Permission::ViewAllEnrollments))
        return repo.list(filter);
    if (!can(Permission::ViewOwnEnrollmentsToday))
        require(Permission::ViewAllEnrollments); // throws, audited
    EnrollmentFilter own = filter;
    own.operatorId = m_state->user.id;
    const TimePoint today = startOfLocalDay(now());
    own.since = filter.since ? std::max(*filter.since, today) : today;
    return repo.list(own);
}

std::vector<EnrollmentSummary> Session::reviewQueue()
{
    require(Permission::Review);
    EnrollmentFilter f;
    f.status = EnrollmentStatus::PendingReview;
    return EnrollmentRepository(*m_state->db).list(f);
}

std::vector<GalleryEntry> Session::galleryTemplates()
{
    require(Permission::MatchGallery);
    return EnrollmentRepository(*m_state->db).gallery();
}

void Session::forEachGalleryTemplate(const std::function<void(const GalleryRow&)>& visit)
{
    require(Permission::MatchGallery);
    EnrollmentRepository(*m_state->db).forEachGalleryRow(visit);
}

Session::GalleryScan Session::scanGallery(const std::function<bool(const GalleryRow&)>& visit,
                                          const std::function<void(std::int64_t)>& onTotal)
{
    require(Permission::MatchGallery);
    EnrollmentRepository repo(*m_state->db);
    GalleryScan scan;
    // One read transaction: the count, the sequence and the rows are one snapshot.
    Transaction tx(*m_state->db, Transaction::Mode::Deferred);
    scan.total = repo.countGalleryTemplates();
    scan.sequence = repo.changeSequence();
    if (onTotal)
        onTotal(scan.total);
    scan.complete = repo.scanGallery(visit);
    tx.commit();
    return scan;
}

std::int64_t Session::gallerySequence()
{
    require(Permission::MatchGallery);
    return EnrollmentRepository(*m_state->db).changeSequence();
}

std::int64_t Session::galleryChangesSince(std::int64_t since, const std::function<void(const GalleryRow&)>& upsert,
                                          const std::function<void(std::string_view)>& removed)
{
    require(Permission::MatchGallery);
    Transaction tx(*m_state->db, Transaction::Mode::Deferred);
    const std::int64_t upTo = EnrollmentRepository(*m_state->db).galleryChangesSince(since, upsert, removed);
    tx.commit();
    return upTo;
}

std::vector<EnrollmentSummary> Session::findByDocumentNumber(std::string_view documentType,
                                                             std::string_view number)
{
    require(Permission::MatchGallery);
    auto found = EnrollmentRepository(*m_state->db).findByDocument(documentType, number);
    if (!can(Permission::ViewAllEnrollments)) {
        for (auto& s : found)
            s.subjectName.clear();
    }
    return found;
}

std::vector<EnrollmentSummary> Session::findByPhone(std::string_view phone)
{
    require(Permission::MatchGallery);
    auto found = EnrollmentRepository(*m_state->db).findByPhone(phone);
    if (!can(Permission::ViewAllEnrollments)) {
        for (auto& s : found)
            s.subjectName.clear();
    }
    return found;
}

namespace {

[[noreturn]] void throwNoEnrollment(std::string_view id)
{
    throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no enrollment %1."), {std::string(id)});
}

} // namespace

void Session::recordReview(std::string_view id, ReviewOutcome outcome, std::string_view reason)
{
    require(Permission::Review);
    EnrollmentRepository repo(*m_state->db);
    ReviewDecision d;
    d.reviewerId = m_state->user.id;
    d.outcome = outcome;
    d.reason = std::string(reason);
    d.time = truncateToMillis(now());
    Transaction tx = beginWrite();
    // The state is checked by the UPDATE itself, under the write lock: of two supervisors
    // deciding one enrollment at once, the second finds it decided.
    if (!repo.recordReview(
            id, d, outcome == ReviewOutcome::Approved ? EnrollmentStatus::Approved : EnrollmentStatus::Rejected,
            outcome == ReviewOutcome::Approved ? UploadState::Queued : UploadState::Held)) {
        const auto s = repo.summary(id);
        if (!s)
            throwNoEnrollment(id);
        throw Error(ErrorCode::Conflict,
                    QT_TRANSLATE_NOOP("fe::Error", "The enrollment %1 is not waiting for review (it is %2)."),
                    {std::string(id), toString(s->status)});
    }
    AuditLog(*m_state->db, m_state->databaseId)
        .append({d.time, m_state->user.id, auditActionName(AuditAction::ReviewDecision), std::string(id),
                 toString(outcome)});
    tx.commit();
}

// --- outbox -------------------------------------------------------------------------------------

std::vector<std::string> Session::uploadQueue(std::size_t limit)
{
    if (!can(Permission::Export))
        require(Permission::Upload);
    else
        ensureActive();
    return EnrollmentRepository(*m_state->db).idsInState(UploadState::Queued, limit);
}

namespace {

// Why a conditional step changed nothing: no such enrollment, or its upload state.
[[noreturn]] void throwUploadStateRefusal(EnrollmentRepository& repo, std::string_view id)
{
    const auto s = repo.summary(id);
    if (!s)
        throwNoEnrollment(id);
    throw Error(
        ErrorCode::Conflict,
        QT_TRANSLATE_NOOP("fe::Error", "The enrollment %1 is in the upload state \"%2\", which does not allow this step."),
        {std::string(id), toString(s->uploadState)});
}

} // namespace

void Session::advanceUploadStates(const std::vector<std::string>& ids, std::initializer_list<UploadState> from,
                                  UploadState to, std::string_view bundleId, AuditAction action)
{
    EnrollmentRepository repo(*m_state->db);
    const std::vector<UploadState> allowed(from);
    Transaction tx = beginWrite();
    AuditLog log(*m_state->db, m_state->databaseId);
    const TimePoint t = now();
    for (const auto& id : ids) {
        if (!repo.advanceUploadState(id, allowed, to, bundleId, t))
            throwUploadStateRefusal(repo, id); // rolls back the whole batch
        log.append({t, m_state->user.id, auditActionName(action), id, "ok"});
    }
    tx.commit();
}

void Session::markExported(std::string_view id, std::string_view bundleId)
{
    markExported(std::vector<std::string>{std::string(id)}, bundleId);
}

void Session::markExported(const std::vector<std::string>& ids, std::string_view bundleId)
{
    require(Permission::Export);
    advanceUploadStates(ids, {UploadState::Queued, UploadState::Exported}, UploadState::Exported, bundleId,
                        AuditAction::Export);
}

void Session::markUploaded(std::string_view id, std::string_view bundleId)
{
    markUploaded(std::vector<std::string>{std::string(id)}, bundleId);
}

void Session::markUploaded(const std::vector<std::string>& ids, std::string_view bundleId)
{
    require(Permission::Upload);
    advanceUploadStates(ids, {UploadState::Queued, UploadState::Exported, UploadState::Uploaded},
                        UploadState::Uploaded, bundleId, AuditAction::Upload);
}

void Session::recordReceipt(std::string_view id, const Receipt& receipt)
{
    require(Permission::Upload);
    if (receipt.receiptId.empty())
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "A receipt needs the central service's receipt id."));
    EnrollmentRepository repo(*m_state->db);
    Receipt r = receipt;
    r.receivedAt = truncateToMillis(r.receivedAt == TimePoint{} ? now() : r.receivedAt);
    Transaction tx = beginWrite();
    if (!repo.recordReceipt(id, r, now()))
        throwUploadStateRefusal(repo, id);
    AuditLog(*m_state->db, m_state->databaseId)
        .append({now(), m_state->user.id, auditActionName(AuditAction::Receipt), std::string(id), "ok"});
    tx.commit();
}

void Session::recordConsentRefused()
{
    require(Permission::Enroll);
    audit(AuditAction::ConsentRefused, {}, "refused");
}

void Session::recordEnrollmentAbandoned(std::string_view why)
{
    require(Permission::Enroll);
    audit(AuditAction::EnrollmentAbandoned, {}, why);
}

void Session::recordImport(std::string_view bundleId, std::string_view outcome)
{
    require(Permission::Import);
    audit(AuditAction::Import, bundleId, outcome);
}

// --- retention ----------------------------------------------------------------------------------

PurgeReport Session::purge(PurgeMode mode)
{
    require(Permission::Purge);
    PurgeReport report;
    const TimePoint t = now();
    SettingsRepository settings(*m_state->db);
    report.retentionDays =
        mode == PurgeMode::AllReceipted
            ? 0
            : static_cast<int>(SettingsSchema::integer(setting::kRetentionDays, settings.get(setting::kRetentionDays)));
    const TimePoint cutoff = t - std::chrono::days(report.retentionDays);
    EnrollmentRepository repo(*m_state->db);
    {
        Transaction tx = beginWrite();
        AuditLog log(*m_state->db, m_state->databaseId);
        for (const auto& id : repo.purgeCandidates(cutoff)) {
            repo.purge(id, t);
            log.append({t, m_state->user.id, auditActionName(AuditAction::Purge), id, "ok"});
            ++report.purged;
        }
        tx.commit();
    }
    // secure_delete zeroed the freed pages in the database; the WAL still holds the old page
    // images until they are checkpointed and the WAL truncated.
    report.walTruncated = m_state->db->checkpointTruncate().complete;
    if (!report.walTruncated)
        qCWarning(lcStore) << "purge: another connection kept the WAL from being truncated";
    qCInfo(lcStore) << "purged" << report.purged << "enrollments";
    return report;
}

void Session::eraseEnrollment(std::string_view id)
{
    require(Permission::Erase);
    EnrollmentRepository repo(*m_state->db);
    {
        Transaction tx = beginWrite();
        // Checked by the DELETE itself: an enrollment another process has just exported is
        // not erased here.
        if (!repo.eraseUnsent(id)) {
            const auto s = repo.summary(id);
            if (!s)
                throwNoEnrollment(id);
            throw Error(
                ErrorCode::Conflict,
                QT_TRANSLATE_NOOP("fe::Error", "The enrollment %1 has already left the station (%2); erasure must go through the "
                              "central service."),
                {std::string(id), toString(s->uploadState)});
        }
        AuditLog(*m_state->db, m_state->databaseId)
            .append({now(), m_state->user.id, auditActionName(AuditAction::Erasure), std::string(id), "ok"});
        tx.commit();
    }
    if (!m_state->db->checkpointTruncate().complete)
        qCWarning(lcStore) << "erasure: another connection kept the WAL from being truncated";
}

// --- settings -----------------------------------------------------------------------------------

std::optional<std::string> Session::setting(std::string_view key)
{
    ensureActive();
    return SettingsRepository(*m_state->db).get(key);
}

std::map<std::string, std::string> Session::settings()
{
    ensureActive();
    return SettingsRepository(*m_state->db).all();
}

void Session::setSetting(std::string_view key, std::string_view value)
{
    const SettingSpec* spec = SettingsSchema::find(key);
    // The permission first, so a refusal is the same whatever the key (for an unknown key,
    // what its prefix would need).
    require(spec != nullptr ? permissionFor(spec->access)
                            : permissionFor(key.starts_with("threshold.") ? SettingAccess::Thresholds
                                                                          : SettingAccess::Settings));
    SettingsSchema::validate(key, value); // unknown key (with the nearest known), out of range
    Transaction tx = beginWrite();
    SettingsRepository(*m_state->db).set(key, value, now(), m_state->user.id);
    AuditLog(*m_state->db, m_state->databaseId)
        .append(
            {now(), m_state->user.id, auditActionName(AuditAction::SettingChanged), std::string(key), "ok"});
    tx.commit();
    if (key == setting::kIdleTimeoutMinutes)
        m_state->idleTimeout = std::chrono::minutes(SettingsSchema::integer(key, std::string(value)));
}

// --- audit --------------------------------------------------------------------------------------

AuditVerification Session::verifyAudit()
{
    require(Permission::VerifyAudit);
    return AuditLog(*m_state->db, m_state->databaseId).verify();
}

std::vector<AuditEntry> Session::auditEntries(std::int64_t fromSeq, std::size_t limit)
{
    require(Permission::VerifyAudit);
    return AuditLog(*m_state->db, m_state->databaseId).entries(fromSeq, limit);
}

IntegrityReport Session::checkIntegrity()
{
    require(Permission::VerifyAudit);
    IntegrityReport r;
    try {
        r.message = m_state->db->queryText("PRAGMA integrity_check").value_or(std::string());
        r.ok = r.message == "ok";
    } catch (const DatabaseError& e) {
        r.ok = false;
        r.message = e.sqliteMessage();
    }
    return r;
}

StoreInfo Session::info()
{
    require(Permission::VerifyAudit);
    auto& db = *m_state->db;
    StoreInfo i;
    i.databaseId = m_state->databaseId;
    i.localStationId = m_state->localStationId;
    i.schemaVersion = Schema::version(db);
    i.cipherVersion = db.queryText("PRAGMA cipher_version").value_or(std::string());
    i.sqliteVersion = db.queryText("SELECT sqlite_version()").value_or(std::string());
    i.pageSize = static_cast<int>(db.queryInt("PRAGMA page_size").value_or(0));
    i.journalMode = db.queryText("PRAGMA journal_mode").value_or(std::string());
    i.enrollments = db.queryInt("SELECT count(*) FROM enrollments").value_or(0);
    i.users = db.queryInt("SELECT count(*) FROM users").value_or(0);
    i.auditEntries = db.queryInt("SELECT count(*) FROM audit").value_or(0);
    return i;
}

// --- keys ---------------------------------------------------------------------------------------

void Session::rekey()
{
    require(Permission::RotateKeys);
    const FileLock lock(m_state->paths.lockFile, m_state->options.keyFileLockTimeout,
                        m_state->options.onKeyFileLockWait);
    {
        // SQLCipher's rekey runs its own transaction; the admin must still be active before it.
        Transaction check = beginWrite();
        check.commit();
    }
    KeyFile keyFile = KeyFile::load(m_state->paths.keyFile);
    Unlocker::checkBinding(keyFile, m_state->paths);
    const auto binding = Unlocker::bindingOf(keyFile);
    SecretBytes next = SecretBytes::random(constants::kDatabaseKeyBytes);

    // 1. Every slot learns the next key beside the current one (only public keys needed).
    for (auto& slot : keyFile.slots)
        slot.nextDatabaseKey = SlotCrypto::wrapDatabaseKey(slot.publicKey, next, binding);
    keyFile.save(m_state->paths.keyFile);

    // 2. SQLCipher rewrites every page under the next key, in one transaction.
    try {
        m_state->db->rekey(next);
    } catch (...) {
        for (auto& slot : keyFile.slots)
            slot.nextDatabaseKey.reset();
        try {
            keyFile.save(m_state->paths.keyFile);
        } catch (const Error& e) {
            qCWarning(lcStore) << "rekey failed and the key file could not be reset (the next login will):"
                               << e.what();
        }
        throw;
    }
    m_state->databaseKey = std::move(next);

    // 3. The next key becomes the key. If this write fails, the next login finishes it.
    for (auto& slot : keyFile.slots) {
        slot.databaseKey = *slot.nextDatabaseKey;
        slot.nextDatabaseKey.reset();
    }
    try {
        keyFile.save(m_state->paths.keyFile);
    } catch (const Error& e) {
        qCWarning(lcStore) << "key rotated; the key file will catch up at the next login:" << e.what();
    }
    // Our own rotation: the key file's new wraps are not a sign of somebody else's.
    Unlocker::markKeyFile(*m_state, keyFile);
    // Old-key pages must not linger in the WAL.
    m_state->db->checkpointTruncate();
    audit(AuditAction::KeyRotation, m_state->databaseId, "ok");
    qCInfo(lcStore) << "database key rotated for" << keyFile.slots.size() << "slots";
}

} // namespace fe::store
