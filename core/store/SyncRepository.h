#pragma once

#include "store/SecretBytes.h"
#include "store/SyncRecords.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {

class Connection;

// The SQL of the sync tables (schema version 4): station signing keys, the trust list,
// outbox bundles, central receipts, and an enrollment's audit rows. No permission checks and
// no audit rows (Session does both, in the same transaction); writes belong inside the
// caller's transaction. Thread-safety: as the Connection.
class SyncRepository
{
public:
    explicit SyncRepository(Connection& db) : m_db(db) {}

    struct StationKey
    {
        Ed25519PublicKey publicKey{};
        SecretBytes seed; // 32 bytes; crypto_sign_seed_keypair derives the secret key
    };
    std::optional<StationKey> stationKey(std::string_view stationId);
    // A new Ed25519 key pair for the station, audited (setting_changed, object
    // "station.signing_key", outcome "created") by actor.
    void createStationKey(AuditLog& log, std::string_view stationId, std::string_view actor, TimePoint when);
    std::string stationName(std::string_view stationId);

    std::vector<TrustedStation> trusted();
    TrustListChange replaceTrusted(const std::vector<TrustedStation>& stations, TimePoint when, std::string_view userId);

    // False when a bundle with that id is there already.
    bool insertBundle(const OutboxBundle& bundle);
    std::optional<OutboxBundle> bundle(std::string_view bundleId);
    std::vector<OutboxBundle> bundles(std::optional<BundleState> state);
    void setBundleState(std::string_view bundleId, BundleState state, std::string_view lastError, TimePoint when);
    void recordAttempt(std::string_view bundleId, std::string_view error, TimePoint when);

    [[nodiscard]] bool hasReceipt(std::string_view receiptId);
    void insertReceipt(const ReceiptRecord& receipt, TimePoint receivedAt);
    std::vector<ReceiptRecord> receipts(std::optional<std::string> stationId);

    // Local enrollments in state `exported` that point at bundleId.
    std::vector<std::string> exportedInBundle(std::string_view bundleId);
    // Which enrollments a bundle carries (every bundle they went into is remembered).
    void addMember(std::string_view bundleId, std::string_view enrollmentId);
    [[nodiscard]] bool isMember(std::string_view bundleId, std::string_view enrollmentId);
    std::vector<std::string> enrollmentsOfBundle(std::string_view bundleId);
    // Moves an enrollment from one upload state to another; false when it was not in `from`.
    bool moveUploadState(std::string_view enrollmentId, std::initializer_list<UploadState> from, UploadState to,
                         std::optional<std::string_view> bundleId, TimePoint when);
    // addMember and moveUploadState for many enrollments at once: three statements per
    // kIdBatch ids instead of two per id. Inside a transaction SQLite copies every page a
    // statement changes to the statement journal first, and SQLCipher encrypts that copy, so
    // per-id statements cost an export more than reading the records did (bench_sync).
    // moveUploadStates returns the ids that moved, each once, in the order of ids.
    void addMembers(std::string_view bundleId, const std::vector<std::string>& enrollmentIds);
    std::vector<std::string> moveUploadStates(const std::vector<std::string>& enrollmentIds,
                                              std::initializer_list<UploadState> from, UploadState to,
                                              std::optional<std::string_view> bundleId, TimePoint when);
    // Ids per statement of the batch forms (SQLite allows 999 parameters per statement).
    static constexpr std::size_t kIdBatch = 500;

    std::vector<AuditEntry> auditOf(std::string_view objectId);

private:
    Connection& m_db;
};

} // namespace fe::store
