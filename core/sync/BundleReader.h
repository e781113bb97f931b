#pragma once

// Reads a v1 bundle in the order docs/bundle-format.md prescribes: the envelope first
// (header, size, trust, signature over header and chunk table), before any ciphertext is
// looked at; then the content (every region against its signed hash), and, for the holder
// of the central key only, the records. Every refusal is a BundleError with its specific
// problem. Memory: one chunk and one record. Not thread-safe.

#include "store/SecretBytes.h"
#include "sync/BundleFormat.h"
#include "sync/ByteSource.h"

#include <QByteArray>

#include <functional>
#include <optional>
#include <string>

namespace fe::sync {

// The central service's secret keys, as the hub holds them.
struct CentralSecretKeys;

class BundleReader
{
public:
    // Returns the public key the trust list holds for a station id, or nothing when the
    // station is unknown.
    using TrustLookup = std::function<std::optional<PublicKey>(const std::string& stationId)>;
    // Called with the bytes read so far, for progress. Return false to cancel (the reader
    // then throws fe::Error(Conflict)).
    using Progress = std::function<bool(std::uint64_t done, std::uint64_t total)>;

    // Checks the envelope. With trust, the station must be in it with the header's key
    // (UnknownStation, StationKeyMismatch); without, the signature is checked against the
    // key in the header (integrity only: the caller must not call that trusted).
    BundleReader(ByteSource& source, const TrustLookup* trust);

    [[nodiscard]] const BundleHeader& header() const { return m_header; }
    [[nodiscard]] const BundleGeometry& geometry() const { return m_geometry; }
    [[nodiscard]] std::string bundleId() const { return uuidFromBytes(m_header.bundleId); }
    [[nodiscard]] std::string stationId() const { return uuidFromBytes(m_header.stationId); }
    [[nodiscard]] std::string recipientKeyId() const { return toHex(m_header.recipientKeyId); }
    [[nodiscard]] const std::array<unsigned char, format::kSignatureSize>& signature() const { return m_signature; }

    // Checks every region of ciphertext against its signed hash (DamagedKeyBlock,
    // DamagedChunk, ChunksOutOfOrder). copy, when set, receives every byte of the file in
    // order (what an import writes to the outbox), also the header, table and signature.
    void verifyContent(const std::function<void(ByteView)>& copy = {}, const Progress& progress = {});

    // verifyContent and decryption in one pass; onRecord gets each record's CBOR in order.
    // Throws WrongRecipient, ContentKeyRejected, ChunkRejected, MissingFinalChunk, BadRecord,
    // RecordCountMismatch.
    void readRecords(const CentralSecretKeys& keys, const std::function<void(const QByteArray& cbor)>& onRecord,
                     const Progress& progress = {});

private:
    void checkRegion(std::uint64_t index, ByteView bytes);

    ByteSource& m_source;
    BundleHeader m_header;
    BundleGeometry m_geometry;
    Bytes m_table;
    std::array<unsigned char, format::kSignatureSize> m_signature{};
    Bytes m_buffer;
};

} // namespace fe::sync
