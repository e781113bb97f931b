// Two processes on one store (issue 9, items 4 and 5): state changes are checked and made in
// one write transaction, so of two supervisors deciding the same enrollments each is decided
// exactly once, and an enrollment is either exported or erased, never both; two `init`s on one
// path leave one whole store, and the loser removes nothing of the winner's. Real processes
// (store_race) on a real SQLCipher store; a user disabled while their session runs gets
// nothing stored.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "store/Connection.h"
#include "store/FileUtil.h"
#include "store/Store.h"

#include <QProcess>
#include <QtTest>

#include <map>

using namespace fe::store;
using namespace fe::store::test;

namespace {

const char* const kSecondSupervisorPassword = "supervisor-password-2";

// One store_race process: started, logged in ("ready"), then released by go().
class Racer
{
public:
    Racer(const QString& mode, const std::filesystem::path& db, const char* user, const char* password,
          const std::vector<std::string>& ids)
    {
        QStringList args{mode, QString::fromStdString(db.string()), QString::fromLatin1(user),
                         QString::fromLatin1(password)};
        for (const auto& id : ids)
            args << QString::fromStdString(id);
        m_process.setProgram(QStringLiteral(FACEENROLL_STORE_RACE));
        m_process.setArguments(args);
        m_process.start();
    }

    // Waits for "ready" (the login is done); false if the process did not get there.
    bool waitReady()
    {
        // Generous: a login on a loaded machine; the test fails rather than hangs.
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(120'000))
                return false;
        }
        return m_process.readLine().trimmed() == "ready";
    }
    // Without an event loop QProcess writes only inside waitFor...: flush now, so the two
    // processes are released together rather than one after the other has finished.
    void go()
    {
        m_process.write("go\n");
        m_process.waitForBytesWritten(10'000);
    }
    // id -> outcome ("ok" or an error code name).
    std::map<std::string, std::string> results()
    {
        m_process.closeWriteChannel();
        m_process.waitForFinished(300'000);
        std::map<std::string, std::string> out;
        for (const auto& line : m_process.readAllStandardOutput().split('\n')) {
            const auto parts = line.trimmed().split(' ');
            if (parts.size() == 2)
                out[parts[0].toStdString()] = parts[1].toStdString();
        }
        return out;
    }
    [[nodiscard]] int exitCode() const { return m_process.exitCode(); }
    QByteArray errors() { return m_process.readAllStandardError(); }

private:
    QProcess m_process;
};

std::int64_t queryInt(const TempStore& s, const std::string& sql)
{
    Connection db = Connection::openEncrypted(s.database, databaseKey(s.paths, "admin", kAdminPassword));
    return db.queryInt(sql).value_or(-1);
}

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void review_twoProcesses_eachEnrollmentDecidedExactlyOnce();
    void exportAndErase_twoProcesses_neverBoth();
    void initialize_twoProcesses_oneWholeStore();
    void initialize_thatLosesTheRace_removesNothingItDidNotCreate();
    void disabledOperator_getsNothingStored();
    void disabledSupervisor_decidesNothing();
};

void TestConcurrency::review_twoProcesses_eachEnrollmentDecidedExactlyOnce()
{
    TempStore s;
    {
        Session admin = s.login("admin");
        addUserWithOwnPassword(admin, s.database, "sup2", Role::Supervisor, kSecondSupervisorPassword, s.options);
    }
    std::vector<std::string> ids;
    {
        Session op = s.login("op1");
        for (std::uint32_t seed = 3; ids.size() < 40; seed += 3) // every third sample is flagged
            ids.push_back(op.insertEnrollment(sampleEnrollment(seed, 1024)));
    }
    Racer a(QStringLiteral("review"), s.database, "sup", kSupervisorPassword, ids);
    Racer b(QStringLiteral("review"), s.database, "sup2", kSecondSupervisorPassword, ids);
    QVERIFY2(a.waitReady(), a.errors().constData());
    QVERIFY2(b.waitReady(), b.errors().constData());
    a.go();
    b.go();
    const auto ra = a.results();
    const auto rb = b.results();
    QCOMPARE(a.exitCode(), 0);
    QCOMPARE(b.exitCode(), 0);
    int decidedByA = 0;
    for (const auto& id : ids) {
        const auto x = ra.at(id);
        const auto y = rb.at(id);
        const bool exactlyOne = (x == "ok") != (y == "ok");
        QVERIFY2(exactlyOne, qPrintable(QStringLiteral("%1: %2 / %3").arg(QString::fromStdString(id),
                                                                          QString::fromStdString(x),
                                                                          QString::fromStdString(y))));
        QCOMPARE(x == "ok" ? y : x, std::string("conflict"));
        decidedByA += x == "ok" ? 1 : 0;
    }
    qInfo("process A decided %d of %zu, process B the rest", decidedByA, ids.size());
    QCOMPARE(queryInt(s, "SELECT count(*) FROM review_decisions"), static_cast<std::int64_t>(ids.size()));
    QCOMPARE(queryInt(s, "SELECT count(DISTINCT enrollment_id) FROM review_decisions"),
             static_cast<std::int64_t>(ids.size()));
    QCOMPARE(queryInt(s, "SELECT count(*) FROM audit WHERE action = 'review_decision'"),
             static_cast<std::int64_t>(ids.size()));
    Session admin = s.login("admin");
    QVERIFY(admin.verifyAudit().valid);
}

void TestConcurrency::exportAndErase_twoProcesses_neverBoth()
{
    TempStore s;
    {
        Session admin = s.login("admin");
        addUserWithOwnPassword(admin, s.database, "sup2", Role::Supervisor, kSecondSupervisorPassword, s.options);
    }
    // Rounds with either process released first: whichever leads, the other must find every
    // enrollment it reaches either still there to take or already taken.
    for (int round = 0; round < 3; ++round) {
        std::vector<std::string> ids;
        {
            Session op = s.login("op1");
            for (std::uint32_t seed = 1 + 1000 * static_cast<std::uint32_t>(round); ids.size() < 40; ++seed) {
                if (seed % 3 != 0) // accepted, so queued for upload
                    ids.push_back(op.insertEnrollment(sampleEnrollment(seed, 1024)));
            }
        }
        Racer exporter(QStringLiteral("export"), s.database, "sup", kSupervisorPassword, ids);
        Racer eraser(QStringLiteral("erase"), s.database, "sup2", kSecondSupervisorPassword, ids);
        QVERIFY2(exporter.waitReady(), exporter.errors().constData());
        QVERIFY2(eraser.waitReady(), eraser.errors().constData());
        if (round % 2 == 0) {
            exporter.go();
            eraser.go();
        } else {
            eraser.go();
            exporter.go();
        }
        const auto exported = exporter.results();
        const auto erased = eraser.results();
        int exportedCount = 0;
        for (const auto& id : ids) {
            const bool e1 = exported.at(id) == "ok";
            const bool e2 = erased.at(id) == "ok";
            QVERIFY2(e1 != e2, qPrintable(QStringLiteral("%1: export %2, erase %3")
                                              .arg(QString::fromStdString(id), QString::fromStdString(exported.at(id)),
                                                   QString::fromStdString(erased.at(id)))));
            // The loser was told why: erased before the export (not_found), or already exported.
            QCOMPARE(e1 ? erased.at(id) : exported.at(id), std::string(e1 ? "conflict" : "not_found"));
            exportedCount += e1 ? 1 : 0;
            QCOMPARE(queryInt(s, "SELECT count(*) FROM enrollments WHERE id = '" + id + "'"), std::int64_t{e1 ? 1 : 0});
        }
        qInfo("round %d: %d exported, %zu erased", round, exportedCount,
              ids.size() - static_cast<std::size_t>(exportedCount));
    }
}

void TestConcurrency::initialize_twoProcesses_oneWholeStore()
{
    for (int round = 0; round < 8; ++round) {
        QTemporaryDir dir;
        const auto db = std::filesystem::path(dir.path().toStdString()) / "store.db";
        Racer a(QStringLiteral("init"), db, "alpha", "alpha-password-1", {});
        Racer b(QStringLiteral("init"), db, "beta", "beta-password-1", {});
        QVERIFY(a.waitReady());
        QVERIFY(b.waitReady());
        a.go();
        b.go();
        const auto ra = a.results().at("init");
        const auto rb = b.results().at("init");
        QVERIFY2((ra == "ok") != (rb == "ok"), qPrintable(QStringLiteral("round %1: %2 / %3")
                                                               .arg(round)
                                                               .arg(QString::fromStdString(ra), QString::fromStdString(rb))));
        QCOMPARE(ra == "ok" ? rb : ra, std::string("conflict"));
        // The winner's store is whole: it opens with the winner's admin and checks out.
        const bool alphaWon = ra == "ok";
        Session admin = Store::unlock(db, alphaWon ? "alpha" : "beta",
                                      secret(alphaWon ? "alpha-password-1" : "beta-password-1"), fastOptions());
        QVERIFY(admin.checkIntegrity().ok);
        QVERIFY(admin.verifyAudit().valid);
        QCOMPARE(admin.listUsers().size(), std::size_t{1});
    }
}

void TestConcurrency::initialize_thatLosesTheRace_removesNothingItDidNotCreate()
{
    // The moment another process creates the database between this call's check and its own
    // create, made repeatable: a dangling symbolic link is "not there" to the check and "taken"
    // to O_EXCL. What lies beside it stands for the winner's WAL, SHM and lock file.
    QTemporaryDir dir;
    const auto base = std::filesystem::path(dir.path().toStdString());
    const auto db = base / "store.db";
    std::filesystem::create_symlink(base / "elsewhere.db", db);
    for (const char* name : {"store.db-wal", "store.db-shm", "store.db.lock"})
        writeFileAtomically(base / name, "the other process's");
    try {
        (void)Store::initialize(db, "admin", secret(kAdminPassword), fastOptions());
        QFAIL("initialised over a taken name");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Conflict);
        QVERIFY2(contains(e.what(), "exists already"), e.what());
    }
    QVERIFY(std::filesystem::is_symlink(db));
    for (const char* name : {"store.db-wal", "store.db-shm", "store.db.lock"}) {
        QVERIFY2(std::filesystem::exists(base / name), name);
        QCOMPARE(readWholeFile(base / name), std::string("the other process's"));
    }
    QVERIFY(!std::filesystem::exists(base / "store.db.keys"));
}

void TestConcurrency::disabledOperator_getsNothingStored()
{
    TempStore s;
    Session op = s.login("op1");
    (void)op.listEnrollments(); // the session is open and working
    std::vector<LockReason> told;
    op.setLockListener([&](LockReason r) { told.push_back(r); });
    {
        Session admin = s.login("admin");
        admin.disableUser("op1");
    }
    try {
        (void)op.insertEnrollment(sampleEnrollment(1));
        QFAIL("a disabled operator's enrollment was stored");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::PermissionDenied);
        QVERIFY2(contains(e.what(), "disabled"), e.what());
    }
    QCOMPARE(queryInt(s, "SELECT count(*) FROM enrollments"), std::int64_t{0});
    QVERIFY(told == std::vector<LockReason>{LockReason::AccountDisabled});
    QVERIFY(op.isLocked());
    QVERIFY_THROWS_EXCEPTION(fe::Error, (void)op.listEnrollments());
    QCOMPARE(queryInt(s, "SELECT count(*) FROM audit WHERE action = 'access_denied' AND outcome = 'account_disabled'"),
             std::int64_t{1});
}

void TestConcurrency::disabledSupervisor_decidesNothing()
{
    TempStore s;
    std::string flagged;
    {
        Session op = s.login("op1");
        flagged = op.insertEnrollment(sampleEnrollment(3));
    }
    Session sup = s.login("sup");
    QCOMPARE(sup.reviewQueue().size(), std::size_t{1});
    {
        Session admin = s.login("admin");
        admin.disableUser("sup");
    }
    QVERIFY_THROWS_EXCEPTION(fe::Error, sup.recordReview(flagged, ReviewOutcome::Approved, "fine"));
    QCOMPARE(queryInt(s, "SELECT count(*) FROM review_decisions"), std::int64_t{0});
    QCOMPARE(queryInt(s, "SELECT count(*) FROM enrollments WHERE status = 'pending_review'"), std::int64_t{1});
}

QTEST_APPLESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
