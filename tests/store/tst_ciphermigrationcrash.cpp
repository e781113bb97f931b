// A crash at any moment of the SQLCipher 3 -> 4 migration leaves a station that opens: a
// process that logs in to an old station (and so migrates it) is killed with SIGKILL at 50
// random moments spread over the time a migration takes on this machine, each time on a fresh
// copy of the same old station. After every kill the database opens with the key in one of the
// two formats (the old or the new, never neither), no plaintext is in any file, and the next
// login finishes or redoes the migration: every enrollment is there and whole, the commit that
// was only in the old WAL too, integrity and the audit chain check out, the migration is
// audited exactly once, and nothing but the store's own files is left in the directory.
#include "CrashWriter.h"
#include "common/Error.h"
#include "store/CipherMigration.h"
#include "store/Store.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>
#include <csignal>
#include <random>
#include <set>
#include <thread>

using namespace fe::store;
using namespace fe::store::test;

namespace {

constexpr int kKills = 50;
// Enough data that a migration takes a while (so the kills land inside it, spread by time),
// little enough that 50 rounds stay quick.
constexpr std::uint32_t kEnrollments = 40;
constexpr std::size_t kPortraitBytes = 48 * 1024;
// The kills are spread over this multiple of one measured login-with-migration, so that some
// land after it finished too.
constexpr double kSpreadFactor = 1.25;
const std::string kMarkerBase = "CIPHERMIG";

Enrollment templateEnrollment(std::uint32_t seed)
{
    const auto markers = crashMarkers(kMarkerBase, seed);
    return sampleEnrollment(seed, kPortraitBytes, &markers);
}

const std::set<std::string>& storeFiles()
{
    static const std::set<std::string> names{"store.db", "store.db-wal", "store.db-shm", "store.db.keys",
                                             "store.db.lock", "sup.pw"};
    return names;
}

} // namespace

class TestCipherMigrationCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sigkillAtRandomMoments_leavesAStationThatOpens();

private:
    // A fresh copy of the old station in its own directory, with the supervisor's password file.
    std::unique_ptr<QTemporaryDir> copyOfOldStation();
    struct Run
    {
        qint64 readyToExitMs = 0;
        bool finished = false;
    };
    Run runMigrator(const QTemporaryDir& dir, std::optional<std::chrono::microseconds> killAfter);

    std::unique_ptr<TempStore> m_old;
    std::vector<std::string> m_ids;
    SecretBytes m_key;
};

void TestCipherMigrationCrash::initTestCase()
{
    m_old = std::make_unique<TempStore>();
    {
        Session op = m_old->login("op1");
        for (std::uint32_t i = 1; i <= kEnrollments; ++i)
            m_ids.push_back(op.insertEnrollment(templateEnrollment(i)));
    }
    m_key = databaseKey(m_old->paths, "admin", kAdminPassword);
    convertToSqlcipher3(m_old->paths, m_key);
    QCOMPARE(cipherFormatOf(m_old->database, m_key), std::string("sqlcipher3"));
    commitIntoWalAndCrash(m_old->paths, m_key, Connection::CipherFormat::Sqlcipher3,
                          "INSERT INTO settings (key, value, updated_at) VALUES ('test.in_wal', 'yes', 0)");
    QVERIFY(std::filesystem::file_size(m_old->database.string() + "-wal") > 0);
}

std::unique_ptr<QTemporaryDir> TestCipherMigrationCrash::copyOfOldStation()
{
    auto dir = std::make_unique<QTemporaryDir>();
    const std::filesystem::path to = dir->path().toStdString();
    for (const char* name : {"store.db", "store.db-wal", "store.db.keys"})
        std::filesystem::copy_file(m_old->directory() / name, to / name);
    QFile pw(dir->filePath(QStringLiteral("sup.pw")));
    if (!pw.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write the password file");
    pw.write(kSupervisorPassword);
    return dir;
}

TestCipherMigrationCrash::Run TestCipherMigrationCrash::runMigrator(const QTemporaryDir& dir,
                                                                     std::optional<std::chrono::microseconds> killAfter)
{
    QProcess migrator;
    migrator.start(QStringLiteral(FACEENROLL_CIPHER_MIGRATOR),
                   {dir.filePath(QStringLiteral("store.db")), QStringLiteral("sup"), dir.filePath(QStringLiteral("sup.pw"))});
    if (!migrator.waitForStarted(30'000))
        throw std::runtime_error("the migrator did not start");
    QByteArray out;
    while (!out.contains("ready\n") && migrator.state() == QProcess::Running) {
        migrator.waitForReadyRead(30'000);
        out += migrator.readAllStandardOutput();
    }
    if (!out.contains("ready\n"))
        throw std::runtime_error("the migrator failed before its login: " + migrator.readAllStandardError().toStdString());
    QElapsedTimer clock;
    clock.start();
    Run run;
    if (killAfter) {
        std::this_thread::sleep_for(*killAfter);
        ::kill(static_cast<pid_t>(migrator.processId()), SIGKILL);
    }
    if (!migrator.waitForFinished(120'000))
        throw std::runtime_error("the migrator did not finish");
    run.readyToExitMs = clock.elapsed();
    out += migrator.readAllStandardOutput();
    run.finished = migrator.exitStatus() == QProcess::NormalExit && migrator.exitCode() == 0 && out.contains("done ");
    if (!killAfter && !run.finished)
        throw std::runtime_error("the migrator failed: " + migrator.readAllStandardError().toStdString());
    return run;
}

void TestCipherMigrationCrash::sigkillAtRandomMoments_leavesAStationThatOpens()
{
    // How long a login with migration takes here and now (the median of three), so the kills
    // are spread over it on a slow or busy machine as on a fast one.
    std::vector<qint64> durations;
    for (int i = 0; i < 3; ++i) {
        auto dir = copyOfOldStation();
        durations.push_back(runMigrator(*dir, std::nullopt).readyToExitMs);
    }
    std::sort(durations.begin(), durations.end());
    const double spreadUs = static_cast<double>(durations[1]) * 1000.0 * kSpreadFactor;
    const unsigned seed = std::random_device{}();
    qInfo("random seed %u; one login with migration takes %lld ms", seed, static_cast<long long>(durations[1]));
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> jitter(0.0, 1.0);

    std::vector<std::string> markers;
    for (std::uint32_t i = 1; i <= kEnrollments; ++i) {
        const auto m = crashMarkers(kMarkerBase, i);
        markers.insert(markers.end(), {m.name, m.document, m.jpeg});
    }
    int leftOld = 0;
    int leftNew = 0;
    int finishedBeforeTheKill = 0;
    for (int kill = 0; kill < kKills; ++kill) {
        auto dir = copyOfOldStation();
        const auto paths = StorePaths::forDatabase(std::filesystem::path(dir->path().toStdString()) / "store.db");
        // Stratified: kill k lands somewhere in the k-th fiftieth of the spread.
        const auto delay = std::chrono::microseconds(
            static_cast<std::int64_t>((kill + jitter(rng)) / kKills * spreadUs));
        const Run run = runMigrator(*dir, delay);
        finishedBeforeTheKill += run.finished ? 1 : 0;
        const QString where = QStringLiteral("kill %1 after %2 us").arg(kill).arg(delay.count());

        // The old database or the new one, never neither.
        const auto format = cipherFormatOf(paths.database, m_key);
        QVERIFY2(format == "sqlcipher3" || format == "sqlcipher4",
                 qPrintable(where + QStringLiteral(": the database opens in neither format")));
        (format == "sqlcipher3" ? leftOld : leftNew) += 1;
        const auto found = filesContaining(paths.directory(), markers);
        QVERIFY2(found.empty(), qPrintable(where + QStringLiteral(": plaintext in ") +
                                           QString::fromStdString(found.empty() ? "" : found.front())));

        // The next login opens it, migrating what is still to migrate.
        Session sup = Store::unlock(paths.database, "sup", secret(kSupervisorPassword), fastOptions());
        QCOMPARE(cipherFormatOf(paths.database, m_key), std::string("sqlcipher4"));
        QCOMPARE(sup.listEnrollments().size(), std::size_t{kEnrollments});
        for (const std::size_t i : {std::size_t{0}, std::size_t{kEnrollments / 2}, std::size_t{kEnrollments - 1}}) {
            const auto diff = differences(templateEnrollment(static_cast<std::uint32_t>(i + 1)), sup.getEnrollment(m_ids[i]));
            QVERIFY2(diff.empty(), qPrintable(where + QStringLiteral(": ") + QString::fromStdString(diff)));
        }
        QCOMPARE(sup.setting("test.in_wal").value_or(""), std::string("yes"));
        const auto integrity = sup.checkIntegrity();
        QVERIFY2(integrity.ok, qPrintable(where + QStringLiteral(": ") + QString::fromStdString(integrity.message)));
        const auto audit = sup.verifyAudit();
        QVERIFY2(audit.valid, qPrintable(where + QStringLiteral(": ") + QString::fromStdString(audit.reason)));
        const auto rows = sup.auditEntries();
        QCOMPARE(std::count_if(rows.begin(), rows.end(),
                               [](const AuditEntry& a) { return a.event.action == "cipher_migrated"; }),
                 std::ptrdiff_t{1});
        sup.logout();
        for (const auto& e : std::filesystem::directory_iterator(paths.directory()))
            QVERIFY2(storeFiles().count(e.path().filename().string()) == 1,
                     qPrintable(where + QStringLiteral(": left behind: ") +
                                QString::fromStdString(e.path().filename().string())));
    }
    qInfo("%d kills: %d left the old database, %d the new one (%d after the migrating login had finished)", kKills,
          leftOld, leftNew, finishedBeforeTheKill);
}

QTEST_APPLESS_MAIN(TestCipherMigrationCrash)
#include "tst_ciphermigrationcrash.moc"
