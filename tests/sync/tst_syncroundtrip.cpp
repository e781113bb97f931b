// The way out, end to end with real processes: enroll on an offline station, export a
// bundle (faceenroll-cli export), import it on a connected station that trusts the first,
// upload it to a real faceenroll-hub on 127.0.0.1; the hub holds exactly those records,
// every field bit for bit; the receipt is verified, carried back to the offline station and
// applied; after the retention period the purge removes the biometric bytes from the offline
// station's database file. Also a station uploading its own queue directly, exports and
// imports repeated (no-ops), progress and cancel, and the refusals of a station without a
// central key.
#include "SyncTestSupport.h"
#include "common/Error.h"
#include "store/Store.h"
#include "store/SyncRepository.h"
#include "sync/BundleExporter.h"
#include "sync/Outbox.h"
#include "sync/RecordCodec.h"

#include <QJsonDocument>
#include <QtTest>

using namespace fe;
using namespace fe::sync;
using namespace fe::sync::test;
using namespace std::chrono_literals;

namespace {

std::map<std::string, store::UploadState> statesOf(const Station& s, const std::vector<std::string>& ids)
{
    auto sup = s.login("sup");
    std::map<std::string, store::UploadState> out;
    for (const auto& id : ids)
        out[id] = sup.getEnrollment(id).upload.state;
    return out;
}

bool allIn(const std::map<std::string, store::UploadState>& states, store::UploadState s)
{
    return std::all_of(states.begin(), states.end(), [s](const auto& kv) { return kv.second == s; });
}

} // namespace

class TestSyncRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offlineExport_relay_upload_receipt_purge();
    void directUpload_marksExactlyTheRecordsTheHubHolds();
    void export_cancelledLeavesNothing();
    void export_withoutCentralKeyIsRefused();
    void bundles_ofMoreIdsThanOneStatementBatch_markEveryOne();
};

// The store marks bundle members and upload states SyncRepository::kIdBatch ids per
// statement: bundles of two full batches and a short one, by export and by the outbox.
void TestSyncRoundTrip::bundles_ofMoreIdsThanOneStatementBatch_markEveryOne()
{
    QTemporaryDir work;
    const std::filesystem::path dir = work.path().toStdString();
    const CentralKeyDir central;
    Station station(&central);
    const int n = static_cast<int>(2 * store::SyncRepository::kIdBatch + 3);
    const auto first = station.enroll(n, 512, 1);
    auto sup = station.login("sup");
    // Export of the first set, in an order of its own (the marks follow the ids, not the rows).
    auto ids = first;
    std::reverse(ids.begin(), ids.end());
    const auto exported = BundleExporter(sup).exportToFile(dir / "all.feb", ids);
    QCOMPARE(exported.records, static_cast<std::size_t>(n));
    QCOMPARE(exported.marked, n);
    QVERIFY(allIn(statesOf(station, first), store::UploadState::Exported));
    auto members = sup.enrollmentsOfBundle(exported.bundleId);
    std::sort(members.begin(), members.end());
    auto expected = first;
    std::sort(expected.begin(), expected.end());
    QVERIFY(members == expected);
    // Exported again (re-export is allowed): marked again, nothing doubled.
    const auto again = BundleExporter(sup).exportToFile(dir / "again.feb", first);
    QCOMPARE(again.marked, n);
    QCOMPARE(sup.enrollmentsOfBundle(again.bundleId).size(), static_cast<std::size_t>(n));

    // A local bundle for upload from a second, queued set: every one moves, and only those.
    const auto second = station.enroll(n, 512, 100'000);
    Outbox outbox(sup);
    const auto bundle = outbox.makeLocalBundle(static_cast<std::size_t>(n) + 10, 1ull << 30);
    QVERIFY(bundle.has_value());
    QCOMPARE(bundle->recordCount, static_cast<std::int64_t>(n));
    QVERIFY(allIn(statesOf(station, second), store::UploadState::Exported));
    auto local = sup.enrollmentsOfBundle(bundle->bundleId);
    std::sort(local.begin(), local.end());
    auto secondSorted = second;
    std::sort(secondSorted.begin(), secondSorted.end());
    QVERIFY(local == secondSorted);
    QVERIFY(sup.verifyAudit().valid);
}

void TestSyncRoundTrip::offlineExport_relay_upload_receipt_purge()
{
    QTemporaryDir work;
    const std::filesystem::path dir = work.path().toStdString();
    const CentralKeyDir central;
    // The central key reaches both stations the way an admin brings it: keys set-central.
    Station offline(nullptr);
    Station relay(nullptr);
    for (const Station* s : {&offline, &relay}) {
        const auto r = cli(*s, "admin", {QStringLiteral("keys"), QStringLiteral("set-central"), qs(central.publicFile().string())});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(summaryOf(r).value(QStringLiteral("key_id")).toString(), qs(central.keys.publicKeys.keyId));
    }
    // The relay trusts the offline station: its line, from keys export-station-public.
    const auto trustFile = dir / "relay-trust.txt";
    {
        const auto r = cli(offline, "admin", {QStringLiteral("keys"), QStringLiteral("export-station-public"),
                                              QStringLiteral("--out"), qs(trustFile.string())});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(summaryOf(r).value(QStringLiteral("line")).toString() + QLatin1Char('\n'), qs(readFile(trustFile)));
        const auto t = cli(relay, "admin", {QStringLiteral("trust"), QStringLiteral("import"), qs(trustFile.string())});
        QVERIFY2(t.exitCode == 0, qPrintable(describe(t)));
        QCOMPARE(summaryOf(t).value(QStringLiteral("added")).toInt(), 1);
    }

    std::vector<store::test::Markers> markers;
    const auto ids = offline.enroll(4, 40 * 1024, 100, &markers);
    std::map<std::string, store::Enrollment> originals;
    {
        auto sup = offline.login("sup");
        for (const auto& id : ids)
            originals[id] = sup.getEnrollment(id);
    }

    // Export to "removable media".
    const auto bundle = dir / "usb" / "branch.feb";
    std::filesystem::create_directories(bundle.parent_path());
    const auto exported = cli(offline, "sup", {QStringLiteral("export"), QStringLiteral("--all-pending"),
                                               QStringLiteral("--out"), qs(bundle.string())});
    QVERIFY2(exported.exitCode == 0, qPrintable(describe(exported)));
    const auto ex = summaryOf(exported);
    QCOMPARE(ex.value(QStringLiteral("records")).toInt(), 4);
    QCOMPARE(ex.value(QStringLiteral("marked_exported")).toInt(), 4);
    QVERIFY(exported.lines().size() >= 2); // progress lines, then the summary
    const std::string bundleId = ex.value(QStringLiteral("bundle")).toString().toStdString();
    QVERIFY(allIn(statesOf(offline, ids), store::UploadState::Exported));
    // Nothing of the enrollments is readable in the bundle or left beside it.
    QVERIFY(store::test::filesContaining(bundle.parent_path(), markers[0].all()).empty());
    QCOMPARE(std::distance(std::filesystem::directory_iterator(bundle.parent_path()), {}), 1);
    // Nothing queued any more: a second --all-pending has nothing to do.
    const auto nothing = cli(offline, "sup", {QStringLiteral("export"), QStringLiteral("--all-pending"),
                                              QStringLiteral("--out"), qs((dir / "usb" / "empty.feb").string())});
    QCOMPARE(nothing.exitCode, 2);

    // Import on the relay, twice: the second is a no-op.
    const auto imported = cli(relay, "sup", {QStringLiteral("import"), qs(bundle.string())});
    QVERIFY2(imported.exitCode == 0, qPrintable(describe(imported)));
    QVERIFY(summaryOf(imported).value(QStringLiteral("imported")).toBool());
    QCOMPARE(summaryOf(imported).value(QStringLiteral("records")).toInt(), 4);
    const auto again = cli(relay, "sup", {QStringLiteral("import"), qs(bundle.string())});
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QVERIFY(summaryOf(again).value(QStringLiteral("duplicate")).toBool());
    {
        auto sup = relay.login("sup");
        QCOMPARE(sup.outboxBundles().size(), std::size_t{1});
        // The relay holds the bundle, not the data: no marker anywhere in its files.
        QVERIFY(store::test::filesContaining(relay.store.directory(), markers[1].all()).empty());
    }

    // Upload to the hub, which trusts both stations.
    const auto hubTrust = writeTrustList(dir / "hub-trust.txt", {&offline, &relay});
    HubProcess hub(central, hubTrust);
    const auto up = cli(relay, "sup", {QStringLiteral("upload"), QStringLiteral("--url"), hub.url()});
    QVERIFY2(up.exitCode == 0, qPrintable(describe(up)));
    QCOMPARE(summaryOf(up).value(QStringLiteral("bundles")).toInt(), 1);
    QCOMPARE(summaryOf(up).value(QStringLiteral("uploaded")).toInt(), 0); // none of them are the relay's own
    QVERIFY(summaryOf(up).value(QStringLiteral("complete")).toBool());
    // A second upload finds nothing to send.
    const auto idle = cli(relay, "sup", {QStringLiteral("upload"), QStringLiteral("--url"), hub.url()});
    QVERIFY2(idle.exitCode == 0, qPrintable(describe(idle)));
    QCOMPARE(summaryOf(idle).value(QStringLiteral("bundles")).toInt(), 0);

    // Re-exporting the same set and relaying it again changes nothing at the hub.
    const auto bundle2 = dir / "usb" / "again.feb";
    const auto reexport = cli(offline, "sup", {QStringLiteral("export"), QStringLiteral("--bundle"), qs(bundleId),
                                               QStringLiteral("--out"), qs(bundle2.string())});
    QVERIFY2(reexport.exitCode == 0, qPrintable(describe(reexport)));
    QCOMPARE(summaryOf(reexport).value(QStringLiteral("records")).toInt(), 4);
    QVERIFY2(cli(relay, "sup", {QStringLiteral("import"), qs(bundle2.string())}).exitCode == 0, "re-export not imported");
    const auto up2 = cli(relay, "sup", {QStringLiteral("upload"), QStringLiteral("--url"), hub.url()});
    QVERIFY2(up2.exitCode == 0, qPrintable(describe(up2)));
    hub.stop();
    {
        auto hubStore = hub.openStore();
        const auto stats = hubStore.stats();
        QCOMPARE(stats.bundles, std::int64_t{2});
        QCOMPARE(stats.records, std::int64_t{4});
        QCOMPARE(stats.duplicateRecords, std::int64_t{4}); // the re-export, recognised
        auto held = hubStore.recordIds();
        auto expected = ids;
        std::sort(expected.begin(), expected.end());
        QVERIFY(held == expected);
        for (const auto& id : ids) {
            const auto cbor = hubStore.record(id);
            QVERIFY(cbor);
            const auto record = RecordCodec::decode(QByteArray(reinterpret_cast<const char*>(cbor->data()),
                                                               static_cast<qsizetype>(cbor->size())));
            const auto& original = originals[id];
            QCOMPARE(qs(store::test::differences(original, record.enrollment)), QString());
            QVERIFY(record.enrollment.portrait == original.portrait); // bit for bit
            QVERIFY(record.enrollment.faceTemplate.values == original.faceTemplate.values);
            QCOMPARE(qs(record.enrollment.stationId), qs(offline.identity.stationId));
            QVERIFY(!record.audit.empty()); // the enrollment's audit rows travel with it
        }
    }

    // The receipts go back to the offline station: exported by the relay, imported there.
    const auto receipts = dir / "usb" / "receipts.fer";
    const auto rex = cli(relay, "sup", {QStringLiteral("receipts"), QStringLiteral("export"), QStringLiteral("--station"),
                                        qs(offline.identity.stationId), QStringLiteral("--out"), qs(receipts.string())});
    QVERIFY2(rex.exitCode == 0, qPrintable(describe(rex)));
    QCOMPARE(summaryOf(rex).value(QStringLiteral("receipts")).toInt(), 2);
    const auto rim = cli(offline, "sup", {QStringLiteral("receipts"), QStringLiteral("import"), qs(receipts.string())});
    QVERIFY2(rim.exitCode == 0, qPrintable(describe(rim)));
    QCOMPARE(summaryOf(rim).value(QStringLiteral("marked")).toInt(), 4);
    QVERIFY(allIn(statesOf(offline, ids), store::UploadState::Receipted));
    // Applying them again changes nothing.
    const auto rim2 = cli(offline, "sup", {QStringLiteral("receipts"), QStringLiteral("import"), qs(receipts.string())});
    QVERIFY2(rim2.exitCode == 0, qPrintable(describe(rim2)));
    QCOMPARE(summaryOf(rim2).value(QStringLiteral("marked")).toInt(), 0);

    // Retention: 2 days after the receipt the purge removes the biometric bytes.
    {
        auto admin = offline.login("admin");
        admin.setSetting("retention.days", "2");
    }
    const auto key = store::test::databaseKey(offline.store.paths, "admin", store::test::kAdminPassword);
    const auto before = store::test::decryptedContent(offline.store.paths, key);
    for (const auto& m : markers)
        QVERIFY2(store::test::contains(before, m.jpeg), "the page decryptor does not see the portraits");
    {
        auto sup = offline.login("sup");
        QCOMPARE(sup.purge().purged, 0); // too early
    }
    store::test::TestClock clock(store::systemNow() + std::chrono::hours(49));
    auto options = store::test::fastOptions();
    options.clock = clock.clock();
    {
        auto sup = store::Store::unlock(offline.store.database, "sup", store::test::secret(store::test::kSupervisorPassword), options);
        const auto report = sup.purge();
        QCOMPARE(report.purged, 4);
        QVERIFY(report.walTruncated);
    }
    const auto after = store::test::decryptedContent(offline.store.paths, key);
    for (const auto& m : markers) {
        for (const auto& needle : m.all())
            QVERIFY2(!store::test::contains(after, needle), ("still in the database after the purge: " + needle).c_str());
    }
}

void TestSyncRoundTrip::directUpload_marksExactlyTheRecordsTheHubHolds()
{
    QTemporaryDir work;
    const std::filesystem::path dir = work.path().toStdString();
    const CentralKeyDir central;
    Station station(&central);
    const auto ids = station.enroll(7, 8 * 1024, 500);
    const auto hubTrust = writeTrustList(dir / "hub-trust.txt", {&station});
    HubProcess hub(central, hubTrust);
    const auto up = cli(station, "sup", {QStringLiteral("upload"), QStringLiteral("--url"), hub.url(),
                                         QStringLiteral("--bundle-records"), QStringLiteral("3")});
    QVERIFY2(up.exitCode == 0, qPrintable(describe(up)));
    const auto s = summaryOf(up);
    QCOMPARE(s.value(QStringLiteral("uploaded")).toInt(), 7);
    QCOMPARE(s.value(QStringLiteral("bundles")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("pending")).toInt(), 0);
    QVERIFY(s.value(QStringLiteral("complete")).toBool());
    // Progress lines: a "receipted" per bundle.
    int receipted = 0;
    for (const auto& line : up.lines()) {
        const auto p = QJsonDocument::fromJson(line).object().value(QStringLiteral("progress")).toObject();
        receipted += p.value(QStringLiteral("stage")).toString() == QLatin1String("receipted") ? 1 : 0;
    }
    QCOMPARE(receipted, 3);
    QVERIFY(allIn(statesOf(station, ids), store::UploadState::Receipted));
    {
        auto sup = station.login("sup");
        const auto bundles = sup.outboxBundles();
        QCOMPARE(bundles.size(), std::size_t{3});
        for (const auto& b : bundles) {
            QVERIFY(b.state == store::BundleState::Receipted);
            QVERIFY2(!std::filesystem::exists(sup.outboxDirectory() / b.fileName), "a receipted bundle's file stayed");
        }
        const auto e = sup.getEnrollment(ids[0]);
        QVERIFY(e.upload.receipt.has_value());
        QVERIFY(!e.upload.receipt->receiptId.empty());
        QVERIFY(sup.verifyAudit().valid);
    }
    hub.stop();
    auto hubStore = hub.openStore();
    auto expected = ids;
    std::sort(expected.begin(), expected.end());
    QVERIFY(hubStore.recordIds() == expected);
}

void TestSyncRoundTrip::export_cancelledLeavesNothing()
{
    QTemporaryDir work;
    const CentralKeyDir central;
    Station station(&central);
    const auto ids = station.enroll(5, 30 * 1024, 900);
    const auto out = std::filesystem::path(work.path().toStdString()) / "cancelled.feb";
    auto sup = station.login("sup");
    BundleExporter exporter(sup);
    int calls = 0;
    bool totalsRight = true;
    try {
        exporter.exportToFile(out, ids, [&](const ExportProgress& p) -> bool {
            ++calls;
            totalsRight = totalsRight && p.total == 5;
            return p.records < 3;
        });
        QFAIL("the export was not cancelled");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::Conflict);
    }
    QCOMPARE(calls, 3);
    QVERIFY(totalsRight);
    QVERIFY(std::filesystem::is_empty(work.path().toStdString())); // no file, no temporary file
    for (const auto& id : ids)
        QVERIFY(sup.getEnrollment(id).upload.state == store::UploadState::Queued);
    // And it runs to the end when not cancelled.
    const auto r = exporter.exportToFile(out, ids);
    QCOMPARE(r.records, std::size_t{5});
    QCOMPARE(r.marked, 5);
    QVERIFY(std::filesystem::file_size(out) == r.bytes);
}

void TestSyncRoundTrip::export_withoutCentralKeyIsRefused()
{
    QTemporaryDir work;
    Station station(nullptr);
    station.enroll(1);
    const auto out = std::filesystem::path(work.path().toStdString()) / "x.feb";
    const auto r = cli(station, "sup", {QStringLiteral("export"), QStringLiteral("--all-pending"), QStringLiteral("--out"),
                                        qs(out.string())});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("keys set-central"), r.err.constData());
    QVERIFY(!std::filesystem::exists(out));
    const auto u = cli(station, "sup", {QStringLiteral("upload"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9")});
    QCOMPARE(u.exitCode, 2);
    QVERIFY2(u.err.contains("keys set-central"), u.err.constData());
}

QTEST_GUILESS_MAIN(TestSyncRoundTrip)
#include "tst_syncroundtrip.moc"
