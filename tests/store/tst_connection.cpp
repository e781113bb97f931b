// The RAII wrapper around SQLCipher's C API: typed errors with SQLite's message, transactions
// that roll back unless committed, the store's PRAGMAs, and proof that the file is encrypted.
#include "StoreTestSupport.h"
#include "store/Connection.h"
#include "store/DatabaseError.h"
#include "store/FileUtil.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QtTest>
#include <type_traits>

using namespace fe::store;

static_assert(!std::is_copy_constructible_v<Connection> && std::is_nothrow_move_constructible_v<Connection>);
static_assert(!std::is_copy_constructible_v<Statement> && std::is_nothrow_move_constructible_v<Statement>);
// A transaction may be handed over (Session::beginWrite returns one), never copied or assigned.
static_assert(!std::is_copy_constructible_v<Transaction> && std::is_nothrow_move_constructible_v<Transaction> &&
              !std::is_move_assignable_v<Transaction>);
static_assert(std::is_nothrow_destructible_v<Connection> && std::is_nothrow_destructible_v<Statement> &&
              std::is_nothrow_destructible_v<Transaction>);
static_assert(!std::is_copy_constructible_v<SecretBytes>);

class TestConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void openEncrypted_appliesTheStorePragmas_data();
    void openEncrypted_appliesTheStorePragmas();
    void cipherVersion_isReportedBySqlcipher();
    void file_doesNotStartWithTheSqliteHeader();
    void openWithoutKey_cannotReadTheFile();
    void defensiveMode_refusesWritesToTheSchemaTable();
    void openEncrypted_withAnotherKey_failsAsCorrupt();
    void errors_areTypedAndCarrySqlitesMessage();
    void transaction_rollsBackInDestructorUnlessCommitted();
    void transaction_commitPersists();
    void transaction_handedOver_isOwnedByTheNewObjectOnly();
    void cachedStatement_isReusedAndReset();
    void rekey_oldKeyNoLongerOpens();
    void writeFileAtomically_leavesNoTemporaryFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::filesystem::path m_path;
};

void TestConnection::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = std::filesystem::path(m_dir->path().toStdString()) / "c.db";
}

void TestConnection::openEncrypted_appliesTheStorePragmas_data()
{
    QTest::addColumn<QString>("pragma");
    QTest::addColumn<QString>("expected");
    // Why each: docs/storage.md, "PRAGMAs".
    QTest::newRow("journal_mode") << "journal_mode"
                                  << "wal";
    QTest::newRow("synchronous=FULL") << "synchronous"
                                      << "2";
    QTest::newRow("foreign_keys") << "foreign_keys"
                                  << "1";
    QTest::newRow("secure_delete") << "secure_delete"
                                   << "1";
    QTest::newRow("temp_store=MEMORY") << "temp_store"
                                       << "2";
    QTest::newRow("cipher_page_size") << "cipher_page_size"
                                      << "4096";
    // The SQLCipher 4 format, pinned (docs/storage.md, "The database key and the PRAGMAs").
    QTest::newRow("cipher_hmac_algorithm") << "cipher_hmac_algorithm"
                                           << "HMAC_SHA512";
    QTest::newRow("cipher_kdf_algorithm") << "cipher_kdf_algorithm"
                                          << "PBKDF2_HMAC_SHA512";
    QTest::newRow("cipher_plaintext_header_size") << "cipher_plaintext_header_size"
                                                  << "0";
    QTest::newRow("cipher_memory_security off") << "cipher_memory_security"
                                                << "0";
}

void TestConnection::openEncrypted_appliesTheStorePragmas()
{
    QFETCH(QString, pragma);
    QFETCH(QString, expected);
    const auto key = SecretBytes::random(32);
    Connection db = Connection::openEncrypted(m_path, key, Connection::Mode::Create);
    const auto value = db.queryText("PRAGMA " + pragma.toStdString());
    QVERIFY(value.has_value());
    QCOMPARE(QString::fromStdString(*value), expected);
}

void TestConnection::defensiveMode_refusesWritesToTheSchemaTable()
{
    Connection db = Connection::openEncrypted(m_path, SecretBytes::random(32), Connection::Mode::Create);
    db.exec("CREATE TABLE t (x TEXT)");
    // What would let SQL corrupt the file is refused, not silently done.
    QVERIFY_THROWS_EXCEPTION(DatabaseError, db.exec("PRAGMA writable_schema = ON; "
                                                    "UPDATE sqlite_master SET sql = 'CREATE TABLE t (y)' WHERE name = 't'"));
    QCOMPARE(db.queryText("SELECT sql FROM sqlite_master WHERE name = 't'").value_or(""),
             std::string("CREATE TABLE t (x TEXT)"));
}

void TestConnection::cipherVersion_isReportedBySqlcipher()
{
    Connection db = Connection::openEncrypted(m_path, SecretBytes::random(32), Connection::Mode::Create);
    const auto version = db.queryText("PRAGMA cipher_version");
    QVERIFY(version && !version->empty());
}

void TestConnection::file_doesNotStartWithTheSqliteHeader()
{
    {
        Connection db = Connection::openEncrypted(m_path, SecretBytes::random(32), Connection::Mode::Create);
        db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('hello');");
        db.checkpointTruncate();
    }
    const auto head = readFileHead(m_path, 16);
    QCOMPARE(head.size(), std::size_t{16});
    const std::string plainHeader("SQLite format 3\0", 16);
    QVERIFY2(std::string(head.begin(), head.end()) != plainHeader, "the database file is not encrypted");
}

void TestConnection::openWithoutKey_cannotReadTheFile()
{
    {
        Connection db = Connection::openEncrypted(m_path, SecretBytes::random(32), Connection::Mode::Create);
        db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('hello');");
    }
    Connection plain = Connection::openWithoutKey(m_path);
    try {
        plain.queryInt("SELECT count(*) FROM sqlite_master");
        QFAIL("a database opened without the key was readable");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Corrupt);
        QCOMPARE(e.primaryCode(), 26); // SQLITE_NOTADB
    }
}

void TestConnection::openEncrypted_withAnotherKey_failsAsCorrupt()
{
    {
        Connection db = Connection::openEncrypted(m_path, SecretBytes::random(32), Connection::Mode::Create);
        db.exec("CREATE TABLE t (x TEXT)");
    }
    try {
        Connection::openEncrypted(m_path, SecretBytes::random(32));
        QFAIL("a wrong key opened the database");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Corrupt);
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("not a database")), e.what());
    }
}

void TestConnection::errors_areTypedAndCarrySqlitesMessage()
{
    Connection db = Connection::openEncrypted(m_path, SecretBytes::random(32), Connection::Mode::Create);
    db.exec("CREATE TABLE t (x TEXT PRIMARY KEY)");
    db.exec("INSERT INTO t VALUES ('a')");
    try {
        db.exec("INSERT INTO t VALUES ('a')");
        QFAIL("duplicate key accepted");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Conflict);
        QVERIFY2(e.sqliteMessage().find("UNIQUE constraint failed") != std::string::npos, e.what());
    }
    try {
        (void)db.prepare("SELEKT 1");
        QFAIL("bad SQL prepared");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Database);
        QVERIFY2(e.sqliteMessage().find("syntax error") != std::string::npos, e.what());
    }
}

void TestConnection::transaction_rollsBackInDestructorUnlessCommitted()
{
    Connection db = Connection::openEncrypted(m_path, SecretBytes::random(32), Connection::Mode::Create);
    db.exec("CREATE TABLE t (x INTEGER)");
    try {
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1)");
        throw std::runtime_error("leave the scope early");
    } catch (const std::runtime_error&) {
    }
    QVERIFY(!db.inTransaction());
    QCOMPARE(*db.queryInt("SELECT count(*) FROM t"), std::int64_t{0});
}

void TestConnection::transaction_commitPersists()
{
    const auto key = SecretBytes::random(32);
    {
        Connection db = Connection::openEncrypted(m_path, key, Connection::Mode::Create);
        db.exec("CREATE TABLE t (x INTEGER)");
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1)");
        tx.commit();
    }
    Connection db = Connection::openEncrypted(m_path, key);
    QCOMPARE(*db.queryInt("SELECT count(*) FROM t"), std::int64_t{1});
}

void TestConnection::transaction_handedOver_isOwnedByTheNewObjectOnly()
{
    Connection db = Connection::openEncrypted(m_path, SecretBytes::random(32), Connection::Mode::Create);
    db.exec("CREATE TABLE t (x INTEGER)");
    const auto begin = [&db] {
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1)");
        return tx;
    };
    {
        Transaction outer = begin(); // the inner object's end must not roll back
        QVERIFY(db.inTransaction());
        outer.commit();
    }
    QCOMPARE(*db.queryInt("SELECT count(*) FROM t"), std::int64_t{1});
    {
        Transaction first(db);
        db.exec("INSERT INTO t VALUES (2)");
        Transaction second(std::move(first));
        QVERIFY(first.committed()); // the moved-from object has nothing left to do
        QVERIFY(db.inTransaction());
    } // second rolls back
    QVERIFY(!db.inTransaction());
    QCOMPARE(*db.queryInt("SELECT count(*) FROM t"), std::int64_t{1});
}

void TestConnection::cachedStatement_isReusedAndReset()
{
    Connection db = Connection::openEncrypted(m_path, SecretBytes::random(32), Connection::Mode::Create);
    db.exec("CREATE TABLE t (x INTEGER)");
    for (int i = 0; i < 3; ++i) {
        auto& s = db.cached("INSERT INTO t VALUES (?1)");
        s.bind(1, i);
        s.run();
    }
    auto& a = db.cached("SELECT count(*) FROM t");
    auto& b = db.cached("SELECT count(*) FROM t");
    QCOMPARE(&a, &b);
    QVERIFY(a.step());
    QCOMPARE(a.int64(0), std::int64_t{3});
}

void TestConnection::rekey_oldKeyNoLongerOpens()
{
    const auto oldKey = SecretBytes::random(32);
    const auto newKey = SecretBytes::random(32);
    {
        Connection db = Connection::openEncrypted(m_path, oldKey, Connection::Mode::Create);
        db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept');");
        db.rekey(newKey);
        db.exec("INSERT INTO t VALUES ('after')");
    }
    QVERIFY_THROWS_EXCEPTION(DatabaseError, Connection::openEncrypted(m_path, oldKey));
    Connection db = Connection::openEncrypted(m_path, newKey);
    QCOMPARE(*db.queryInt("SELECT count(*) FROM t"), std::int64_t{2});
    QCOMPARE(*db.queryText("PRAGMA integrity_check"), std::string("ok"));
}

void TestConnection::writeFileAtomically_leavesNoTemporaryFile()
{
    const auto file = std::filesystem::path(m_dir->path().toStdString()) / "k";
    writeFileAtomically(file, "one");
    writeFileAtomically(file, "two");
    QCOMPARE(readWholeFile(file), std::string("two"));
    int entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(file.parent_path()))
        ++entries;
    QCOMPARE(entries, 1);
    QCOMPARE(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
             std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

QTEST_APPLESS_MAIN(TestConnection)
#include "tst_connection.moc"
