// Enrollments through the Session: every field of DESIGN.md "Records" stored and read back,
// lists without images, the gallery, duplicate lookups, review, the outbox, validation.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "store/EnrollmentRepository.h"
#include "store/Store.h"
#include "store/Uuid.h"

#include <QtTest>

using namespace fe::store;
using namespace fe::store::test;
using namespace std::chrono_literals;

class TestEnrollments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insert_thenGet_returnsEveryField_data();
    void insert_thenGet_returnsEveryField();
    void insert_setsStoreFields();
    void livenessMode_isKept_andUnknownWhenNotGiven();
    void insert_flagged_waitsForReview_andFlagsAreAudited();
    void insert_invalid_isRefusedWithoutEchoingTheValue_data();
    void insert_invalid_isRefusedWithoutEchoingTheValue();
    void insert_duplicateId_isAConflict();
    void list_filtersByStatusOperatorAndTime();
    void list_operatorSeesOnlyOwnEnrollmentsOfToday();
    void gallery_holdsEveryFaceTemplate();
    void findByDocumentAndPhone_findDuplicates_andHideNamesFromOperators();
    void review_approveQueues_rejectHolds_onlyOnce();
    void outbox_exportUploadReceipt();
    void templates_encodeAsLittleEndianFloat32();
};

void TestEnrollments::insert_thenGet_returnsEveryField_data()
{
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("portraitBytes");
    QTest::newRow("accepted, 100 KB portrait") << 1 << 100 * 1024;
    QTest::newRow("flagged, small portrait") << 3 << 2000;
    QTest::newRow("no ID photo, no birth date") << 4 << 5000;
}

void TestEnrollments::insert_thenGet_returnsEveryField()
{
    QFETCH(int, seed);
    QFETCH(int, portraitBytes);
    TempStore s;
    Enrollment e =
        sampleEnrollment(static_cast<std::uint32_t>(seed), static_cast<std::size_t>(portraitBytes));
    if (seed == 4) {
        e.idPhoto.clear();
        e.idTemplate = {};
        e.subject.dateOfBirth.reset();
    }
    std::string id;
    {
        Session op = s.login("op1");
        id = op.insertEnrollment(e);
        // Read back in the same session and, below, after reopening.
        QCOMPARE(QString::fromStdString(differences(e, op.getEnrollment(id))), QString());
    }
    Session sup = s.login("sup");
    const auto back = sup.getEnrollment(id);
    QCOMPARE(QString::fromStdString(differences(e, back)), QString());
    QCOMPARE(back.id, id);
}

void TestEnrollments::livenessMode_isKept_andUnknownWhenNotGiven()
{
    // Schema version 8: the liveness mode that vouched for the face (issue 12).
    TempStore s;
    Session op = s.login("op1");
    std::vector<std::string> ids;
    for (const char* mode : {"challenge", "spontaneous", ""}) {
        Enrollment e = sampleEnrollment(static_cast<std::uint32_t>(ids.size() + 20));
        e.liveness.mode = mode;
        ids.push_back(op.insertEnrollment(e));
    }
    Session sup = s.login("sup");
    QCOMPARE(sup.getEnrollment(ids[0]).liveness.mode, std::string("challenge"));
    QCOMPARE(sup.getEnrollment(ids[1]).liveness.mode, std::string("spontaneous"));
    QCOMPARE(sup.getEnrollment(ids[2]).liveness.mode, std::string()); // unknown: NULL
    // Only the two modes exist.
    Enrollment bad = sampleEnrollment(30);
    bad.liveness.mode = "replay";
    QVERIFY_THROWS_EXCEPTION(fe::Error, (void)op.insertEnrollment(bad));
}

void TestEnrollments::insert_setsStoreFields()
{
    TestClock clock(systemNow());
    auto options = fastOptions();
    options.clock = clock.clock();
    TempStore s(options);
    Session op = s.login("op1");
    const auto id = op.insertEnrollment(sampleEnrollment(1));
    const auto e = op.getEnrollment(id);
    QVERIFY(isUuid(e.id));
    QCOMPARE(e.operatorId, op.user().id);
    QVERIFY(!e.stationId.empty());
    QVERIFY(e.createdAt == truncateToMillis(clock.now()));
    QVERIFY(e.status == EnrollmentStatus::Accepted);
    QVERIFY(e.upload.state == UploadState::Queued);
    QVERIFY(!e.review && !e.purgedAt && !e.upload.receipt);
    // Someone else's operator id is refused, not silently replaced.
    Enrollment other = sampleEnrollment(2);
    other.operatorId = "00000000-0000-4000-8000-00000000abcd";
    QVERIFY_THROWS_EXCEPTION(fe::Error, op.insertEnrollment(other));
}

void TestEnrollments::insert_flagged_waitsForReview_andFlagsAreAudited()
{
    TempStore s;
    std::string id;
    {
        Session op = s.login("op1");
        id = op.insertEnrollment(sampleEnrollment(3)); // seed % 3 == 0: one flag
        const auto e = op.getEnrollment(id);
        QVERIFY(e.status == EnrollmentStatus::PendingReview);
        QVERIFY(e.upload.state == UploadState::Held);
    }
    Session sup = s.login("sup");
    const auto queue = sup.reviewQueue();
    QCOMPARE(queue.size(), std::size_t{1});
    QCOMPARE(queue[0].id, id);
    QCOMPARE(queue[0].flagCount, 1);
    int flagged = 0;
    for (const auto& a : sup.auditEntries()) {
        if (a.event.action == "flag_raised" && a.event.objectId == id && a.event.outcome == "duplicate_face")
            ++flagged;
    }
    QCOMPARE(flagged, 1);
}

void TestEnrollments::insert_invalid_isRefusedWithoutEchoingTheValue_data()
{
    QTest::addColumn<int>("defect");
    QTest::newRow("phone not E.164") << 0;
    QTest::newRow("no consent attestation") << 1;
    QTest::newRow("portrait not JPEG") << 2;
    QTest::newRow("template without model") << 3;
    QTest::newRow("no document number") << 4;
    QTest::newRow("evidence frame not JPEG") << 5;
}

void TestEnrollments::insert_invalid_isRefusedWithoutEchoingTheValue()
{
    QFETCH(int, defect);
    TempStore s;
    Session op = s.login("op1");
    Enrollment e = sampleEnrollment(1);
    const std::string badPhone = "0650-SECRET-123";
    switch (defect) {
    case 0:
        e.phone = badPhone;
        break;
    case 1:
        e.consent.operatorAttested = false;
        break;
    case 2:
        e.portrait = {'P', 'N', 'G', 0, 1, 2};
        break;
    case 3:
        e.faceTemplate.modelId.clear();
        break;
    case 4:
        e.subject.documentNumber.clear();
        break;
    case 5:
        e.liveness.evidenceFrames.push_back({1, 2, 3});
        break;
    }
    try {
        op.insertEnrollment(e);
        QFAIL("an invalid enrollment was stored");
    } catch (const fe::Error& err) {
        QCOMPARE(err.code(), fe::ErrorCode::InvalidArgument);
        QVERIFY(!contains(err.what(), badPhone) && !contains(err.what(), e.subject.name));
    }
    QVERIFY(op.listEnrollments().empty());
}

void TestEnrollments::insert_duplicateId_isAConflict()
{
    TempStore s;
    Session op = s.login("op1");
    Enrollment e = sampleEnrollment(1);
    e.id = newUuid();
    op.insertEnrollment(e);
    try {
        op.insertEnrollment(e);
        QFAIL("duplicate id stored");
    } catch (const fe::Error& err) {
        QCOMPARE(err.code(), fe::ErrorCode::Conflict);
    }
    // A batch fails as a whole.
    Enrollment fresh = sampleEnrollment(2);
    QVERIFY_THROWS_EXCEPTION(fe::Error, op.insertEnrollments({fresh, e}));
    QCOMPARE(op.listEnrollments().size(), std::size_t{1});
}

void TestEnrollments::list_filtersByStatusOperatorAndTime()
{
    TestClock clock(systemNow());
    auto options = fastOptions();
    options.clock = clock.clock();
    TempStore s(options);
    std::string op1Id;
    {
        Session op = s.login("op1");
        op1Id = op.user().id;
        op.insertEnrollment(sampleEnrollment(1));
        op.insertEnrollment(sampleEnrollment(3)); // flagged
    }
    const TimePoint middle = clock.now() + 1ms;
    clock.advance(10ms);
    {
        Session op = s.login("op2");
        op.insertEnrollment(sampleEnrollment(4));
    }
    Session sup = s.login("sup");
    QCOMPARE(sup.listEnrollments().size(), std::size_t{3});
    EnrollmentFilter f;
    f.status = EnrollmentStatus::PendingReview;
    QCOMPARE(sup.listEnrollments(f).size(), std::size_t{1});
    f = {};
    f.operatorId = op1Id;
    QCOMPARE(sup.listEnrollments(f).size(), std::size_t{2});
    f = {};
    f.since = middle;
    QCOMPARE(sup.listEnrollments(f).size(), std::size_t{1});
    f = {};
    f.until = middle;
    QCOMPARE(sup.listEnrollments(f).size(), std::size_t{2});
    f = {};
    f.limit = 2;
    QCOMPARE(sup.listEnrollments(f).size(), std::size_t{2});
    const auto all = sup.listEnrollments();
    QVERIFY(std::is_sorted(all.begin(), all.end(),
                           [](const auto& a, const auto& b) { return a.createdAt < b.createdAt; }));
    QVERIFY(!all[0].subjectName.empty() && !all[0].documentNumber.empty());
}

void TestEnrollments::list_operatorSeesOnlyOwnEnrollmentsOfToday()
{
    TestClock clock(startOfLocalDay(systemNow()) + 10h);
    auto options = fastOptions();
    options.clock = clock.clock();
    TempStore s(options);
    std::string yesterdays;
    {
        Session op = s.login("op1");
        yesterdays = op.insertEnrollment(sampleEnrollment(1));
    }
    clock.advance(24h);
    std::string todays;
    std::string colleagues;
    {
        Session op2 = s.login("op2");
        colleagues = op2.insertEnrollment(sampleEnrollment(2));
    }
    Session op = s.login("op1");
    todays = op.insertEnrollment(sampleEnrollment(4));
    EnrollmentFilter everything;
    everything.since = TimePoint{};
    const auto seen = op.listEnrollments(everything);
    QCOMPARE(seen.size(), std::size_t{1});
    QCOMPARE(seen[0].id, todays);
    (void)op.getEnrollment(todays);
    for (const auto& id : {yesterdays, colleagues}) {
        try {
            (void)op.getEnrollment(id);
            QFAIL("an operator opened an enrollment that is not theirs of today");
        } catch (const fe::Error& e) {
            QCOMPARE(e.code(), fe::ErrorCode::PermissionDenied);
        }
    }
}

void TestEnrollments::gallery_holdsEveryFaceTemplate()
{
    TempStore s;
    std::vector<Enrollment> batch;
    for (std::uint32_t i = 1; i <= 5; ++i)
        batch.push_back(sampleEnrollment(i));
    Session op = s.login("op1");
    const auto ids = op.insertEnrollments(batch);
    const auto gallery = op.galleryTemplates();
    QCOMPARE(gallery.size(), std::size_t{5});
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto it = std::find_if(gallery.begin(), gallery.end(),
                                     [&](const auto& g) { return g.enrollmentId == ids[i]; });
        QVERIFY(it != gallery.end());
        QVERIFY(it->faceTemplate == batch[i].faceTemplate);
        QCOMPARE(it->documentNumber, batch[i].subject.documentNumber);
        QCOMPARE(it->phone, batch[i].phone);
    }
}

void TestEnrollments::findByDocumentAndPhone_findDuplicates_andHideNamesFromOperators()
{
    TempStore s;
    const Enrollment e = sampleEnrollment(7);
    {
        Session op = s.login("op1");
        op.insertEnrollment(e);
        op.insertEnrollment(sampleEnrollment(8));
    }
    Session op2 = s.login("op2");
    const auto byDoc = op2.findByDocumentNumber(e.subject.documentType, e.subject.documentNumber);
    QCOMPARE(byDoc.size(), std::size_t{1});
    QVERIFY(byDoc[0].subjectName.empty()); // another operator's subject
    QVERIFY(op2.findByDocumentNumber("passport_other", e.subject.documentNumber).empty());
    QCOMPARE(op2.findByPhone(e.phone).size(), std::size_t{1});
    Session sup = s.login("sup");
    QCOMPARE(sup.findByPhone(e.phone).at(0).subjectName, e.subject.name);
}

void TestEnrollments::review_approveQueues_rejectHolds_onlyOnce()
{
    TempStore s;
    std::string a;
    std::string b;
    std::string accepted;
    {
        Session op = s.login("op1");
        a = op.insertEnrollment(sampleEnrollment(3));
        b = op.insertEnrollment(sampleEnrollment(6));
        accepted = op.insertEnrollment(sampleEnrollment(1));
    }
    Session sup = s.login("sup");
    sup.recordReview(a, ReviewOutcome::Approved, "same person, new haircut");
    sup.recordReview(b, ReviewOutcome::Rejected, "photo of a photo");
    const auto ea = sup.getEnrollment(a);
    QVERIFY(ea.status == EnrollmentStatus::Approved && ea.upload.state == UploadState::Queued);
    QVERIFY(ea.review && ea.review->reviewerId == sup.user().id &&
            ea.review->reason == "same person, new haircut");
    const auto eb = sup.getEnrollment(b);
    QVERIFY(eb.status == EnrollmentStatus::Rejected && eb.upload.state == UploadState::Held);
    try {
        sup.recordReview(a, ReviewOutcome::Rejected, "");
        QFAIL("reviewed twice");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Conflict);
    }
    QVERIFY_THROWS_EXCEPTION(fe::Error, sup.recordReview(accepted, ReviewOutcome::Approved, ""));
    QVERIFY(sup.reviewQueue().empty());
}

void TestEnrollments::outbox_exportUploadReceipt()
{
    TempStore s;
    std::string id;
    {
        Session op = s.login("op1");
        id = op.insertEnrollment(sampleEnrollment(1));
        op.insertEnrollment(sampleEnrollment(3)); // held for review
    }
    Session sup = s.login("sup");
    QCOMPARE(sup.uploadQueue(), std::vector<std::string>{id});
    QVERIFY_THROWS_EXCEPTION(fe::Error, sup.recordReceipt(id, {"R-1", {}, {}})); // not sent yet
    sup.markExported(id, "bundle-1");
    sup.markUploaded(id, "bundle-1");
    sup.recordReceipt(id, {"R-1", {}, {0x30, 0x31}});
    const auto e = sup.getEnrollment(id);
    QVERIFY(e.upload.state == UploadState::Receipted);
    QCOMPARE(e.upload.bundleId, std::string("bundle-1"));
    QVERIFY(e.upload.receipt && e.upload.receipt->receiptId == "R-1");
    QCOMPARE(e.upload.receipt->signedReceipt, (std::vector<unsigned char>{0x30, 0x31}));
    QVERIFY(sup.uploadQueue().empty());
    QVERIFY(sup.verifyAudit().valid);
}

void TestEnrollments::templates_encodeAsLittleEndianFloat32()
{
    // 1.0f is 0x3F800000: little-endian bytes 00 00 80 3F.
    const auto bytes = EnrollmentRepository::encodeTemplate({1.0f, -2.5f});
    QCOMPARE(bytes, (std::vector<unsigned char>{0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0}));
}

QTEST_APPLESS_MAIN(TestEnrollments)
#include "tst_enrollments.moc"
