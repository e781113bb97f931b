#pragma once

// Value types of the store's sync section (Session.h, "sync"): the station's signing
// identity, the central service's public keys, the trust list of other stations, bundles
// in the outbox and receipts. Keys are raw bytes; core/sync owns the file formats.

#include "store/AuditLog.h"
#include "store/Clock.h"
#include "store/Records.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace fe::store {

using Ed25519PublicKey = std::array<unsigned char, 32>;
using X25519PublicKey = std::array<unsigned char, 32>;

// This station as bundles and uploads name it.
struct StationIdentity
{
    std::string stationId;
    std::string name;
    Ed25519PublicKey publicKey{};
};

// The central service's public keys (an admin imports them with `keys set-central`):
// bundles are sealed to the X25519 key, receipts are verified with the Ed25519 key. The key
// id names the pair (32 hex digits, derived from both keys).
struct CentralKeyInfo
{
    std::string keyId;
    X25519PublicKey boxPublicKey{};
    Ed25519PublicKey signPublicKey{};
};

// A station whose bundles this one accepts for relay.
struct TrustedStation
{
    std::string stationId;
    std::string name;
    Ed25519PublicKey publicKey{};
};

struct TrustListChange
{
    int added = 0;
    int removed = 0;
    int changed = 0; // a station whose name or key changed
    int unchanged = 0;
};

// An enrollment as a bundle carries it: the record and its audit rows.
struct ExportRecord
{
    Enrollment enrollment;
    std::vector<AuditEntry> audit;
};

// Local: made by this station's uploader from its queued enrollments. Relayed: imported
// from another station's export; opaque (sealed to the central service).
enum class BundleOrigin
{
    Local,
    Relayed
};
// Pending: waits for upload. Rejected: the receiver refused it (4xx); kept until an
// operator retries or removes it. Receipted: the central service confirmed it.
enum class BundleState
{
    Pending,
    Rejected,
    Receipted
};
const char* toString(BundleOrigin o) noexcept;
const char* toString(BundleState s) noexcept;

// A bundle in the outbox. The file lives in Session::outboxDirectory() under fileName.
struct OutboxBundle
{
    std::string bundleId;
    BundleOrigin origin = BundleOrigin::Local;
    std::string stationId; // the station that made and signed it
    std::int64_t recordCount = 0;
    std::int64_t sizeBytes = 0;
    std::string fileName;
    BundleState state = BundleState::Pending;
    int attempts = 0;
    std::string lastError;
    TimePoint createdAt{};
    TimePoint updatedAt{};
};

// A receipt from the central service, already verified by core/sync.
struct ReceiptRecord
{
    std::string receiptId;
    std::string bundleId;
    std::string stationId; // the station whose records it acknowledges
    TimePoint receivedAt{};
    std::vector<std::string> acceptedIds;
    std::vector<unsigned char> signedBytes; // as the service sent it
};

struct ReceiptOutcome
{
    bool newReceipt = false; // false: this receipt had been applied before
    int marked = 0;          // enrollments of this station now receipted
    int alreadyReceipted = 0;
    int requeued = 0; // records of a local bundle that the receipt did not name: queued again
};

} // namespace fe::store
