#include "sync/BundleFormat.h"

#include "sync/BundleError.h"

#include <algorithm>
#include <cstring>

namespace fe::sync {
namespace {

// Byte offsets of the v1 header (docs/bundle-format.md, "Header").
constexpr std::size_t kOffVersion = 8;
constexpr std::size_t kOffHeaderSize = 10;
constexpr std::size_t kOffFlags = 12;
constexpr std::size_t kOffBundleId = 16;
constexpr std::size_t kOffStationId = 32;
constexpr std::size_t kOffStationKey = 48;
constexpr std::size_t kOffCreated = 80;
constexpr std::size_t kOffRecordCount = 88;
constexpr std::size_t kOffChunkSize = 92;
constexpr std::size_t kOffRecipient = 96;
constexpr std::size_t kOffPayloadSize = 112;
constexpr std::size_t kOffReserved = 120;

} // namespace

std::array<unsigned char, format::kHeaderSize> BundleHeader::encode() const
{
    std::array<unsigned char, format::kHeaderSize> out{};
    std::copy(format::kBundleMagic.begin(), format::kBundleMagic.end(), out.begin());
    putU16(out.data() + kOffVersion, format::kVersion);
    putU16(out.data() + kOffHeaderSize, static_cast<std::uint16_t>(format::kHeaderSize));
    putU32(out.data() + kOffFlags, 0);
    std::copy(bundleId.begin(), bundleId.end(), out.begin() + kOffBundleId);
    std::copy(stationId.begin(), stationId.end(), out.begin() + kOffStationId);
    std::copy(stationPublicKey.begin(), stationPublicKey.end(), out.begin() + kOffStationKey);
    putU64(out.data() + kOffCreated, static_cast<std::uint64_t>(createdAtMs));
    putU32(out.data() + kOffRecordCount, recordCount);
    putU32(out.data() + kOffChunkSize, chunkSize);
    std::copy(recipientKeyId.begin(), recipientKeyId.end(), out.begin() + kOffRecipient);
    putU64(out.data() + kOffPayloadSize, payloadSize);
    return out;
}

BundleHeader BundleHeader::decode(ByteView bytes)
{
    const auto truncated = [] {
        return BundleError(BundleProblem::Truncated,
                           QT_TRANSLATE_NOOP("fe::Error", "The bundle is truncated: its header is incomplete."));
    };
    if (bytes.size() < format::kBundleMagic.size() && std::equal(bytes.begin(), bytes.end(), format::kBundleMagic.begin()))
        throw truncated(); // what there is of it is the start of a bundle
    if (bytes.size() < format::kBundleMagic.size() ||
        !std::equal(format::kBundleMagic.begin(), format::kBundleMagic.end(), bytes.begin()))
        throw BundleError(BundleProblem::BadMagic,
                          QT_TRANSLATE_NOOP("fe::Error", "This is not a FaceEnroll bundle (bad magic)."));
    if (bytes.size() < kOffVersion + 2)
        throw truncated();
    const std::uint16_t version = getU16(bytes.data() + kOffVersion);
    if (version != format::kVersion)
        throw BundleError(BundleProblem::UnsupportedVersion,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle has format version %1; this FaceEnroll reads "
                                                         "version %2. Update FaceEnroll."),
                          {std::to_string(version), std::to_string(format::kVersion)});
    if (bytes.size() < format::kHeaderSize)
        throw truncated();
    const auto bad = [](const char* field) {
        return BundleError(BundleProblem::BadHeader,
                           QT_TRANSLATE_NOOP("fe::Error", "The bundle header is invalid (field %1)."), {field});
    };
    if (getU16(bytes.data() + kOffHeaderSize) != format::kHeaderSize)
        throw bad("header_size");
    if (getU32(bytes.data() + kOffFlags) != 0)
        throw bad("flags");
    if (getU64(bytes.data() + kOffReserved) != 0)
        throw bad("reserved");
    BundleHeader h;
    std::copy_n(bytes.begin() + kOffBundleId, 16, h.bundleId.begin());
    std::copy_n(bytes.begin() + kOffStationId, 16, h.stationId.begin());
    std::copy_n(bytes.begin() + kOffStationKey, 32, h.stationPublicKey.begin());
    h.createdAtMs = static_cast<std::int64_t>(getU64(bytes.data() + kOffCreated));
    h.recordCount = getU32(bytes.data() + kOffRecordCount);
    h.chunkSize = getU32(bytes.data() + kOffChunkSize);
    std::copy_n(bytes.begin() + kOffRecipient, 16, h.recipientKeyId.begin());
    h.payloadSize = getU64(bytes.data() + kOffPayloadSize);
    if (h.chunkSize < format::kMinChunkSize || h.chunkSize > format::kMaxChunkSize)
        throw bad("chunk_size");
    if (h.recordCount > format::kMaxRecordCount)
        throw bad("record_count");
    if (h.payloadSize < format::kKeyBlockSize + format::kChunkOverhead || h.payloadSize > format::kMaxPayloadSize)
        throw bad("payload_size");
    (void)BundleGeometry::of(h); // the payload must cut into chunks
    return h;
}

BundleGeometry BundleGeometry::of(const BundleHeader& header)
{
    if (header.chunkSize < format::kMinChunkSize || header.chunkSize > format::kMaxChunkSize ||
        header.payloadSize < format::kKeyBlockSize + format::kChunkOverhead ||
        header.payloadSize > format::kMaxPayloadSize)
        throw BundleError(BundleProblem::BadHeader,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle header is invalid (field %1)."), {"payload_size"});
    const std::uint64_t full = std::uint64_t{header.chunkSize} + format::kChunkOverhead;
    const std::uint64_t chunkBytes = header.payloadSize - format::kKeyBlockSize;
    BundleGeometry g;
    g.fullChunkSize = full;
    g.chunkCount = (chunkBytes + full - 1) / full;
    g.lastChunkSize = chunkBytes - (g.chunkCount - 1) * full;
    if (g.lastChunkSize < format::kChunkOverhead)
        throw BundleError(BundleProblem::BadHeader,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle header is invalid (field %1)."), {"payload_size"});
    g.chunksOffset = format::kHeaderSize + format::kKeyBlockSize;
    g.tableOffset = format::kHeaderSize + header.payloadSize;
    g.tableSize = (g.chunkCount + 1) * format::kHashSize;
    g.signatureOffset = g.tableOffset + g.tableSize;
    g.fileSize = g.signatureOffset + format::kSignatureSize;
    return g;
}

Bytes signatureMessage(ByteView header, ByteView table)
{
    const unsigned char nul = 0;
    return concat({bytesOf(format::kSignatureContext), ByteView(&nul, 1), header, table});
}

Bytes streamAssociatedData(const BundleHeader& header)
{
    return concat({bytesOf(format::kStreamContext), header.bundleId, header.stationId, header.recipientKeyId});
}

} // namespace fe::sync
