// Stations written with SQLCipher 3 (FaceEnroll before issue 16): the first unlock migrates
// them to the SQLCipher 4 format with their data, salt, key and key file intact, records it in
// the audit log once, and leaves nothing beside the database. What cannot be migrated (a
// damaged file, a full disk, another program holding the old file) is refused with a clear
// error and the old database left as it was. Crashes during the migration:
// tst_ciphermigrationcrash.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "store/CipherMigration.h"
#include "store/Connection.h"
#include "store/FileUtil.h"
#include "store/KeyFile.h"
#include "store/SlotCrypto.h"
#include "store/Store.h"

#include <QtTest>
#include <set>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace fe::store;
using namespace fe::store::test;
using CipherFormat = Connection::CipherFormat;

namespace {

constexpr int kEnrollments = 3;

struct OldStation
{
    std::unique_ptr<TempStore> store = std::make_unique<TempStore>();
    std::vector<std::string> ids;
    std::vector<unsigned char> salt;
    std::string keyFile;
};

// A station as FaceEnroll left it before the upgrade: users, enrollments, an audit trail, the
// SQLCipher 3 format, and one last commit still in the WAL (a crash or power cut).
OldStation makeOldStation()
{
    OldStation s;
    {
        Session op = s.store->login("op1");
        for (int i = 0; i < kEnrollments; ++i)
            s.ids.push_back(op.insertEnrollment(sampleEnrollment(static_cast<std::uint32_t>(i + 1))));
    }
    const auto key = databaseKey(s.store->paths, "admin", kAdminPassword);
    convertToSqlcipher3(s.store->paths, key);
    commitIntoWalAndCrash(s.store->paths, key, CipherFormat::Sqlcipher3,
                          "INSERT INTO settings (key, value, updated_at) VALUES ('test.in_wal', 'yes', 0)");
    s.salt = readFileHead(s.store->database, 16);
    s.keyFile = readWholeFile(s.store->paths.keyFile);
    return s;
}

std::size_t countAction(const std::vector<AuditEntry>& rows, const std::string& action)
{
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [&](const AuditEntry& a) { return a.event.action == action; }));
}

std::set<std::string> filesIn(const std::filesystem::path& dir)
{
    std::set<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        names.insert(e.path().filename().string());
    return names;
}


} // namespace

class TestCipherMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqlcipher3Station_isMigratedAtFirstUnlock_withEverythingIntact();
    void migratedStation_isSqlcipher4WithSha512Hmac_andNotReadableAsSqlcipher3();
    void migration_isAuditedOnce();
    void recovery_migratesToo();
    void interruptedKeyRotation_onSqlcipher3Station_isFinishedAndMigrated();
    void damagedSqlcipher3Station_failsAsCorrupt_andIsLeftAsItWas();
    void oldDatabaseOpenElsewhere_isRefused_andMigratedOnceItIsClosed();
    void fullDisk_isRefusedBeforeWriting_andLeavesTheOldDatabase();
    void leftoverCopy_isReplacedByTheNextAttempt();
};

void TestCipherMigration::sqlcipher3Station_isMigratedAtFirstUnlock_withEverythingIntact()
{
    OldStation old = makeOldStation();
    const auto& paths = old.store->paths;
    const auto key = databaseKey(paths, "admin", kAdminPassword);
    QVERIFY(std::filesystem::file_size(paths.database.string() + "-wal") > 0);
    QCOMPARE(cipherFormatOf(paths.database, key), std::string("sqlcipher3"));

    Session sup = old.store->login("sup");
    QCOMPARE(cipherFormatOf(paths.database, key), std::string("sqlcipher4"));
    for (int i = 0; i < kEnrollments; ++i) {
        const auto diff = differences(sampleEnrollment(static_cast<std::uint32_t>(i + 1)),
                                      sup.getEnrollment(old.ids[static_cast<std::size_t>(i)]));
        QVERIFY2(diff.empty(), diff.c_str());
    }
    QCOMPARE(sup.listEnrollments().size(), std::size_t{kEnrollments});
    // The commit that was only in the old WAL came along.
    QCOMPARE(sup.setting("test.in_wal").value_or(""), std::string("yes"));
    QVERIFY(sup.checkIntegrity().ok);
    const auto audit = sup.verifyAudit();
    QVERIFY2(audit.valid, audit.reason.c_str());
    // Same salt, same key: the key file is untouched and still bound to the database.
    QVERIFY(readFileHead(paths.database, 16) == old.salt);
    QCOMPARE(readWholeFile(paths.keyFile), old.keyFile);
    sup.logout();
    // Every user still logs in, and the store works as a new one.
    for (const char* user : {"admin", "op1", "op2"})
        (void)old.store->login(user);
    Session op = old.store->login("op1");
    (void)op.insertEnrollment(sampleEnrollment(99));
    op.logout();
    // Nothing else is left in the directory: no copy, no journal, no WAL of the old file.
    const auto files = filesIn(old.store->directory());
    for (const auto& f : files)
        QVERIFY2(f == "store.db" || f == "store.db.keys" || f == "store.db.lock" || f == "store.db-wal" ||
                     f == "store.db-shm",
                 f.c_str());
    QVERIFY(!std::filesystem::exists(CipherMigration::copyPath(paths)));
}

void TestCipherMigration::migratedStation_isSqlcipher4WithSha512Hmac_andNotReadableAsSqlcipher3()
{
    OldStation old = makeOldStation();
    (void)old.store->login("admin");
    const auto key = databaseKey(old.store->paths, "admin", kAdminPassword);
    Connection db = Connection::openKeyed(old.store->database, key, CipherFormat::Current);
    std::vector<std::string> settings;
    Statement q = db.prepare("PRAGMA cipher_settings");
    while (q.step())
        settings.push_back(q.text(0));
    const auto has = [&](const char* s) { return std::find(settings.begin(), settings.end(), s) != settings.end(); };
    QVERIFY(has("PRAGMA cipher_hmac_algorithm = HMAC_SHA512;"));
    QVERIFY(has("PRAGMA cipher_page_size = 4096;"));
    QVERIFY(has("PRAGMA cipher_plaintext_header_size = 0;"));
    QVERIFY(!db.queryText("PRAGMA cipher_integrity_check").has_value());
    QVERIFY_THROWS_EXCEPTION(fe::Error, Connection::openKeyed(old.store->database, key, CipherFormat::Sqlcipher3));
}

void TestCipherMigration::migration_isAuditedOnce()
{
    OldStation old = makeOldStation();
    (void)old.store->login("op1");
    (void)old.store->login("op2");
    Session sup = old.store->login("sup");
    const auto rows = sup.auditEntries();
    QCOMPARE(countAction(rows, "cipher_migrated"), std::size_t{1});
    const auto it = std::find_if(rows.begin(), rows.end(),
                                 [](const AuditEntry& a) { return a.event.action == "cipher_migrated"; });
    QCOMPARE(it->event.actor, std::string("system"));
    QCOMPARE(it->event.objectId, std::string("sqlcipher4"));
    QCOMPARE(it->event.outcome, std::string("ok"));
    // Recorded before the login that caused it.
    QVERIFY(std::next(it) != rows.end() && std::next(it)->event.action == "login");
}

void TestCipherMigration::recovery_migratesToo()
{
    OldStation old = makeOldStation();
    auto r = Store::recover(old.store->database, SlotCrypto::parseRecoveryKey(old.store->recoveryKey), "rescuer",
                            secret("recovered-admin-1"), old.store->options);
    QVERIFY(r.session.verifyAudit().valid);
    r.session.logout();
    QCOMPARE(cipherFormatOf(old.store->database, databaseKey(old.store->paths, "admin", kAdminPassword)),
             std::string("sqlcipher4"));
}

void TestCipherMigration::interruptedKeyRotation_onSqlcipher3Station_isFinishedAndMigrated()
{
    // A rotation that a SQLCipher 3 build interrupted after rekeying the database: only the
    // next key opens it, and only as SQLCipher 3.
    OldStation old = makeOldStation();
    const auto& paths = old.store->paths;
    const auto oldKey = databaseKey(paths, "admin", kAdminPassword);
    KeyFile f = KeyFile::load(paths.keyFile);
    const SlotCrypto::Binding b{f.databaseId, f.databaseSalt};
    const SecretBytes next = SecretBytes::random(32);
    for (auto& slot : f.slots)
        slot.nextDatabaseKey = SlotCrypto::wrapDatabaseKey(slot.publicKey, next, b);
    f.save(paths.keyFile);
    {
        Connection db = Connection::openEncrypted(paths.database, oldKey, Connection::Mode::OpenExisting,
                                                  CipherFormat::Sqlcipher3);
        db.rekey(next);
    }
    QCOMPARE(cipherFormatOf(paths.database, next), std::string("sqlcipher3"));
    Session sup = old.store->login("sup");
    QVERIFY(sup.verifyAudit().valid);
    QCOMPARE(sup.listEnrollments().size(), std::size_t{kEnrollments});
    sup.logout();
    QCOMPARE(cipherFormatOf(paths.database, next), std::string("sqlcipher4"));
    QVERIFY(databaseKey(paths, "op1", kOperatorPassword).equals(next));
}

void TestCipherMigration::damagedSqlcipher3Station_failsAsCorrupt_andIsLeftAsItWas()
{
    OldStation old = makeOldStation();
    const auto& paths = old.store->paths;
    const auto key = databaseKey(paths, "admin", kAdminPassword);
    {
        // Fold the WAL in, so that page 1 is read from the file, then damage page 1.
        Connection db = Connection::openKeyed(paths.database, key, CipherFormat::Sqlcipher3);
        db.checkpointTruncate();
    }
    flipBit(paths.database, 100);
    const auto before = readWholeFile(paths.database);
    try {
        (void)old.store->login("sup");
        QFAIL("a damaged database opened");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Corrupt);
    }
    QVERIFY(readWholeFile(paths.database) == before);
    QVERIFY(!std::filesystem::exists(CipherMigration::copyPath(paths)));
}

void TestCipherMigration::oldDatabaseOpenElsewhere_isRefused_andMigratedOnceItIsClosed()
{
    OldStation old = makeOldStation();
    const auto& paths = old.store->paths;
    const auto key = databaseKey(paths, "admin", kAdminPassword);
    // Another program (a FaceEnroll of before the upgrade) keeps the old database open.
    int toChild[2];
    int fromChild[2];
    QVERIFY(::pipe(toChild) == 0 && ::pipe(fromChild) == 0);
    const pid_t pid = ::fork();
    QVERIFY(pid >= 0);
    if (pid == 0) {
        int status = 0;
        try {
            Connection db = Connection::openEncrypted(paths.database, key, Connection::Mode::OpenExisting,
                                                      CipherFormat::Sqlcipher3);
            (void)db.queryInt("SELECT count(*) FROM enrollments");
            char c = 'r';
            (void)!::write(fromChild[1], &c, 1);
            (void)!::read(toChild[0], &c, 1); // until the parent says so
        } catch (...) {
            status = 3;
        }
        ::_exit(status);
    }
    char c = 0;
    QCOMPARE(::read(fromChild[0], &c, 1), ssize_t{1});
    try {
        (void)old.store->login("sup");
        QFAIL("the migration ran while another program had the database open");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Database);
    }
    QCOMPARE(cipherFormatOf(paths.database, key), std::string("sqlcipher3"));
    QVERIFY(!std::filesystem::exists(CipherMigration::copyPath(paths)));
    QCOMPARE(::write(toChild[1], "x", 1), ssize_t{1});
    int status = 0;
    ::waitpid(pid, &status, 0);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    Session sup = old.store->login("sup");
    QCOMPARE(sup.setting("test.in_wal").value_or(""), std::string("yes"));
    QCOMPARE(cipherFormatOf(paths.database, key), std::string("sqlcipher4"));
}

void TestCipherMigration::fullDisk_isRefusedBeforeWriting_andLeavesTheOldDatabase()
{
    if (!enterPrivateMountNamespace())
        QSKIP("cannot create a private mount namespace for a small tmpfs");
    // A station in the SQLCipher 3 format on a file system with room for half a copy of it.
    TempStore big;
    {
        Session op = big.login("op1");
        for (std::uint32_t i = 0; i < 8; ++i)
            (void)op.insertEnrollment(sampleEnrollment(i + 1, 100 * 1024));
    }
    const auto key = databaseKey(big.paths, "admin", kAdminPassword);
    convertToSqlcipher3(big.paths, key);
    const auto size = std::filesystem::file_size(big.database);
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString();
    const std::string options = "size=" + std::to_string((size * 3 / 2 + 65535) / 65536 * 64) + "k";
    QVERIFY2(::mount("tmpfs", path.c_str(), "tmpfs", 0, options.c_str()) == 0, std::strerror(errno));
    struct Unmount
    {
        std::string path;
        ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
    } unmount{path};
    const auto db = std::filesystem::path(path) / "store.db";
    for (const char* suffix : {"", ".keys"})
        std::filesystem::copy_file(big.database.string() + suffix, db.string() + suffix);
    const auto before = readWholeFile(db);
    try {
        (void)Store::unlock(db, "sup", secret(kSupervisorPassword), fastOptions());
        QFAIL("migrated onto a full disk");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::DiskFull);
        QVERIFY2(contains(e.what(), "MB free"), e.what());
    }
    QVERIFY(readWholeFile(db) == before);
    QVERIFY(!std::filesystem::exists(CipherMigration::copyPath(StorePaths::forDatabase(db))));
    QCOMPARE(cipherFormatOf(db, key), std::string("sqlcipher3"));
}

void TestCipherMigration::leftoverCopy_isReplacedByTheNextAttempt()
{
    OldStation old = makeOldStation();
    const auto& paths = old.store->paths;
    // What a crash in the middle of the export leaves: a partial copy and its journal.
    for (const auto& p : {CipherMigration::copyPath(paths), std::filesystem::path(CipherMigration::copyPath(paths).string() + "-journal")})
        writeFileAtomically(p, std::string(8192, 'x'));
    Session sup = old.store->login("sup");
    QCOMPARE(sup.listEnrollments().size(), std::size_t{kEnrollments});
    QVERIFY(sup.checkIntegrity().ok);
    QVERIFY(!std::filesystem::exists(CipherMigration::copyPath(paths)));
    QVERIFY(!std::filesystem::exists(CipherMigration::copyPath(paths).string() + "-journal"));
}

QTEST_APPLESS_MAIN(TestCipherMigration)
#include "tst_ciphermigration.moc"
