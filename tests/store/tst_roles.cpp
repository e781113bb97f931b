// Roles are enforced in core: every Session operation, tried by every role; the ones a role
// lacks are refused with PermissionDenied, change nothing and leave an access_denied row.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "store/Store.h"

#include <QtTest>
#include <functional>
#include <map>

using namespace fe::store;
using namespace fe::store::test;

namespace {

// What every operation needs to exist before it runs.
struct Fixture
{
    TempStore store;
    std::string own;      // op1's enrollment of today
    std::string others;   // op2's enrollment of today
    std::string flagged;  // pending review
    std::string uploaded; // exported and uploaded, waiting for its receipt
    std::string receipted;

    Fixture()
    {
        {
            Session op = store.login("op1");
            own = op.insertEnrollment(sampleEnrollment(1));
            flagged = op.insertEnrollment(sampleEnrollment(3));
            uploaded = op.insertEnrollment(sampleEnrollment(4));
            receipted = op.insertEnrollment(sampleEnrollment(5));
        }
        {
            Session op2 = store.login("op2");
            others = op2.insertEnrollment(sampleEnrollment(2));
        }
        Session sup = store.login("sup");
        sup.markUploaded(uploaded, "b1");
        sup.markUploaded(receipted, "b1");
        sup.recordReceipt(receipted, {"R-5", {}, {}});
    }
};

using Operation = std::function<void(Session&, Fixture&)>;

const std::map<std::string, Operation>& operations()
{
    static const std::map<std::string, Operation> ops = {
        {"insertEnrollment", [](Session& s, Fixture&) { s.insertEnrollment(sampleEnrollment(9)); }},
        {"getEnrollment(own today)", [](Session& s, Fixture& f) { (void)s.getEnrollment(f.own); }},
        {"getEnrollment(other operator's)", [](Session& s, Fixture& f) { (void)s.getEnrollment(f.others); }},
        {"listEnrollments", [](Session& s, Fixture&) { (void)s.listEnrollments(); }},
        {"reviewQueue", [](Session& s, Fixture&) { (void)s.reviewQueue(); }},
        {"galleryTemplates", [](Session& s, Fixture&) { (void)s.galleryTemplates(); }},
        {"findByDocumentNumber",
         [](Session& s, Fixture&) { (void)s.findByDocumentNumber("passport", "DOC1"); }},
        {"findByPhone", [](Session& s, Fixture&) { (void)s.findByPhone("+237600000000"); }},
        {"recordReview",
         [](Session& s, Fixture& f) { s.recordReview(f.flagged, ReviewOutcome::Approved, "ok"); }},
        {"uploadQueue", [](Session& s, Fixture&) { (void)s.uploadQueue(); }},
        {"markExported", [](Session& s, Fixture& f) { s.markExported(f.own, "b2"); }},
        {"markUploaded", [](Session& s, Fixture& f) { s.markUploaded(f.own, "b2"); }},
        {"recordReceipt",
         [](Session& s, Fixture& f) {
             s.recordReceipt(f.uploaded, {"R-4", {}, {}});
         }},
        {"recordImport", [](Session& s, Fixture&) { s.recordImport("bundle-from-relay", "ok"); }},
        {"purge", [](Session& s, Fixture&) { (void)s.purge(PurgeMode::AllReceipted); }},
        {"eraseEnrollment", [](Session& s, Fixture& f) { s.eraseEnrollment(f.own); }},
        {"setSetting(retention.days)", [](Session& s, Fixture&) { s.setSetting("retention.days", "10"); }},
        {"setSetting(threshold.duplicate)", [](Session& s, Fixture&) { s.setSetting("threshold.duplicate", "0.5"); }},
        {"setting(read)", [](Session& s, Fixture&) { (void)s.setting("retention.days"); }},
        {"verifyAudit", [](Session& s, Fixture&) { (void)s.verifyAudit(); }},
        {"auditEntries", [](Session& s, Fixture&) { (void)s.auditEntries(); }},
        {"checkIntegrity", [](Session& s, Fixture&) { (void)s.checkIntegrity(); }},
        {"info", [](Session& s, Fixture&) { (void)s.info(); }},
        {"addUser",
         [](Session& s, Fixture&) { s.addUser("newbie", Role::Operator, secret("newbie-password")); }},
        {"listUsers", [](Session& s, Fixture&) { (void)s.listUsers(); }},
        {"disableUser", [](Session& s, Fixture&) { s.disableUser("op2"); }},
        {"resetPassword", [](Session& s, Fixture&) { s.resetPassword("op2", secret("reset-password-1")); }},
        {"changeOwnPassword", [](Session& s, Fixture&) { s.changeOwnPassword(secret("my-new-password-1")); }},
        {"rekey", [](Session& s, Fixture&) { s.rekey(); }},
    };
    return ops;
}

// Who may do what (issue 3): operator enrolls and sees their own of today; supervisor
// reviews, exports, uploads; admin manages users, settings, thresholds and keys.
const std::map<std::string, std::vector<const char*>>& allowedUsers()
{
    static const std::map<std::string, std::vector<const char*>> allowed = {
        {"insertEnrollment", {"op1"}},
        {"getEnrollment(own today)", {"op1", "sup"}},
        {"getEnrollment(other operator's)", {"sup"}},
        {"listEnrollments", {"op1", "sup"}},
        {"reviewQueue", {"sup"}},
        {"galleryTemplates", {"op1", "sup"}},
        {"findByDocumentNumber", {"op1", "sup"}},
        {"findByPhone", {"op1", "sup"}},
        {"recordReview", {"sup"}},
        {"uploadQueue", {"sup"}},
        {"markExported", {"sup"}},
        {"markUploaded", {"sup"}},
        {"recordReceipt", {"sup"}},
        {"recordImport", {"sup"}},
        {"purge", {"sup", "admin"}},
        {"eraseEnrollment", {"sup"}},
        {"setSetting(retention.days)", {"admin"}},
        {"setSetting(threshold.duplicate)", {"admin"}},
        {"setting(read)", {"op1", "sup", "admin"}},
        {"verifyAudit", {"sup", "admin"}},
        {"auditEntries", {"sup", "admin"}},
        {"checkIntegrity", {"sup", "admin"}},
        {"info", {"sup", "admin"}},
        {"addUser", {"admin"}},
        {"listUsers", {"admin"}},
        {"disableUser", {"admin"}},
        {"resetPassword", {"admin"}},
        {"changeOwnPassword", {"op1", "sup", "admin"}},
        {"rekey", {"admin"}},
    };
    return allowed;
}

} // namespace

class TestRoles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matrix_isTheIssuesRoleModel_data();
    void matrix_isTheIssuesRoleModel();
    void everyOperation_isRefusedForEveryRoleLackingIt_data();
    void everyOperation_isRefusedForEveryRoleLackingIt();
};

void TestRoles::matrix_isTheIssuesRoleModel_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QStringList>("granted");
    const auto list = [](std::initializer_list<const char*> names) {
        QStringList out;
        for (const char* n : names)
            out << QString::fromLatin1(n);
        return out;
    };
    QTest::newRow("operator") << static_cast<int>(Role::Operator)
                              << list({"enroll", "view_own_enrollments_today", "match_gallery"});
    QTest::newRow("supervisor") << static_cast<int>(Role::Supervisor)
                                << list({"view_all_enrollments", "match_gallery", "review", "export",
                                         "import", "upload", "erase", "purge", "verify_audit"});
    QTest::newRow("admin") << static_cast<int>(Role::Admin)
                           << list({"purge", "verify_audit", "manage_users", "manage_settings",
                                    "manage_thresholds", "rotate_keys"});
}

void TestRoles::matrix_isTheIssuesRoleModel()
{
    QFETCH(int, role);
    QFETCH(QStringList, granted);
    QStringList actual;
    for (const Permission p : kAllPermissions) {
        if (allows(static_cast<Role>(role), p))
            actual << QString::fromLatin1(permissionName(p));
    }
    granted.sort();
    actual.sort();
    QCOMPARE(actual, granted);
}

void TestRoles::everyOperation_isRefusedForEveryRoleLackingIt_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("allowed");
    QCOMPARE(operations().size(), allowedUsers().size());
    for (const auto& [name, op] : operations()) {
        const auto& who = allowedUsers().at(name);
        for (const char* user : {"op1", "sup", "admin"}) {
            const bool allowed = std::find_if(who.begin(), who.end(), [&](const char* u) {
                                     return std::string_view(u) == user;
                                 }) != who.end();
            QTest::addRow("%s by %s", name.c_str(), user)
                << QString::fromStdString(name) << QString::fromLatin1(user) << allowed;
        }
    }
}

void TestRoles::everyOperation_isRefusedForEveryRoleLackingIt()
{
    QFETCH(QString, operation);
    QFETCH(QString, user);
    QFETCH(bool, allowed);
    Fixture f;
    Session s = f.store.login(user.toLatin1().constData());
    std::int64_t enrollmentsBefore = 0;
    {
        Session sup = f.store.login("sup");
        enrollmentsBefore = sup.info().enrollments;
    }
    try {
        operations().at(operation.toStdString())(s, f);
        QVERIFY2(allowed, "the operation ran for a role that lacks it");
    } catch (const fe::Error& e) {
        if (allowed)
            QFAIL(
                qPrintable(QStringLiteral("refused for a role that has it: ") + QString::fromUtf8(e.what())));
        QCOMPARE(e.code(), fe::ErrorCode::PermissionDenied);
        s.logout();
        Session sup = f.store.login("sup");
        QCOMPARE(sup.info().enrollments, enrollmentsBefore);
        const auto rows = sup.auditEntries();
        const bool denied = std::any_of(rows.begin(), rows.end(), [](const AuditEntry& a) {
            return a.event.action == "access_denied" && a.event.outcome == "denied";
        });
        QVERIFY2(denied, "the refusal was not audited");
    }
}

QTEST_APPLESS_MAIN(TestRoles)
#include "tst_roles.moc"
