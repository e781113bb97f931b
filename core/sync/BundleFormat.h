#pragma once

// Bundle format v1 (docs/bundle-format.md is the specification; this file is its constants
// and the fixed header). A bundle is
//
//   header (128 bytes) | key block (sealed content key 80 + stream header 24) | chunks |
//   chunk table (BLAKE2b-256 of the key block, then of each chunk) | Ed25519 signature (64)
//
// The signature covers the header and the chunk table, which holds the hash of every byte
// of ciphertext. Everything here is plain functions over bytes; thread-safe.

#include "sync/ByteUtil.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fe::sync {

namespace format {
inline constexpr std::array<unsigned char, 8> kBundleMagic{0x89, 'F', 'E', 'B', '\r', '\n', 0x1A, '\n'};
inline constexpr std::uint16_t kVersion = 1;
inline constexpr std::size_t kHeaderSize = 128;
inline constexpr std::size_t kSealedKeySize = 80;    // crypto_box_SEALBYTES (48) + the 32-byte key
inline constexpr std::size_t kStreamHeaderSize = 24; // crypto_secretstream_xchacha20poly1305_HEADERBYTES
inline constexpr std::size_t kKeyBlockSize = kSealedKeySize + kStreamHeaderSize;
inline constexpr std::size_t kChunkOverhead = 17;    // crypto_secretstream_xchacha20poly1305_ABYTES
inline constexpr std::size_t kHashSize = 32;         // BLAKE2b-256, one per table entry
inline constexpr std::size_t kSignatureSize = 64;    // Ed25519
// Plaintext bytes per chunk. 64 KiB keeps the per-chunk overhead (17 bytes of tag, 32 of
// table) under 0.08 % while the reader's buffer stays small.
inline constexpr std::uint32_t kDefaultChunkSize = 64 * 1024;
inline constexpr std::uint32_t kMinChunkSize = 1024;
inline constexpr std::uint32_t kMaxChunkSize = 1024 * 1024;
// One record's CBOR at most (a record with its portrait, ID photo and evidence frames is
// about 150 KB; 64 MiB leaves room and bounds a reader's memory).
inline constexpr std::uint32_t kMaxRecordSize = 64u * 1024 * 1024;
// A bundle's ciphertext at most: 256 GiB (the chunk table of such a bundle is 128 MiB).
inline constexpr std::uint64_t kMaxPayloadSize = 256ull << 30;
inline constexpr std::uint32_t kMaxRecordCount = 10'000'000;
// Domain separation of the signature input (followed by one NUL byte).
inline constexpr std::string_view kSignatureContext = "FaceEnroll bundle v1";
// Associated data of the first chunk is this, the bundle id, the station id and the
// recipient key id: the ciphertext cannot be moved under another bundle's header.
inline constexpr std::string_view kStreamContext = "FaceEnroll bundle v1 stream";
} // namespace format

struct BundleHeader
{
    UuidBytes bundleId{};
    UuidBytes stationId{};
    PublicKey stationPublicKey{}; // Ed25519
    std::int64_t createdAtMs = 0; // UTC, milliseconds since the Unix epoch
    std::uint32_t recordCount = 0;
    std::uint32_t chunkSize = format::kDefaultChunkSize;
    KeyId recipientKeyId{};
    std::uint64_t payloadSize = 0; // key block + chunks

    [[nodiscard]] std::array<unsigned char, format::kHeaderSize> encode() const;
    // Throws BundleError: BadMagic, UnsupportedVersion, BadHeader. bytes must hold at
    // least kHeaderSize bytes (else Truncated).
    static BundleHeader decode(ByteView bytes);
};

// Where everything is, from the header alone.
struct BundleGeometry
{
    std::uint64_t chunkCount = 0;
    std::uint64_t fullChunkSize = 0; // ciphertext bytes of every chunk but the last
    std::uint64_t lastChunkSize = 0; // ciphertext bytes of the final chunk
    std::uint64_t chunksOffset = 0;
    std::uint64_t tableOffset = 0;
    std::uint64_t tableSize = 0;
    std::uint64_t signatureOffset = 0;
    std::uint64_t fileSize = 0;

    // Throws BundleError(BadHeader) when the payload size cannot be cut into chunks.
    static BundleGeometry of(const BundleHeader& header);
    [[nodiscard]] std::uint64_t chunkOffset(std::uint64_t index) const { return chunksOffset + index * fullChunkSize; }
    [[nodiscard]] std::uint64_t chunkSize(std::uint64_t index) const
    {
        return index + 1 == chunkCount ? lastChunkSize : fullChunkSize;
    }
};

// kSignatureContext, NUL, header, chunk table.
Bytes signatureMessage(ByteView header, ByteView table);
// kStreamContext, bundle id, station id, recipient key id.
Bytes streamAssociatedData(const BundleHeader& header);

} // namespace fe::sync
