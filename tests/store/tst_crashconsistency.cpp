// Crash consistency: a writer process inserts enrollments and is killed with SIGKILL at a
// random moment, 200 times. After every kill the database opens, PRAGMA integrity_check is
// ok, every enrollment whose commit the writer had acknowledged is there and complete, the
// audit chain verifies, the writer's key slot still opens, and no marker byte string is in
// any file in the directory.
#include "CrashWriter.h"
#include "common/Error.h"
#include "store/Store.h"

#include <QProcess>
#include <QtTest>
#include <csignal>
#include <random>
#include <thread>

using namespace fe::store;
using namespace fe::store::test;

namespace {

constexpr int kKills = 200;
constexpr int kKillsPerStore = 25; // a fresh store every 25 kills keeps each round's checks short
constexpr int kMaxDelayMs = 150;

struct Ack
{
    std::uint32_t seed;
    std::string id;
};

std::vector<Ack> parseAcks(const QByteArray& out)
{
    std::vector<Ack> acks;
    for (const auto& line : out.split('\n')) {
        // A line cut by the kill has no id yet: it does not count as acknowledged.
        const auto parts = line.split(' ');
        if (parts.size() == 3 && parts[0] == "ack" && parts[2].size() == 36)
            acks.push_back({parts[1].toUInt(), parts[2].toStdString()});
    }
    return acks;
}

} // namespace

class TestCrashConsistency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sigkillAtRandomMoments_losesNoAcknowledgedEnrollment();
    void writerThatFinishes_leavesEverythingInPlace();
};

void TestCrashConsistency::sigkillAtRandomMoments_losesNoAcknowledgedEnrollment()
{
    const unsigned seed = std::random_device{}();
    qInfo("random seed %u (kill delays)", seed);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> delay(0, kMaxDelayMs);
    std::uniform_int_distribution<int> early(0, 9);

    std::unique_ptr<TempStore> store;
    std::vector<Ack> acknowledged;
    std::string base;
    QString passwordFile;
    std::uint32_t nextSeed = 1;
    int inFlightCommits = 0;
    std::size_t unacknowledged = 0; // committed, but killed before the acknowledgement
    for (int kill = 0; kill < kKills; ++kill) {
        if (kill % kKillsPerStore == 0) {
            store = std::make_unique<TempStore>();
            acknowledged.clear();
            unacknowledged = 0;
            base = Markers::random().name.substr(9, 8);
            passwordFile = store->dir.filePath(QStringLiteral("op1.pw"));
            QFile f(passwordFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kOperatorPassword);
        }
        QProcess writer;
        writer.start(QStringLiteral(FACEENROLL_CRASH_WRITER),
                     {QString::fromStdString(store->database.string()), QStringLiteral("op1"), passwordFile,
                      QString::number(nextSeed), QString::fromStdString(base)});
        QVERIFY(writer.waitForStarted(10'000));
        // One round in ten is killed during login and start-up, the rest while inserting.
        if (early(rng) != 0) {
            QByteArray head;
            while (!head.contains("ready\n") && writer.state() == QProcess::Running) {
                writer.waitForReadyRead(10'000);
                head += writer.readAllStandardOutput();
            }
            QVERIFY2(head.contains("ready\n"), writer.readAllStandardError().constData());
            std::this_thread::sleep_for(std::chrono::milliseconds(delay(rng)));
            writer.setProperty("head", head);
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(delay(rng) / 5));
        }
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10'000));
        const QByteArray out = writer.property("head").toByteArray() + writer.readAllStandardOutput();
        const auto acks = parseAcks(out);
        acknowledged.insert(acknowledged.end(), acks.begin(), acks.end());
        nextSeed += static_cast<std::uint32_t>(acks.size()) + 1;

        // The database opens and is intact.
        Session sup = store->login("sup");
        const auto integrity = sup.checkIntegrity();
        QVERIFY2(integrity.ok, integrity.message.c_str());
        const auto audit = sup.verifyAudit();
        QVERIFY2(audit.valid, audit.reason.c_str());
        // Every acknowledged enrollment is there, complete. Unacknowledged ones may be there
        // too (committed just before the kill): then they must be whole as well.
        for (const auto& a : acknowledged) {
            const auto got = sup.getEnrollment(a.id);
            const auto diff = differences(crashEnrollment(base, a.seed), got);
            QVERIFY2(diff.empty(), qPrintable(QStringLiteral("kill %1, seed %2: %3")
                                                  .arg(kill)
                                                  .arg(a.seed)
                                                  .arg(QString::fromStdString(diff))));
        }
        const auto all = sup.listEnrollments();
        QVERIFY(all.size() >= acknowledged.size() + unacknowledged);
        const auto landed = all.size() - acknowledged.size() - unacknowledged;
        unacknowledged += landed;
        inFlightCommits += static_cast<int>(landed);
        for (const auto& e : all) {
            const bool acked = std::any_of(acknowledged.begin(), acknowledged.end(),
                                           [&](const Ack& a) { return a.id == e.id; });
            if (acked)
                continue;
            // Its seed is in its document number ("DOCMARK-<base>-<seed>").
            const auto seedText = e.documentNumber.substr(e.documentNumber.rfind('-') + 1);
            const auto diff =
                differences(crashEnrollment(base, static_cast<std::uint32_t>(std::stoul(seedText))),
                            sup.getEnrollment(e.id));
            QVERIFY2(diff.empty(), diff.c_str());
        }
        sup.logout();
        // The writer's key slot survived a kill in the middle of rewriting it.
        (void)store->login("op1");
        // Nothing readable in the files, also after the crash.
        std::vector<std::string> needles;
        for (std::uint32_t s = nextSeed - static_cast<std::uint32_t>(acks.size()) - 1; s < nextSeed; ++s) {
            const auto m = crashMarkers(base, s);
            needles.insert(needles.end(), {m.name, m.document, m.jpeg});
        }
        const auto found = filesContaining(store->directory(), needles);
        QVERIFY2(found.empty(), found.empty() ? "" : found.front().c_str());
    }
    qInfo("%d kills; %d commits landed between their commit and their acknowledgement", kKills,
          inFlightCommits);
}

void TestCrashConsistency::writerThatFinishes_leavesEverythingInPlace()
{
    TempStore store;
    const QString passwordFile = store.dir.filePath(QStringLiteral("op1.pw"));
    QFile f(passwordFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kOperatorPassword);
    f.close();
    QProcess writer;
    writer.start(QStringLiteral(FACEENROLL_CRASH_WRITER),
                 {QString::fromStdString(store.database.string()), QStringLiteral("op1"), passwordFile,
                  QStringLiteral("1"), QStringLiteral("done"), QStringLiteral("12")});
    QVERIFY(writer.waitForFinished(60'000));
    QCOMPARE(writer.exitCode(), 0);
    const auto acks = parseAcks(writer.readAllStandardOutput());
    QCOMPARE(acks.size(), std::size_t{12});
    Session sup = store.login("sup");
    QCOMPARE(sup.listEnrollments().size(), std::size_t{12});
}

QTEST_APPLESS_MAIN(TestCrashConsistency)
#include "tst_crashconsistency.moc"
