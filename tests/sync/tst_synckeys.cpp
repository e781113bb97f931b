// Keys and trust, with real files and a real hub: a bundle from a station that is not in the
// trust list is refused on import (nothing in the outbox) and by the hub (nothing stored,
// the bundle marked rejected, no retry); a receipt signed by another key changes nothing,
// whether it comes from the hub or from a receipts file; stores made before the signing key
// existed get one at first use (audited); the roles allowed for each step; what the CLI prints
// for a station (keys export-station-public, trust list) is a trust list as it stands.
#include "SyncTestSupport.h"
#include "store/Connection.h"
#include "store/Uuid.h"
#include "sync/BundleError.h"
#include "sync/BundleExporter.h"
#include "sync/BundleImporter.h"
#include "sync/Receipt.h"

#include <QtTest>

#include <algorithm>

using namespace fe;
using namespace fe::sync;
using namespace fe::sync::test;

namespace {

int countAudit(store::Session& s, const char* action)
{
    int n = 0;
    for (const auto& e : s.auditEntries())
        n += e.event.action == action ? 1 : 0;
    return n;
}

} // namespace

class TestSyncKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void import_refusesAStationNotInTheTrustList();
    void trustList_fromTheCliOutputWorksForTrustImportAndTheHub();
    void hub_refusesAnUntrustedStationAndTheUploaderDoesNotRetry();
    void hub_refusesABundleRelayedFromAnUntrustedStation();
    void receipt_signedByAnotherKeyChangesNothing();
    void receiptsFile_signedByAnotherKeyChangesNothing();
    void stationKey_madeAtFirstUseForOlderStores();
    void roles_allowEachStepOnlyToItsRole();
};

void TestSyncKeys::import_refusesAStationNotInTheTrustList()
{
    QTemporaryDir work;
    const CentralKeyDir central;
    Station stranger(&central);
    Station relay(&central);
    stranger.enroll(2);
    const auto file = std::filesystem::path(work.path().toStdString()) / "stranger.feb";
    {
        auto sup = stranger.login("sup");
        BundleExporter e(sup);
        e.exportToFile(file, e.allPending());
    }
    const auto r = cli(relay, "sup", {QStringLiteral("import"), qs(file.string())});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(qs(stranger.identity.stationId).toUtf8()), r.err.constData());
    QVERIFY2(r.err.contains("trust list"), r.err.constData());
    auto sup = relay.login("sup");
    QVERIFY(sup.outboxBundles().empty());
    // Trusted under another key: refused too.
    {
        auto admin = relay.login("admin");
        auto impostor = stranger.identity;
        impostor.publicKey[0] ^= 1;
        admin.replaceTrustList({{impostor.stationId, impostor.name, impostor.publicKey}});
    }
    try {
        (void)BundleImporter::importFile(sup, file);
        QFAIL("a bundle signed with another key was imported");
    } catch (const BundleError& e) {
        QVERIFY(e.problem() == BundleProblem::StationKeyMismatch);
    }
    // With the right key it goes in.
    {
        auto admin = relay.login("admin");
        admin.replaceTrustList({{stranger.identity.stationId, stranger.identity.name, stranger.identity.publicKey}});
    }
    QVERIFY(!BundleImporter::importFile(sup, file).duplicate);
}

void TestSyncKeys::trustList_fromTheCliOutputWorksForTrustImportAndTheHub()
{
    QTemporaryDir work;
    const std::filesystem::path dir = work.path().toStdString();
    const CentralKeyDir central;
    Station origin(&central);
    Station second(&central);
    Station relay(&central);
    // keys export-station-public > station.trust, then >> from a second station.
    std::string printed;
    for (const Station* s : {&origin, &second}) {
        const auto r = cli(*s, "admin", {QStringLiteral("keys"), QStringLiteral("export-station-public")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        printed += r.out.toStdString();
    }
    const auto trustFile = dir / "station.trust";
    writeFile(trustFile, printed);
    const auto imported = cli(relay, "admin", {QStringLiteral("trust"), QStringLiteral("import"), qs(trustFile.string())});
    QVERIFY2(imported.exitCode == 0, qPrintable(describe(imported)));
    QCOMPARE(summaryOf(imported).value(QStringLiteral("added")).toInt(), 2);
    {
        auto admin = relay.login("admin");
        const auto trusted = admin.trustedStations();
        QCOMPARE(trusted.size(), std::size_t{2});
        for (const Station* s : {&origin, &second}) {
            const auto it = std::find_if(trusted.begin(), trusted.end(),
                                         [&](const store::TrustedStation& t) { return t.stationId == s->identity.stationId; });
            QVERIFY(it != trusted.end());
            QVERIFY(it->publicKey == s->identity.publicKey);
            QCOMPARE(it->name, s->identity.name);
        }
    }
    // What `trust list` prints is a trust list too (its closing summary carries no station):
    // importing it again changes nothing.
    const auto listed = cli(relay, "admin", {QStringLiteral("trust"), QStringLiteral("list")});
    QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
    writeFile(dir / "listed.trust", listed.out.toStdString());
    const auto again = cli(relay, "admin", {QStringLiteral("trust"), QStringLiteral("import"), qs((dir / "listed.trust").string())});
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QCOMPARE(summaryOf(again).value(QStringLiteral("unchanged")).toInt(), 2);
    QCOMPARE(summaryOf(again).value(QStringLiteral("removed")).toInt(), 0);

    // The hub takes the same file: the origin's upload is accepted and receipted.
    const auto ids = origin.enroll(2);
    {
        HubProcess hub(central, trustFile);
        const auto up = cli(origin, "sup", {QStringLiteral("upload"), QStringLiteral("--url"), hub.url()});
        QVERIFY2(up.exitCode == 0, qPrintable(describe(up)));
        QCOMPARE(summaryOf(up).value(QStringLiteral("uploaded")).toInt(), static_cast<int>(ids.size()));
        hub.stop();
        QCOMPARE(hub.openStore().stats().records, static_cast<std::int64_t>(ids.size()));
    }

    // A JSON line that is not a station is refused with its line number; nothing changes.
    writeFile(dir / "bad.trust", printed + "{\"summary\":{\"station\":\"" + origin.identity.stationId + "\"}}\n");
    const auto bad = cli(relay, "admin", {QStringLiteral("trust"), QStringLiteral("import"), qs((dir / "bad.trust").string())});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("line 3"), bad.err.constData());
    writeFile(dir / "broken.trust", printed.substr(0, 40) + "\n");
    const auto broken =
        cli(relay, "admin", {QStringLiteral("trust"), QStringLiteral("import"), qs((dir / "broken.trust").string())});
    QCOMPARE(broken.exitCode, 2);
    QVERIFY2(broken.err.contains("JSON"), broken.err.constData());
    auto admin = relay.login("admin");
    QCOMPARE(admin.trustedStations().size(), std::size_t{2});
}

void TestSyncKeys::hub_refusesAnUntrustedStationAndTheUploaderDoesNotRetry()
{
    QTemporaryDir work;
    const CentralKeyDir central;
    Station trusted(&central);
    Station stranger(&central);
    const auto ids = stranger.enroll(3);
    const auto trust = writeTrustList(std::filesystem::path(work.path().toStdString()) / "hub.txt", {&trusted});
    HubProcess hub(central, trust);
    const auto r = cli(stranger, "sup", {QStringLiteral("upload"), QStringLiteral("--url"), hub.url(),
                                         QStringLiteral("--retry-base-ms"), QStringLiteral("10")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("unknown_station"), r.err.constData());
    const auto s = summaryOf(r);
    QCOMPARE(s.value(QStringLiteral("uploaded")).toInt(), 0);
    QCOMPARE(s.value(QStringLiteral("rejected")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("retries")).toInt(), 0);
    hub.stop();
    QCOMPARE(hub.requests().size(), 1); // a 4xx is not retried
    auto sup = stranger.login("sup");
    const auto bundles = sup.outboxBundles();
    QCOMPARE(bundles.size(), std::size_t{1});
    QVERIFY(bundles[0].state == store::BundleState::Rejected);
    QVERIFY(QString::fromStdString(bundles[0].lastError).contains(QLatin1String("403")));
    for (const auto& id : ids) {
        const auto e = sup.getEnrollment(id);
        QVERIFY(e.upload.state == store::UploadState::Exported && !e.upload.receipt);
    }
    QCOMPARE(hub.openStore().stats().records, std::int64_t{0});
}

void TestSyncKeys::hub_refusesABundleRelayedFromAnUntrustedStation()
{
    QTemporaryDir work;
    const std::filesystem::path dir = work.path().toStdString();
    const CentralKeyDir central;
    Station origin(&central);
    Station relay(&central);
    origin.enroll(2);
    {
        auto admin = relay.login("admin");
        admin.replaceTrustList({{origin.identity.stationId, origin.identity.name, origin.identity.publicKey}});
        auto sup = origin.login("sup");
        BundleExporter e(sup);
        e.exportToFile(dir / "o.feb", e.allPending());
        auto rs = relay.login("sup");
        BundleImporter::importFile(rs, dir / "o.feb");
    }
    // The hub trusts the relay but not the origin.
    HubProcess hub(central, writeTrustList(dir / "hub.txt", {&relay}));
    const auto r = cli(relay, "sup", {QStringLiteral("upload"), QStringLiteral("--url"), hub.url()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("unknown_station"), r.err.constData());
    hub.stop();
    QCOMPARE(hub.openStore().stats().records, std::int64_t{0});
}

void TestSyncKeys::receipt_signedByAnotherKeyChangesNothing()
{
    QTemporaryDir work;
    const std::filesystem::path dir = work.path().toStdString();
    const CentralKeyDir central;
    const CentralKeyDir forger;
    Station station(&central);
    const auto ids = station.enroll(3);
    int receiptsBefore = 0;
    {
        auto sup = station.login("sup");
        receiptsBefore = countAudit(sup, "receipt");
    }
    // The hub decrypts with the central key but signs its receipts with another one.
    HubProcess hub(central, writeTrustList(dir / "hub.txt", {&station}),
                   {QStringLiteral("--receipt-key"), qs(forger.path.string())});
    const auto r = cli(station, "sup", {QStringLiteral("upload"), QStringLiteral("--url"), hub.url()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("does not verify"), r.err.constData());
    QCOMPARE(summaryOf(r).value(QStringLiteral("uploaded")).toInt(), 0);
    auto sup = station.login("sup");
    for (const auto& id : ids) {
        const auto e = sup.getEnrollment(id);
        QVERIFY(e.upload.state == store::UploadState::Exported);
        QVERIFY(!e.upload.receipt);
    }
    const auto bundles = sup.outboxBundles();
    QCOMPARE(bundles.size(), std::size_t{1});
    QVERIFY(bundles[0].state == store::BundleState::Pending); // kept, to send to the real receiver
    QVERIFY(std::filesystem::exists(sup.outboxDirectory() / bundles[0].fileName));
    QCOMPARE(countAudit(sup, "receipt"), receiptsBefore);
    QVERIFY(sup.receipts().empty());
    QCOMPARE(sup.purge(store::PurgeMode::AllReceipted).purged, 0);
    hub.stop();

    // The same bundle, sent again to an honest receiver, goes through.
    HubProcess honest(central, writeTrustList(dir / "hub2.txt", {&station}));
    const auto ok = cli(station, "sup", {QStringLiteral("upload"), QStringLiteral("--url"), honest.url()});
    QVERIFY2(ok.exitCode == 0, qPrintable(describe(ok)));
    QCOMPARE(summaryOf(ok).value(QStringLiteral("uploaded")).toInt(), 3);
}

void TestSyncKeys::receiptsFile_signedByAnotherKeyChangesNothing()
{
    QTemporaryDir work;
    const std::filesystem::path dir = work.path().toStdString();
    const CentralKeyDir central;
    const auto forger = CentralKeys::generate();
    Station station(&central);
    const auto ids = station.enroll(2);
    std::string bundleId;
    {
        auto sup = station.login("sup");
        BundleExporter e(sup);
        bundleId = e.exportToFile(dir / "b.feb", e.allPending()).bundleId;
    }
    ReceiptBody body;
    body.receiptId = store::newUuid();
    body.bundleId = bundleId;
    body.stationId = station.identity.stationId;
    body.relayId = station.identity.stationId;
    body.keyId = central.keys.publicKeys.keyId; // claims the central key, signed by another
    body.timeMs = store::toMillis(store::systemNow());
    body.acceptedIds = ids;
    const Bytes forged = Receipt::sign(body, forger.signSecretKey);
    const Bytes genuine = Receipt::sign(body, central.keys.signSecretKey);
    // A file with a genuine receipt followed by a forged one: nothing at all is recorded.
    Bytes file = genuine;
    file.insert(file.end(), forged.begin(), forged.end());
    writeFile(dir / "receipts.fer", std::string(file.begin(), file.end()));
    const auto r = cli(station, "sup", {QStringLiteral("receipts"), QStringLiteral("import"), qs((dir / "receipts.fer").string())});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("does not verify"), r.err.constData());
    {
        auto sup = station.login("sup");
        for (const auto& id : ids)
            QVERIFY(sup.getEnrollment(id).upload.state == store::UploadState::Exported);
    }
    // The genuine one alone is applied.
    writeFile(dir / "genuine.fer", std::string(genuine.begin(), genuine.end()));
    const auto ok = cli(station, "sup", {QStringLiteral("receipts"), QStringLiteral("import"), qs((dir / "genuine.fer").string())});
    QVERIFY2(ok.exitCode == 0, qPrintable(describe(ok)));
    QCOMPARE(summaryOf(ok).value(QStringLiteral("marked")).toInt(), 2);
}

void TestSyncKeys::stationKey_madeAtFirstUseForOlderStores()
{
    const CentralKeyDir central;
    Station station(&central);
    const auto original = station.identity;
    // A store from before schema version 4 has no key: take it away, as such a store would be.
    {
        const auto key = store::test::databaseKey(station.store.paths, "admin", store::test::kAdminPassword);
        auto db = store::Connection::openEncrypted(station.store.database, key);
        db.exec("DELETE FROM station_keys");
    }
    auto sup = station.login("sup");
    const int before = countAudit(sup, "setting_changed");
    const auto fresh = sup.stationIdentity();
    QCOMPARE(qs(fresh.stationId), qs(original.stationId));
    QVERIFY(fresh.publicKey != original.publicKey);
    QCOMPARE(countAudit(sup, "setting_changed"), before + 1);
    QVERIFY(sup.stationIdentity().publicKey == fresh.publicKey); // made once
    const auto sk = sup.stationSigningKey();
    QCOMPARE(sk.size(), std::size_t{64});
    QVERIFY(std::equal(fresh.publicKey.begin(), fresh.publicKey.end(), sk.data() + 32)); // libsodium layout: seed || pk
    QVERIFY(sup.verifyAudit().valid);
}

void TestSyncKeys::roles_allowEachStepOnlyToItsRole()
{
    QTemporaryDir work;
    const std::filesystem::path dir = work.path().toStdString();
    const CentralKeyDir central;
    Station station(&central);
    station.enroll(1);
    const auto denied = [&](const char* user, const QStringList& args) {
        const auto r = cli(station, user, args);
        QVERIFY2(r.exitCode == 2 && r.err.contains("not allowed"), qPrintable(QString::fromLatin1(user) + QStringLiteral(": ") + describe(r)));
    };
    const QString out = qs((dir / "x.feb").string());
    denied("op1", {QStringLiteral("export"), QStringLiteral("--all-pending"), QStringLiteral("--out"), out});
    denied("admin", {QStringLiteral("export"), QStringLiteral("--all-pending"), QStringLiteral("--out"), out});
    denied("op1", {QStringLiteral("upload"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9")});
    denied("admin", {QStringLiteral("import"), out});
    denied("sup", {QStringLiteral("keys"), QStringLiteral("set-central"), qs(central.publicFile().string())});
    writeTrustList(dir / "t.txt", {&station});
    denied("sup", {QStringLiteral("trust"), QStringLiteral("import"), qs((dir / "t.txt").string())});
    denied("op1", {QStringLiteral("trust"), QStringLiteral("import"), qs((dir / "t.txt").string())});
    QVERIFY(!std::filesystem::exists(dir / "x.feb"));
    const auto ok = cli(station, "admin", {QStringLiteral("trust"), QStringLiteral("import"), qs((dir / "t.txt").string())});
    QVERIFY2(ok.exitCode == 0, qPrintable(describe(ok)));
    const auto exp = cli(station, "sup", {QStringLiteral("export"), QStringLiteral("--all-pending"), QStringLiteral("--out"), out});
    QVERIFY2(exp.exitCode == 0, qPrintable(describe(exp)));
}

QTEST_GUILESS_MAIN(TestSyncKeys)
#include "tst_synckeys.moc"
