#include "store/Session.h"

#include "common/Error.h"
#include "common/Logging.h"
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

std::optional<std::int64_t> parseInteger(std::string_view s)
{
    std::int64_t v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || s.empty())
        return std::nullopt;
    return v;
}

bool isNumber(std::string_view s)
{
    double v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size() && !s.empty() && std::isfinite(v);
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

void Session::ensureActive()
{
    if (!m_state || m_state->status == SessionState::Status::LoggedOut)
        throw Error(ErrorCode::Locked, QT_TRANSLATE_NOOP("fe::Error", "The session has ended; log in again."));
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
    m_state->lastActivity = t;
}

void Session::audit(AuditAction action, std::string_view objectId, std::string_view outcome)
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
        audit(AuditAction::AccessDenied, permissionName(permission), "denied");
    } catch (const Error& e) {
        qCWarning(lcStore) << "could not audit a refused action:" << e.what();
    }
    throw Error(ErrorCode::PermissionDenied, QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to %3."),
                {m_state->user.name, roleName(m_state->user.role), permissionName(permission)});
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
        audit(AuditAction::IdleLock, m_state->user.id, outcome);
    } catch (const std::exception& e) {
        qCWarning(lcStore) << "could not audit the lock:" << e.what();
    }
    m_state->db.reset();
    m_state->databaseKey = SecretBytes();
    m_state->status = SessionState::Status::Locked;
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
    m_state = std::move(fresh);
}

void Session::logout() noexcept
{
    if (!m_state || m_state->status == SessionState::Status::LoggedOut)
        return;
    try {
        if (m_state->status == SessionState::Status::Active && m_state->db)
            audit(AuditAction::Logout, m_state->user.id, "ok");
    } catch (...) {
        // Logging out must not fail; the login row and the missing logout row tell the story.
    }
    m_state->db.reset();
    m_state->databaseKey = SecretBytes();
    m_state->status = SessionState::Status::LoggedOut;
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

    const FileLock lock(m_state->paths.lockFile);
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
    u.createdAt = truncateToMillis(now());

    Transaction tx(*m_state->db);
    users.insert(u, m_state->user.id);
    AuditLog(*m_state->db, m_state->databaseId)
        .append({now(), m_state->user.id, auditActionName(AuditAction::UserAdded), u.id, roleName(role)});
    keyFile.removeUser(label);
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
    if (target->role == Role::Admin && users.countActive(Role::Admin) <= 1)
        throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "The user %1 is the last active admin."),
                    {std::string(name)});

    const FileLock lock(m_state->paths.lockFile);
    KeyFile keyFile = KeyFile::load(m_state->paths.keyFile);
    Unlocker::checkBinding(keyFile, m_state->paths);
    const std::string previous = keyFile.serialize();

    Transaction tx(*m_state->db);
    users.disable(target->id, now());
    AuditLog(*m_state->db, m_state->databaseId)
        .append({now(), m_state->user.id, auditActionName(AuditAction::UserDisabled), target->id, "ok"});
    keyFile.removeUser(SlotCrypto::labelFor(name, m_state->databaseId));
    keyFile.save(m_state->paths.keyFile);
    commitOrRestoreKeyFile(tx, m_state->paths.keyFile, previous);
}

void Session::rewriteOwnSlot(std::string_view userId, std::string_view userName,
                             const SecretBytes& newPassword, std::string_view outcome)
{
    validatePassword(newPassword);
    const FileLock lock(m_state->paths.lockFile);
    KeyFile keyFile = KeyFile::load(m_state->paths.keyFile);
    Unlocker::checkBinding(keyFile, m_state->paths);
    const std::string previous = keyFile.serialize();
    const auto label = SlotCrypto::labelFor(userName, m_state->databaseId);
    // A new key pair and salt, not a re-encryption: nothing of the old slot survives.
    auto slot = SlotCrypto::createUserSlot(label, newPassword, m_state->options.kdf, m_state->databaseKey,
                                           Unlocker::bindingOf(keyFile));

    Transaction tx(*m_state->db);
    AuditLog(*m_state->db, m_state->databaseId)
        .append({now(), m_state->user.id, auditActionName(AuditAction::PasswordChanged), std::string(userId),
                 std::string(outcome)});
    keyFile.removeUser(label);
    keyFile.slots.push_back(std::move(slot));
    keyFile.save(m_state->paths.keyFile);
    commitOrRestoreKeyFile(tx, m_state->paths.keyFile, previous);
}

void Session::changeOwnPassword(const SecretBytes& newPassword)
{
    ensureActive();
    rewriteOwnSlot(m_state->user.id, m_state->user.name, newPassword, "self");
}

void Session::resetPassword(std::string_view name, const SecretBytes& newPassword)
{
    require(Permission::ManageUsers);
    const auto target = UserRepository(*m_state->db).findByName(name);
    if (!target)
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no user %1."), {std::string(name)});
    if (!target->active)
        throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "The user %1 is disabled."), {std::string(name)});
    rewriteOwnSlot(target->id, target->name, newPassword, target->id == m_state->user.id ? "self" : "reset");
}

// --- enrollments --------------------------------------------------------------------------------

std::vector<std::string> Session::insertEnrollments(const std::vector<Enrollment>& enrollments)
{
    require(Permission::Enroll);
    EnrollmentRepository repo(*m_state->db);
    AuditLog log(*m_state->db, m_state->databaseId);
    std::vector<std::string> ids;
    ids.reserve(enrollments.size());

    Transaction tx(*m_state->db);
    for (const auto& input : enrollments) {
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
        log.append(
            {t, m_state->user.id, auditActionName(AuditAction::EnrollmentCreated), e.id, toString(e.status)});
        for (const auto& f : e.flags)
            log.append({t, m_state->user.id, auditActionName(AuditAction::FlagRaised), e.id, f.code});
        ids.push_back(e.id);
    }
    tx.commit();
    return ids;
}

std::string Session::insertEnrollment(const Enrollment& enrollment)
{
    // A one-element vector would copy the images once more; the batch path copies once.
    return insertEnrollments(std::vector<Enrollment>{enrollment}).front();
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

void Session::recordReview(std::string_view id, ReviewOutcome outcome, std::string_view reason)
{
    require(Permission::Review);
    EnrollmentRepository repo(*m_state->db);
    const auto s = repo.summary(id);
    if (!s)
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no enrollment %1."), {std::string(id)});
    if (s->status != EnrollmentStatus::PendingReview)
        throw Error(ErrorCode::Conflict,
                    QT_TRANSLATE_NOOP("fe::Error", "The enrollment %1 is not waiting for review (it is %2)."),
                    {std::string(id), toString(s->status)});
    ReviewDecision d;
    d.reviewerId = m_state->user.id;
    d.outcome = outcome;
    d.reason = std::string(reason);
    d.time = truncateToMillis(now());
    Transaction tx(*m_state->db);
    repo.recordReview(
        id, d, outcome == ReviewOutcome::Approved ? EnrollmentStatus::Approved : EnrollmentStatus::Rejected,
        outcome == ReviewOutcome::Approved ? UploadState::Queued : UploadState::Held);
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

EnrollmentSummary requireState(EnrollmentRepository& repo, std::string_view id,
                               std::initializer_list<UploadState> allowed)
{
    const auto s = repo.summary(id);
    if (!s)
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no enrollment %1."), {std::string(id)});
    if (std::find(allowed.begin(), allowed.end(), s->uploadState) == allowed.end())
        throw Error(
            ErrorCode::Conflict,
            QT_TRANSLATE_NOOP("fe::Error", "The enrollment %1 is in the upload state \"%2\", which does not allow this step."),
            {std::string(id), toString(s->uploadState)});
    return *s;
}

} // namespace

void Session::markExported(std::string_view id, std::string_view bundleId)
{
    require(Permission::Export);
    EnrollmentRepository repo(*m_state->db);
    requireState(repo, id, {UploadState::Queued, UploadState::Exported});
    Transaction tx(*m_state->db);
    repo.setUploadState(id, UploadState::Exported, bundleId, now());
    AuditLog(*m_state->db, m_state->databaseId)
        .append({now(), m_state->user.id, auditActionName(AuditAction::Export), std::string(id), "ok"});
    tx.commit();
}

void Session::markUploaded(std::string_view id, std::string_view bundleId)
{
    require(Permission::Upload);
    EnrollmentRepository repo(*m_state->db);
    requireState(repo, id, {UploadState::Queued, UploadState::Exported, UploadState::Uploaded});
    Transaction tx(*m_state->db);
    repo.setUploadState(id, UploadState::Uploaded, bundleId, now());
    AuditLog(*m_state->db, m_state->databaseId)
        .append({now(), m_state->user.id, auditActionName(AuditAction::Upload), std::string(id), "ok"});
    tx.commit();
}

void Session::recordReceipt(std::string_view id, const Receipt& receipt)
{
    require(Permission::Upload);
    if (receipt.receiptId.empty())
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "A receipt needs the central service's receipt id."));
    EnrollmentRepository repo(*m_state->db);
    requireState(repo, id, {UploadState::Exported, UploadState::Uploaded});
    Receipt r = receipt;
    r.receivedAt = truncateToMillis(r.receivedAt == TimePoint{} ? now() : r.receivedAt);
    Transaction tx(*m_state->db);
    repo.recordReceipt(id, r, now());
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
    report.retentionDays = mode == PurgeMode::AllReceipted
                               ? 0
                               : settings.getInt("retention.days", constants::kDefaultRetentionDays);
    const TimePoint cutoff = t - std::chrono::days(report.retentionDays);
    EnrollmentRepository repo(*m_state->db);
    {
        Transaction tx(*m_state->db);
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
    const auto s = repo.summary(id);
    if (!s)
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no enrollment %1."), {std::string(id)});
    if (s->uploadState != UploadState::Held && s->uploadState != UploadState::Queued)
        throw Error(
            ErrorCode::Conflict,
            QT_TRANSLATE_NOOP("fe::Error", "The enrollment %1 has already left the station (%2); erasure must go through the "
                          "central service."),
            {std::string(id), toString(s->uploadState)});
    {
        Transaction tx(*m_state->db);
        repo.erase(id);
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
    const bool threshold = key.starts_with("threshold.") && key.size() > 10;
    require(threshold ? Permission::ManageThresholds : Permission::ManageSettings);
    bool valid = false;
    if (threshold) {
        valid = isNumber(value);
    } else if (key == "retention.days") {
        const auto v = parseInteger(value);
        valid = v && *v >= 0 && *v <= constants::kMaxRetentionDays;
    } else if (key == "session.idle_timeout_minutes") {
        const auto v = parseInteger(value);
        valid = v && *v >= constants::kMinIdleTimeoutMinutes && *v <= constants::kMaxIdleTimeoutMinutes;
    } else if (key == "station.name") {
        valid = !value.empty() && value.size() <= 64;
    } else {
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "Unknown setting %1; known: retention.days, session.idle_timeout_minutes, "
                                  "station.name, threshold.<name>."),
                    {std::string(key)});
    }
    if (!valid)
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "%2 is not a valid value for the setting %1."),
                    {std::string(key), std::string(value)});
    Transaction tx(*m_state->db);
    SettingsRepository(*m_state->db).set(key, value, now(), m_state->user.id);
    AuditLog(*m_state->db, m_state->databaseId)
        .append(
            {now(), m_state->user.id, auditActionName(AuditAction::SettingChanged), std::string(key), "ok"});
    tx.commit();
    if (key == "session.idle_timeout_minutes")
        m_state->idleTimeout = std::chrono::minutes(*parseInteger(value));
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
    const FileLock lock(m_state->paths.lockFile);
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
    // Old-key pages must not linger in the WAL.
    m_state->db->checkpointTruncate();
    audit(AuditAction::KeyRotation, m_state->databaseId, "ok");
    qCInfo(lcStore) << "database key rotated for" << keyFile.slots.size() << "slots";
}

} // namespace fe::store
