// An upload running (faceenroll-cli, its own process) while the operator enrolls in this
// process, on one database: every enrollment goes in without a busy error, the upload
// completes, and a second upload sends what came in meanwhile; the hub ends with every
// enrollment exactly once and the station marks every one receipted. Nothing is lost and
// nothing waits beyond the store's busy timeout. An export whose session goes idle midway
// (the records are read in one snapshot) locks cleanly and changes nothing.
#include "SyncTestSupport.h"
#include "common/Error.h"
#include "sync/BundleExporter.h"

#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

#include <chrono>

using namespace fe;
using namespace fe::sync;
using namespace fe::sync::test;

class TestSyncConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upload_whileEnrolling_losesAndBlocksNothing();
    void export_sessionIdleMidway_locksAndChangesNothing();
};

void TestSyncConcurrency::export_sessionIdleMidway_locksAndChangesNothing()
{
    QTemporaryDir work;
    const std::filesystem::path file = std::filesystem::path(work.path().toStdString()) / "idle.feb";
    const CentralKeyDir central;
    Station station(&central);
    const auto ids = station.enroll(6);
    store::test::TestClock clock(store::systemNow());
    station.store.options.clock = clock.clock();
    auto sup = station.login("sup");
    int calls = 0;
    try {
        // The progress callback stands for an exporter that waited (a paused GUI, a slow
        // medium): the idle timeout passes between two records.
        BundleExporter(sup).exportToFile(file, ids, [&](const ExportProgress&) {
            if (++calls == 2)
                clock.advance(std::chrono::hours(2));
            return true;
        });
        QFAIL("the export went on in a session that had gone idle");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::Locked);
    }
    QCOMPARE(calls, 2);
    QVERIFY(sup.isLocked());
    QVERIFY(!std::filesystem::exists(file));
    QVERIFY(std::filesystem::is_empty(file.parent_path())); // no temporary file left either
    auto again = station.login("sup");
    for (const auto& id : ids)
        QVERIFY(again.getEnrollment(id).upload.state == store::UploadState::Queued);
    int idleLocks = 0;
    for (const auto& e : again.auditEntries())
        idleLocks += e.event.action == "idle_lock" ? 1 : 0;
    QCOMPARE(idleLocks, 1);
}

void TestSyncConcurrency::upload_whileEnrolling_losesAndBlocksNothing()
{
    QTemporaryDir work;
    const std::filesystem::path dir = work.path().toStdString();
    const CentralKeyDir central;
    Station station(&central);
    auto ids = station.enroll(150, 20 * 1024, 1);
    HubProcess hub(central, writeTrustList(dir / "hub.txt", {&station}), {QStringLiteral("--delay-ms"), QStringLiteral("40")});

    QProcess upload;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FACEENROLL_PASSWORD"), QString::fromLatin1(store::test::kSupervisorPassword));
    upload.setProcessEnvironment(env);
    upload.start(fe::test::cliPath(), {QStringLiteral("upload"), QStringLiteral("--db"), station.db(), QStringLiteral("--user"),
                                       QStringLiteral("sup"), QStringLiteral("--url"), hub.url(),
                                       QStringLiteral("--bundle-records"), QStringLiteral("10")});
    QVERIFY(upload.waitForStarted(30'000));

    // The operator enrolls one customer after another meanwhile.
    auto op = station.login("op1");
    double slowestMs = 0;
    int during = 0;
    for (int i = 0; i < 60; ++i) {
        const auto started = std::chrono::steady_clock::now();
        auto e = store::test::sampleEnrollment(10'000 + static_cast<std::uint32_t>(i), 20 * 1024);
        e.flags.clear();
        e.matches.resize(1);
        ids.push_back(op.insertEnrollment(e)); // throws on a busy database: the test fails
        slowestMs = std::max(slowestMs, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
        during += upload.state() == QProcess::Running ? 1 : 0;
    }
    op.logout();
    QVERIFY(upload.waitForFinished(600'000));
    const QByteArray out = upload.readAllStandardOutput();
    QVERIFY2(upload.exitCode() == 0, upload.readAllStandardError().constData());
    QVERIFY2(during > 0, "the upload ended before the operator started: the test proved nothing");
    qInfo("%d of 60 enrollments went in during the upload; the slowest took %.1f ms", during, slowestMs);

    // What came in after the upload had drained the queue goes with the next one.
    const auto second = cli(station, "sup", {QStringLiteral("upload"), QStringLiteral("--url"), hub.url()});
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    QVERIFY(summaryOf(second).value(QStringLiteral("complete")).toBool());
    hub.stop();

    auto hubStore = hub.openStore();
    auto expected = ids;
    std::sort(expected.begin(), expected.end());
    QVERIFY(hubStore.recordIds() == expected);
    QCOMPARE(hubStore.stats().duplicateRecords, std::int64_t{0});
    auto sup = station.login("sup");
    for (const auto& id : ids)
        QVERIFY(sup.getEnrollment(id).upload.state == store::UploadState::Receipted);
    QVERIFY(sup.verifyAudit().valid);
    QVERIFY(sup.checkIntegrity().ok);
}

QTEST_GUILESS_MAIN(TestSyncConcurrency)
#include "tst_syncconcurrency.moc"
