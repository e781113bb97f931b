// The audit log: append-only, hash-chained; verify() finds the first row that was changed,
// removed or inserted, even by someone who holds the key and edits the table with SQL.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "store/AuditLog.h"
#include "store/Connection.h"
#include "store/DatabaseError.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QtTest>
#include <set>

using namespace fe::store;
using namespace fe::store::test;

namespace {

// Opens the database directly, as an attacker with the key would.
Connection openRaw(const TempStore& s)
{
    return Connection::openEncrypted(s.database, databaseKey(s.paths, "admin", kAdminPassword));
}

void makeHistory(const TempStore& s)
{
    Session op = s.login("op1");
    op.insertEnrollment(sampleEnrollment(1));
    op.insertEnrollment(sampleEnrollment(3));
}

AuditVerification verify(const TempStore& s)
{
    Session sup = s.login("sup"); // appends a login row at the end
    return sup.verifyAudit();
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chain_verifiesAfterNormalUse();
    void events_coverTheLifecycle();
    void rows_holdNoPersonalData();
    void table_refusesUpdateAndDelete();
    void editedRow_isNamedByVerify_data();
    void editedRow_isNamedByVerify();
    void deletedRow_isNamedByVerify();
    void chain_isBoundToItsDatabase();
};

void TestAudit::chain_verifiesAfterNormalUse()
{
    TempStore s;
    makeHistory(s);
    const auto v = verify(s);
    QVERIFY(v.valid);
    QVERIFY(!v.firstBroken);
    QVERIFY(v.entries > 10);
}

void TestAudit::events_coverTheLifecycle()
{
    TempStore s;
    std::string id;
    {
        Session op = s.login("op1");
        id = op.insertEnrollment(sampleEnrollment(3));
    }
    {
        Session sup = s.login("sup");
        sup.recordReview(id, ReviewOutcome::Approved, "checked");
        sup.markExported(id, "b");
        sup.markUploaded(id, "b");
        sup.recordReceipt(id, {"R", {}, {}});
        sup.recordImport("relay-bundle", "ok");
        (void)sup.purge(PurgeMode::AllReceipted);
    }
    {
        Session admin = s.login("admin");
        admin.setSetting("retention.days", "3");
        admin.rekey();
        admin.disableUser("op2");
    }
    Session sup = s.login("sup");
    std::set<std::string> actions;
    for (const auto& e : sup.auditEntries())
        actions.insert(e.event.action);
    for (const char* expected : {"store_initialized", "user_added", "login", "logout", "enrollment_created",
                                 "flag_raised", "review_decision", "export", "upload", "receipt", "import",
                                 "purge", "setting_changed", "key_rotation", "user_disabled"})
        QVERIFY2(actions.count(expected) == 1, expected);
    QVERIFY(sup.verifyAudit().valid);
}

void TestAudit::rows_holdNoPersonalData()
{
    TempStore s;
    const auto markers = Markers::random();
    const auto e = sampleEnrollment(3, 4000, &markers);
    {
        Session op = s.login("op1");
        op.insertEnrollment(e);
    }
    Session sup = s.login("sup");
    for (const auto& a : sup.auditEntries()) {
        for (const auto* field : {&a.event.actor, &a.event.action, &a.event.objectId, &a.event.outcome}) {
            QVERIFY(!contains(*field, markers.name) && !contains(*field, markers.document));
            QVERIFY(!contains(*field, e.phone));
            // Users appear by id, never by login name (role names such as "admin" may appear).
            QVERIFY(!contains(*field, "op1") && !contains(*field, "op2"));
        }
    }
}

void TestAudit::table_refusesUpdateAndDelete()
{
    TempStore s;
    Connection db = openRaw(s);
    try {
        db.exec("UPDATE audit SET outcome = 'ok' WHERE seq = 1");
        QFAIL("an audit row was updated");
    } catch (const DatabaseError& e) {
        QVERIFY2(contains(e.sqliteMessage(), "append-only"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(DatabaseError, db.exec("DELETE FROM audit WHERE seq = 1"));
}

void TestAudit::editedRow_isNamedByVerify_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::newRow("outcome") << "outcome"
                             << "'approved'";
    QTest::newRow("actor") << "actor"
                           << "'someone-else'";
    QTest::newRow("time") << "time"
                          << "time + 1";
    QTest::newRow("object id") << "object_id"
                               << "'00000000-0000-4000-8000-000000000000'";
}

void TestAudit::editedRow_isNamedByVerify()
{
    QFETCH(QString, column);
    QFETCH(QString, value);
    TempStore s;
    makeHistory(s);
    const std::int64_t victim = 6;
    {
        Connection db = openRaw(s);
        // Whoever holds the key can drop the trigger; the chain still tells.
        db.exec("DROP TRIGGER audit_append_only_update");
        db.exec("UPDATE audit SET " + column.toStdString() + " = " + value.toStdString() +
                " WHERE seq = " + std::to_string(victim));
    }
    const auto v = verify(s);
    QVERIFY(!v.valid);
    QVERIFY(v.firstBroken.has_value());
    QCOMPARE(*v.firstBroken, victim);
    QVERIFY2(contains(v.reason, std::to_string(victim)), v.reason.c_str());
}

void TestAudit::deletedRow_isNamedByVerify()
{
    TempStore s;
    makeHistory(s);
    {
        Connection db = openRaw(s);
        db.exec("DROP TRIGGER audit_append_only_delete");
        db.exec("DELETE FROM audit WHERE seq = 4");
    }
    const auto v = verify(s);
    QVERIFY(!v.valid);
    QCOMPARE(*v.firstBroken, std::int64_t{5});
}

void TestAudit::chain_isBoundToItsDatabase()
{
    QVERIFY(AuditLog::genesis("db-a") != AuditLog::genesis("db-b"));
    const AuditEvent e{fromMillis(1), "actor", "login", "obj", "ok"};
    const auto h = AuditLog::chain(AuditLog::genesis("db-a"), 1, e);
    AuditEvent changed = e;
    changed.outcome = "ok2";
    QVERIFY(AuditLog::chain(AuditLog::genesis("db-a"), 1, changed) != h);
    QVERIFY(AuditLog::chain(AuditLog::genesis("db-a"), 2, e) != h);
}

QTEST_APPLESS_MAIN(TestAudit)
#include "tst_audit.moc"
