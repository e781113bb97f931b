// Tampered bundles on real files: one byte flipped in each region (header fields, sealed
// key, stream header, every chunk, chunk table, signature), truncations at several points,
// two chunks swapped, a chunk repeated or removed, garbage appended. Every variant is
// refused with its specific reason by verify-bundle (exit 2), by import on a relaying
// station (nothing in the outbox, no file left) and by the receiver (nothing stored).
#include "SyncTestSupport.h"
#include "store/HubStore.h"
#include "sync/BundleError.h"
#include "sync/BundleExporter.h"
#include "sync/BundleImporter.h"
#include "sync/HubService.h"
#include "sync/RequestAuth.h"

#include <QtTest>

#include <cstring>

using namespace fe;
using namespace fe::sync;
using namespace fe::sync::test;

namespace {

struct Variant
{
    std::string bytes;
    BundleProblem expected;
};

std::string flip(std::string b, std::uint64_t at)
{
    b[static_cast<std::size_t>(at)] = static_cast<char>(b[static_cast<std::size_t>(at)] ^ 0x10);
    return b;
}

} // namespace

class TestSyncTamper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tampered_isRefusedWithItsReason_data();
    void tampered_isRefusedWithItsReason();
    void untouched_isAccepted();

private:
    std::unique_ptr<CentralKeyDir> m_central;
    std::unique_ptr<Station> m_origin;
    std::unique_ptr<Station> m_relay;
    std::filesystem::path m_bundle;
    std::string m_bytes;
    std::filesystem::path m_trust;
    QTemporaryDir m_dir;
};

void TestSyncTamper::initTestCase()
{
    m_central = std::make_unique<CentralKeyDir>();
    m_origin = std::make_unique<Station>(m_central.get());
    m_relay = std::make_unique<Station>(m_central.get());
    m_trust = writeTrustList(std::filesystem::path(m_dir.path().toStdString()) / "trust.txt", {m_origin.get(), m_relay.get()});
    {
        auto admin = m_relay->login("admin");
        admin.replaceTrustList({{m_origin->identity.stationId, m_origin->identity.name, m_origin->identity.publicKey}});
    }
    // Three enrollments with 60 KB portraits: about 200 KB, four 64 KiB chunks.
    m_origin->enroll(3, 60 * 1024);
    m_bundle = std::filesystem::path(m_dir.path().toStdString()) / "origin.feb";
    auto sup = m_origin->login("sup");
    BundleExporter exporter(sup);
    exporter.exportToFile(m_bundle, exporter.allPending());
    m_bytes = readFile(m_bundle);
    QVERIFY(geometryOf(m_bytes).chunkCount >= 3);
}

void TestSyncTamper::tampered_isRefusedWithItsReason_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expected");
    const auto g = geometryOf(m_bytes);
    const auto add = [](const QString& name, const std::string& bytes, BundleProblem p) {
        QTest::newRow(qPrintable(name)) << QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())) << int(p);
    };
    // Header, field by field.
    add(QStringLiteral("header: magic"), flip(m_bytes, 1), BundleProblem::BadMagic);
    add(QStringLiteral("header: version"), flip(m_bytes, 9), BundleProblem::UnsupportedVersion);
    add(QStringLiteral("header: flags"), flip(m_bytes, 15), BundleProblem::BadHeader);
    add(QStringLiteral("header: bundle id"), flip(m_bytes, 20), BundleProblem::BadSignature);
    add(QStringLiteral("header: station id"), flip(m_bytes, 40), BundleProblem::UnknownStation);
    add(QStringLiteral("header: station key"), flip(m_bytes, 60), BundleProblem::StationKeyMismatch);
    add(QStringLiteral("header: created time"), flip(m_bytes, 85), BundleProblem::BadSignature);
    add(QStringLiteral("header: record count"), flip(m_bytes, 91), BundleProblem::BadSignature);
    add(QStringLiteral("header: recipient key id"), flip(m_bytes, 100), BundleProblem::BadSignature);
    {
        // The payload size's low byte: 16 bytes more or fewer than the file has.
        const bool grows = (static_cast<unsigned char>(m_bytes[119]) & 0x10) == 0;
        add(QStringLiteral("header: payload size"), flip(m_bytes, 119),
            grows ? BundleProblem::Truncated : BundleProblem::TrailingData);
    }
    add(QStringLiteral("header: reserved"), flip(m_bytes, 125), BundleProblem::BadHeader);
    // The key block.
    add(QStringLiteral("sealed content key"), flip(m_bytes, format::kHeaderSize + 10), BundleProblem::DamagedKeyBlock);
    add(QStringLiteral("stream header"), flip(m_bytes, format::kHeaderSize + format::kSealedKeySize + 5),
        BundleProblem::DamagedKeyBlock);
    // Every chunk, at its start, middle and end.
    for (std::uint64_t i = 0; i < g.chunkCount; ++i) {
        add(QStringLiteral("chunk %1, first byte").arg(i + 1), flip(m_bytes, g.chunkOffset(i)), BundleProblem::DamagedChunk);
        add(QStringLiteral("chunk %1, middle").arg(i + 1), flip(m_bytes, g.chunkOffset(i) + g.chunkSize(i) / 2),
            BundleProblem::DamagedChunk);
        add(QStringLiteral("chunk %1, tag").arg(i + 1), flip(m_bytes, g.chunkOffset(i) + g.chunkSize(i) - 1),
            BundleProblem::DamagedChunk);
    }
    add(QStringLiteral("chunk table"), flip(m_bytes, g.tableOffset + 40), BundleProblem::BadSignature);
    add(QStringLiteral("signature"), flip(m_bytes, g.signatureOffset + 10), BundleProblem::BadSignature);
    // Truncations.
    for (const std::uint64_t at : {std::uint64_t{0}, std::uint64_t{5}, std::uint64_t{64}, std::uint64_t{format::kHeaderSize},
                                   std::uint64_t{format::kHeaderSize + 50}, g.chunkOffset(1) + 7, g.tableOffset,
                                   g.signatureOffset, g.fileSize - 1})
        add(QStringLiteral("truncated at %1").arg(at), m_bytes.substr(0, static_cast<std::size_t>(at)), BundleProblem::Truncated);
    // Chunks moved around.
    {
        std::string swapped = m_bytes;
        const auto a = static_cast<std::size_t>(g.chunkOffset(0));
        const auto b = static_cast<std::size_t>(g.chunkOffset(1));
        const auto n = static_cast<std::size_t>(g.fullChunkSize);
        std::string first = swapped.substr(a, n);
        swapped.replace(a, n, m_bytes.substr(b, n));
        swapped.replace(b, n, first);
        add(QStringLiteral("chunks 1 and 2 swapped"), swapped, BundleProblem::ChunksOutOfOrder);
        std::string repeated = m_bytes;
        repeated.replace(b, n, m_bytes.substr(a, n));
        add(QStringLiteral("chunk 1 in place of chunk 2"), repeated, BundleProblem::ChunksOutOfOrder);
        std::string removed = m_bytes;
        removed.erase(b, n);
        add(QStringLiteral("chunk 2 removed"), removed, BundleProblem::Truncated);
    }
    add(QStringLiteral("garbage appended"), m_bytes + "garbage", BundleProblem::TrailingData);
    add(QStringLiteral("another file"), std::string("%PDF-1.7\n") + std::string(500, 'x'), BundleProblem::BadMagic);
}

void TestSyncTamper::tampered_isRefusedWithItsReason()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expected);
    const auto problem = BundleProblem(expected);
    const auto file = std::filesystem::path(m_dir.path().toStdString()) / "tampered.feb";
    writeFile(file, bytes.toStdString());

    // verify-bundle: exit 2, the reason code in the summary, one line on stderr.
    const auto r = fe::test::runCli({QStringLiteral("verify-bundle"), qs(file.string()), QStringLiteral("--trust"),
                                     qs(m_trust.string())});
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    const auto summary = summaryOf(r);
    QCOMPARE(summary.value(QStringLiteral("reason_code")).toString(), QLatin1String(problemCode(problem)));
    QVERIFY(!summary.value(QStringLiteral("trusted")).toBool());
    QVERIFY(!r.err.trimmed().isEmpty() && !r.err.trimmed().contains('\n'));

    // Import on the relay: refused with the same problem; nothing in the outbox.
    {
        auto sup = m_relay->login("sup");
        try {
            (void)BundleImporter::importFile(sup, file);
            QFAIL("a tampered bundle was imported");
        } catch (const BundleError& e) {
            QCOMPARE(problemCode(e.problem()), problemCode(problem));
        }
        QVERIFY(sup.outboxBundles().empty());
        const auto outboxDir = sup.outboxDirectory();
        std::error_code ec;
        if (std::filesystem::exists(outboxDir, ec))
            QVERIFY2(std::filesystem::is_empty(outboxDir), "an import left a file in the outbox");
    }

    // The receiver, with the central key: refused, nothing stored.
    QTemporaryDir hubDir;
    auto hubStore = store::HubStore::open(hubDir.path().toStdString(), HubService::databaseKey(m_central->keys));
    HubConfig config;
    config.keys = CentralKeys::parseSecret(CentralKeys::formatSecret(m_central->keys).view());
    config.stations = {{m_origin->identity.stationId, m_origin->identity.name, m_origin->identity.publicKey},
                       {m_relay->identity.stationId, m_relay->identity.name, m_relay->identity.publicKey}};
    HubService hub(hubStore, std::move(config));
    HubRequest request;
    request.method = "POST";
    request.path = kBundlesPath;
    request.body = bytes;
    // The request is signed properly by the relay (over the body's last 64 bytes), so that
    // only the bundle itself is wrong.
    const std::string key = uuidFromBytes(BundleParts::parse(m_bytes).header.bundleId);
    auto relaySession = m_relay->login("sup");
    const auto relayKey = relaySession.stationSigningKey();
    std::array<unsigned char, 64> tail{};
    if (bytes.size() >= 64)
        std::memcpy(tail.data(), bytes.constData() + bytes.size() - 64, 64);
    request.headers["idempotency-key"] = QByteArray::fromStdString(key);
    request.headers["x-faceenroll-auth"] = QByteArray::fromStdString(RequestAuth::sign(
        m_relay->identity.stationId, store::toMillis(store::systemNow()), kBundlesPath, key,
        static_cast<std::uint64_t>(bytes.size()), tail, relayKey));
    const auto response = hub.handle(request);
    QVERIFY2(response.status == 400 || response.status == 403 || response.status == 401,
             qPrintable(QStringLiteral("status %1: %2").arg(response.status).arg(QString::fromUtf8(response.body))));
    QCOMPARE(hubStore.stats().records, std::int64_t{0});
    QCOMPARE(hubStore.stats().bundles, std::int64_t{0});
}

void TestSyncTamper::untouched_isAccepted()
{
    const auto r = fe::test::runCli({QStringLiteral("verify-bundle"), qs(m_bundle.string()), QStringLiteral("--trust"),
                                     qs(m_trust.string())});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const auto summary = summaryOf(r);
    QVERIFY(summary.value(QStringLiteral("valid")).toBool());
    QVERIFY(summary.value(QStringLiteral("trusted")).toBool());
    QCOMPARE(summary.value(QStringLiteral("records")).toInt(), 3);
    QCOMPARE(summary.value(QStringLiteral("station")).toString(), qs(m_origin->identity.stationId));
    // Without a trust list: the integrity is checked, the station is not vouched for.
    const auto bare = fe::test::runCli({QStringLiteral("verify-bundle"), qs(m_bundle.string())});
    QVERIFY2(bare.exitCode == 0, qPrintable(describe(bare)));
    QVERIFY(summaryOf(bare).value(QStringLiteral("valid")).toBool());
    QVERIFY(!summaryOf(bare).value(QStringLiteral("trusted")).toBool());
    auto sup = m_relay->login("sup");
    const auto imported = BundleImporter::importFile(sup, m_bundle);
    QVERIFY(!imported.duplicate);
    QCOMPARE(sup.outboxBundles().size(), std::size_t{1});
}

QTEST_GUILESS_MAIN(TestSyncTamper)
#include "tst_synctamper.moc"
