// Writes the fuzzer's seed corpus (tests/fuzz/corpus, committed): one valid input per parser,
// each prefixed with its mode byte. Run after a change of the formats:
//   build/bin/fuzz_make_corpus tests/fuzz/corpus
#include "FuzzKeys.h"
#include "StoreTestSupport.h"
#include "store/Uuid.h"
#include "sync/BundleWriter.h"
#include "sync/ByteUtil.h"
#include "sync/Receipt.h"
#include "sync/RecordCodec.h"
#include "sync/TrustList.h"

#include <filesystem>
#include <fstream>
#include <iostream>

using namespace fe::sync;

namespace {

class StringSink final : public BundleSink
{
public:
    std::string bytes;
    void append(ByteView b) override { bytes.append(reinterpret_cast<const char*>(b.data()), b.size()); }
    void writeAt(std::uint64_t offset, ByteView b) override
    {
        bytes.replace(static_cast<std::size_t>(offset), b.size(), reinterpret_cast<const char*>(b.data()), b.size());
    }
};

void write(const std::filesystem::path& dir, const char* name, fuzz::Mode mode, std::string_view content)
{
    std::ofstream f(dir / name, std::ios::binary | std::ios::trunc);
    f.put(static_cast<char>(mode));
    f.write(content.data(), static_cast<std::streamsize>(content.size()));
}

fe::store::ExportRecord record(std::uint32_t seed, const std::string& stationId)
{
    fe::store::ExportRecord r;
    // Small but complete: every field of the record is present.
    r.enrollment = fe::store::test::sampleEnrollment(seed, 300, nullptr, 8);
    r.enrollment.liveness.evidenceFrames.resize(1);
    r.enrollment.id = "00000000-0000-4000-8000-00000000000" + std::to_string(seed % 10);
    r.enrollment.stationId = stationId;
    r.enrollment.operatorId = "00000000-0000-4000-8000-0000000000aa";
    r.enrollment.createdAt = fe::store::fromMillis(1'780'000'000'000);
    fe::store::AuditEntry a;
    a.seq = 7;
    a.event = {fe::store::fromMillis(1'780'000'000'001), r.enrollment.operatorId, "enrollment_created", r.enrollment.id,
               "accepted"};
    r.audit.push_back(a);
    return r;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: fuzz_make_corpus DIR\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    const auto central = fuzz::centralKeys();
    const auto station = fuzz::stationKeys();

    fe::store::StationIdentity identity{station.stationId, "fuzz station", station.publicKey};
    StringSink sink;
    BundleWriterParams p;
    p.bundleId = "11111111-2222-4333-8444-555555555555";
    p.station = identity;
    p.stationSecretKey = &station.secretKey;
    p.recipient = central.publicKeys;
    p.createdAtMs = 1'780'000'000'000;
    p.chunkSize = 1024; // several chunks from small records
    BundleWriter w(sink, p);
    w.addRecord(RecordCodec::encode(record(1, station.stationId)));
    w.addRecord(RecordCodec::encode(record(2, station.stationId)));
    w.finish();
    write(dir, "bundle-two-records", fuzz::kBundle, sink.bytes);

    const QByteArray cbor = RecordCodec::encode(record(3, station.stationId));
    write(dir, "record", fuzz::kRecord, std::string_view(cbor.constData(), static_cast<std::size_t>(cbor.size())));

    ReceiptBody body;
    body.receiptId = "22222222-3333-4444-8555-666666666666";
    body.bundleId = p.bundleId;
    body.stationId = station.stationId;
    body.relayId = station.stationId;
    body.keyId = central.publicKeys.keyId;
    body.timeMs = 1'780'000'000'500;
    body.acceptedIds = {"00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"};
    const Bytes receipt = Receipt::sign(body, central.signSecretKey);
    write(dir, "receipt", fuzz::kReceipt, std::string_view(reinterpret_cast<const char*>(receipt.data()), receipt.size()));

    write(dir, "trust-list", fuzz::kTrustList,
          "# trusted stations\n" + TrustList::formatLine({station.stationId, "fuzz station", station.publicKey}) + "\n");
    // What faceenroll-cli prints for stations (keys export-station-public, trust list).
    const std::string key = toHex(station.publicKey);
    write(dir, "trust-list-cli-json", fuzz::kTrustList,
          "{\"summary\":{\"line\":\"" + TrustList::formatLine({station.stationId, "fuzz station", station.publicKey}) +
              "\",\"name\":\"fuzz station\",\"public_key\":\"" + key + "\",\"station\":\"" + station.stationId +
              "\"}}\n{\"name\":\"fuzz station 2\",\"public_key\":\"" + key +
              "\",\"station\":\"6f0c9a4e-1b2d-4c3e-8f4a-0123456789ab\"}\n{\"summary\":{\"stations\":2}}\n");
    write(dir, "central-public", fuzz::kCentralKey, CentralKeys::formatPublic(central.publicKeys));
    const auto secret = CentralKeys::formatSecret(central);
    write(dir, "central-secret", fuzz::kCentralKey, secret.view());
    std::cout << "corpus written to " << dir << "\n";
    return 0;
}
