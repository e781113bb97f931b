#include "sync/BundleReader.h"

#include "sync/BundleError.h"
#include "sync/CentralKeys.h"
#include "sync/SyncConstants.h"

#include <cstring>
#include <sodium.h>
#include <unordered_map>

namespace fe::sync {
namespace {

// Bounds the chunk table a reader holds in memory (a 1 TB bundle of 64 KiB chunks has a
// 500 MB table; 256 MiB covers half a terabyte, far beyond any station's day).
constexpr std::uint64_t kMaxTableBytes = 256ull << 20;

std::string n(std::uint64_t v)
{
    return std::to_string(v);
}

// Turns the plaintext stream back into records: u32 big-endian length, then that many
// bytes of CBOR.
class Framer
{
public:
    Framer(std::uint32_t expected, const std::function<void(const QByteArray&)>& onRecord)
        : m_expected(expected), m_onRecord(onRecord)
    {
    }

    void feed(const unsigned char* p, std::size_t size)
    {
        while (size > 0) {
            if (m_lengthHave < 4) {
                const std::size_t take = std::min<std::size_t>(4 - m_lengthHave, size);
                std::memcpy(m_length + m_lengthHave, p, take);
                m_lengthHave += take;
                p += take;
                size -= take;
                if (m_lengthHave < 4)
                    return;
                m_need = getU32(m_length);
                if (m_need == 0 || m_need > format::kMaxRecordSize)
                    throw BundleError(BundleProblem::BadRecord,
                                      QT_TRANSLATE_NOOP("fe::Error", "Record %1 in the bundle has an invalid length (%2 bytes)."),
                                      {n(m_count + 1), n(m_need)});
                if (m_count >= m_expected)
                    throw BundleError(BundleProblem::RecordCountMismatch,
                                      QT_TRANSLATE_NOOP("fe::Error", "The bundle holds more records than the %1 its header announces."),
                                      {n(m_expected)});
                m_record.clear();
                m_record.reserve(static_cast<qsizetype>(m_need));
            }
            const std::size_t take = std::min<std::size_t>(m_need - static_cast<std::size_t>(m_record.size()), size);
            m_record.append(reinterpret_cast<const char*>(p), static_cast<qsizetype>(take));
            p += take;
            size -= take;
            if (static_cast<std::size_t>(m_record.size()) == m_need) {
                ++m_count;
                m_lengthHave = 0;
                m_onRecord(m_record);
            }
        }
    }

    void finish() const
    {
        if (m_lengthHave != 0)
            throw BundleError(BundleProblem::BadRecord,
                              QT_TRANSLATE_NOOP("fe::Error", "The bundle's stream ends inside record %1."), {n(m_count + 1)});
        if (m_count != m_expected)
            throw BundleError(BundleProblem::RecordCountMismatch,
                              QT_TRANSLATE_NOOP("fe::Error", "The bundle holds %1 records where its header announces %2."),
                              {n(m_count), n(m_expected)});
    }

private:
    std::uint32_t m_expected;
    const std::function<void(const QByteArray&)>& m_onRecord;
    unsigned char m_length[4]{};
    std::size_t m_lengthHave = 0;
    std::size_t m_need = 0;
    std::uint32_t m_count = 0;
    QByteArray m_record;
};

void checkProgress(const BundleReader::Progress& progress, std::uint64_t done, std::uint64_t total)
{
    if (progress && !progress(done, total))
        throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "Cancelled; nothing was changed."));
}

} // namespace

BundleReader::BundleReader(ByteSource& source, const TrustLookup* trust) : m_source(source)
{
    store::ensureSodium();
    const std::uint64_t size = source.size();
    const ByteView head = source.read(0, static_cast<std::size_t>(std::min<std::uint64_t>(size, format::kHeaderSize)), m_buffer);
    m_header = BundleHeader::decode(head);
    m_geometry = BundleGeometry::of(m_header);
    if (size < m_geometry.fileSize)
        throw BundleError(BundleProblem::Truncated,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle is truncated: it has %1 bytes where its header announces %2."),
                          {n(size), n(m_geometry.fileSize)});
    if (size > m_geometry.fileSize)
        throw BundleError(BundleProblem::TrailingData,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle has %1 unexpected bytes after its signature."),
                          {n(size - m_geometry.fileSize)});
    if (m_geometry.tableSize > kMaxTableBytes)
        throw BundleError(BundleProblem::BadHeader,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle header is invalid (field %1)."), {"payload_size"});
    if (trust != nullptr && *trust) {
        const auto known = (*trust)(stationId());
        if (!known)
            throw BundleError(BundleProblem::UnknownStation,
                              QT_TRANSLATE_NOOP("fe::Error", "The bundle comes from station %1, which is not in the trust list."),
                              {stationId()});
        if (!equalBytes(*known, m_header.stationPublicKey))
            throw BundleError(BundleProblem::StationKeyMismatch,
                              QT_TRANSLATE_NOOP("fe::Error", "The bundle is signed with a key that the trust list does not "
                                                             "hold for station %1."),
                              {stationId()});
    }
    const ByteView table = source.read(m_geometry.tableOffset, static_cast<std::size_t>(m_geometry.tableSize), m_buffer);
    m_table.assign(table.begin(), table.end());
    const ByteView sig = source.read(m_geometry.signatureOffset, format::kSignatureSize, m_buffer);
    std::copy(sig.begin(), sig.end(), m_signature.begin());
    const auto headerBytes = m_header.encode();
    const Bytes message = signatureMessage(headerBytes, m_table);
    if (crypto_sign_verify_detached(m_signature.data(), message.data(), message.size(),
                                    m_header.stationPublicKey.data()) != 0)
        throw BundleError(BundleProblem::BadSignature,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle's signature does not verify: its header, chunk table or "
                                                         "signature was altered."));
}

void BundleReader::checkRegion(std::uint64_t index, ByteView bytes)
{
    const Hash h = blake2b256(bytes);
    const ByteView expected(m_table.data() + index * format::kHashSize, format::kHashSize);
    if (equalBytes(h, expected))
        return;
    if (index == 0)
        throw BundleError(BundleProblem::DamagedKeyBlock,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle's sealed content key is damaged: it does not match its "
                                                         "signed hash."));
    for (std::uint64_t j = 1; j * format::kHashSize < m_table.size(); ++j) {
        if (j != index && equalBytes(h, ByteView(m_table.data() + j * format::kHashSize, format::kHashSize)))
            throw BundleError(BundleProblem::ChunksOutOfOrder,
                              QT_TRANSLATE_NOOP("fe::Error", "Chunk %1 of %2 is out of place: it holds chunk %3 (chunks were "
                                                             "swapped or moved)."),
                              {n(index), n(m_geometry.chunkCount), n(j)});
    }
    throw BundleError(BundleProblem::DamagedChunk,
                      QT_TRANSLATE_NOOP("fe::Error", "Chunk %1 of %2 is damaged: it does not match its signed hash."),
                      {n(index), n(m_geometry.chunkCount)});
}

void BundleReader::verifyContent(const std::function<void(ByteView)>& copy, const Progress& progress)
{
    const std::uint64_t total = m_geometry.fileSize;
    if (copy) {
        const auto headerBytes = m_header.encode();
        copy(headerBytes);
    }
    const ByteView keyBlock = m_source.read(format::kHeaderSize, format::kKeyBlockSize, m_buffer);
    checkRegion(0, keyBlock);
    if (copy)
        copy(keyBlock);
    for (std::uint64_t i = 0; i < m_geometry.chunkCount; ++i) {
        const ByteView chunk =
            m_source.read(m_geometry.chunkOffset(i), static_cast<std::size_t>(m_geometry.chunkSize(i)), m_buffer);
        checkRegion(i + 1, chunk);
        if (copy)
            copy(chunk);
        checkProgress(progress, m_geometry.chunkOffset(i) + chunk.size(), total);
    }
    if (copy) {
        copy(m_table);
        copy(m_signature);
    }
    checkProgress(progress, total, total);
}

void BundleReader::readRecords(const CentralSecretKeys& keys, const std::function<void(const QByteArray&)>& onRecord,
                               const Progress& progress)
{
    if (recipientKeyId() != keys.publicKeys.keyId)
        throw BundleError(BundleProblem::WrongRecipient,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle is sealed to central key %1; this receiver holds key %2."),
                          {recipientKeyId(), keys.publicKeys.keyId});
    const ByteView keyBlockView = m_source.read(format::kHeaderSize, format::kKeyBlockSize, m_buffer);
    checkRegion(0, keyBlockView);
    const Bytes keyBlock(keyBlockView.begin(), keyBlockView.end());
    store::SecretBytes contentKey(crypto_secretstream_xchacha20poly1305_KEYBYTES);
    if (keys.boxSecretKey.size() != crypto_box_SECRETKEYBYTES ||
        crypto_box_seal_open(contentKey.data(), keyBlock.data(), format::kSealedKeySize, keys.publicKeys.boxPublicKey.data(),
                             keys.boxSecretKey.data()) != 0)
        throw BundleError(BundleProblem::ContentKeyRejected,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle's content key does not open with the central key."));
    store::SecretBytes state(sizeof(crypto_secretstream_xchacha20poly1305_state));
    auto* st = reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(state.data());
    if (crypto_secretstream_xchacha20poly1305_init_pull(st, keyBlock.data() + format::kSealedKeySize, contentKey.data()) != 0)
        throw BundleError(BundleProblem::ContentKeyRejected,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle's content key does not open with the central key."));
    const Bytes firstAd = streamAssociatedData(m_header);
    Framer framer(m_header.recordCount, onRecord);
    store::SecretBytes plain(m_header.chunkSize);
    for (std::uint64_t i = 0; i < m_geometry.chunkCount; ++i) {
        const ByteView chunk =
            m_source.read(m_geometry.chunkOffset(i), static_cast<std::size_t>(m_geometry.chunkSize(i)), m_buffer);
        checkRegion(i + 1, chunk);
        unsigned long long plainSize = 0;
        unsigned char tag = 0;
        const bool first = i == 0;
        if (chunk.size() - format::kChunkOverhead > plain.size() ||
            crypto_secretstream_xchacha20poly1305_pull(st, plain.data(), &plainSize, &tag, chunk.data(), chunk.size(),
                                                       first ? firstAd.data() : nullptr, first ? firstAd.size() : 0) != 0)
            throw BundleError(BundleProblem::ChunkRejected,
                              QT_TRANSLATE_NOOP("fe::Error", "Chunk %1 of %2 does not decrypt: it was altered or belongs to "
                                                             "another bundle."),
                              {n(i + 1), n(m_geometry.chunkCount)});
        const bool last = i + 1 == m_geometry.chunkCount;
        const bool final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        if (final != last)
            throw BundleError(BundleProblem::MissingFinalChunk,
                              QT_TRANSLATE_NOOP("fe::Error", "The bundle's stream does not end with its last chunk (chunk %1 of "
                                                             "%2 is tagged otherwise)."),
                              {n(i + 1), n(m_geometry.chunkCount)});
        framer.feed(plain.data(), static_cast<std::size_t>(plainSize));
        checkProgress(progress, m_geometry.chunkOffset(i) + chunk.size(), m_geometry.fileSize);
    }
    framer.finish();
}

} // namespace fe::sync
