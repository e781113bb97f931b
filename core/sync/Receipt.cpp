#include "sync/Receipt.h"

#include "sync/BundleError.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

#include <algorithm>
#include <sodium.h>

namespace fe::sync {
namespace {

constexpr std::array<unsigned char, 8> kMagic{0x89, 'F', 'E', 'R', '\r', '\n', 0x1A, '\n'};
constexpr std::uint16_t kVersion = 1;
constexpr std::size_t kPrefix = 16; // magic, version, reserved, body length
constexpr std::size_t kSignature = 64;
constexpr std::uint32_t kMaxBody = 64u * 1024 * 1024; // 1.7 million record ids
constexpr std::string_view kContext = "FaceEnroll receipt v1";

Bytes message(ByteView signedPart)
{
    Bytes m(kContext.begin(), kContext.end());
    m.push_back(0);
    m.insert(m.end(), signedPart.begin(), signedPart.end());
    return m;
}

[[noreturn]] void malformed(const char* what)
{
    throw BundleError(BundleProblem::BadReceipt, QT_TRANSLATE_NOOP("fe::Error", "The receipt is malformed (%1)."), {what});
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

Bytes Receipt::sign(const ReceiptBody& body, const store::SecretBytes& signSecretKey)
{
    store::ensureSodium();
    QCborArray ids;
    for (const auto& id : body.acceptedIds)
        ids.append(q(id));
    QCborMap map;
    map.insert(QStringLiteral("receipt"), q(body.receiptId));
    map.insert(QStringLiteral("bundle"), q(body.bundleId));
    map.insert(QStringLiteral("station"), q(body.stationId));
    map.insert(QStringLiteral("relay"), q(body.relayId));
    map.insert(QStringLiteral("key"), q(body.keyId));
    map.insert(QStringLiteral("time"), static_cast<qint64>(body.timeMs));
    map.insert(QStringLiteral("accepted"), ids);
    const QByteArray cbor = map.toCborValue().toCbor();
    Bytes out(kPrefix);
    std::copy(kMagic.begin(), kMagic.end(), out.begin());
    putU16(out.data() + 8, kVersion);
    putU16(out.data() + 10, 0);
    putU32(out.data() + 12, static_cast<std::uint32_t>(cbor.size()));
    out.insert(out.end(), cbor.begin(), cbor.end());
    const Bytes m = message(out);
    std::array<unsigned char, kSignature> sig{};
    crypto_sign_detached(sig.data(), nullptr, m.data(), m.size(), signSecretKey.data());
    out.insert(out.end(), sig.begin(), sig.end());
    return out;
}

ReceiptBody Receipt::verify(ByteView bytes, const store::CentralKeyInfo& central, std::size_t* consumed)
{
    store::ensureSodium();
    if (bytes.size() < kPrefix || !std::equal(kMagic.begin(), kMagic.end(), bytes.begin()))
        malformed("magic");
    if (getU16(bytes.data() + 8) != kVersion || getU16(bytes.data() + 10) != 0)
        malformed("version");
    const std::uint32_t bodySize = getU32(bytes.data() + 12);
    if (bodySize > kMaxBody || bytes.size() < kPrefix + bodySize + kSignature)
        malformed("length");
    const std::size_t signedSize = kPrefix + bodySize;
    const Bytes m = message(bytes.first(signedSize));
    if (crypto_sign_verify_detached(bytes.data() + signedSize, m.data(), m.size(), central.signPublicKey.data()) != 0)
        throw BundleError(BundleProblem::ReceiptSignature,
                          QT_TRANSLATE_NOOP("fe::Error", "The receipt's signature does not verify with the central key %1; "
                                                         "nothing was recorded."),
                          {central.keyId});
    if (consumed != nullptr)
        *consumed = signedSize + kSignature;
    QCborParserError error{};
    const QCborValue v = QCborValue::fromCbor(
        QByteArray::fromRawData(reinterpret_cast<const char*>(bytes.data() + kPrefix), static_cast<qsizetype>(bodySize)),
        &error);
    if (error.error != QCborError::NoError || !v.isMap())
        malformed("body");
    const QCborMap map = v.toMap();
    const auto text = [&](const char* key) {
        const QCborValue f = map.value(QLatin1StringView(key));
        if (!f.isString())
            malformed(key);
        return f.toString().toStdString();
    };
    ReceiptBody b;
    b.receiptId = text("receipt");
    b.bundleId = text("bundle");
    b.stationId = text("station");
    b.relayId = text("relay");
    b.keyId = text("key");
    const QCborValue time = map.value(QLatin1StringView("time"));
    // 1900 to 2200 (a receipt time outside cannot be turned into a time point).
    if (!time.isInteger() || time.toInteger() < -2'208'988'800'000 || time.toInteger() > 7'258'118'400'000)
        malformed("time");
    b.timeMs = time.toInteger();
    const QCborValue ids = map.value(QLatin1StringView("accepted"));
    if (!ids.isArray())
        malformed("accepted");
    for (const auto& id : ids.toArray()) {
        if (!id.isString() || !uuidToBytes(id.toString().toStdString()))
            malformed("accepted");
        b.acceptedIds.push_back(id.toString().toStdString());
    }
    if (!uuidToBytes(b.receiptId) || !uuidToBytes(b.bundleId) || !uuidToBytes(b.stationId) || !uuidToBytes(b.relayId))
        malformed("ids");
    if (b.keyId != central.keyId)
        throw BundleError(BundleProblem::ReceiptMismatch,
                          QT_TRANSLATE_NOOP("fe::Error", "The receipt names central key %1, not %2; nothing was recorded."),
                          {b.keyId, central.keyId});
    return b;
}

std::vector<std::pair<ReceiptBody, Bytes>> Receipt::verifyAll(ByteView bytes, const store::CentralKeyInfo& central)
{
    std::vector<std::pair<ReceiptBody, Bytes>> out;
    while (!bytes.empty()) {
        std::size_t used = 0;
        ReceiptBody body = verify(bytes, central, &used);
        out.emplace_back(std::move(body), Bytes(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(used)));
        bytes = bytes.subspan(used);
    }
    return out;
}

store::ReceiptRecord Receipt::toRecord(const ReceiptBody& body, ByteView signedBytes)
{
    store::ReceiptRecord r;
    r.receiptId = body.receiptId;
    r.bundleId = body.bundleId;
    r.stationId = body.stationId;
    r.receivedAt = store::fromMillis(body.timeMs);
    r.acceptedIds = body.acceptedIds;
    r.signedBytes.assign(signedBytes.begin(), signedBytes.end());
    return r;
}

} // namespace fe::sync
