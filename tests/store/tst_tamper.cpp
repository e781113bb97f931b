// Tampering and damage: a flipped byte in the database makes the read that needs that page
// fail with a clear error (SQLCipher's per-page HMAC), never return wrong data; a damaged key
// file and a key file beside the wrong database are told apart from a wrong password.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "store/FileUtil.h"
#include "store/Store.h"

#include <QtTest>

using namespace fe::store;
using namespace fe::store::test;

namespace {

constexpr std::uint64_t kPageSize = 4096;

} // namespace

class TestTamper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flippedByte_failsTheAffectedReadOnly_data();
    void flippedByte_failsTheAffectedReadOnly();
    void flippedByteInFirstPage_refusesToOpen();
    void damagedKeyFile_isReportedAsDamaged_notAsWrongPassword();
    void keyFileBesideAnotherDatabase_isRefused();
};

void TestTamper::flippedByte_failsTheAffectedReadOnly_data()
{
    QTest::addColumn<int>("part"); // which marker's page to damage
    QTest::newRow("a page of a portrait") << 2;
    QTest::newRow("the page of a subject's record") << 1;
}

void TestTamper::flippedByte_failsTheAffectedReadOnly()
{
    QFETCH(int, part);
    TempStore s;
    std::vector<Markers> markers;
    std::vector<std::string> ids;
    {
        Session op = s.login("op1");
        for (std::uint32_t i = 0; i < 12; ++i) {
            markers.push_back(Markers::random());
            ids.push_back(op.insertEnrollment(sampleEnrollment(i * 3 + 1, 30 * 1024, &markers.back())));
        }
    } // closing the last connection checkpoints the WAL into the database file
    const std::size_t victim = 7;
    const auto key = databaseKey(s.paths, "admin", kAdminPassword);
    const std::uint32_t page =
        pageContaining(s.paths, key, markers[victim].all()[static_cast<std::size_t>(part)]);
    QVERIFY2(page > 1, "the victim's page was not found");
    flipBit(s.database, (page - 1) * kPageSize + 200);

    Session sup = s.login("sup");
    int failed = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        try {
            const auto e = sup.getEnrollment(ids[i]);
            // Whatever is returned is exactly what was stored.
            const auto diff = differences(
                sampleEnrollment(static_cast<std::uint32_t>(i) * 3 + 1, 30 * 1024, &markers[i]), e);
            QVERIFY2(diff.empty(), diff.c_str());
        } catch (const fe::Error& err) {
            QCOMPARE(err.code(), fe::ErrorCode::Corrupt);
            QVERIFY2(contains(err.what(), "damaged or was altered"), err.what());
            ++failed;
            QVERIFY2(i == victim || part == 1, "a read that does not need the damaged page failed");
        }
    }
    QVERIFY2(failed >= 1, "the damaged page was read without an error");
    const auto integrity = sup.checkIntegrity();
    QVERIFY(!integrity.ok);
}

void TestTamper::flippedByteInFirstPage_refusesToOpen()
{
    TempStore s;
    flipBit(s.database, 1000);
    try {
        s.login("sup");
        QFAIL("a database with a damaged first page opened");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Corrupt);
        QVERIFY2(contains(e.what(), "does not open"), e.what());
    }
}

void TestTamper::damagedKeyFile_isReportedAsDamaged_notAsWrongPassword()
{
    TempStore s;
    const auto text = readWholeFile(s.paths.keyFile);
    flipBit(s.paths.keyFile, text.find("slot kind=user") + 60);
    try {
        s.login("op1");
        QFAIL("a damaged key file was accepted");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Corrupt);
        QVERIFY2(contains(e.what(), "key file") && contains(e.what(), "damaged"), e.what());
    }
}

void TestTamper::keyFileBesideAnotherDatabase_isRefused()
{
    TempStore a;
    TempStore b;
    std::filesystem::copy_file(b.database, a.database, std::filesystem::copy_options::overwrite_existing);
    const auto keyFileBefore = readWholeFile(a.paths.keyFile);
    try {
        a.login("op1");
        QFAIL("a key file opened another database");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
        QVERIFY2(contains(e.what(), "Wrong database for this key file"), e.what());
    }
    // Detected before any password was tried: nothing was recorded.
    QCOMPARE(readWholeFile(a.paths.keyFile), keyFileBefore);
}

QTEST_APPLESS_MAIN(TestTamper)
#include "tst_tamper.moc"
