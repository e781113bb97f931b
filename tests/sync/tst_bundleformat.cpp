// Bundle format v1 in memory: records survive the CBOR codec field for field and ignore keys
// they do not know; bundles written in chunks read back bit for bit, whatever the chunk
// size and record count; the envelope is checked (trust, signature) before the content, and
// the checks behind the signature (decryption, stream end, record framing) still hold when
// the signing station itself crafts a bad bundle. Receipts, request signatures, trust lists
// and central key files refuse every alteration.
#include "SyncTestSupport.h"
#include "store/SecretBytes.h"
#include "store/Uuid.h"
#include "sync/BundleError.h"
#include "sync/BundleReader.h"
#include "sync/BundleWriter.h"
#include "sync/Receipt.h"
#include "sync/RecordCodec.h"
#include "sync/RequestAuth.h"
#include "sync/TrustList.h"

#include <QCborMap>
#include <QCborValue>
#include <QtTest>

#include <sodium.h>
#include <sys/stat.h>

using namespace fe;
using namespace fe::sync;
using namespace fe::sync::test;
using store::test::sampleEnrollment;

namespace {

class MemorySink final : public BundleSink
{
public:
    std::string bytes;
    void append(ByteView b) override { bytes.append(reinterpret_cast<const char*>(b.data()), b.size()); }
    void writeAt(std::uint64_t offset, ByteView b) override
    {
        bytes.replace(static_cast<std::size_t>(offset), b.size(), reinterpret_cast<const char*>(b.data()), b.size());
    }
};

struct SigningStation
{
    store::StationIdentity identity;
    store::SecretBytes secretKey{crypto_sign_SECRETKEYBYTES};
    SigningStation()
    {
        store::ensureSodium();
        identity.stationId = store::newUuid();
        identity.name = "test station";
        crypto_sign_keypair(identity.publicKey.data(), secretKey.data());
    }
};

store::ExportRecord exportRecordFor(std::uint32_t seed, std::size_t portraitBytes = 6000)
{
    store::ExportRecord r;
    r.enrollment = sampleEnrollment(seed, portraitBytes);
    r.enrollment.id = store::newUuid();
    r.enrollment.stationId = store::newUuid();
    r.enrollment.operatorId = store::newUuid();
    r.enrollment.createdAt = store::fromMillis(1'780'000'000'000 + seed);
    r.enrollment.review = store::ReviewDecision{store::newUuid(), store::ReviewOutcome::Approved, "looks fine",
                                                store::fromMillis(1'780'000'100'000)};
    store::AuditEntry a;
    a.seq = 42;
    a.event = {store::fromMillis(1'780'000'000'123), store::newUuid(), "enrollment_created", r.enrollment.id, "accepted"};
    a.hash.fill(0xab);
    r.audit.push_back(a);
    return r;
}

std::string makeBundle(const SigningStation& s, const CentralSecretKeys& central, const std::vector<QByteArray>& records,
                       std::uint32_t chunkSize)
{
    MemorySink sink;
    BundleWriterParams p;
    p.bundleId = store::newUuid();
    p.station = s.identity;
    p.stationSecretKey = &s.secretKey;
    p.recipient = central.publicKeys;
    p.createdAtMs = 1'780'000'000'000;
    p.chunkSize = chunkSize;
    BundleWriter w(sink, p);
    for (const auto& r : records)
        w.addRecord(r);
    const auto summary = w.finish();
    if (summary.bytes != sink.bytes.size())
        throw std::runtime_error("the summary's size differs from the bytes written");
    return sink.bytes;
}

ByteView view(const std::string& s)
{
    return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

BundleReader::TrustLookup trustOnly(const std::string& id, const PublicKey& key)
{
    return [id, key](const std::string& asked) -> std::optional<PublicKey> {
        if (asked == id)
            return key;
        return std::nullopt;
    };
}

// The problem a call throws, or nothing.
template <typename F> std::optional<BundleProblem> problemOf(F&& f)
{
    try {
        f();
    } catch (const BundleError& e) {
        return e.problem();
    }
    return std::nullopt;
}

std::vector<QByteArray> readAll(const std::string& bundle, const CentralSecretKeys& keys)
{
    MemorySource source(view(bundle));
    BundleReader reader(source, nullptr);
    std::vector<QByteArray> out;
    reader.readRecords(keys, [&](const QByteArray& r) { out.push_back(r); });
    return out;
}

} // namespace

class TestBundleFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordCodec_roundTripsEveryField_data();
    void recordCodec_roundTripsEveryField();
    void recordCodec_ignoresKeysItDoesNotKnow();
    void recordCodec_livenessMode_isCarried_andOnlyTheTwoModes();
    void recordCodec_refusesMissingOrMistypedFields_data();
    void recordCodec_refusesMissingOrMistypedFields();
    void bundle_readsBackBitForBit_data();
    void bundle_readsBackBitForBit();
    void header_roundTripsAndRefusesBadFields();
    void reader_checksTrustBeforeAnythingElse();
    void reader_refusesAnotherRecipientAndAWrongKey();
    void reader_checksBehindTheSignature_data();
    void reader_checksBehindTheSignature();
    void receipt_verifiesOnlyWithTheCentralKey();
    void requestAuth_bindsStationTimeAndBundle();
    void trustList_parsesAndRefusesBadLines_data();
    void trustList_parsesAndRefusesBadLines();
    void centralKeys_roundTripAndRefuseMismatches();
};

void TestBundleFormat::recordCodec_roundTripsEveryField_data()
{
    QTest::addColumn<uint>("seed");
    QTest::newRow("national id, no flags") << 2u;
    QTest::newRow("passport, flagged") << 3u;
    QTest::newRow("another") << 17u;
}

void TestBundleFormat::recordCodec_roundTripsEveryField()
{
    QFETCH(uint, seed);
    const auto record = exportRecordFor(seed);
    const QByteArray cbor = RecordCodec::encode(record);
    const auto back = RecordCodec::decode(cbor);
    QCOMPARE(qs(store::test::differences(record.enrollment, back.enrollment)), QString());
    QCOMPARE(qs(back.enrollment.id), qs(record.enrollment.id));
    QCOMPARE(qs(back.enrollment.stationId), qs(record.enrollment.stationId));
    QCOMPARE(qs(back.enrollment.operatorId), qs(record.enrollment.operatorId));
    QVERIFY(back.enrollment.createdAt == record.enrollment.createdAt);
    QVERIFY(back.enrollment.status == record.enrollment.status);
    QVERIFY(back.enrollment.review.has_value());
    QCOMPARE(qs(back.enrollment.review->reason), qs(record.enrollment.review->reason));
    QVERIFY(back.enrollment.review->time == record.enrollment.review->time);
    QCOMPARE(back.audit.size(), std::size_t{1});
    QCOMPARE(back.audit[0].seq, record.audit[0].seq);
    QVERIFY(back.audit[0].hash == record.audit[0].hash);
    QCOMPARE(qs(back.audit[0].event.action), qs(record.audit[0].event.action));
    // The same record encodes to the same bytes.
    QCOMPARE(RecordCodec::encode(back), cbor);
}

void TestBundleFormat::recordCodec_ignoresKeysItDoesNotKnow()
{
    const auto record = exportRecordFor(5);
    QCborMap map = QCborValue::fromCbor(RecordCodec::encode(record)).toMap();
    // What a later FaceEnroll might add: new top-level and nested keys.
    map.insert(QStringLiteral("liveness_mode"), QStringLiteral("spontaneous"));
    QCborMap liveness = map.value(QStringLiteral("liveness")).toMap();
    liveness.insert(QStringLiteral("frames_analysed"), 321);
    map.insert(QStringLiteral("liveness"), liveness);
    map.insert(QStringLiteral("future"), QCborMap{{QStringLiteral("x"), QByteArray("y")}});
    const auto back = RecordCodec::decode(map.toCborValue().toCbor());
    QCOMPARE(qs(store::test::differences(record.enrollment, back.enrollment)), QString());
}

void TestBundleFormat::recordCodec_livenessMode_isCarried_andOnlyTheTwoModes()
{
    // Issue 12: bundles carry the liveness mode that vouched for the face (schema version 8);
    // a record without it (an older station) reads as unknown; any other word is refused
    // before the store's CHECK constraint would meet it.
    for (const char* mode : {"challenge", "spontaneous", ""}) {
        auto record = exportRecordFor(4);
        record.enrollment.liveness.mode = mode;
        QCOMPARE(qs(RecordCodec::decode(RecordCodec::encode(record)).enrollment.liveness.mode), QString::fromLatin1(mode));
    }
    auto record = exportRecordFor(4);
    record.enrollment.liveness.mode = "challenge";
    QCborMap map = QCborValue::fromCbor(RecordCodec::encode(record)).toMap();
    QCborMap liveness = map.value(QStringLiteral("liveness")).toMap();
    QCOMPARE(liveness.value(QStringLiteral("mode")).toString(), QStringLiteral("challenge"));
    liveness.insert(QStringLiteral("mode"), QStringLiteral("replay"));
    map.insert(QStringLiteral("liveness"), liveness);
    QCOMPARE(problemOf([&] { (void)RecordCodec::decode(map.toCborValue().toCbor()); }), BundleProblem::BadRecord);
}

void TestBundleFormat::recordCodec_refusesMissingOrMistypedFields_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QCborValue>("value"); // undefined: remove the key
    QTest::newRow("no id") << QStringLiteral("id") << QCborValue(QCborValue::Undefined);
    QTest::newRow("id not a UUID") << QStringLiteral("id") << QCborValue(QStringLiteral("nope"));
    QTest::newRow("no station") << QStringLiteral("station") << QCborValue(QCborValue::Undefined);
    QTest::newRow("portrait as text") << QStringLiteral("portrait") << QCborValue(QStringLiteral("jpeg"));
    QTest::newRow("no face template") << QStringLiteral("face_template") << QCborValue(QCborValue::Undefined);
    QTest::newRow("template of 3 bytes")
        << QStringLiteral("face_template")
        << QCborValue(QCborMap{{QStringLiteral("model"), QStringLiteral("m")},
                               {QStringLiteral("version"), QStringLiteral("1")},
                               {QStringLiteral("dims"), 1},
                               {QStringLiteral("values"), QByteArray("abc")}});
    QTest::newRow("created as text") << QStringLiteral("created") << QCborValue(QStringLiteral("yesterday"));
    QTest::newRow("quality not a list") << QStringLiteral("quality") << QCborValue(7);
    // Found by the fuzzer: a time this far out overflowed the conversion to a time point.
    QTest::newRow("created in the year 350,000") << QStringLiteral("created") << QCborValue(qint64(11260779068426240));
    QTest::newRow("created before 1900") << QStringLiteral("created") << QCborValue(qint64(-2208988800001));
}

void TestBundleFormat::recordCodec_refusesMissingOrMistypedFields()
{
    QFETCH(QString, key);
    QFETCH(QCborValue, value);
    QCborMap map = QCborValue::fromCbor(RecordCodec::encode(exportRecordFor(9))).toMap();
    if (value.isUndefined())
        map.remove(key);
    else
        map.insert(key, value);
    QCOMPARE(problemOf([&] { (void)RecordCodec::decode(map.toCborValue().toCbor()); }), BundleProblem::BadRecord);
    // Not a map at all, or cut short.
    QCOMPARE(problemOf([&] { (void)RecordCodec::decode(QCborValue(5).toCbor()); }), BundleProblem::BadRecord);
    const QByteArray whole = RecordCodec::encode(exportRecordFor(9));
    QCOMPARE(problemOf([&] { (void)RecordCodec::decode(whole.left(whole.size() / 2)); }), BundleProblem::BadRecord);
}

void TestBundleFormat::bundle_readsBackBitForBit_data()
{
    QTest::addColumn<uint>("chunkSize");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("portraitBytes");
    QTest::newRow("empty bundle") << 65536u << 0 << 0;
    QTest::newRow("one record, one chunk") << 65536u << 1 << 4000;
    QTest::newRow("records across many 1 KiB chunks") << 1024u << 7 << 5000;
    QTest::newRow("a record larger than a chunk") << 4096u << 3 << 100'000;
    QTest::newRow("default chunks, 100 KB portraits") << 65536u << 5 << 100'000;
}

void TestBundleFormat::bundle_readsBackBitForBit()
{
    QFETCH(uint, chunkSize);
    QFETCH(int, records);
    QFETCH(int, portraitBytes);
    const SigningStation station;
    const auto central = CentralKeys::generate();
    std::vector<QByteArray> in;
    for (int i = 0; i < records; ++i)
        in.push_back(RecordCodec::encode(exportRecordFor(static_cast<std::uint32_t>(i), static_cast<std::size_t>(portraitBytes))));
    const std::string bundle = makeBundle(station, central, in, chunkSize);

    MemorySource source(view(bundle));
    const auto trust = trustOnly(station.identity.stationId, station.identity.publicKey);
    BundleReader reader(source, &trust);
    QCOMPARE(reader.header().recordCount, static_cast<std::uint32_t>(records));
    QCOMPARE(reader.geometry().fileSize, static_cast<std::uint64_t>(bundle.size()));
    QCOMPARE(qs(reader.stationId()), qs(station.identity.stationId));
    QCOMPARE(qs(reader.recipientKeyId()), qs(central.publicKeys.keyId));
    std::uint64_t plaintext = 0;
    for (const auto& r : in)
        plaintext += 4 + static_cast<std::uint64_t>(r.size());
    QCOMPARE(reader.geometry().chunkCount, plaintext / chunkSize + 1);
    std::string copy;
    reader.verifyContent([&copy](ByteView b) { copy.append(reinterpret_cast<const char*>(b.data()), b.size()); });
    QVERIFY(copy == bundle); // what an import writes to the outbox is the file itself
    const auto out = readAll(bundle, central);
    QCOMPARE(out.size(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i)
        QVERIFY2(out[i] == in[i], qPrintable(QStringLiteral("record %1 differs").arg(i)));
    // The relay's view does not contain the records: the portraits are not in the ciphertext.
    if (!in.empty())
        QVERIFY(bundle.find(std::string(in[0].constData() + 200, 64)) == std::string::npos);
}

void TestBundleFormat::header_roundTripsAndRefusesBadFields()
{
    BundleHeader h;
    h.bundleId.fill(1);
    h.stationId.fill(2);
    h.stationPublicKey.fill(3);
    h.createdAtMs = -5; // before 1970: still representable
    h.recordCount = 9;
    h.chunkSize = 4096;
    h.recipientKeyId.fill(4);
    h.payloadSize = format::kKeyBlockSize + 3 * (4096 + 17) + 100;
    const auto bytes = h.encode();
    const auto back = BundleHeader::decode(bytes);
    QVERIFY(back.bundleId == h.bundleId && back.stationId == h.stationId && back.stationPublicKey == h.stationPublicKey);
    QCOMPARE(back.createdAtMs, h.createdAtMs);
    QCOMPARE(back.payloadSize, h.payloadSize);
    QCOMPARE(BundleGeometry::of(back).chunkCount, std::uint64_t{4});
    QCOMPARE(BundleGeometry::of(back).lastChunkSize, std::uint64_t{100});
    const auto mutated = [&](std::size_t offset, unsigned char v) {
        auto b = bytes;
        b[offset] = v;
        return problemOf([&] { (void)BundleHeader::decode(b); });
    };
    QCOMPARE(mutated(0, 'X'), BundleProblem::BadMagic);
    QCOMPARE(mutated(9, 2), BundleProblem::UnsupportedVersion);
    QCOMPARE(mutated(11, 0), BundleProblem::BadHeader);  // header size
    QCOMPARE(mutated(15, 1), BundleProblem::BadHeader);  // flags
    QCOMPARE(mutated(94, 0), BundleProblem::BadHeader);  // chunk size 0
    QCOMPARE(mutated(127, 1), BundleProblem::BadHeader); // reserved
    QCOMPARE(mutated(119, 0xA2), BundleProblem::BadHeader); // a last chunk of 7 bytes, shorter than its tag
    QCOMPARE(problemOf([&] { (void)BundleHeader::decode(ByteView(bytes.data(), 40)); }), BundleProblem::Truncated);
    QCOMPARE(problemOf([&] { (void)BundleHeader::decode(ByteView(bytes.data(), 3)); }), BundleProblem::Truncated);
    QCOMPARE(problemOf([&] { (void)BundleHeader::decode(view("GIF89a")); }), BundleProblem::BadMagic);
}

void TestBundleFormat::reader_checksTrustBeforeAnythingElse()
{
    const SigningStation station;
    const SigningStation other;
    const auto central = CentralKeys::generate();
    const std::string bundle = makeBundle(station, central, {RecordCodec::encode(exportRecordFor(1))}, 4096);
    MemorySource source(view(bundle));
    const auto unknown = trustOnly(other.identity.stationId, other.identity.publicKey);
    QCOMPARE(problemOf([&] { BundleReader r(source, &unknown); }), BundleProblem::UnknownStation);
    const auto wrongKey = trustOnly(station.identity.stationId, other.identity.publicKey);
    QCOMPARE(problemOf([&] { BundleReader r(source, &wrongKey); }), BundleProblem::StationKeyMismatch);
    // Trust is checked before the signature: a damaged bundle from an unknown station is
    // refused for the station.
    std::string damaged = bundle;
    damaged[damaged.size() - 3] ^= 0x10;
    MemorySource damagedSource(view(damaged));
    QCOMPARE(problemOf([&] { BundleReader r(damagedSource, &unknown); }), BundleProblem::UnknownStation);
    QCOMPARE(problemOf([&] { BundleReader r(damagedSource, nullptr); }), BundleProblem::BadSignature);
    // Someone who re-signs a station's bundle with their own key cannot pass it off.
    auto parts = BundleParts::parse(bundle);
    parts.header.stationPublicKey = other.identity.publicKey;
    const std::string resigned = parts.assemble(other.secretKey);
    MemorySource resignedSource(view(resigned));
    const auto trusted = trustOnly(station.identity.stationId, station.identity.publicKey);
    QCOMPARE(problemOf([&] { BundleReader r(resignedSource, &trusted); }), BundleProblem::StationKeyMismatch);
}

void TestBundleFormat::reader_refusesAnotherRecipientAndAWrongKey()
{
    const SigningStation station;
    const auto central = CentralKeys::generate();
    const auto otherCentral = CentralKeys::generate();
    const std::string bundle = makeBundle(station, central, {RecordCodec::encode(exportRecordFor(1))}, 4096);
    QCOMPARE(problemOf([&] { (void)readAll(bundle, otherCentral); }), BundleProblem::WrongRecipient);
    // The right key id with the wrong secret (a receiver with a damaged key file).
    CentralSecretKeys impostor = CentralKeys::generate();
    impostor.publicKeys = central.publicKeys;
    QCOMPARE(problemOf([&] { (void)readAll(bundle, impostor); }), BundleProblem::ContentKeyRejected);
}

void TestBundleFormat::reader_checksBehindTheSignature_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("expected");
    QTest::newRow("a chunk's ciphertext altered") << QStringLiteral("flip") << int(BundleProblem::ChunkRejected);
    QTest::newRow("two chunks swapped") << QStringLiteral("swap") << int(BundleProblem::ChunkRejected);
    QTest::newRow("the final chunk removed") << QStringLiteral("drop-last") << int(BundleProblem::MissingFinalChunk);
    QTest::newRow("the stream header replaced") << QStringLiteral("stream-header") << int(BundleProblem::ChunkRejected);
    QTest::newRow("record count raised") << QStringLiteral("count+1") << int(BundleProblem::RecordCountMismatch);
    QTest::newRow("record count lowered") << QStringLiteral("count-1") << int(BundleProblem::RecordCountMismatch);
    QTest::newRow("sealed to a key not the central one") << QStringLiteral("sealed-key") << int(BundleProblem::ContentKeyRejected);
}

void TestBundleFormat::reader_checksBehindTheSignature()
{
    QFETCH(QString, change);
    QFETCH(int, expected);
    const SigningStation station;
    const auto central = CentralKeys::generate();
    std::vector<QByteArray> records;
    for (std::uint32_t i = 0; i < 4; ++i)
        records.push_back(RecordCodec::encode(exportRecordFor(i, 3000)));
    auto parts = BundleParts::parse(makeBundle(station, central, records, 2048));
    QVERIFY(parts.chunks.size() >= 4);
    if (change == QLatin1String("flip"))
        parts.chunks[1][30] ^= 1;
    else if (change == QLatin1String("swap"))
        std::swap(parts.chunks[1], parts.chunks[2]);
    else if (change == QLatin1String("drop-last"))
        parts.chunks.pop_back();
    else if (change == QLatin1String("stream-header"))
        parts.keyBlock[format::kSealedKeySize + 3] ^= 1;
    else if (change == QLatin1String("count+1"))
        ++parts.header.recordCount;
    else if (change == QLatin1String("count-1"))
        --parts.header.recordCount;
    else if (change == QLatin1String("sealed-key"))
        parts.keyBlock[5] ^= 1;
    // The station re-signs: header, size and every hash are right, so only the checks
    // behind the signature can catch it.
    const std::string crafted = parts.assemble(station.secretKey);
    MemorySource source(view(crafted));
    BundleReader reader(source, nullptr);
    reader.verifyContent();
    QCOMPARE(problemOf([&] { (void)readAll(crafted, central); }), std::optional(BundleProblem(expected)));
}

void TestBundleFormat::receipt_verifiesOnlyWithTheCentralKey()
{
    const auto central = CentralKeys::generate();
    const auto other = CentralKeys::generate();
    ReceiptBody body;
    body.receiptId = store::newUuid();
    body.bundleId = store::newUuid();
    body.stationId = store::newUuid();
    body.relayId = store::newUuid();
    body.keyId = central.publicKeys.keyId;
    body.timeMs = 1'780'000'000'000;
    body.acceptedIds = {store::newUuid(), store::newUuid()};
    const Bytes signedReceipt = Receipt::sign(body, central.signSecretKey);
    std::size_t used = 0;
    const auto back = Receipt::verify(signedReceipt, central.publicKeys, &used);
    QCOMPARE(used, signedReceipt.size());
    QCOMPARE(qs(back.bundleId), qs(body.bundleId));
    QVERIFY(back.acceptedIds == body.acceptedIds);
    QCOMPARE(back.timeMs, body.timeMs);
    // Any byte changed: the signature fails (or the envelope is malformed).
    for (std::size_t i = 0; i < signedReceipt.size(); i += 7) {
        Bytes bad = signedReceipt;
        bad[i] ^= 0x01;
        const auto p = problemOf([&] { (void)Receipt::verify(bad, central.publicKeys); });
        QVERIFY2(p == BundleProblem::ReceiptSignature || p == BundleProblem::BadReceipt,
                 qPrintable(QStringLiteral("byte %1 changed and the receipt still verified").arg(i)));
    }
    // Signed by another key.
    const Bytes forged = Receipt::sign(body, other.signSecretKey);
    QCOMPARE(problemOf([&] { (void)Receipt::verify(forged, central.publicKeys); }), BundleProblem::ReceiptSignature);
    // Signed by the right key but naming another key id.
    ReceiptBody renamed = body;
    renamed.keyId = other.publicKeys.keyId;
    QCOMPARE(problemOf([&] { (void)Receipt::verify(Receipt::sign(renamed, central.signSecretKey), central.publicKeys); }),
             BundleProblem::ReceiptMismatch);
    // A file of several.
    Bytes two = signedReceipt;
    two.insert(two.end(), signedReceipt.begin(), signedReceipt.end());
    QCOMPARE(Receipt::verifyAll(two, central.publicKeys).size(), std::size_t{2});
    two.push_back(0);
    QCOMPARE(problemOf([&] { (void)Receipt::verifyAll(two, central.publicKeys); }), BundleProblem::BadReceipt);
}

void TestBundleFormat::requestAuth_bindsStationTimeAndBundle()
{
    const SigningStation station;
    const SigningStation other;
    const std::string key = store::newUuid();
    std::array<unsigned char, 64> bundleSig{};
    bundleSig.fill(7);
    const std::string header =
        RequestAuth::sign(station.identity.stationId, 1234, kBundlesPath, key, 5000, bundleSig, station.secretKey);
    const auto fields = RequestAuth::parse(header);
    QVERIFY(fields);
    QCOMPARE(qs(fields->stationId), qs(station.identity.stationId));
    QCOMPARE(fields->timeMs, std::int64_t{1234});
    QVERIFY(RequestAuth::verify(*fields, kBundlesPath, key, 5000, bundleSig, station.identity.publicKey));
    QVERIFY(!RequestAuth::verify(*fields, kBundlesPath, key, 5001, bundleSig, station.identity.publicKey));
    QVERIFY(!RequestAuth::verify(*fields, kBundlesPath, store::newUuid(), 5000, bundleSig, station.identity.publicKey));
    QVERIFY(!RequestAuth::verify(*fields, kBundlesPath, key, 5000, bundleSig, other.identity.publicKey));
    auto otherSig = bundleSig;
    otherSig[0] = 8;
    QVERIFY(!RequestAuth::verify(*fields, kBundlesPath, key, 5000, otherSig, station.identity.publicKey));
    auto later = *fields;
    later.timeMs = 1235;
    QVERIFY(!RequestAuth::verify(later, kBundlesPath, key, 5000, bundleSig, station.identity.publicKey));
    QVERIFY(!RequestAuth::parse("v2 station=x time=1 sig=abc"));
    QVERIFY(!RequestAuth::parse("v1 station=" + station.identity.stationId + " time=12x sig=AAAA"));
}

void TestBundleFormat::trustList_parsesAndRefusesBadLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("valid");
    const QString id = QStringLiteral("0b6b7a1e-2f3c-4d5e-8f90-a1b2c3d4e5f6");
    const QString key = QString(64, QLatin1Char('a'));
    QTest::newRow("plain") << id + QStringLiteral(" ") + key + QStringLiteral(" Branch 12") << true;
    QTest::newRow("name with spaces, CRLF") << id + QStringLiteral(" ") + key + QStringLiteral(" Yaoundé  centre\r") << true;
    QTest::newRow("no name") << id + QStringLiteral(" ") + key << false;
    QTest::newRow("id not a UUID") << QStringLiteral("branch-12 ") + key + QStringLiteral(" x") << false;
    QTest::newRow("key too short") << id + QStringLiteral(" abcd x") << false;
    QTest::newRow("key not hex") << id + QStringLiteral(" ") + QString(64, QLatin1Char('z')) + QStringLiteral(" x") << false;
    QTest::newRow("name too long") << id + QStringLiteral(" ") + key + QStringLiteral(" ") + QString(65, QLatin1Char('n')) << false;
    QTest::newRow("control character") << id + QStringLiteral(" ") + key + QStringLiteral(" a\x01") << false;
}

void TestBundleFormat::trustList_parsesAndRefusesBadLines()
{
    QFETCH(QString, line);
    QFETCH(bool, valid);
    const std::string text = "# a comment\n\n" + line.toStdString() + "\n";
    try {
        const auto stations = TrustList::parse(text);
        QVERIFY(valid);
        QCOMPARE(stations.size(), std::size_t{1});
        QVERIFY(!stations[0].name.empty());
        QVERIFY(stations[0].name.back() != ' ' && stations[0].name.back() != '\r');
        // Its own line parses back to the same station.
        const auto again = TrustList::parse(TrustList::formatLine(stations[0]));
        QCOMPARE(qs(again[0].name), qs(stations[0].name));
    } catch (const Error& e) {
        QVERIFY2(!valid, e.what());
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
    }
    if (valid) {
        try {
            (void)TrustList::parse(text + text);
            QFAIL("a station listed twice was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidInput);
        }
    }
}

void TestBundleFormat::centralKeys_roundTripAndRefuseMismatches()
{
    const CentralKeyDir dir;
    const auto pub = CentralKeys::loadPublic(dir.publicFile());
    QCOMPARE(qs(pub.keyId), qs(dir.keys.publicKeys.keyId));
    QVERIFY(pub.boxPublicKey == dir.keys.publicKeys.boxPublicKey);
    const auto secret = CentralKeys::loadSecret(dir.path);
    QVERIFY(secret.signSecretKey.equals(dir.keys.signSecretKey));
    QVERIFY(secret.boxSecretKey.equals(dir.keys.boxSecretKey));
    struct stat st{};
    QCOMPARE(::stat((dir.path / "central.key").c_str(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    // The secret file is not in the public one.
    QVERIFY(readFile(dir.publicFile()).find("secret") == std::string::npos);
    // A key id that does not belong to the keys.
    std::string text = readFile(dir.publicFile());
    const auto at = text.find("key-id ") + 7;
    text[at] = text[at] == '0' ? '1' : '0';
    try {
        (void)CentralKeys::parsePublic(text);
        QFAIL("a mismatching key id was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
    }
    // Refused: readable by others; and keygen does not overwrite.
    ::chmod((dir.path / "central.key").c_str(), 0644);
    try {
        (void)CentralKeys::loadSecret(dir.path);
        QFAIL("a world-readable secret key file was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::PermissionDenied);
    }
    try {
        CentralKeys::writeKeyDirectory(dir.path, CentralKeys::generate());
        QFAIL("keygen overwrote a key");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::Conflict);
    }
    QVERIFY(CentralKeys::loadPublic(dir.publicFile()).keyId == dir.keys.publicKeys.keyId);
}

QTEST_APPLESS_MAIN(TestBundleFormat)
#include "tst_bundleformat.moc"
