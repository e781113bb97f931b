// The enrollment workflow on real media and a real SQLCipher store: the rules that the
// registration law sets, the gallery kept in step, review permissions.
#include "../vision/VisionFixtures.h"
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "enroll/EnrollmentService.h"
#include "enroll/LiveCapture.h"
#include "enroll/PhoneNumberValidator.h"
#include "store/Session.h"

#include <QtTest>

#include <algorithm>

using namespace fe::enroll;
using fe::store::test::TempStore;

namespace {

// The live step over frames [first, first + count) of a demo video (or a still shown 5 s).
LiveResult live(fe::Asset video, std::int64_t first, std::int64_t count)
{
    LiveCapture::Options o;
    o.analyzer = fe::test::lowres();
    o.liveness.mode = fe::liveness::Mode::Spontaneous;
    LiveCapture capture(fe::test::visionModels(), o);
    fe::vision::SourceOptions so;
    so.maxFrames = first + count;
    auto source = fe::vision::FrameSource::open(fe::test::asset(video), so);
    fe::vision::Frame f;
    while (source->next(f)) {
        if (f.index >= first)
            capture.feed(f.bgr, f.timestampMs - first * 1000.0 / source->fps());
    }
    return capture.finish();
}

LiveResult liveStill(const cv::Mat& still)
{
    LiveCapture::Options o;
    o.analyzer = fe::test::lowres();
    o.liveness.mode = fe::liveness::Mode::Spontaneous;
    LiveCapture capture(fe::test::visionModels(), o);
    for (int i = 0; i < 125; ++i)
        capture.feed(still, i * 40.0);
    return capture.finish();
}

SubjectInput subject(const char* name, const char* document, const std::string& phone)
{
    SubjectInput s;
    s.subject.name = name;
    s.subject.documentType = "national_id";
    s.subject.documentNumber = document;
    s.phone = phone;
    s.consent = {true, "2026-1", "en", true};
    return s;
}

QStringList flagCodes(const EnrollmentOutcome& o)
{
    QStringList out;
    for (const auto& f : o.flags)
        out << QString::fromStdString(f.code);
    return out;
}

} // namespace

class TestEnrollmentService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void franck_isAccepted();
    void sameFaceOtherDocument_isDuplicateIdentity();
    void otherFaceSameNumber_isNumberBoundToOtherFace();
    void cap12LiveWithFranckIdPhoto_isIdPhotoMismatch();
    void sameDocumentOtherFace_isDocumentBoundToOtherFace();
    void stillImageAsLive_isLivenessFailedAndFlagged();
    void tooManyNumbers_isFlagged();
    void consentRefused_storesNothing();
    void invalidPhone_isRejectedBeforeAnythingIsStored();
    void review_onlySupervisorsWithAReason();
    void gallery_followsEraseAndPurge_andSurvivesRestart();

private:
    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<fe::store::Session> m_op;
    std::unique_ptr<EnrollmentService> m_service;
    IdPhotoCheck m_franckId, m_cap12Id;
    LiveResult m_franckLive, m_franckLive2, m_cap12Live;
    std::string m_phoneA, m_phoneB, m_phoneC, m_phoneD;
    std::string m_franckId1;
};

void TestEnrollmentService::initTestCase()
{
    m_store = std::make_unique<TempStore>();
    m_op = std::make_unique<fe::store::Session>(m_store->login("op1"));
    m_service = std::make_unique<EnrollmentService>(*m_op, fe::test::visionModels());
    QCOMPARE(m_service->gallery().size(), std::size_t(0));

    // Valid numbers of the numbering plans (libphonenumber's examples, varied).
    const std::string base = PhoneNumberValidator::exampleMobile("CN");
    QVERIFY(!base.empty());
    m_phoneA = base;
    m_phoneB = base.substr(0, base.size() - 1) + "0";
    m_phoneC = base.substr(0, base.size() - 1) + "1";
    m_phoneD = base.substr(0, base.size() - 1) + "2";
    for (const auto* p : {&m_phoneA, &m_phoneB, &m_phoneC, &m_phoneD})
        QVERIFY2(PhoneNumberValidator::toE164(*p).has_value(), p->c_str());

    // ID photos: frames far from the live windows.
    const auto franckFrames = fe::test::videoFrames(fe::Asset::DemoVideo, {4313});
    const auto cap12Frames = fe::test::videoFrames(fe::Asset::SecondVideo, {1300});
    m_franckId = m_service->checkIdPhoto(franckFrames.at(4313));
    m_cap12Id = m_service->checkIdPhoto(cap12Frames.at(1300));
    QVERIFY(m_franckId.faceFound && m_cap12Id.faceFound);

    m_franckLive = live(fe::Asset::DemoVideo, 240, 240);
    m_franckLive2 = live(fe::Asset::DemoVideo, 2160, 240);
    m_cap12Live = live(fe::Asset::SecondVideo, 500, 250);
    // Windows where the subject is live and some frames pass the lowres portrait gate.
    for (const auto* l : {&m_franckLive, &m_franckLive2, &m_cap12Live}) {
        QCOMPARE(l->liveness.verdict, fe::liveness::Verdict::Live);
        QVERIFY2(l->portrait.has_value() && l->portrait->passedQualityGate,
                 fe::vision::guidanceKey(l->blockingGuidance).data());
    }
}

void TestEnrollmentService::franck_isAccepted()
{
    const auto o = m_service->enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
    QVERIFY2(o.outcome == Outcome::Accepted, qPrintable(flagCodes(o).join(u',')));
    QVERIFY(o.idPhotoScore && *o.idPhotoScore >= m_service->policy().documentThreshold);
    QCOMPARE(o.phoneE164, m_phoneA);
    m_franckId1 = o.enrollmentId;
    const auto stored = m_op->getEnrollment(o.enrollmentId);
    QCOMPARE(stored.status, fe::store::EnrollmentStatus::Accepted);
    QCOMPARE(stored.liveness.verdict, std::string("live"));
    QVERIFY(!stored.portrait.empty() && !stored.idPhoto.empty());
    QCOMPARE(stored.faceTemplate.values.size(), std::size_t(512));
    QCOMPARE(m_service->gallery().size(), std::size_t(1));
}

void TestEnrollmentService::sameFaceOtherDocument_isDuplicateIdentity()
{
    const std::size_t gallerySize = m_service->gallery().size();
    const auto o = m_service->enroll(subject("Frank Other", "P7654321", m_phoneB), m_franckId, m_franckLive2);
    QCOMPARE(o.outcome, Outcome::Flagged);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("duplicate_identity")), qPrintable(flagCodes(o).join(u',')));
    const auto& flag = *std::find_if(o.flags.begin(), o.flags.end(), [](const auto& f) { return f.code == "duplicate_identity"; });
    QVERIFY(flag.score >= flag.threshold);
    // The threshold for the gallery size at the time; the candidate is kept with its rank (a
    // gallery this small has no cohort to score against).
    QCOMPARE(flag.threshold, m_service->policy().duplicateThreshold(gallerySize).threshold);
    const auto stored = m_op->getEnrollment(o.enrollmentId).matches;
    const auto candidate = std::find_if(stored.begin(), stored.end(), [](const auto& m) { return m.kind == fe::store::MatchKind::Gallery; });
    QVERIFY(candidate != stored.end());
    QCOMPARE(candidate->rank, std::optional<int>(1));
    QVERIFY(!candidate->cohortScore);
    QCOMPARE(candidate->threshold, flag.threshold);
    QCOMPARE(m_op->getEnrollment(o.enrollmentId).status, fe::store::EnrollmentStatus::PendingReview);
}

void TestEnrollmentService::otherFaceSameNumber_isNumberBoundToOtherFace()
{
    const auto o = m_service->enroll(subject("Cap", "C1111111", m_phoneA), m_cap12Id, m_cap12Live);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("number_bound_to_other_face")), qPrintable(flagCodes(o).join(u',')));
    QVERIFY(!flagCodes(o).contains(QStringLiteral("id_photo_mismatch")));
    QVERIFY(!flagCodes(o).contains(QStringLiteral("duplicate_identity")));
}

void TestEnrollmentService::cap12LiveWithFranckIdPhoto_isIdPhotoMismatch()
{
    const auto o = m_service->enroll(subject("Cap", "C2222222", m_phoneC), m_franckId, m_cap12Live);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("id_photo_mismatch")), qPrintable(flagCodes(o).join(u',')));
    QVERIFY(o.idPhotoScore && *o.idPhotoScore < m_service->policy().documentThreshold);
    QCOMPARE(o.outcome, Outcome::Flagged);
}

void TestEnrollmentService::sameDocumentOtherFace_isDocumentBoundToOtherFace()
{
    const auto o = m_service->enroll(subject("Cap", "P1234567", m_phoneD), m_cap12Id, m_cap12Live);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("document_bound_to_other_face")), qPrintable(flagCodes(o).join(u',')));
}

void TestEnrollmentService::stillImageAsLive_isLivenessFailedAndFlagged()
{
    const cv::Mat still = fe::test::videoFrames(fe::Asset::DemoVideo, {308}).at(308);
    const LiveResult spoof = liveStill(still);
    QCOMPARE(spoof.liveness.verdict, fe::liveness::Verdict::Spoof);
    const auto o = m_service->enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, spoof);
    QCOMPARE(o.outcome, Outcome::Flagged);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("liveness_failed")), qPrintable(flagCodes(o).join(u',')));
    QVERIFY(m_op->getEnrollment(o.enrollmentId).status != fe::store::EnrollmentStatus::Accepted);
}

void TestEnrollmentService::tooManyNumbers_isFlagged()
{
    {
        auto admin = m_store->login("admin");
        admin.setSetting(fe::match::MatchPolicy::kMaxNumbersKey, "2");
    }
    EnrollmentService strict(*m_op, fe::test::visionModels());
    QCOMPARE(strict.policy().maxNumbersPerPerson, 2);
    QVERIFY(strict.gallery().size() == m_service->gallery().size());
    // Franck's face already holds phone A and phone B.
    const std::string phoneE = m_phoneA.substr(0, m_phoneA.size() - 1) + "3";
    const auto o = strict.enroll(subject("Franck", "P1234567", phoneE), m_franckId, m_franckLive2);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("too_many_numbers")), qPrintable(flagCodes(o).join(u',')));
    auto admin = m_store->login("admin");
    admin.setSetting(fe::match::MatchPolicy::kMaxNumbersKey, "5");
    m_service->reloadGallery();
}

void TestEnrollmentService::consentRefused_storesNothing()
{
    const auto refusals = [this] {
        auto sup = m_store->login("sup");
        int n = 0;
        for (const auto& entry : sup.auditEntries())
            if (entry.event.action == "consent_refused") {
                ++n;
                if (!entry.event.objectId.empty())
                    qFatal("a consent refusal names an object");
            }
        return n;
    };
    const int refusedBefore = refusals();
    const auto before = m_op->listEnrollments().size();
    const auto galleryBefore = m_service->gallery().size();
    SubjectInput s = subject("Franck", "P1234567", m_phoneA);
    s.consent.given = false;
    const auto o = m_service->enroll(s, m_franckId, m_franckLive);
    QCOMPARE(o.outcome, Outcome::Refused);
    QVERIFY(o.enrollmentId.empty());
    QCOMPARE(m_op->listEnrollments().size(), before);
    QCOMPARE(m_service->gallery().size(), galleryBefore);
    // The refusal is audited, without naming anyone.
    QCOMPARE(refusals(), refusedBefore + 1);
}

void TestEnrollmentService::invalidPhone_isRejectedBeforeAnythingIsStored()
{
    const auto before = m_op->listEnrollments().size();
    try {
        (void)m_service->enroll(subject("Franck", "P1234567", "12345"), m_franckId, m_franckLive);
        QFAIL("an invalid phone number was accepted");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
        QVERIFY(QString::fromStdString(e.what()).contains(QStringLiteral("phone")));
        QVERIFY(!QString::fromStdString(e.what()).contains(QStringLiteral("12345")));
    }
    QCOMPARE(m_op->listEnrollments().size(), before);
}

void TestEnrollmentService::review_onlySupervisorsWithAReason()
{
    const auto queue = [&] {
        auto sup = m_store->login("sup");
        return sup.reviewQueue();
    }();
    QVERIFY(!queue.empty());
    const std::string id = queue.front().id;
    // Operators cannot review.
    try {
        m_service->review(id, fe::store::ReviewOutcome::Approved, "looks fine");
        QFAIL("an operator reviewed");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::PermissionDenied);
    }
    auto sup = m_store->login("sup");
    EnrollmentService supervisor(sup, fe::test::visionModels());
    QVERIFY_THROWS_EXCEPTION(fe::Error, supervisor.review(id, fe::store::ReviewOutcome::Rejected, "  "));
    supervisor.review(id, fe::store::ReviewOutcome::Rejected, "document photo of another person");
    const auto e = sup.getEnrollment(id);
    QCOMPARE(e.status, fe::store::EnrollmentStatus::Rejected);
    QVERIFY(e.review.has_value());
    QCOMPARE(e.review->reason, std::string("document photo of another person"));
    // Audited, with ids only.
    bool audited = false;
    for (const auto& entry : sup.auditEntries()) {
        if (entry.event.action == "review_decision" && entry.event.objectId == id) {
            audited = true;
            QVERIFY(entry.event.outcome.find("another person") == std::string::npos);
        }
    }
    QVERIFY(audited);
    QVERIFY(sup.verifyAudit().valid);
}

void TestEnrollmentService::gallery_followsEraseAndPurge_andSurvivesRestart()
{
    auto sup = m_store->login("sup");
    EnrollmentService supervisor(sup, fe::test::visionModels());
    const std::size_t all = sup.listEnrollments().size();
    QCOMPARE(supervisor.gallery().size(), all);

    // Erasure of a not-yet-uploaded enrollment: gone from the store and from the gallery.
    const std::string erased = sup.listEnrollments().back().id;
    supervisor.erase(erased);
    QVERIFY(!supervisor.gallery().contains(erased));
    QCOMPARE(supervisor.gallery().size(), all - 1);

    // Purge after a receipt: the biometric fields go, and the template with them.
    sup.markUploaded(m_franckId1, "bundle-1");
    sup.recordReceipt(m_franckId1, {"receipt-1", fe::store::systemNow(), {0x01, 0x02}});
    const auto report = supervisor.purge(fe::store::PurgeMode::AllReceipted);
    QCOMPARE(report.purged, 1);
    QVERIFY(!supervisor.gallery().contains(m_franckId1));
    QCOMPARE(supervisor.gallery().size(), all - 2);
    // A franck capture no longer finds the purged enrollment.
    for (const auto& hit : supervisor.gallery().search(m_franckLive.portrait->faceTemplate.values, 10))
        QVERIFY(hit.id != m_franckId1 && hit.id != erased);

    // Restart: a new unlock rebuilds the same gallery from the store.
    sup.logout();
    auto again = m_store->login("sup");
    EnrollmentService restarted(again, fe::test::visionModels());
    QCOMPARE(restarted.gallery().size(), all - 2);
    QVERIFY(!restarted.gallery().contains(m_franckId1));
}

QTEST_APPLESS_MAIN(TestEnrollmentService)
#include "tst_enrollmentservice.moc"
