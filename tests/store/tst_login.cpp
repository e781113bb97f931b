// Login, lockout after repeated failures, idle lock, password changes, disabled users.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "store/FileUtil.h"
#include "store/KeyFile.h"
#include "store/Store.h"
#include "store/StoreConstants.h"

#include <QtTest>

using namespace fe::store;
using namespace fe::store::test;
using namespace std::chrono_literals;

namespace {

fe::ErrorCode loginError(const TempStore& s, const char* user, const char* password)
{
    try {
        Store::unlock(s.database, user, secret(password), s.options);
    } catch (const fe::Error& e) {
        return e.code();
    }
    return fe::ErrorCode::Internal; // "no error"
}

int countActions(Session& session, const std::string& action, const std::string& outcome = {})
{
    int n = 0;
    for (const auto& e : session.auditEntries()) {
        if (e.event.action == action && (outcome.empty() || e.event.outcome == outcome))
            ++n;
    }
    return n;
}

} // namespace

class TestLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unlock_withRightPassword_givesTheUsersRole();
    void unlock_wrongPasswordAndUnknownUser_failAlike();
    void lockout_afterFiveFailures_refusesEvenTheRightPassword();
    void lockout_expires_andGrowsEachTime();
    void lockout_successResetsTheCount();
    void failedLogins_areAuditedWithoutThePassword();
    void idleLock_locksAfterTheTimeout_andResumeNeedsThePassword();
    void idleLock_activityKeepsTheSessionOpen();
    void idleLock_timeoutIsASetting();
    void resume_wrongPassword_countsTowardsLockout();
    void changeOwnPassword_oldOneStopsWorking();
    void resetPassword_byAdmin_clearsALockout();
    void disableUser_removesTheSlot_andCannotLogIn();
    void disableUser_refusesTheLastAdminAndOneself();
    void unlock_missingKeyFile_saysSo();
    void sessionsAfterLogout_refuseCalls();
};

void TestLogin::unlock_withRightPassword_givesTheUsersRole()
{
    TempStore s;
    Session op = s.login("op1");
    QCOMPARE(op.user().name, std::string("op1"));
    QVERIFY(op.user().role == Role::Operator);
    Session sup = s.login("sup");
    QVERIFY(sup.user().role == Role::Supervisor);
}

void TestLogin::unlock_wrongPasswordAndUnknownUser_failAlike()
{
    TempStore s;
    std::string wrongPassword;
    std::string unknownUser;
    try {
        Store::unlock(s.database, "op1", secret("not-the-password"), s.options);
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::AuthenticationFailed);
        wrongPassword = e.what();
    }
    try {
        Store::unlock(s.database, "nobody", secret("not-the-password"), s.options);
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::AuthenticationFailed);
        unknownUser = e.what();
    }
    QVERIFY(!wrongPassword.empty());
    QCOMPARE(wrongPassword, unknownUser);
}

void TestLogin::lockout_afterFiveFailures_refusesEvenTheRightPassword()
{
    TestClock clock(systemNow());
    auto options = fastOptions();
    options.clock = clock.clock();
    TempStore s(options);
    for (int i = 1; i < constants::kMaxFailedLogins; ++i)
        QCOMPARE(loginError(s, "op1", "wrong-password"), fe::ErrorCode::AuthenticationFailed);
    QCOMPARE(loginError(s, "op1", "wrong-password"), fe::ErrorCode::Locked);
    QCOMPARE(loginError(s, "op1", kOperatorPassword), fe::ErrorCode::Locked);
    // Other accounts are not affected.
    QCOMPARE(loginError(s, "op2", kOperator2Password), fe::ErrorCode::Internal);
}

void TestLogin::lockout_expires_andGrowsEachTime()
{
    TestClock clock(systemNow());
    auto options = fastOptions();
    options.clock = clock.clock();
    TempStore s(options);
    for (int i = 0; i < constants::kMaxFailedLogins; ++i)
        loginError(s, "op1", "wrong-password");
    clock.advance(59s);
    QCOMPARE(loginError(s, "op1", kOperatorPassword), fe::ErrorCode::Locked);
    clock.advance(2s); // first lockout: 1 minute
    // Second round of failures: the lockout doubles (2 minutes).
    for (int i = 0; i < constants::kMaxFailedLogins; ++i)
        loginError(s, "op1", "wrong-password");
    clock.advance(61s);
    QCOMPARE(loginError(s, "op1", kOperatorPassword), fe::ErrorCode::Locked);
    clock.advance(60s);
    QCOMPARE(loginError(s, "op1", kOperatorPassword), fe::ErrorCode::Internal);
}

void TestLogin::lockout_successResetsTheCount()
{
    TempStore s;
    for (int i = 0; i < constants::kMaxFailedLogins - 1; ++i)
        loginError(s, "op1", "wrong-password");
    QCOMPARE(loginError(s, "op1", kOperatorPassword), fe::ErrorCode::Internal);
    for (int i = 0; i < constants::kMaxFailedLogins - 1; ++i)
        QCOMPARE(loginError(s, "op1", "wrong-password"), fe::ErrorCode::AuthenticationFailed);
}

void TestLogin::failedLogins_areAuditedWithoutThePassword()
{
    TempStore s;
    const char* guess = "guess-ZQXJ-7781";
    for (int i = 0; i < constants::kMaxFailedLogins; ++i)
        loginError(s, "op1", guess);
    loginError(s, "nobody", guess);
    // The key file holds the pending events until the next login, never the password.
    QVERIFY(!contains(readWholeFile(s.paths.keyFile), guess));
    Session admin = s.login("admin");
    QCOMPARE(countActions(admin, "login_failed", "wrong_password"), constants::kMaxFailedLogins);
    QCOMPARE(countActions(admin, "lockout"), 1);
    QCOMPARE(countActions(admin, "login_failed", "unknown_user"), 1);
    for (const auto& e : admin.auditEntries()) {
        QVERIFY(!contains(e.event.objectId, guess) && !contains(e.event.outcome, guess));
        QVERIFY2(!contains(e.event.objectId, "nobody"), "a login name reached the audit log");
    }
    QVERIFY(admin.verifyAudit().valid);
    QVERIFY(KeyFile::load(s.paths.keyFile).events.empty());
    // Replaying is idempotent: another login adds no duplicate.
    admin.logout();
    Session again = s.login("admin");
    QCOMPARE(countActions(again, "login_failed", "wrong_password"), constants::kMaxFailedLogins);
    QVERIFY(filesContaining(s.directory(), {guess}).empty());
}

void TestLogin::idleLock_locksAfterTheTimeout_andResumeNeedsThePassword()
{
    TestClock clock(systemNow());
    auto options = fastOptions();
    options.clock = clock.clock();
    TempStore s(options);
    Session op = s.login("op1");
    QCOMPARE(op.idleTimeout(), std::chrono::milliseconds(constants::kDefaultIdleTimeout));
    (void)op.listEnrollments();
    clock.advance(constants::kDefaultIdleTimeout + 1s);
    QVERIFY(op.isLocked());
    QVERIFY_THROWS_EXCEPTION(fe::Error, (void)op.listEnrollments());
    try {
        (void)op.listEnrollments();
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Locked);
    }
    op.resume(secret(kOperatorPassword));
    QVERIFY(!op.isLocked());
    (void)op.listEnrollments();
    Session admin = s.login("admin");
    QCOMPARE(countActions(admin, "idle_lock", "idle"), 1);
    QCOMPARE(countActions(admin, "login", "resumed"), 1);
}

void TestLogin::idleLock_activityKeepsTheSessionOpen()
{
    TestClock clock(systemNow());
    auto options = fastOptions();
    options.clock = clock.clock();
    TempStore s(options);
    Session op = s.login("op1");
    for (int i = 0; i < 10; ++i) {
        clock.advance(constants::kDefaultIdleTimeout - 1s);
        (void)op.listEnrollments();
    }
    QVERIFY(!op.isLocked());
    QVERIFY(op.idleRemaining() > 0ms);
}

void TestLogin::idleLock_timeoutIsASetting()
{
    TestClock clock(systemNow());
    auto options = fastOptions();
    options.clock = clock.clock();
    TempStore s(options);
    {
        Session admin = s.login("admin");
        admin.setSetting("session.idle_timeout_minutes", "2");
        QVERIFY_THROWS_EXCEPTION(fe::Error, admin.setSetting("session.idle_timeout_minutes", "0"));
    }
    Session op = s.login("op1");
    QCOMPARE(op.idleTimeout(), std::chrono::milliseconds(2min));
    clock.advance(2min);
    QVERIFY_THROWS_EXCEPTION(fe::Error, (void)op.listEnrollments());
}

void TestLogin::resume_wrongPassword_countsTowardsLockout()
{
    TestClock clock(systemNow());
    auto options = fastOptions();
    options.clock = clock.clock();
    TempStore s(options);
    Session op = s.login("op1");
    op.lock();
    for (int i = 1; i < constants::kMaxFailedLogins; ++i)
        QVERIFY_THROWS_EXCEPTION(fe::Error, op.resume(secret("wrong-password")));
    try {
        op.resume(secret("wrong-password"));
        QFAIL("fifth wrong password accepted");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Locked);
    }
    QVERIFY_THROWS_EXCEPTION(fe::Error, op.resume(secret(kOperatorPassword)));
}

void TestLogin::changeOwnPassword_oldOneStopsWorking()
{
    TempStore s;
    {
        Session op = s.login("op1");
        QVERIFY_THROWS_EXCEPTION(fe::Error, op.changeOwnPassword(secret("short")));
        op.changeOwnPassword(secret("a-brand-new-password"));
    }
    QCOMPARE(loginError(s, "op1", kOperatorPassword), fe::ErrorCode::AuthenticationFailed);
    QCOMPARE(loginError(s, "op1", "a-brand-new-password"), fe::ErrorCode::Internal);
    Session admin = s.login("admin");
    QCOMPARE(countActions(admin, "password_changed", "self"), 1);
}

void TestLogin::resetPassword_byAdmin_clearsALockout()
{
    TempStore s;
    for (int i = 0; i < constants::kMaxFailedLogins; ++i)
        loginError(s, "op1", "wrong-password");
    QCOMPARE(loginError(s, "op1", kOperatorPassword), fe::ErrorCode::Locked);
    {
        Session admin = s.login("admin");
        admin.resetPassword("op1", secret("reset-by-admin-1"));
    }
    QCOMPARE(loginError(s, "op1", "reset-by-admin-1"), fe::ErrorCode::Internal);
}

void TestLogin::disableUser_removesTheSlot_andCannotLogIn()
{
    TempStore s;
    const auto slotsBefore = KeyFile::load(s.paths.keyFile).slots.size();
    {
        Session admin = s.login("admin");
        admin.disableUser("op2");
        const auto users = admin.listUsers();
        const auto it =
            std::find_if(users.begin(), users.end(), [](const User& u) { return u.name == "op2"; });
        QVERIFY(it != users.end() && !it->active && it->disabledAt);
        // The name stays taken.
        QVERIFY_THROWS_EXCEPTION(fe::Error, admin.addUser("op2", Role::Operator, secret("another-password")));
    }
    QCOMPARE(KeyFile::load(s.paths.keyFile).slots.size(), slotsBefore - 1);
    QCOMPARE(loginError(s, "op2", kOperator2Password), fe::ErrorCode::AuthenticationFailed);
}

void TestLogin::disableUser_refusesTheLastAdminAndOneself()
{
    TempStore s;
    Session admin = s.login("admin");
    QVERIFY_THROWS_EXCEPTION(fe::Error, admin.disableUser("admin"));
    admin.addUser("admin2", Role::Admin, secret("second-admin-pw"));
    Session admin2 = Store::unlock(s.database, "admin2", secret("second-admin-pw"), s.options);
    admin2.disableUser("admin");
    QVERIFY_THROWS_EXCEPTION(fe::Error, admin2.disableUser("admin2"));
}

void TestLogin::unlock_missingKeyFile_saysSo()
{
    TempStore s;
    std::filesystem::rename(s.paths.keyFile, s.paths.keyFile.string() + ".away");
    try {
        s.login("op1");
        QFAIL("opened without a key file");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::NotFound);
        QVERIFY2(contains(e.what(), "key file"), e.what());
    }
}

void TestLogin::sessionsAfterLogout_refuseCalls()
{
    TempStore s;
    Session op = s.login("op1");
    op.logout();
    try {
        (void)op.listEnrollments();
        QFAIL("a logged-out session answered");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Locked);
    }
}

QTEST_APPLESS_MAIN(TestLogin)
#include "tst_login.moc"
