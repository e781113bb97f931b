// Key rotation and recovery: rekey re-wraps the new database key for every slot, including
// users whose passwords it does not know and the recovery slot; an interrupted rotation is
// finished or abandoned at the next login; the recovery key restores access once and is
// replaced.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "store/Connection.h"
#include "store/DatabaseError.h"
#include "store/FileUtil.h"
#include "store/KeyFile.h"
#include "store/SlotCrypto.h"
#include "store/Store.h"

#include <QtTest>

using namespace fe::store;
using namespace fe::store::test;

namespace {

Store::Recovery recoverWith(const TempStore& s, const std::string& key, const char* newAdmin)
{
    return Store::recover(s.database, SlotCrypto::parseRecoveryKey(key), newAdmin,
                          secret("recovered-admin-1"), s.options);
}

// Phase 1 of a rotation as Session::rekey writes it: every slot also holds the next key.
SecretBytes writeNextKeys(const TempStore& s)
{
    KeyFile f = KeyFile::load(s.paths.keyFile);
    const SlotCrypto::Binding b{f.databaseId, f.databaseSalt};
    SecretBytes next = SecretBytes::random(32);
    for (auto& slot : f.slots)
        slot.nextDatabaseKey = SlotCrypto::wrapDatabaseKey(slot.publicKey, next, b);
    f.save(s.paths.keyFile);
    return next;
}

} // namespace

class TestKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rekey_everySlotStillOpens_andTheOldKeyDoesNot();
    void rekey_oldKeyFileCopy_opensNothing();
    void rekey_interruptedAfterTheDatabase_isFinishedAtLogin();
    void rekey_interruptedBeforeTheDatabase_isAbandonedAtLogin();
    void recover_createsAnAdmin_andReplacesTheRecoveryKey();
    void recover_worksWhenUserSlotsAreDamaged();
    void recover_wrongKey_changesNothing();
    void recover_takenName_isAConflict();
    void rekeyByAnotherSession_runningSessionIsToldTheKeyWasRotated();
    void passwordChangeByAnotherSession_isNotARotation();
};

void TestKeys::rekey_everySlotStillOpens_andTheOldKeyDoesNot()
{
    TempStore s;
    std::string id;
    {
        Session op = s.login("op1");
        id = op.insertEnrollment(sampleEnrollment(1));
    }
    const auto oldKey = databaseKey(s.paths, "admin", kAdminPassword);
    {
        Session admin = s.login("admin");
        admin.rekey();
    }
    const auto newKey = databaseKey(s.paths, "op2", kOperator2Password);
    QVERIFY(!newKey.equals(oldKey));
    for (const char* user : {"op1", "op2", "sup", "admin"})
        (void)s.login(user);
    QVERIFY_THROWS_EXCEPTION(DatabaseError, Connection::openEncrypted(s.database, oldKey));
    Session sup = s.login("sup");
    QCOMPARE(QString::fromStdString(differences(sampleEnrollment(1), sup.getEnrollment(id))), QString());
    QVERIFY(sup.checkIntegrity().ok);
    QVERIFY(sup.verifyAudit().valid);
    sup.logout();
    // The recovery slot got the new key too.
    auto recovered = recoverWith(s, s.recoveryKey, "rescuer");
    QVERIFY(recovered.session.user().role == Role::Admin);
}

void TestKeys::rekey_oldKeyFileCopy_opensNothing()
{
    // A user who is disabled but kept a copy of the key file (and so their old slot).
    TempStore s;
    const auto copy = readWholeFile(s.paths.keyFile);
    {
        Session admin = s.login("admin");
        admin.disableUser("op2");
        admin.rekey();
    }
    const auto current = readWholeFile(s.paths.keyFile);
    writeFileAtomically(s.paths.keyFile, copy);
    try {
        s.login("op2");
        QFAIL("an old key file opened the rotated database");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Corrupt);
    }
    writeFileAtomically(s.paths.keyFile, current);
    QVERIFY_THROWS_EXCEPTION(fe::Error, s.login("op2"));
    (void)s.login("op1");
}

void TestKeys::rekey_interruptedAfterTheDatabase_isFinishedAtLogin()
{
    TempStore s;
    const auto oldKey = databaseKey(s.paths, "admin", kAdminPassword);
    const auto next = writeNextKeys(s);
    {
        Connection db = Connection::openEncrypted(s.database, oldKey);
        db.rekey(next);
    } // "crash" before the key file caught up
    (void)s.login("op1");
    const auto f = KeyFile::load(s.paths.keyFile);
    for (const auto& slot : f.slots)
        QVERIFY(!slot.nextDatabaseKey);
    QVERIFY(databaseKey(s.paths, "sup", kSupervisorPassword).equals(next));
    Session sup = s.login("sup");
    QVERIFY(sup.checkIntegrity().ok);
}

void TestKeys::rekey_interruptedBeforeTheDatabase_isAbandonedAtLogin()
{
    TempStore s;
    const auto oldKey = databaseKey(s.paths, "admin", kAdminPassword);
    (void)writeNextKeys(s); // "crash" before SQLCipher's rekey ran
    (void)s.login("op1");
    const auto f = KeyFile::load(s.paths.keyFile);
    for (const auto& slot : f.slots)
        QVERIFY(!slot.nextDatabaseKey);
    QVERIFY(databaseKey(s.paths, "sup", kSupervisorPassword).equals(oldKey));
}

void TestKeys::recover_createsAnAdmin_andReplacesTheRecoveryKey()
{
    TempStore s;
    std::string newRecoveryKey;
    {
        auto r = recoverWith(s, s.recoveryKey, "rescuer");
        QCOMPARE(r.session.user().name, std::string("rescuer"));
        newRecoveryKey = std::string(r.recoveryKey.view());
        QVERIFY(newRecoveryKey != s.recoveryKey);
        // The new admin can act at once.
        r.session.addUser("op3", Role::Operator, secret("operator-three-1"));
    }
    try {
        recoverWith(s, s.recoveryKey, "rescuer2");
        QFAIL("the spent recovery key still works");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::AuthenticationFailed);
    }
    (void)recoverWith(s, newRecoveryKey, "rescuer3");
    Session admin = Store::unlock(s.database, "rescuer", secret("recovered-admin-1"), s.options);
    const auto rows = admin.auditEntries();
    QCOMPARE(std::count_if(rows.begin(), rows.end(),
                           [](const AuditEntry& a) { return a.event.action == "recovery"; }),
             2);
    QVERIFY(admin.verifyAudit().valid);
}

void TestKeys::recover_worksWhenUserSlotsAreDamaged()
{
    TempStore s;
    auto text = readWholeFile(s.paths.keyFile);
    // Damage every user slot line; the header and the recovery line survive.
    for (std::size_t at = text.find("slot kind=user"); at != std::string::npos;
         at = text.find("slot kind=user", at + 1))
        text[at + 50] = text[at + 50] == 'a' ? 'b' : 'a';
    writeFileAtomically(s.paths.keyFile, text);
    QVERIFY_THROWS_EXCEPTION(fe::Error, s.login("admin"));
    auto r = recoverWith(s, s.recoveryKey, "rescuer");
    // Users whose slots were lost get new passwords from the new admin.
    r.session.resetPassword("op1", secret("fresh-op1-password"));
    r.session.logout();
    (void)Store::unlock(s.database, "op1", secret("fresh-op1-password"), s.options);
    QCOMPARE(KeyFile::load(s.paths.keyFile).damagedLines, 0);
}

void TestKeys::recover_wrongKey_changesNothing()
{
    TempStore s;
    const auto before = readWholeFile(s.paths.keyFile);
    const auto wrong = SlotCrypto::formatRecoveryKey(SlotCrypto::newRecoveryKey());
    try {
        recoverWith(s, std::string(wrong.view()), "rescuer");
        QFAIL("a wrong recovery key worked");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::AuthenticationFailed);
    }
    QCOMPARE(readWholeFile(s.paths.keyFile), before);
}

void TestKeys::recover_takenName_isAConflict()
{
    TempStore s;
    try {
        recoverWith(s, s.recoveryKey, "op1");
        QFAIL("recovery reused a taken name");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Conflict);
    }
    (void)recoverWith(s, s.recoveryKey, "rescuer"); // the key was not spent by the refusal
}

void TestKeys::rekeyByAnotherSession_runningSessionIsToldTheKeyWasRotated()
{
    // Issue 9, item 9: a concurrent rekey made a running enrollment fail with "The database is
    // damaged or was altered"; it must say the key was rotated and to log in again.
    TempStore s;
    Session op = s.login("op1");
    (void)op.listEnrollments();
    std::vector<LockReason> told;
    op.setLockListener([&](LockReason r) { told.push_back(r); });
    {
        Session admin = s.login("admin");
        admin.rekey();
    }
    try {
        (void)op.insertEnrollment(sampleEnrollment(1));
        QFAIL("stored with a rotated key");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Locked);
        QVERIFY2(contains(e.what(), "rotated by another session") && contains(e.what(), "log in again"), e.what());
        QVERIFY2(!contains(e.what(), "damaged"), e.what());
    }
    QVERIFY(told == std::vector<LockReason>{LockReason::KeyRotated});
    QVERIFY(op.isLocked());
    // Logging in again (same password) works with the new key; nothing was lost.
    op.resume(secret(kOperatorPassword));
    const auto id = op.insertEnrollment(sampleEnrollment(2));
    QCOMPARE(op.listEnrollments().size(), std::size_t{1});
    QCOMPARE(op.listEnrollments().front().id, id);
}

void TestKeys::passwordChangeByAnotherSession_isNotARotation()
{
    // What else re-wraps slots (a password reset, a recovery) keeps the key: sessions go on.
    TempStore s;
    Session op = s.login("op1");
    (void)op.listEnrollments();
    {
        Session admin = s.login("admin");
        admin.resetPassword("op1", secret("reset-by-admin-1"));
    }
    (void)op.listEnrollments();
    (void)recoverWith(s, s.recoveryKey, "rescuer");
    (void)op.insertEnrollment(sampleEnrollment(1));
    QVERIFY(!op.isLocked());
}

QTEST_APPLESS_MAIN(TestKeys)
#include "tst_keys.moc"
