// Retention and erasure: biometric and personal fields go a set number of days after the
// central receipt, leaving a minimal record; an erasure removes an enrollment that has not
// left the station. Afterwards the bytes are gone from the files: the test decrypts every
// page of the database and its WAL and looks for the marker strings.
#include "StoreTestSupport.h"
#include "common/SettingsSchema.h"
#include "common/Error.h"
#include "store/Store.h"
#include "store/StoreConstants.h"

#include <QtTest>

using namespace fe::store;
using namespace fe::store::test;
using namespace std::chrono_literals;

namespace {

void deliver(Session& sup, const std::string& id, TimePoint receivedAt)
{
    sup.markUploaded(id, "bundle");
    sup.recordReceipt(id, {"receipt-" + id.substr(0, 8), receivedAt, {}});
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void purge_waitsForTheRetentionPeriodAfterTheReceipt_data();
    void purge_waitsForTheRetentionPeriodAfterTheReceipt();
    void purge_leavesAMinimalRecord();
    void purge_now_ignoresThePeriodButNeedsAReceipt();
    void purge_removesTheBytesFromDatabaseAndWal();
    void erase_removesANotYetUploadedEnrollmentCompletely();
    void erase_refusesAnEnrollmentThatLeftTheStation();
};

void TestRetention::purge_waitsForTheRetentionPeriodAfterTheReceipt_data()
{
    QTest::addColumn<int>("retentionDays"); // -1: the default
    QTest::addColumn<int>("hoursAfterReceipt");
    QTest::addColumn<int>("expectedPurged");
    QTest::newRow("default 7 days, day 6") << -1 << 6 * 24 << 0;
    QTest::newRow("default 7 days, day 7") << -1 << 7 * 24 << 1;
    QTest::newRow("2 days, day 1") << 2 << 24 << 0;
    QTest::newRow("2 days, day 3") << 2 << 72 << 1;
    QTest::newRow("0 days, at once") << 0 << 0 << 1;
}

void TestRetention::purge_waitsForTheRetentionPeriodAfterTheReceipt()
{
    QFETCH(int, retentionDays);
    QFETCH(int, hoursAfterReceipt);
    QFETCH(int, expectedPurged);
    TestClock clock(systemNow());
    auto options = fastOptions();
    options.clock = clock.clock();
    TempStore s(options);
    if (retentionDays >= 0) {
        Session admin = s.login("admin");
        admin.setSetting("retention.days", std::to_string(retentionDays));
    }
    std::string id;
    {
        Session op = s.login("op1");
        id = op.insertEnrollment(sampleEnrollment(1));
    }
    const TimePoint receipt = clock.now();
    {
        Session sup = s.login("sup");
        deliver(sup, id, receipt);
    }
    clock.advance(std::chrono::hours(hoursAfterReceipt));
    Session sup = s.login("sup"); // a new session: the old one would have locked itself by now
    const auto report = sup.purge();
    QCOMPARE(report.purged, expectedPurged);
    const int defaultDays =
        static_cast<int>(fe::SettingsSchema::integer(fe::setting::kRetentionDays, std::nullopt)); // 7, issue 3
    QCOMPARE(report.retentionDays, retentionDays >= 0 ? retentionDays : defaultDays);
    QVERIFY(report.walTruncated);
    QCOMPARE(sup.getEnrollment(id).purgedAt.has_value(), expectedPurged == 1);
}

void TestRetention::purge_leavesAMinimalRecord()
{
    TempStore s;
    std::string id;
    std::string kept;
    {
        Session op = s.login("op1");
        id = op.insertEnrollment(sampleEnrollment(3));
        kept = op.insertEnrollment(sampleEnrollment(1));
    }
    Session sup = s.login("sup");
    sup.recordReview(id, ReviewOutcome::Approved, "reason that names a person");
    deliver(sup, id, {});
    const auto before = sup.getEnrollment(id);
    QCOMPARE(sup.purge(PurgeMode::AllReceipted).purged, 1);
    const auto e = sup.getEnrollment(id);
    // What stays: id, station, operator, time, status, upload state and receipt.
    QCOMPARE(e.id, id);
    QCOMPARE(e.operatorId, before.operatorId);
    QCOMPARE(e.stationId, before.stationId);
    QVERIFY(e.createdAt == before.createdAt);
    QVERIFY(e.status == EnrollmentStatus::Approved);
    QVERIFY(e.upload.state == UploadState::Receipted && e.upload.receipt);
    QVERIFY(e.purgedAt.has_value());
    // What goes: everything biometric or personal.
    QVERIFY(e.portrait.empty() && e.idPhoto.empty() && e.liveness.evidenceFrames.empty());
    QVERIFY(e.faceTemplate.empty() && e.idTemplate.empty());
    QVERIFY(e.subject.name.empty() && e.subject.documentNumber.empty() && e.subject.documentType.empty());
    QVERIFY(!e.subject.dateOfBirth && e.phone.empty() && e.consent.noticeVersion.empty());
    QVERIFY(e.quality.empty() && e.liveness.challenges.empty() && e.liveness.passiveScores.empty());
    QVERIFY(e.liveness.verdict.empty() && e.liveness.mode.empty() && e.matches.empty() && e.flags.empty() && !e.review);
    const auto summary = sup.listEnrollments().front();
    QVERIFY(summary.purged);
    // Out of the gallery and the duplicate lookups; the other enrollment is untouched.
    const auto gallery = sup.galleryTemplates();
    QCOMPARE(gallery.size(), std::size_t{1});
    QCOMPARE(gallery[0].enrollmentId, kept);
    QVERIFY(sup.findByPhone(before.phone).empty());
    QCOMPARE(QString::fromStdString(differences(sampleEnrollment(1), sup.getEnrollment(kept))), QString());
    // Purged once: a second purge finds nothing.
    QCOMPARE(sup.purge(PurgeMode::AllReceipted).purged, 0);
    QVERIFY(sup.verifyAudit().valid);
}

void TestRetention::purge_now_ignoresThePeriodButNeedsAReceipt()
{
    TempStore s;
    std::string receipted;
    std::string uploaded;
    {
        Session op = s.login("op1");
        receipted = op.insertEnrollment(sampleEnrollment(1));
        uploaded = op.insertEnrollment(sampleEnrollment(2));
    }
    Session sup = s.login("sup");
    deliver(sup, receipted, {});
    sup.markUploaded(uploaded, "bundle");
    QCOMPARE(sup.purge().purged, 0);
    QCOMPARE(sup.purge(PurgeMode::AllReceipted).purged, 1);
    QVERIFY(!sup.getEnrollment(uploaded).purgedAt);
}

void TestRetention::purge_removesTheBytesFromDatabaseAndWal()
{
    TempStore s;
    const auto purged = Markers::random();
    const auto kept = Markers::random();
    std::string id;
    Session op = s.login("op1");
    id = op.insertEnrollment(sampleEnrollment(1, 60 * 1024, &purged));
    op.insertEnrollment(sampleEnrollment(2, 60 * 1024, &kept));
    op.logout();
    Session sup = s.login("sup");
    deliver(sup, id, {});
    const auto key = databaseKey(s.paths, "admin", kAdminPassword);

    // Control: the decryptor sees the markers inside the encrypted pages...
    const auto before = decryptedContent(s.paths, key);
    for (const auto& m : purged.all())
        QVERIFY2(contains(before, m),
                 "the page decryptor does not see the data: the test would prove nothing");
    // ... which never appear in the files themselves.
    QVERIFY(filesContaining(s.directory(), purged.all()).empty());

    const auto report = sup.purge(PurgeMode::AllReceipted);
    QCOMPARE(report.purged, 1);
    QVERIFY(report.walTruncated);
    const auto after = decryptedContent(s.paths, key);
    for (const auto& m : purged.all())
        QVERIFY2(!contains(after, m), ("still in a page after the purge: " + m).c_str());
    for (const auto& m : kept.all())
        QVERIFY2(contains(after, m), "the enrollment that was not purged lost data");
    QVERIFY(filesContaining(s.directory(), purged.all()).empty());
}

void TestRetention::erase_removesANotYetUploadedEnrollmentCompletely()
{
    TempStore s;
    const auto markers = Markers::random();
    std::string id;
    {
        Session op = s.login("op1");
        id = op.insertEnrollment(sampleEnrollment(3, 30 * 1024, &markers));
    }
    Session sup = s.login("sup");
    const auto key = databaseKey(s.paths, "admin", kAdminPassword);
    QVERIFY(contains(decryptedContent(s.paths, key), markers.jpeg));
    sup.eraseEnrollment(id);
    try {
        (void)sup.getEnrollment(id);
        QFAIL("an erased enrollment is still there");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::NotFound);
    }
    QVERIFY(sup.listEnrollments().empty() && sup.galleryTemplates().empty());
    const auto after = decryptedContent(s.paths, key);
    for (const auto& m : markers.all())
        QVERIFY2(!contains(after, m), ("still in a page after the erasure: " + m).c_str());
    const auto rows = sup.auditEntries();
    QVERIFY(std::any_of(rows.begin(), rows.end(), [&](const AuditEntry& a) {
        return a.event.action == "erasure" && a.event.objectId == id;
    }));
    QVERIFY(sup.verifyAudit().valid);
}

void TestRetention::erase_refusesAnEnrollmentThatLeftTheStation()
{
    TempStore s;
    std::string id;
    {
        Session op = s.login("op1");
        id = op.insertEnrollment(sampleEnrollment(1));
    }
    Session sup = s.login("sup");
    sup.markExported(id, "bundle");
    try {
        sup.eraseEnrollment(id);
        QFAIL("erased an exported enrollment");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Conflict);
    }
    QVERIFY(!sup.getEnrollment(id).portrait.empty());
}

QTEST_APPLESS_MAIN(TestRetention)
#include "tst_retention.moc"
