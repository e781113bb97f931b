#include "store/SyncRepository.h"

#include "store/Connection.h"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <set>

namespace fe::store {
namespace {

Ed25519PublicKey keyFrom(std::span<const unsigned char> bytes)
{
    Ed25519PublicKey k{};
    if (bytes.size() == k.size())
        std::copy(bytes.begin(), bytes.end(), k.begin());
    return k;
}

std::optional<BundleOrigin> parseOrigin(std::string_view s)
{
    if (s == "local")
        return BundleOrigin::Local;
    if (s == "relayed")
        return BundleOrigin::Relayed;
    return std::nullopt;
}

std::optional<BundleState> parseBundleState(std::string_view s)
{
    for (const auto v : {BundleState::Pending, BundleState::Rejected, BundleState::Receipted}) {
        if (s == toString(v))
            return v;
    }
    return std::nullopt;
}

// "state IN (...)" for a set of upload states.
std::string statesList(std::initializer_list<UploadState> states)
{
    std::string in;
    for (const auto s : states)
        in += std::string(in.empty() ? "'" : ", '") + toString(s) + "'";
    return in;
}

// "?first, ?first+1, ..." for one batch of ids.
std::string idParameters(int first)
{
    std::string out;
    for (std::size_t i = 0; i < SyncRepository::kIdBatch; ++i)
        out += (i == 0 ? "?" : ", ?") + std::to_string(first + static_cast<int>(i));
    return out;
}

// Binds one batch (at most kIdBatch ids) to the parameters from `first`; a short batch
// repeats its last id, which changes nothing in an IN list and keeps one statement per SQL.
void bindIds(Statement& q, int first, std::span<const std::string> batch)
{
    for (std::size_t i = 0; i < SyncRepository::kIdBatch; ++i)
        q.bind(first + static_cast<int>(i), batch[std::min(i, batch.size() - 1)]);
}

template <typename Fn> void forEachBatch(const std::vector<std::string>& ids, Fn&& fn)
{
    const std::span<const std::string> all(ids);
    for (std::size_t at = 0; at < all.size(); at += SyncRepository::kIdBatch)
        fn(all.subspan(at, std::min(SyncRepository::kIdBatch, all.size() - at)));
}

constexpr const char* kBundleColumns = "bundle_id, origin, station_id, record_count, size_bytes, file_name, state, "
                                       "attempts, last_error, created_at, updated_at";

OutboxBundle readBundle(const Statement& q)
{
    OutboxBundle b;
    b.bundleId = q.text(0);
    b.origin = parseOrigin(q.text(1)).value_or(BundleOrigin::Local);
    b.stationId = q.text(2);
    b.recordCount = q.int64(3);
    b.sizeBytes = q.int64(4);
    b.fileName = q.text(5);
    b.state = parseBundleState(q.text(6)).value_or(BundleState::Pending);
    b.attempts = q.int32(7);
    b.lastError = q.text(8);
    b.createdAt = fromMillis(q.int64(9));
    b.updatedAt = fromMillis(q.int64(10));
    return b;
}

} // namespace

const char* toString(BundleOrigin o) noexcept
{
    return o == BundleOrigin::Local ? "local" : "relayed";
}

const char* toString(BundleState s) noexcept
{
    switch (s) {
    case BundleState::Pending:
        return "pending";
    case BundleState::Rejected:
        return "rejected";
    case BundleState::Receipted:
        return "receipted";
    }
    return "pending";
}

std::optional<SyncRepository::StationKey> SyncRepository::stationKey(std::string_view stationId)
{
    auto& q = m_db.cached("SELECT public_key, secret_seed FROM station_keys WHERE station_id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, stationId);
    if (!q.step())
        return std::nullopt;
    StationKey k;
    k.publicKey = keyFrom(q.blobView(0));
    const auto seed = q.blobView(1);
    k.seed = SecretBytes(seed.data(), seed.size());
    return k;
}

void SyncRepository::createStationKey(AuditLog& log, std::string_view stationId, std::string_view actor, TimePoint when)
{
    ensureSodium();
    const SecretBytes seed = SecretBytes::random(crypto_sign_SEEDBYTES);
    Ed25519PublicKey publicKey{};
    SecretBytes secretKey(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(publicKey.data(), secretKey.data(), seed.data());
    auto& q = m_db.cached("INSERT INTO station_keys (station_id, algorithm, public_key, secret_seed, created_at) "
                          "VALUES (?1, 'ed25519', ?2, ?3, ?4)");
    const Statement::ResetOnExit guard(q);
    q.bind(1, stationId)
        .bindBlob(2, publicKey)
        .bindBlob(3, std::span<const unsigned char>(seed.data(), seed.size()))
        .bind(4, toMillis(when));
    q.run();
    log.append({when, std::string(actor), auditActionName(AuditAction::SettingChanged), "station.signing_key", "created"});
}

std::string SyncRepository::stationName(std::string_view stationId)
{
    auto& q = m_db.cached("SELECT coalesce((SELECT value FROM settings WHERE key = 'station.name'), name) "
                          "FROM stations WHERE id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, stationId);
    return q.step() ? q.text(0) : std::string();
}

std::vector<TrustedStation> SyncRepository::trusted()
{
    auto& q = m_db.cached("SELECT station_id, name, public_key FROM trusted_stations ORDER BY name, station_id");
    const Statement::ResetOnExit guard(q);
    std::vector<TrustedStation> out;
    while (q.step())
        out.push_back({q.text(0), q.text(1), keyFrom(q.blobView(2))});
    return out;
}

TrustListChange SyncRepository::replaceTrusted(const std::vector<TrustedStation>& stations, TimePoint when,
                                               std::string_view userId)
{
    std::map<std::string, TrustedStation> before;
    for (auto& s : trusted())
        before.emplace(s.stationId, s);
    TrustListChange change;
    for (const auto& s : stations) {
        const auto it = before.find(s.stationId);
        if (it == before.end()) {
            ++change.added;
        } else {
            if (it->second.name == s.name && it->second.publicKey == s.publicKey)
                ++change.unchanged;
            else
                ++change.changed;
            before.erase(it);
        }
    }
    change.removed = static_cast<int>(before.size());
    m_db.exec("DELETE FROM trusted_stations");
    for (const auto& s : stations) {
        auto& q = m_db.cached("INSERT INTO trusted_stations (station_id, name, public_key, added_at, added_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)");
        const Statement::ResetOnExit guard(q);
        q.bind(1, s.stationId).bind(2, s.name).bindBlob(3, s.publicKey).bind(4, toMillis(when)).bind(5, userId);
        q.run();
    }
    return change;
}

bool SyncRepository::insertBundle(const OutboxBundle& b)
{
    if (bundle(b.bundleId))
        return false;
    auto& q = m_db.cached(std::string("INSERT INTO outbox_bundles (") + kBundleColumns +
                          ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    const Statement::ResetOnExit guard(q);
    q.bind(1, b.bundleId)
        .bind(2, toString(b.origin))
        .bind(3, b.stationId)
        .bind(4, b.recordCount)
        .bind(5, b.sizeBytes)
        .bind(6, b.fileName)
        .bind(7, toString(b.state))
        .bind(8, b.attempts);
    if (b.lastError.empty())
        q.bindNull(9);
    else
        q.bind(9, b.lastError);
    q.bind(10, toMillis(b.createdAt)).bind(11, toMillis(b.updatedAt));
    q.run();
    return true;
}

std::optional<OutboxBundle> SyncRepository::bundle(std::string_view bundleId)
{
    auto& q = m_db.cached(std::string("SELECT ") + kBundleColumns + " FROM outbox_bundles WHERE bundle_id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, bundleId);
    if (!q.step())
        return std::nullopt;
    return readBundle(q);
}

std::vector<OutboxBundle> SyncRepository::bundles(std::optional<BundleState> state)
{
    auto& q = m_db.cached(std::string("SELECT ") + kBundleColumns +
                          " FROM outbox_bundles WHERE ?1 IS NULL OR state = ?1 ORDER BY created_at, bundle_id");
    const Statement::ResetOnExit guard(q);
    if (state)
        q.bind(1, toString(*state));
    else
        q.bindNull(1);
    std::vector<OutboxBundle> out;
    while (q.step())
        out.push_back(readBundle(q));
    return out;
}

void SyncRepository::setBundleState(std::string_view bundleId, BundleState state, std::string_view lastError,
                                    TimePoint when)
{
    auto& q = m_db.cached("UPDATE outbox_bundles SET state = ?2, last_error = ?3, updated_at = ?4 WHERE bundle_id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, bundleId).bind(2, toString(state));
    if (lastError.empty())
        q.bindNull(3);
    else
        q.bind(3, lastError);
    q.bind(4, toMillis(when));
    q.run();
}

void SyncRepository::recordAttempt(std::string_view bundleId, std::string_view error, TimePoint when)
{
    auto& q = m_db.cached("UPDATE outbox_bundles SET attempts = attempts + 1, last_error = ?2, updated_at = ?3 "
                          "WHERE bundle_id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, bundleId);
    if (error.empty())
        q.bindNull(2);
    else
        q.bind(2, error);
    q.bind(3, toMillis(when));
    q.run();
}

bool SyncRepository::hasReceipt(std::string_view receiptId)
{
    auto& q = m_db.cached("SELECT 1 FROM sync_receipts WHERE receipt_id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, receiptId);
    return q.step();
}

void SyncRepository::insertReceipt(const ReceiptRecord& r, TimePoint receivedAt)
{
    auto& q = m_db.cached("INSERT INTO sync_receipts (receipt_id, bundle_id, station_id, received_at, signed) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)");
    const Statement::ResetOnExit guard(q);
    q.bind(1, r.receiptId).bind(2, r.bundleId).bind(3, r.stationId).bind(4, toMillis(receivedAt)).bindBlob(5, r.signedBytes);
    q.run();
}

std::vector<ReceiptRecord> SyncRepository::receipts(std::optional<std::string> stationId)
{
    auto& q = m_db.cached("SELECT receipt_id, bundle_id, station_id, received_at, signed FROM sync_receipts "
                          "WHERE ?1 IS NULL OR station_id = ?1 ORDER BY received_at, receipt_id");
    const Statement::ResetOnExit guard(q);
    if (stationId)
        q.bind(1, *stationId);
    else
        q.bindNull(1);
    std::vector<ReceiptRecord> out;
    while (q.step()) {
        ReceiptRecord r;
        r.receiptId = q.text(0);
        r.bundleId = q.text(1);
        r.stationId = q.text(2);
        r.receivedAt = fromMillis(q.int64(3));
        r.signedBytes = q.blob(4);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<std::string> SyncRepository::exportedInBundle(std::string_view bundleId)
{
    auto& q = m_db.cached("SELECT enrollment_id FROM outbox WHERE bundle_id = ?1 AND state = 'exported'");
    const Statement::ResetOnExit guard(q);
    q.bind(1, bundleId);
    std::vector<std::string> out;
    while (q.step())
        out.push_back(q.text(0));
    return out;
}

void SyncRepository::addMember(std::string_view bundleId, std::string_view enrollmentId)
{
    auto& q = m_db.cached("INSERT OR IGNORE INTO bundle_members (bundle_id, enrollment_id) "
                          "SELECT ?1, id FROM enrollments WHERE id = ?2");
    const Statement::ResetOnExit guard(q);
    q.bind(1, bundleId).bind(2, enrollmentId);
    q.run();
}

bool SyncRepository::isMember(std::string_view bundleId, std::string_view enrollmentId)
{
    auto& q = m_db.cached("SELECT 1 FROM bundle_members WHERE bundle_id = ?1 AND enrollment_id = ?2");
    const Statement::ResetOnExit guard(q);
    q.bind(1, bundleId).bind(2, enrollmentId);
    return q.step();
}

std::vector<std::string> SyncRepository::enrollmentsOfBundle(std::string_view bundleId)
{
    auto& q = m_db.cached("SELECT m.enrollment_id FROM bundle_members m JOIN enrollments e ON e.id = m.enrollment_id "
                          "WHERE m.bundle_id = ?1 ORDER BY e.created_at, e.id");
    const Statement::ResetOnExit guard(q);
    q.bind(1, bundleId);
    std::vector<std::string> out;
    while (q.step())
        out.push_back(q.text(0));
    return out;
}

bool SyncRepository::moveUploadState(std::string_view enrollmentId, std::initializer_list<UploadState> from,
                                     UploadState to, std::optional<std::string_view> bundleId, TimePoint when)
{
    auto& q = m_db.cached("UPDATE outbox SET state = ?2, bundle_id = coalesce(?3, bundle_id), updated_at = ?4 "
                          "WHERE enrollment_id = ?1 AND state IN (" + statesList(from) + ")");
    const Statement::ResetOnExit guard(q);
    q.bind(1, enrollmentId).bind(2, toString(to));
    if (bundleId)
        q.bind(3, *bundleId);
    else
        q.bindNull(3);
    q.bind(4, toMillis(when));
    q.run();
    return m_db.changes() == 1;
}

void SyncRepository::addMembers(std::string_view bundleId, const std::vector<std::string>& enrollmentIds)
{
    auto& q = m_db.cached("INSERT OR IGNORE INTO bundle_members (bundle_id, enrollment_id) "
                          "SELECT ?1, id FROM enrollments WHERE id IN (" + idParameters(2) + ")");
    forEachBatch(enrollmentIds, [&](std::span<const std::string> batch) {
        const Statement::ResetOnExit guard(q);
        q.bind(1, bundleId);
        bindIds(q, 2, batch);
        q.run();
    });
}

std::vector<std::string> SyncRepository::moveUploadStates(const std::vector<std::string>& enrollmentIds,
                                                          std::initializer_list<UploadState> from, UploadState to,
                                                          std::optional<std::string_view> bundleId, TimePoint when)
{
    const std::string in = statesList(from);
    const std::string ids = idParameters(4);
    auto& which = m_db.cached("SELECT enrollment_id FROM outbox WHERE enrollment_id IN (" + ids + ") AND state IN (" +
                              in + ")");
    auto& update = m_db.cached("UPDATE outbox SET state = ?1, bundle_id = coalesce(?2, bundle_id), updated_at = ?3 "
                               "WHERE enrollment_id IN (" + ids + ") AND state IN (" + in + ")");
    std::set<std::string> moving;
    forEachBatch(enrollmentIds, [&](std::span<const std::string> batch) {
        {
            const Statement::ResetOnExit guard(which);
            bindIds(which, 4, batch);
            while (which.step())
                moving.insert(which.text(0));
        }
        const Statement::ResetOnExit guard(update);
        update.bind(1, toString(to));
        if (bundleId)
            update.bind(2, *bundleId);
        else
            update.bindNull(2);
        update.bind(3, toMillis(when));
        bindIds(update, 4, batch);
        update.run();
    });
    std::vector<std::string> moved;
    for (const auto& id : enrollmentIds) {
        if (moving.erase(id) != 0)
            moved.push_back(id);
    }
    return moved;
}

std::vector<AuditEntry> SyncRepository::auditOf(std::string_view objectId)
{
    auto& q = m_db.cached("SELECT seq, time, actor, action, object_id, outcome, hash FROM audit "
                          "WHERE object_id = ?1 ORDER BY seq");
    const Statement::ResetOnExit guard(q);
    q.bind(1, objectId);
    std::vector<AuditEntry> out;
    while (q.step()) {
        AuditEntry e;
        e.seq = q.int64(0);
        e.event = {fromMillis(q.int64(1)), q.text(2), q.text(3), q.text(4), q.text(5)};
        const auto h = q.blobView(6);
        if (h.size() == e.hash.size())
            std::copy(h.begin(), h.end(), e.hash.begin());
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace fe::store
