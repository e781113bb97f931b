#pragma once

// Writes a v1 bundle as a stream: records go in one at a time and leave encrypted in
// 64 KiB chunks, so memory stays at one chunk and one record whatever the bundle's size.
// The header, which holds the final sizes, is written last at offset 0 (the sink is a
// temporary file). Not thread-safe.

#include "store/SecretBytes.h"
#include "store/SyncRecords.h"
#include "sync/BundleFormat.h"
#include "sync/BundleSink.h"

#include <QByteArray>

#include <memory>

namespace fe::sync {

struct BundleWriterParams
{
    std::string bundleId;  // UUID
    store::StationIdentity station;
    const store::SecretBytes* stationSecretKey = nullptr; // Ed25519, 64 bytes (libsodium layout)
    store::CentralKeyInfo recipient;
    std::int64_t createdAtMs = 0;
    std::uint32_t chunkSize = format::kDefaultChunkSize;
};

struct BundleSummary
{
    std::string bundleId;
    std::uint32_t records = 0;
    std::uint64_t bytes = 0; // the whole file
    std::array<unsigned char, format::kSignatureSize> signature{};
};

class BundleWriter
{
public:
    // Throws fe::Error(InvalidArgument) for a malformed id, key or chunk size.
    BundleWriter(BundleSink& sink, const BundleWriterParams& params);
    ~BundleWriter();
    BundleWriter(const BundleWriter&) = delete;
    BundleWriter& operator=(const BundleWriter&) = delete;

    // One record's CBOR (RecordCodec).
    void addRecord(const QByteArray& cbor);
    // The final chunk, the chunk table, the signature and the header. Call once.
    BundleSummary finish();
    [[nodiscard]] std::uint32_t records() const;
    [[nodiscard]] std::uint64_t bytesWritten() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace fe::sync
