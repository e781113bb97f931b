// Faults: 1,000 enrollments go to a hub that fails 30 % of the requests (503), delays its
// answers and drops 10 % of the connections (half of them after it stored the bundle), while
// the uploading client is killed (SIGKILL) and restarted twice. Every record arrives exactly
// once, in exactly one bundle; the station marks exactly the records the hub holds as
// uploaded and receipted; the audit chain still verifies.
#include "SyncTestSupport.h"

#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

#include <set>

using namespace fe;
using namespace fe::sync;
using namespace fe::sync::test;

namespace {

constexpr int kEnrollments = 1000;
constexpr int kBundleRecords = 50;
constexpr int kProcessTimeoutMs = 600'000;

struct RunOutcome
{
    int exitCode = -1;
    bool killed = false;
    int receipted = 0;
    QList<QByteArray> lines;
};

// Runs faceenroll-cli upload; with killAfter > 0, kills it (SIGKILL) as soon as it starts
// sending a bundle after killAfter bundles were receipted in this run.
RunOutcome runUpload(const Station& station, const QString& url, int killAfter)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FACEENROLL_PASSWORD"), QString::fromLatin1(store::test::kSupervisorPassword));
    p.setProcessEnvironment(env);
    p.start(fe::test::cliPath(),
            {QStringLiteral("upload"), QStringLiteral("--db"), station.db(), QStringLiteral("--user"), QStringLiteral("sup"),
             QStringLiteral("--url"), url, QStringLiteral("--bundle-records"), QString::number(kBundleRecords),
             QStringLiteral("--retry-base-ms"), QStringLiteral("20"), QStringLiteral("--retry-cap-ms"), QStringLiteral("200"),
             QStringLiteral("--max-attempts"), QStringLiteral("200"), QStringLiteral("--timeout-ms"), QStringLiteral("20000")});
    RunOutcome out;
    if (!p.waitForStarted(30'000))
        return out;
    QByteArray buffer;
    QElapsedTimer clock;
    clock.start();
    while (p.state() != QProcess::NotRunning && clock.elapsed() < kProcessTimeoutMs) {
        p.waitForReadyRead(1000);
        buffer += p.readAllStandardOutput();
        qsizetype nl = 0;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(nl);
            buffer.remove(0, nl + 1);
            out.lines.push_back(line);
            const auto stage = QJsonDocument::fromJson(line)
                                   .object()
                                   .value(QStringLiteral("progress"))
                                   .toObject()
                                   .value(QStringLiteral("stage"))
                                   .toString();
            if (stage == QLatin1String("receipted"))
                ++out.receipted;
            if (killAfter > 0 && out.receipted >= killAfter && stage == QLatin1String("sending")) {
                p.kill();
                out.killed = true;
            }
        }
    }
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return out;
    }
    p.waitForFinished();
    buffer += p.readAllStandardOutput();
    for (const auto& line : buffer.split('\n')) {
        if (!line.trimmed().isEmpty())
            out.lines.push_back(line);
    }
    out.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return out;
}

} // namespace

class TestSyncFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upload_throughFaultsAndKills_deliversEveryRecordExactlyOnce();
};

void TestSyncFaults::upload_throughFaultsAndKills_deliversEveryRecordExactlyOnce()
{
    QTemporaryDir work;
    const std::filesystem::path dir = work.path().toStdString();
    const CentralKeyDir central;
    Station station(&central);
    // Cheap enrollments: synthetic 2 KB portraits and templates, in one transaction.
    const auto ids = station.enroll(kEnrollments, 2 * 1024, 1);
    QCOMPARE(static_cast<int>(ids.size()), kEnrollments);

    HubProcess hub(central, writeTrustList(dir / "hub.txt", {&station}),
                   {QStringLiteral("--fail-rate"), QStringLiteral("0.3"), QStringLiteral("--delay-ms"), QStringLiteral("20"),
                    QStringLiteral("--drop-connection-rate"), QStringLiteral("0.1"), QStringLiteral("--seed"),
                    QStringLiteral("14")});

    const auto first = runUpload(station, hub.url(), 3);
    QVERIFY2(first.killed, "the first run was not killed");
    const auto second = runUpload(station, hub.url(), 3);
    QVERIFY2(second.killed, "the second run was not killed");
    const auto last = runUpload(station, hub.url(), 0);
    QVERIFY2(last.exitCode == 0, last.lines.isEmpty() ? "no output" : last.lines.back().constData());
    const auto summary = QJsonDocument::fromJson(last.lines.back()).object().value(QStringLiteral("summary")).toObject();
    QVERIFY(summary.value(QStringLiteral("complete")).toBool());
    QCOMPARE(summary.value(QStringLiteral("pending")).toInt(), 0);
    QVERIFY(summary.value(QStringLiteral("retries")).toInt() > 0);

    // The faults really happened.
    hub.stop();
    int fails = 0;
    int drops = 0;
    for (const auto& r : hub.requests()) {
        const QString fault = r.value(QStringLiteral("fault")).toString();
        fails += fault == QLatin1String("fail") ? 1 : 0;
        drops += fault.startsWith(QLatin1String("drop")) ? 1 : 0;
    }
    QVERIFY2(fails > 0 && drops > 0, qPrintable(QStringLiteral("%1 failures, %2 drops").arg(fails).arg(drops)));

    // Every record arrived exactly once.
    auto hubStore = hub.openStore();
    const auto stats = hubStore.stats();
    QCOMPARE(stats.records, std::int64_t{kEnrollments});
    QCOMPARE(stats.duplicateRecords, std::int64_t{0}); // no record in two bundles
    QCOMPARE(stats.bundles, std::int64_t{kEnrollments / kBundleRecords});
    auto expected = ids;
    std::sort(expected.begin(), expected.end());
    QVERIFY(hubStore.recordIds() == expected);

    // The station marks exactly those records uploaded, with a receipt.
    auto sup = station.login("sup");
    std::set<std::string> receipted;
    for (const auto& s : sup.listEnrollments()) {
        QVERIFY2(s.uploadState == store::UploadState::Receipted,
                 qPrintable(QStringLiteral("%1 is %2").arg(qs(s.id), QLatin1String(store::toString(s.uploadState)))));
        receipted.insert(s.id);
    }
    QVERIFY(std::vector<std::string>(receipted.begin(), receipted.end()) == expected);
    for (const auto& b : sup.outboxBundles())
        QVERIFY(b.state == store::BundleState::Receipted);
    QVERIFY(sup.verifyAudit().valid);
    qInfo("hub answered %d failures and %d drops; retries in the last run: %d", fails, drops,
          summary.value(QStringLiteral("retries")).toInt());
}

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
