// Session's sync section (Session.h, "sync"): keys, trust list, outbox bundles and receipts
// for core/sync. Every call checks the idle lock and the role first and audits its changes in
// the same transaction, like the rest of Session.
#include "store/Session.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "store/EnrollmentRepository.h"
#include "store/SessionState.h"
#include "store/SettingsRepository.h"
#include "store/SyncRepository.h"
#include "store/Transaction.h"
#include "store/Uuid.h"

#include <algorithm>
#include <optional>
#include <set>
#include <sodium.h>

namespace fe::store {
namespace {

// Settings written by setCentralKey (hex); listed by `settings list`, refused by setSetting
// (they change only together, through setCentralKey).
constexpr const char* kCentralKeyId = "sync.central.key_id";
constexpr const char* kCentralBoxKey = "sync.central.box_public_key";
constexpr const char* kCentralSignKey = "sync.central.sign_public_key";

std::string hex(std::span<const unsigned char> bytes)
{
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
    out.pop_back();
    return out;
}

std::optional<std::array<unsigned char, 32>> key32(const std::optional<std::string>& text)
{
    std::array<unsigned char, 32> out{};
    std::size_t n = 0;
    if (!text || text->size() != 64 ||
        sodium_hex2bin(out.data(), out.size(), text->data(), text->size(), nullptr, &n, nullptr) != 0 || n != 32)
        return std::nullopt;
    return out;
}

[[noreturn]] void noEnrollment(std::string_view id)
{
    throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no enrollment %1."), {std::string(id)});
}

} // namespace

void Session::requireEither(Permission first, Permission second)
{
    if (can(first))
        ensureActive();
    else
        require(second);
}

void Session::ensureStationKey()
{
    SyncRepository repo(*m_state->db);
    if (repo.stationKey(m_state->localStationId))
        return;
    Transaction tx = beginWrite();
    if (repo.stationKey(m_state->localStationId)) // another process made it while we waited
        return;
    AuditLog log(*m_state->db, m_state->databaseId);
    repo.createStationKey(log, m_state->localStationId, m_state->user.id, now());
    tx.commit();
    qCInfo(lcStore) << "station signing key created at first use";
}

StationIdentity Session::stationIdentity()
{
    ensureActive();
    ensureStationKey();
    SyncRepository repo(*m_state->db);
    StationIdentity id;
    id.stationId = m_state->localStationId;
    id.name = repo.stationName(m_state->localStationId);
    id.publicKey = repo.stationKey(m_state->localStationId)->publicKey;
    return id;
}

SecretBytes Session::stationSigningKey()
{
    requireEither(Permission::Export, Permission::Upload);
    ensureStationKey();
    const auto key = SyncRepository(*m_state->db).stationKey(m_state->localStationId);
    if (!key || key->seed.size() != crypto_sign_SEEDBYTES)
        throw Error(ErrorCode::Corrupt, QT_TRANSLATE_NOOP("fe::Error", "The station's signing key in the store is damaged."));
    SecretBytes secretKey(crypto_sign_SECRETKEYBYTES);
    Ed25519PublicKey publicKey{};
    crypto_sign_seed_keypair(publicKey.data(), secretKey.data(), key->seed.data());
    if (sodium_memcmp(publicKey.data(), key->publicKey.data(), publicKey.size()) != 0)
        throw Error(ErrorCode::Corrupt, QT_TRANSLATE_NOOP("fe::Error", "The station's signing key in the store is damaged."));
    return secretKey;
}

void Session::setCentralKey(const CentralKeyInfo& key)
{
    require(Permission::ManageSettings);
    std::array<unsigned char, 16> id{};
    std::size_t n = 0;
    if (key.keyId.size() != 32 ||
        sodium_hex2bin(id.data(), id.size(), key.keyId.data(), key.keyId.size(), nullptr, &n, nullptr) != 0 || n != 16)
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A central key id is 32 hex digits."));
    const TimePoint t = now();
    Transaction tx = beginWrite();
    SettingsRepository settings(*m_state->db);
    settings.set(kCentralKeyId, key.keyId, t, m_state->user.id);
    settings.set(kCentralBoxKey, hex(key.boxPublicKey), t, m_state->user.id);
    settings.set(kCentralSignKey, hex(key.signPublicKey), t, m_state->user.id);
    AuditLog(*m_state->db, m_state->databaseId)
        .append({t, m_state->user.id, auditActionName(AuditAction::SettingChanged), "sync.central_key", key.keyId});
    tx.commit();
}

std::optional<CentralKeyInfo> Session::centralKey()
{
    ensureActive();
    SettingsRepository settings(*m_state->db);
    const auto id = settings.get(kCentralKeyId);
    const auto box = key32(settings.get(kCentralBoxKey));
    const auto sign = key32(settings.get(kCentralSignKey));
    if (!id || !box || !sign)
        return std::nullopt;
    return CentralKeyInfo{*id, *box, *sign};
}

TrustListChange Session::replaceTrustList(const std::vector<TrustedStation>& stations)
{
    require(Permission::ManageSettings);
    std::set<std::string> ids;
    for (const auto& s : stations) {
        if (!isUuid(s.stationId) || s.name.empty() || !ids.insert(s.stationId).second)
            throw Error(ErrorCode::InvalidArgument,
                        QT_TRANSLATE_NOOP("fe::Error", "A trust list names each station once, by UUID and with a name."));
    }
    const TimePoint t = now();
    Transaction tx = beginWrite();
    const auto change = SyncRepository(*m_state->db).replaceTrusted(stations, t, m_state->user.id);
    AuditLog(*m_state->db, m_state->databaseId)
        .append({t, m_state->user.id, auditActionName(AuditAction::SettingChanged), "sync.trust_list",
                 "added:" + std::to_string(change.added) + " removed:" + std::to_string(change.removed) +
                     " changed:" + std::to_string(change.changed)});
    tx.commit();
    return change;
}

std::vector<TrustedStation> Session::trustedStations()
{
    ensureActive();
    return SyncRepository(*m_state->db).trusted();
}

namespace {

// One record for a bundle, read with the caller's repositories (no permission check here).
void readExportRecord(EnrollmentRepository& enrollments, SyncRepository& sync, std::string_view id, ExportRecord& out)
{
    const auto s = enrollments.summary(id);
    if (!s)
        noEnrollment(id);
    if (s->purged || (s->uploadState != UploadState::Queued && s->uploadState != UploadState::Exported &&
                      s->uploadState != UploadState::Uploaded))
        throw Error(ErrorCode::Conflict,
                    QT_TRANSLATE_NOOP("fe::Error", "The enrollment %1 cannot go into a bundle: its upload state is \"%2\" "
                                                   "(only queued, exported or uploaded ones can)."),
                    {std::string(id), s->purged ? "purged" : toString(s->uploadState)});
    out.enrollment = *enrollments.get(id);
    out.audit = sync.auditOf(id);
}

} // namespace

ExportRecord Session::exportRecord(std::string_view id)
{
    requireEither(Permission::Export, Permission::Upload);
    EnrollmentRepository enrollments(*m_state->db);
    SyncRepository sync(*m_state->db);
    ExportRecord r;
    readExportRecord(enrollments, sync, id, r);
    return r;
}

void Session::readExportRecords(const std::vector<std::string>& ids, const std::function<bool(const ExportRecord&)>& each)
{
    requireEither(Permission::Export, Permission::Upload);
    EnrollmentRepository enrollments(*m_state->db);
    SyncRepository sync(*m_state->db);
    // Deferred: a read snapshot, no write lock (enrollments go on in other processes).
    std::optional<Transaction> snapshot(std::in_place, *m_state->db, Transaction::Mode::Deferred);
    ExportRecord r;
    for (const auto& id : ids) {
        // A long export is activity. Should the session have gone idle all the same (a
        // progress callback that waited), the snapshot ends first: locking writes an audit
        // row and closes the connection, neither of which may happen inside it.
        if (isLocked()) {
            snapshot.reset();
            ensureActive(); // locks and throws Locked
        }
        m_state->lastActivity = now();
        readExportRecord(enrollments, sync, id, r);
        if (!each(r))
            break;
    }
    snapshot->commit();
}

std::vector<std::string> Session::enrollmentsOfBundle(std::string_view bundleId)
{
    require(Permission::Export);
    return SyncRepository(*m_state->db).enrollmentsOfBundle(bundleId);
}

int Session::markExportedBatch(const std::vector<std::string>& ids, std::string_view bundleId)
{
    require(Permission::Export);
    SyncRepository repo(*m_state->db);
    AuditLog log(*m_state->db, m_state->databaseId);
    const TimePoint t = now();
    Transaction tx = beginWrite();
    repo.addMembers(bundleId, ids);
    const auto moved =
        repo.moveUploadStates(ids, {UploadState::Queued, UploadState::Exported}, UploadState::Exported, bundleId, t);
    for (const auto& id : moved)
        log.append({t, m_state->user.id, auditActionName(AuditAction::Export), id, std::string(bundleId)});
    tx.commit();
    return static_cast<int>(moved.size());
}

std::filesystem::path Session::outboxDirectory() const
{
    if (!m_state)
        throw Error(ErrorCode::Locked, QT_TRANSLATE_NOOP("fe::Error", "The session has ended; log in again."));
    return m_state->paths.database.string() + ".outbox";
}

void Session::addLocalBundle(const OutboxBundle& bundle, const std::vector<std::string>& ids)
{
    require(Permission::Upload);
    SyncRepository repo(*m_state->db);
    AuditLog log(*m_state->db, m_state->databaseId);
    const TimePoint t = now();
    OutboxBundle b = bundle;
    b.origin = BundleOrigin::Local;
    b.state = BundleState::Pending;
    b.createdAt = b.updatedAt = t;
    Transaction tx = beginWrite();
    if (!repo.insertBundle(b))
        throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "The outbox holds a bundle %1 already."), {b.bundleId});
    const std::set<std::string> distinct(ids.begin(), ids.end());
    const auto moved = repo.moveUploadStates(ids, {UploadState::Queued}, UploadState::Exported, b.bundleId, t);
    if (moved.size() != distinct.size()) {
        // The first one that did not move names the conflict; the transaction rolls back.
        const std::set<std::string> ok(moved.begin(), moved.end());
        const auto it = std::find_if(ids.begin(), ids.end(), [&](const std::string& id) { return ok.count(id) == 0; });
        throw Error(ErrorCode::Conflict,
                    QT_TRANSLATE_NOOP("fe::Error", "The enrollment %1 changed while its bundle was made; nothing was "
                                                   "recorded."),
                    {*it});
    }
    repo.addMembers(b.bundleId, moved);
    for (const auto& id : moved)
        log.append({t, m_state->user.id, auditActionName(AuditAction::Upload), id, "bundled:" + b.bundleId});
    tx.commit();
}

bool Session::addRelayedBundle(const OutboxBundle& bundle)
{
    require(Permission::Import);
    SyncRepository repo(*m_state->db);
    const TimePoint t = now();
    OutboxBundle b = bundle;
    b.origin = BundleOrigin::Relayed;
    b.state = BundleState::Pending;
    b.createdAt = b.updatedAt = t;
    Transaction tx = beginWrite();
    const bool added = repo.insertBundle(b);
    AuditLog(*m_state->db, m_state->databaseId)
        .append({t, m_state->user.id, auditActionName(AuditAction::Import), b.bundleId, added ? "ok" : "duplicate"});
    tx.commit();
    return added;
}

std::vector<OutboxBundle> Session::outboxBundles(std::optional<BundleState> state)
{
    requireEither(Permission::Upload, Permission::Import);
    return SyncRepository(*m_state->db).bundles(state);
}

std::optional<OutboxBundle> Session::outboxBundle(std::string_view bundleId)
{
    requireEither(Permission::Upload, Permission::Import);
    return SyncRepository(*m_state->db).bundle(bundleId);
}

void Session::recordUploadAttempt(std::string_view bundleId, std::string_view error)
{
    require(Permission::Upload);
    Transaction tx = beginWrite();
    SyncRepository(*m_state->db).recordAttempt(bundleId, error, now());
    tx.commit();
}

void Session::rejectBundle(std::string_view bundleId, std::string_view reason)
{
    require(Permission::Upload);
    const TimePoint t = now();
    Transaction tx = beginWrite();
    SyncRepository(*m_state->db).setBundleState(bundleId, BundleState::Rejected, reason, t);
    AuditLog(*m_state->db, m_state->databaseId)
        .append({t, m_state->user.id, auditActionName(AuditAction::Upload), std::string(bundleId), "rejected"});
    tx.commit();
}

int Session::retryRejectedBundles()
{
    require(Permission::Upload);
    SyncRepository repo(*m_state->db);
    const TimePoint t = now();
    Transaction tx = beginWrite();
    int n = 0;
    AuditLog log(*m_state->db, m_state->databaseId);
    for (const auto& b : repo.bundles(BundleState::Rejected)) {
        repo.setBundleState(b.bundleId, BundleState::Pending, {}, t);
        log.append({t, m_state->user.id, auditActionName(AuditAction::Upload), b.bundleId, "retry"});
        ++n;
    }
    tx.commit();
    return n;
}

ReceiptOutcome Session::applyReceipt(const ReceiptRecord& receipt)
{
    require(Permission::Upload);
    if (!isUuid(receipt.receiptId) || !isUuid(receipt.bundleId))
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A receipt needs the central service's receipt id."));
    SyncRepository sync(*m_state->db);
    EnrollmentRepository enrollments(*m_state->db);
    AuditLog log(*m_state->db, m_state->databaseId);
    const TimePoint t = truncateToMillis(now());
    ReceiptOutcome out;
    Transaction tx = beginWrite();
    if (sync.hasReceipt(receipt.receiptId))
        return out; // applied before: every effect is there already
    out.newReceipt = true;
    sync.insertReceipt(receipt, t);
    const auto bundle = sync.bundle(receipt.bundleId);
    if (bundle)
        sync.setBundleState(receipt.bundleId, BundleState::Receipted, {}, t);
    const Receipt stored{receipt.receiptId, t, {}}; // the signed bytes are kept once, in sync_receipts
    std::set<std::string> accepted;
    if (receipt.stationId == m_state->localStationId) {
        for (const auto& id : receipt.acceptedIds) {
            accepted.insert(id);
            // Only what went into that bundle: a receipt cannot mark (and so let the purge
            // remove) an enrollment that was never sent in it.
            if (!sync.isMember(receipt.bundleId, id))
                continue;
            const auto s = enrollments.summary(id);
            if (!s || s->stationId != m_state->localStationId)
                continue;
            if (s->uploadState == UploadState::Receipted) {
                ++out.alreadyReceipted;
                continue;
            }
            if (!sync.moveUploadState(id, {UploadState::Queued, UploadState::Exported, UploadState::Uploaded},
                                      UploadState::Uploaded, receipt.bundleId, t))
                continue; // held: not ours to upload
            log.append({t, m_state->user.id, auditActionName(AuditAction::Upload), id, receipt.bundleId});
            enrollments.recordReceipt(id, stored, t);
            log.append({t, m_state->user.id, auditActionName(AuditAction::Receipt), id, receipt.receiptId});
            ++out.marked;
        }
    }
    if (bundle && bundle->origin == BundleOrigin::Local) {
        for (const auto& id : sync.exportedInBundle(receipt.bundleId)) {
            if (accepted.count(id) != 0)
                continue;
            if (sync.moveUploadState(id, {UploadState::Exported}, UploadState::Queued, std::nullopt, t)) {
                log.append({t, m_state->user.id, auditActionName(AuditAction::Upload), id, "requeued"});
                ++out.requeued;
            }
        }
    }
    log.append({t, m_state->user.id, auditActionName(AuditAction::Receipt), receipt.bundleId, receipt.receiptId});
    tx.commit();
    return out;
}

std::vector<ReceiptRecord> Session::receipts(std::optional<std::string> stationId)
{
    requireEither(Permission::Upload, Permission::Import);
    return SyncRepository(*m_state->db).receipts(std::move(stationId));
}

} // namespace fe::store
