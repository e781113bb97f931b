#include "sync/HubService.h"

#include "common/Logging.h"
#include "store/Uuid.h"
#include "sync/BundleError.h"
#include "sync/BundleReader.h"
#include "sync/Receipt.h"
#include "sync/RecordCodec.h"
#include "sync/RequestAuth.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>
#include <sodium.h>

namespace fe::sync {
namespace {

HubResponse problem(int status, const char* reason, const std::string& message)
{
    const QJsonObject o{{QStringLiteral("reason"), QLatin1String(reason)},
                        {QStringLiteral("message"), QString::fromStdString(message)}};
    return {status, "application/json", QJsonDocument(o).toJson(QJsonDocument::Compact)};
}

HubResponse problem(int status, const BundleError& e)
{
    return problem(status, problemCode(e.problem()), e.what());
}

HubResponse receiptResponse(const std::vector<unsigned char>& receipt)
{
    return {200, kReceiptMediaType,
            QByteArray(reinterpret_cast<const char*>(receipt.data()), static_cast<qsizetype>(receipt.size()))};
}

std::string header(const HubRequest& r, const char* name)
{
    const auto it = r.headers.find(name);
    return it == r.headers.end() ? std::string() : it->second.toStdString();
}

} // namespace

HubService::HubService(store::HubStore& store, HubConfig config) : m_store(store), m_config(std::move(config))
{
    for (const auto& s : m_config.stations)
        m_trust[s.stationId] = s.publicKey;
}

store::SecretBytes HubService::databaseKey(const CentralSecretKeys& keys)
{
    static constexpr std::string_view kContext = "FaceEnroll hub database v1";
    store::SecretBytes key(32);
    crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(kContext.data()), kContext.size(),
                       keys.signSecretKey.data(), crypto_sign_SEEDBYTES);
    return key;
}

HubResponse HubService::handle(const HubRequest& request)
{
    try {
        if (request.path == kBundlesPath) {
            if (request.method != "POST")
                return problem(405, "method_not_allowed", "POST a bundle here");
            return receive(request);
        }
        if (request.path == "/v1/health" && request.method == "GET") {
            const auto s = m_store.stats();
            const QJsonObject o{{QStringLiteral("bundles"), static_cast<qint64>(s.bundles)},
                                {QStringLiteral("records"), static_cast<qint64>(s.records)},
                                {QStringLiteral("deliveries"), static_cast<qint64>(s.deliveries)},
                                {QStringLiteral("duplicate_records"), static_cast<qint64>(s.duplicateRecords)},
                                {QStringLiteral("key_id"), QString::fromStdString(m_config.keys.publicKeys.keyId)}};
            return {200, "application/json", QJsonDocument(o).toJson(QJsonDocument::Compact)};
        }
        return problem(404, "not_found", "no such endpoint");
    } catch (const BundleError& e) {
        const bool trust = e.problem() == BundleProblem::UnknownStation || e.problem() == BundleProblem::StationKeyMismatch;
        return problem(trust ? 403 : 400, e);
    } catch (const Error& e) {
        qCWarning(lcSync) << "hub: request failed:" << e.what();
        return problem(e.code() == ErrorCode::DiskFull ? 507 : 500, "internal", e.what());
    }
}

HubResponse HubService::receive(const HubRequest& request)
{
    const std::string key = header(request, "idempotency-key");
    if (!uuidToBytes(key))
        return problem(400, "bad_idempotency_key", "Idempotency-Key must be the bundle id (a UUID)");
    const auto auth = RequestAuth::parse(header(request, "x-faceenroll-auth"));
    if (!auth)
        return problem(401, "bad_auth", "missing or malformed X-FaceEnroll-Auth header");
    const auto relay = m_trust.find(auth->stationId);
    if (relay == m_trust.end())
        return problem(403, "unknown_station", "station " + auth->stationId + " is not in the receiver's trust list");
    const auto now = store::toMillis(m_config.clock());
    if (std::llabs(now - auth->timeMs) > m_config.maxClockSkew.count())
        return problem(401, "clock_skew", "the request's time is too far from the receiver's clock");

    const ByteView body(reinterpret_cast<const unsigned char*>(request.body.constData()),
                        static_cast<std::size_t>(request.body.size()));
    MemorySource source(body);
    const BundleReader::TrustLookup trust = [this](const std::string& id) -> std::optional<PublicKey> {
        const auto it = m_trust.find(id);
        if (it == m_trust.end())
            return std::nullopt;
        return it->second;
    };
    BundleReader reader(source, &trust); // envelope: size, trust, signature
    if (reader.bundleId() != key)
        return problem(400, "idempotency_key_mismatch", "Idempotency-Key differs from the bundle id");
    if (!RequestAuth::verify(*auth, kBundlesPath, key, body.size(), reader.signature(), relay->second))
        return problem(401, "bad_auth", "the request signature does not verify");

    if (const auto seen = m_store.bundle(key)) {
        m_store.countDelivery(key);
        qCInfo(lcSync) << "hub: bundle delivered again, answered with its receipt";
        return receiptResponse(seen->receipt);
    }

    const auto received = m_config.clock();
    auto ingest = m_store.beginIngest();
    std::vector<std::string> accepted;
    std::int64_t fresh = 0;
    const std::string stationId = reader.stationId();
    reader.readRecords(m_config.keys, [&](const QByteArray& cbor) {
        const auto record = RecordCodec::decode(cbor);
        const auto id = RecordCodec::identity(record);
        if (id.stationId != stationId)
            throw BundleError(BundleProblem::BadRecord,
                              QT_TRANSLATE_NOOP("fe::Error", "A record in the bundle is malformed (field %1)."), {"station"});
        if (ingest.addRecord(id.id, id.stationId, key,
                             std::span(reinterpret_cast<const unsigned char*>(cbor.constData()),
                                       static_cast<std::size_t>(cbor.size())),
                             received))
            ++fresh;
        accepted.push_back(id.id);
    });
    ReceiptBody r;
    r.receiptId = store::newUuid();
    r.bundleId = key;
    r.stationId = stationId;
    r.relayId = auth->stationId;
    const CentralSecretKeys& signer = m_config.receiptKeys ? *m_config.receiptKeys : m_config.keys;
    r.keyId = signer.publicKeys.keyId;
    r.timeMs = store::toMillis(received);
    r.acceptedIds = std::move(accepted);
    const Bytes signedReceipt = Receipt::sign(r, signer.signSecretKey);
    store::HubBundle b;
    b.bundleId = key;
    b.stationId = stationId;
    b.relayId = auth->stationId;
    b.recordCount = static_cast<std::int64_t>(r.acceptedIds.size());
    b.newRecords = fresh;
    b.sizeBytes = static_cast<std::int64_t>(body.size());
    b.receivedAt = received;
    b.receiptId = r.receiptId;
    b.receipt = signedReceipt;
    ingest.commit(b);
    qCInfo(lcSync) << "hub: stored bundle with" << b.recordCount << "records," << fresh << "new";
    return receiptResponse(signedReceipt);
}

} // namespace fe::sync
