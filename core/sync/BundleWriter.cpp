#include "sync/BundleWriter.h"

#include "common/Error.h"

#include <cstring>
#include <sodium.h>

namespace fe::sync {

struct BundleWriter::Impl
{
    BundleSink& sink;
    BundleHeader header;
    const store::SecretBytes* signingKey = nullptr;
    store::SecretBytes streamState{sizeof(crypto_secretstream_xchacha20poly1305_state)};
    Bytes plain;  // the chunk being filled
    Bytes cipher; // one encrypted chunk
    Bytes table;  // BLAKE2b-256 of the key block, then of each chunk
    Bytes firstAd;
    std::uint64_t written = 0;
    std::uint32_t records = 0;
    std::uint64_t chunks = 0;
    bool finished = false;

    explicit Impl(BundleSink& s) : sink(s) {}

    crypto_secretstream_xchacha20poly1305_state* state()
    {
        return reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(streamState.data());
    }

    void emit(ByteView bytes, bool hashed)
    {
        sink.append(bytes);
        written += bytes.size();
        if (hashed) {
            const Hash h = blake2b256(bytes);
            table.insert(table.end(), h.begin(), h.end());
        }
    }

    void flushChunk(bool final)
    {
        cipher.resize(plain.size() + format::kChunkOverhead);
        unsigned long long n = 0;
        const bool first = chunks == 0;
        crypto_secretstream_xchacha20poly1305_push(
            state(), cipher.data(), &n, plain.data(), plain.size(), first ? firstAd.data() : nullptr,
            first ? firstAd.size() : 0,
            final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        cipher.resize(static_cast<std::size_t>(n));
        emit(cipher, true);
        plain.clear();
        ++chunks;
    }

    void feed(const unsigned char* data, std::size_t n)
    {
        while (n > 0) {
            const std::size_t room = header.chunkSize - plain.size();
            const std::size_t take = std::min(room, n);
            plain.insert(plain.end(), data, data + take);
            data += take;
            n -= take;
            if (plain.size() == header.chunkSize)
                flushChunk(false);
        }
    }
};

BundleWriter::BundleWriter(BundleSink& sink, const BundleWriterParams& params) : d(std::make_unique<Impl>(sink))
{
    store::ensureSodium();
    const auto bundleId = uuidToBytes(params.bundleId);
    const auto stationId = uuidToBytes(params.station.stationId);
    const auto keyId = fixedFromHex<16>(params.recipient.keyId);
    if (!bundleId || !stationId || !keyId || params.stationSecretKey == nullptr ||
        params.stationSecretKey->size() != crypto_sign_SECRETKEYBYTES ||
        params.chunkSize < format::kMinChunkSize || params.chunkSize > format::kMaxChunkSize)
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "A bundle needs UUIDs, the station's signing key, a central key id "
                                                   "and a chunk size from 1 KiB to 1 MiB."));
    auto& h = d->header;
    h.bundleId = *bundleId;
    h.stationId = *stationId;
    h.stationPublicKey = params.station.publicKey;
    h.createdAtMs = params.createdAtMs;
    h.chunkSize = params.chunkSize;
    h.recipientKeyId = *keyId;
    d->signingKey = params.stationSecretKey;
    d->firstAd = streamAssociatedData(h);
    d->plain.reserve(h.chunkSize);
    d->table.reserve(64 * format::kHashSize);

    // Room for the header, written last.
    const std::array<unsigned char, format::kHeaderSize> placeholder{};
    d->emit(placeholder, false);

    // The key block: a fresh content key sealed to the central X25519 key, and the stream header.
    store::SecretBytes contentKey(crypto_secretstream_xchacha20poly1305_KEYBYTES);
    crypto_secretstream_xchacha20poly1305_keygen(contentKey.data());
    Bytes keyBlock(format::kKeyBlockSize);
    if (crypto_box_seal(keyBlock.data(), contentKey.data(), contentKey.size(), params.recipient.boxPublicKey.data()) != 0)
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "The central service's public key is not a valid X25519 key."));
    crypto_secretstream_xchacha20poly1305_init_push(d->state(), keyBlock.data() + format::kSealedKeySize,
                                                    contentKey.data());
    d->emit(keyBlock, true);
}

BundleWriter::~BundleWriter() = default;

void BundleWriter::addRecord(const QByteArray& cbor)
{
    if (d->finished)
        throw Error(ErrorCode::Internal, QT_TRANSLATE_NOOP("fe::Error", "The bundle %1 is already finished."),
                    {uuidFromBytes(d->header.bundleId)});
    if (cbor.isEmpty() || static_cast<std::uint64_t>(cbor.size()) > format::kMaxRecordSize)
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "A record of %1 bytes does not fit in a bundle (at most %2)."),
                    {std::to_string(cbor.size()), std::to_string(format::kMaxRecordSize)});
    unsigned char length[4];
    putU32(length, static_cast<std::uint32_t>(cbor.size()));
    d->feed(length, sizeof length);
    d->feed(reinterpret_cast<const unsigned char*>(cbor.constData()), static_cast<std::size_t>(cbor.size()));
    ++d->records;
}

BundleSummary BundleWriter::finish()
{
    if (d->finished)
        throw Error(ErrorCode::Internal, QT_TRANSLATE_NOOP("fe::Error", "The bundle %1 is already finished."),
                    {uuidFromBytes(d->header.bundleId)});
    d->finished = true;
    d->flushChunk(true); // possibly empty: the final tag marks the end
    auto& h = d->header;
    h.recordCount = d->records;
    h.payloadSize = d->written - format::kHeaderSize;
    const auto headerBytes = h.encode();
    // The table goes out after the chunks (not hashed into itself).
    d->sink.append(d->table);
    d->written += d->table.size();
    const Bytes message = signatureMessage(headerBytes, d->table);
    BundleSummary s;
    crypto_sign_detached(s.signature.data(), nullptr, message.data(), message.size(), d->signingKey->data());
    d->sink.append(s.signature);
    d->written += s.signature.size();
    d->sink.writeAt(0, headerBytes);
    s.bundleId = uuidFromBytes(h.bundleId);
    s.records = d->records;
    s.bytes = d->written;
    return s;
}

std::uint32_t BundleWriter::records() const
{
    return d->records;
}

std::uint64_t BundleWriter::bytesWritten() const
{
    return d->written;
}

} // namespace fe::sync
