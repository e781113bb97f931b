// No plaintext on disk: enrollments whose name, document number and JPEG carry unique marker
// byte strings; the database, WAL, SHM, key file and every other file in the directory are
// scanned for them while the store is open, after logout, after a purge and after a crash.
// The store writes no other files than its five.
#include "CrashWriter.h"
#include "store/Store.h"

#include <QProcess>
#include <QtTest>
#include <csignal>
#include <set>

using namespace fe::store;
using namespace fe::store::test;

namespace {

std::set<std::string> fileNames(const std::filesystem::path& dir)
{
    std::set<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        names.insert(e.path().filename().string());
    return names;
}

const std::set<std::string> kStoreFiles = {"store.db", "store.db-wal", "store.db-shm", "store.db.keys",
                                           "store.db.lock"};

} // namespace

class TestNoPlaintext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markers_neverReachAnyFile_whileOpen_afterLogout_afterPurge();
    void markers_neverReachAnyFile_afterACrash();
};

void TestNoPlaintext::markers_neverReachAnyFile_whileOpen_afterLogout_afterPurge()
{
    TempStore s;
    std::vector<Markers> markers;
    std::vector<std::string> needles;
    std::vector<std::string> ids;
    for (int i = 0; i < 6; ++i) {
        markers.push_back(Markers::random());
        for (const auto& m : markers.back().all())
            needles.push_back(m);
    }
    Session op = s.login("op1");
    // Seeds that raise no flag, so that all of them can be uploaded and purged below.
    const std::uint32_t seeds[] = {1, 2, 4, 5, 7, 8};
    for (std::size_t i = 0; i < markers.size(); ++i)
        ids.push_back(op.insertEnrollment(sampleEnrollment(seeds[i], 40 * 1024, &markers[i])));

    // Open: the WAL holds the new pages, the SHM its index.
    const auto names = fileNames(s.directory());
    QVERIFY2(names.count("store.db-wal") && names.count("store.db-shm"), "expected an open WAL to scan");
    QVERIFY(std::includes(kStoreFiles.begin(), kStoreFiles.end(), names.begin(), names.end()));
    auto found = filesContaining(s.directory(), needles);
    QVERIFY2(found.empty(), found.empty() ? "" : found.front().c_str());
    op.logout();

    found = filesContaining(s.directory(), needles);
    QVERIFY2(found.empty(), found.empty() ? "" : found.front().c_str());

    Session sup = s.login("sup");
    for (const auto& id : ids) {
        sup.markUploaded(id, "b");
        sup.recordReceipt(id, {"r", {}, {}});
    }
    QCOMPARE(sup.purge(PurgeMode::AllReceipted).purged, static_cast<int>(ids.size()));
    found = filesContaining(s.directory(), needles);
    QVERIFY2(found.empty(), found.empty() ? "" : found.front().c_str());
    const auto after = fileNames(s.directory());
    QVERIFY(std::includes(kStoreFiles.begin(), kStoreFiles.end(), after.begin(), after.end()));
}

void TestNoPlaintext::markers_neverReachAnyFile_afterACrash()
{
    TempStore s;
    const QString pw = s.dir.filePath(QStringLiteral("pw"));
    {
        QFile f(pw);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kOperatorPassword);
    }
    QProcess writer;
    writer.start(QStringLiteral(FACEENROLL_CRASH_WRITER),
                 {QString::fromStdString(s.database.string()), QStringLiteral("op1"), pw, QStringLiteral("1"),
                  QStringLiteral("crash")});
    QVERIFY(writer.waitForStarted());
    QByteArray out;
    while (out.count("ack ") < 8 && writer.state() == QProcess::Running) {
        writer.waitForReadyRead(10'000);
        out += writer.readAllStandardOutput();
    }
    ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
    QVERIFY(writer.waitForFinished());
    QFile::remove(pw);
    const auto names = fileNames(s.directory());
    QVERIFY2(names.count("store.db-wal"),
             "a killed writer leaves its WAL behind: that is what is scanned here");
    std::vector<std::string> needles;
    for (std::uint32_t seed = 1; seed < 40; ++seed) {
        for (const auto& m : crashMarkers("crash", seed).all())
            needles.push_back(m);
    }
    const auto found = filesContaining(s.directory(), needles);
    QVERIFY2(found.empty(), found.empty() ? "" : found.front().c_str());
    Session sup = s.login("sup");
    QVERIFY(sup.listEnrollments().size() >= 8);
}

QTEST_APPLESS_MAIN(TestNoPlaintext)
#include "tst_noplaintext.moc"
