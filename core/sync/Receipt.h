#pragma once

// The central service's receipt for one bundle (docs/bundle-format.md, "Receipts"):
//
//   magic "\x89FER\r\n\x1a\n" (8) | version u16 = 1 | reserved u16 = 0 | body length u32 |
//   body (CBOR map) | Ed25519 signature (64) by the central signing key over
//   "FaceEnroll receipt v1" NUL || everything before the signature
//
// Receipts are self-delimiting, so a file of receipts (what a relay hands back to the
// stations whose bundles it uploaded) is simply several in a row. Thread-safe (no state).

#include "store/SecretBytes.h"
#include "store/SyncRecords.h"
#include "sync/ByteUtil.h"

#include <string>
#include <vector>

namespace fe::sync {

struct ReceiptBody
{
    std::string receiptId;
    std::string bundleId;
    std::string stationId; // the station that made the bundle (whose records these are)
    std::string relayId;   // the station that uploaded it (== stationId unless relayed)
    std::string keyId;     // the central key that signed
    std::int64_t timeMs = 0;
    std::vector<std::string> acceptedIds; // every record of the bundle the service now holds
};

class Receipt
{
public:
    static Bytes sign(const ReceiptBody& body, const store::SecretBytes& signSecretKey);
    // Verifies the signature with the central key first, then decodes. Throws BundleError:
    // BadReceipt (malformed), ReceiptSignature (does not verify), ReceiptMismatch (signed by
    // another key id). consumed, when set, gets the receipt's length (for files of several).
    static ReceiptBody verify(ByteView bytes, const store::CentralKeyInfo& central, std::size_t* consumed = nullptr);
    // Splits a file of receipts, verifying each.
    static std::vector<std::pair<ReceiptBody, Bytes>> verifyAll(ByteView bytes, const store::CentralKeyInfo& central);
    // As the store records it.
    static store::ReceiptRecord toRecord(const ReceiptBody& body, ByteView signedBytes);
};

} // namespace fe::sync
