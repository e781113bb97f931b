// The enrollment workflow on real media and a real SQLCipher store: the rules that the
// registration law sets, the typed data and the ID photo's own checks, the index kept in step,
// review permissions. The media are analysed once (initTestCase) and are the tests' inputs;
// every test function makes its own store and enrolls what it needs, so each runs alone too
// (`tst_enrollmentservice sameFaceOtherDocument_isDuplicateIdentity`).
#include "EnrollFixtures.h"
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "enroll/EnrollmentService.h"
#include "enroll/IdPhotoReader.h"
#include "enroll/MatchIndex.h"
#include "enroll/PhoneNumberValidator.h"
#include "store/Session.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <algorithm>

using namespace fe::enroll;
using fe::store::test::TempStore;

namespace {

SubjectInput subject(const char* name, const std::string& document, const std::string& phone,
                     const char* type = "national_id")
{
    SubjectInput s;
    s.subject.name = name;
    s.subject.documentType = type;
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

EnrollOptions idPhotoOverridden()
{
    EnrollOptions o;
    o.idPhotoQualityOverride = true;
    return o;
}

// A valid resident identity card number (ISO 7064 MOD 11-2 check character).
const std::string kCardNumber = "110101199005050006";

} // namespace

// One station: a fresh store, an operator's session, the match index loaded and the workflow.
struct Station
{
    explicit Station(const MatchIndex::Spec& spec, fe::store::StoreOptions options = fe::store::test::fastOptions())
        : store(std::move(options)), op(store.login("op1")), index(std::make_shared<MatchIndex>(spec)), service(op, index)
    {
        if (index->load(op) != MatchIndex::LoadResult::Loaded)
            throw std::runtime_error("index not loaded");
    }
    TempStore store;
    fe::store::Session op;
    std::shared_ptr<MatchIndex> index;
    EnrollmentService service;
};

class TestEnrollmentService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void franck_isAccepted();
    void sameFaceOtherDocument_isDuplicateIdentity();
    void assess_decidesAsEnrollWould_storingNothing();
    void lowQualityOverride_keepsTheOperatorsReason();
    void otherFaceSameNumber_isNumberBoundToOtherFace();
    void cap12LiveWithFranckIdPhoto_isIdPhotoMismatch();
    void sameDocumentOtherFace_isDocumentBoundToOtherFace();
    void documentDodges_areTheSameDocumentOrRefused_data();
    void documentDodges_areTheSameDocumentOrRefused();
    void invalidSubjectData_isRefusedWithTheReason_data();
    void invalidSubjectData_isRefusedWithTheReason();
    void stillImageAsLive_isLivenessFailedAndFlagged();
    void tooManyNumbers_isFlagged();
    void consentRefused_storesNothing();
    void invalidPhone_isRejectedBeforeAnythingIsStored();
    void idPhotoWithTwoFaces_isRefused();
    void idPhotoBelowTheDocumentProfile_isRefused_unlessOverriddenAndFlagged();
    void idPhotoReader_refusesCorruptFilesWithTheReason();
    void anotherSessionsEnrollment_isSeenWithoutAReload();
    void operatorDisabledMeanwhile_storesNothing();
    void enrollBeforeTheIndexIsLoaded_isRefused();
    void consentTimeAndModelVersion_comeFromTheSessionAndTheModel();
    void review_onlySupervisorsWithAReason_andNeedsNoModels();
    void eraseAndPurge_leaveTheIndex_andRestartRebuildsIt();
    void spontaneousWithRealCamera_refusedByDefault_flaggedWhenAllowed();

private:
    std::unique_ptr<IdPhotoReader> m_reader;
    MatchIndex::Spec m_spec;
    IdPhotoCheck m_franckId, m_cap12Id, m_franckTurnedId, m_twoFacesId;
    LiveResult m_franckLive, m_franckLive2, m_cap12Live;
    std::string m_phoneA, m_phoneB, m_phoneC, m_phoneD;
};

void TestEnrollmentService::initTestCase()
{
    m_reader = std::make_unique<IdPhotoReader>(fe::test::visionModels());
    m_spec = MatchIndex::specOf(m_reader->encoder());

    // Valid numbers of the numbering plans (libphonenumber's examples, varied).
    const std::string base = PhoneNumberValidator::exampleMobile("CN");
    QVERIFY(!base.empty());
    m_phoneA = base;
    m_phoneB = base.substr(0, base.size() - 1) + "0";
    m_phoneC = base.substr(0, base.size() - 1) + "1";
    m_phoneD = base.substr(0, base.size() - 1) + "2";
    for (const auto* p : {&m_phoneA, &m_phoneB, &m_phoneC, &m_phoneD})
        QVERIFY2(PhoneNumberValidator::toE164(*p).has_value(), p->c_str());

    // ID photos: frames far from the live windows. franck 4700 passes every document quality
    // measure; 4313 is the same face turned 20°, which the document profile refuses.
    const auto franckFrames = fe::test::videoFrames(fe::Asset::DemoVideo, {4313, 4700});
    const auto cap12Frames = fe::test::videoFrames(fe::Asset::SecondVideo, {1300});
    m_franckId = m_reader->analyze(franckFrames.at(4700));
    m_cap12Id = m_reader->analyze(cap12Frames.at(1300));
    m_franckTurnedId = m_reader->analyze(franckFrames.at(4313));
    QCOMPARE(m_franckId.faceCount, 1);
    QCOMPARE(m_cap12Id.faceCount, 1);
    QVERIFY2(m_franckId.quality.passed && m_cap12Id.quality.passed, "the ID photos must pass the document profile");
    QVERIFY(m_franckTurnedId.faceFound() && !m_franckTurnedId.quality.passed);
    // A customer holding someone else's card beside their own face: two faces on the photo.
    cv::Mat left = franckFrames.at(4700), right;
    cv::resize(cap12Frames.at(1300), right, cv::Size(cap12Frames.at(1300).cols * left.rows / cap12Frames.at(1300).rows, left.rows));
    cv::Mat both;
    cv::hconcat(left, right, both);
    m_twoFacesId = m_reader->analyze(both);
    QCOMPARE(m_twoFacesId.faceCount, 2);

    m_franckLive = fe::test::liveWindow(fe::Asset::DemoVideo, 240, 240);
    m_franckLive2 = fe::test::liveWindow(fe::Asset::DemoVideo, 2160, 240);
    m_cap12Live = fe::test::liveWindow(fe::Asset::SecondVideo, 500, 250);
    // Windows where the subject is live and some frames pass the lowres portrait gate.
    for (const auto* l : {&m_franckLive, &m_franckLive2, &m_cap12Live}) {
        QCOMPARE(l->liveness.verdict, fe::liveness::Verdict::Live);
        QVERIFY2(l->portrait.has_value() && l->portrait->passedQualityGate,
                 fe::vision::guidanceKey(l->blockingGuidance).data());
    }
}

void TestEnrollmentService::franck_isAccepted()
{
    Station s(m_spec);
    QCOMPARE(s.index->size(), std::size_t(0));
    const auto o = s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
    QVERIFY2(o.outcome == Outcome::Accepted, qPrintable(flagCodes(o).join(u',')));
    QVERIFY(o.idPhoto && o.idPhoto->matched && o.idPhoto->score >= s.service.policy().documentThreshold);
    QCOMPARE(o.phoneE164, m_phoneA);
    QCOMPARE(o.gallerySize, std::size_t(0));
    const auto stored = s.op.getEnrollment(o.enrollmentId);
    QCOMPARE(stored.status, fe::store::EnrollmentStatus::Accepted);
    QCOMPARE(stored.liveness.verdict, std::string("live"));
    QCOMPARE(stored.liveness.mode, std::string("spontaneous"));
    QVERIFY(!flagCodes(o).contains(QStringLiteral("liveness_spontaneous"))); // the demo camera
    QVERIFY(!stored.portrait.empty() && !stored.idPhoto.empty());
    QCOMPARE(stored.faceTemplate.values.size(), m_spec.dimension);
    QCOMPARE(s.index->size(), std::size_t(1));
    QVERIFY(s.index->contains(o.enrollmentId));
}

void TestEnrollmentService::sameFaceOtherDocument_isDuplicateIdentity()
{
    Station s(m_spec);
    const auto first = s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
    QCOMPARE(first.outcome, Outcome::Accepted);
    const auto o = s.service.enroll(subject("Frank Other", "P7654321", m_phoneB), m_franckId, m_franckLive2);
    QCOMPARE(o.outcome, Outcome::Flagged);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("duplicate_identity")), qPrintable(flagCodes(o).join(u',')));
    const auto& flag = *std::find_if(o.flags.begin(), o.flags.end(), [](const auto& f) { return f.code == "duplicate_identity"; });
    QVERIFY(flag.score >= flag.threshold);
    // The threshold for the gallery size at the time (one face); the candidate is kept with its
    // rank (a gallery this small has no cohort to score against).
    QCOMPARE(o.gallerySize, std::size_t(1));
    QCOMPARE(flag.threshold, s.service.policy().duplicateThreshold(1).threshold);
    const auto stored = s.op.getEnrollment(o.enrollmentId).matches;
    const auto candidate = std::find_if(stored.begin(), stored.end(), [](const auto& m) { return m.kind == fe::store::MatchKind::Gallery; });
    QVERIFY(candidate != stored.end());
    QCOMPARE(candidate->rank, std::optional<int>(1));
    QVERIFY(!candidate->cohortScore);
    QCOMPARE(candidate->threshold, flag.threshold);
    QCOMPARE(s.op.getEnrollment(o.enrollmentId).status, fe::store::EnrollmentStatus::PendingReview);
}

void TestEnrollmentService::assess_decidesAsEnrollWould_storingNothing()
{
    Station s(m_spec);
    const auto first = s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
    QCOMPARE(first.outcome, Outcome::Accepted);
    // Audit rows other than the supervisor's own login and logout while counting.
    const auto auditRows = [&] {
        auto sup = s.store.login("sup");
        std::size_t n = 0;
        for (const auto& entry : sup.auditEntries())
            n += entry.event.action != "login" && entry.event.action != "logout" ? 1 : 0;
        return n;
    };
    const auto auditBefore = auditRows();
    const SubjectInput other = subject("Frank Other", "P7654321", m_phoneB);
    const auto preview = s.service.assess(other, m_franckId, m_franckLive2);
    QCOMPARE(preview.outcome, Outcome::Flagged);
    QVERIFY(preview.enrollmentId.empty());
    QVERIFY2(flagCodes(preview).contains(QStringLiteral("duplicate_identity")), qPrintable(flagCodes(preview).join(u',')));
    QVERIFY(preview.idPhoto && preview.idPhoto->matched);
    // Nothing stored, nothing audited.
    QCOMPARE(s.op.listEnrollments().size(), std::size_t(1));
    QCOMPARE(auditRows(), auditBefore);
    // enroll() decides the same.
    const auto stored = s.service.enroll(other, m_franckId, m_franckLive2);
    QCOMPARE(flagCodes(stored), flagCodes(preview));
    QCOMPARE(stored.idPhoto->score, preview.idPhoto->score);
    // Refused consent: Refused, still nothing audited by assess().
    SubjectInput refused = other;
    refused.consent.given = false;
    const auto auditAfter = auditRows();
    QCOMPARE(s.service.assess(refused, m_franckId, m_franckLive2).outcome, Outcome::Refused);
    QCOMPARE(auditRows(), auditAfter);
}

void TestEnrollmentService::lowQualityOverride_keepsTheOperatorsReason()
{
    Station s(m_spec);
    LiveResult low = m_franckLive;
    QVERIFY(low.portrait);
    low.portrait->passedQualityGate = false;
    const SubjectInput in = subject("Franck", "P1234567", m_phoneA);
    // Below the gate without the override: refused, nothing stored.
    QVERIFY_THROWS_EXCEPTION(fe::Error, s.service.enroll(in, m_franckId, low));
    QVERIFY(s.op.listEnrollments().empty());
    EnrollOptions options;
    options.lowQualityOverride = true;
    options.overrideReason = "customer wears a medical bandage";
    QCOMPARE(s.service.assess(in, m_franckId, low, options).flags.back().reason, options.overrideReason);
    const auto o = s.service.enroll(in, m_franckId, low, options);
    QCOMPARE(o.outcome, Outcome::Flagged);
    const auto flags = s.op.getEnrollment(o.enrollmentId).flags;
    const auto f = std::find_if(flags.begin(), flags.end(), [](const auto& x) { return x.code == "low_quality_override"; });
    QVERIFY(f != flags.end());
    QCOMPARE(f->reason, options.overrideReason);
    // Without words, the flag keeps its text key.
    options.overrideReason = "  ";
    const auto o2 = s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, low, options);
    const auto flags2 = s.op.getEnrollment(o2.enrollmentId).flags;
    const auto f2 = std::find_if(flags2.begin(), flags2.end(), [](const auto& x) { return x.code == "low_quality_override"; });
    QVERIFY(f2 != flags2.end());
    QCOMPARE(f2->reason, flagReasonKey(FlagType::LowQualityOverride));
}

void TestEnrollmentService::otherFaceSameNumber_isNumberBoundToOtherFace()
{
    Station s(m_spec);
    (void)s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
    const auto o = s.service.enroll(subject("Cap", "C1111111", m_phoneA), m_cap12Id, m_cap12Live);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("number_bound_to_other_face")), qPrintable(flagCodes(o).join(u',')));
    QVERIFY(!flagCodes(o).contains(QStringLiteral("id_photo_mismatch")));
    QVERIFY(!flagCodes(o).contains(QStringLiteral("duplicate_identity")));
}

void TestEnrollmentService::cap12LiveWithFranckIdPhoto_isIdPhotoMismatch()
{
    Station s(m_spec);
    const auto o = s.service.enroll(subject("Cap", "C2222222", m_phoneC), m_franckId, m_cap12Live);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("id_photo_mismatch")), qPrintable(flagCodes(o).join(u',')));
    QVERIFY(o.idPhoto && !o.idPhoto->matched && o.idPhoto->score < s.service.policy().documentThreshold);
    QCOMPARE(o.outcome, Outcome::Flagged);
}

void TestEnrollmentService::sameDocumentOtherFace_isDocumentBoundToOtherFace()
{
    Station s(m_spec);
    (void)s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
    const auto o = s.service.enroll(subject("Cap", "P1234567", m_phoneD), m_cap12Id, m_cap12Live);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("document_bound_to_other_face")), qPrintable(flagCodes(o).join(u',')));
}

// Issue 9, item 2: after 110101199005050006 is enrolled (franck), another face with the same
// card number typed differently must be flagged, or the number refused as invalid.
void TestEnrollmentService::documentDodges_areTheSameDocumentOrRefused_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("refused");
    const QString card = QString::fromStdString(kCardNumber);
    const QString resident = QStringLiteral("cn_resident_id");
    QTest::newRow("as enrolled") << resident << card << false;
    QTest::newRow("leading space") << resident << (QStringLiteral(" ") + card) << false;
    QTest::newRow("trailing space") << resident << (card + QStringLiteral(" ")) << false;
    QString fullWidth;
    for (const QChar c : card)
        fullWidth.append(QChar(c.unicode() - u'0' + 0xFF10));
    QTest::newRow("full-width digits") << resident << fullWidth << false;
    QTest::newRow("dashes") << resident << QStringLiteral("110101-19900505-0006") << false;
    QTest::newRow("zero-width space") << resident << (card.left(6) + QChar(0x200B) + card.mid(6)) << false;
    QTest::newRow("ideographic space and BOM") << resident << (QChar(0x3000) + card + QChar(0xFEFF)) << false;
    QTest::newRow("lower-case x check") << resident << QStringLiteral("11010519491231002x") << false;
    QTest::newRow("wrong check digit") << resident << QStringLiteral("110101199005050001") << true;
    QTest::newRow("impossible birth date") << resident << QStringLiteral("110101199002300003") << true;
    QTest::newRow("SQL in the number") << resident << QStringLiteral("1' OR '1'='1") << true;
    QTest::newRow("10,000 digits") << resident << QString(10000, u'1') << true;
    QTest::newRow("as a foreign card") << QStringLiteral("national_id") << card << true;
    QTest::newRow("unknown type") << QStringLiteral("library_card") << card << true;
}

void TestEnrollmentService::documentDodges_areTheSameDocumentOrRefused()
{
    QFETCH(QString, type);
    QFETCH(QString, number);
    QFETCH(bool, refused);
    Station s(m_spec);
    const auto first = s.service.enroll(subject("Franck", kCardNumber, m_phoneA, "cn_resident_id"), m_franckId, m_franckLive);
    QCOMPARE(first.outcome, Outcome::Accepted);
    const auto before = s.op.listEnrollments().size();
    const SubjectInput dodge = subject("Cap", number.toStdString(), m_phoneD, type.toLatin1().constData());
    if (refused) {
        try {
            (void)s.service.enroll(dodge, m_cap12Id, m_cap12Live);
            QFAIL("the number was accepted");
        } catch (const fe::Error& e) {
            QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
            // The reason names the rule, never the number.
            QVERIFY2(!QString::fromStdString(e.what()).contains(QStringLiteral("19900505")), e.what());
        }
        QCOMPARE(s.op.listEnrollments().size(), before);
        return;
    }
    const auto o = s.service.enroll(dodge, m_cap12Id, m_cap12Live);
    if (number.contains(u'x')) {
        // Another valid card: only checks that the lower-case check character is accepted.
        QCOMPARE(s.op.getEnrollment(o.enrollmentId).subject.documentNumber, std::string("11010519491231002X"));
        return;
    }
    QVERIFY2(flagCodes(o).contains(QStringLiteral("document_bound_to_other_face")), qPrintable(flagCodes(o).join(u',')));
    // Stored normalised.
    QCOMPARE(s.op.getEnrollment(o.enrollmentId).subject.documentNumber, kCardNumber);
}

void TestEnrollmentService::invalidSubjectData_isRefusedWithTheReason_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("invalid UTF-8") << QByteArray("Fran\xff\xfe") << "UTF-8";
    QTest::newRow("overlong UTF-8 slash") << QByteArray("Fr\xc0\xaf") << "UTF-8";
    QTest::newRow("replacement character") << QByteArray("Fran\xef\xbf\xbd") << "could not be read";
    QTest::newRow("right-to-left override") << QByteArray("Franck \xe2\x80\xae" "kcnarF") << "invisible";
    QTest::newRow("control character") << QByteArray("Fran\x01" "ck") << "control";
    QTest::newRow("only spaces") << QByteArray(" \t \xe3\x80\x80") << "missing";
    QTest::newRow("no letters") << QByteArray("12345") << "no letters";
    QTest::newRow("too long") << QByteArray(200, 'a') << "longer than";
}

void TestEnrollmentService::invalidSubjectData_isRefusedWithTheReason()
{
    QFETCH(QByteArray, name);
    QFETCH(QString, reason);
    Station s(m_spec);
    try {
        (void)s.service.enroll(subject(name.constData(), "P1234567", m_phoneA), m_franckId, m_franckLive);
        QFAIL("the name was accepted");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
        QVERIFY2(QString::fromStdString(e.what()).contains(reason), e.what());
    }
    QVERIFY(s.op.listEnrollments().empty());
}

void TestEnrollmentService::stillImageAsLive_isLivenessFailedAndFlagged()
{
    Station s(m_spec);
    const cv::Mat still = fe::test::videoFrames(fe::Asset::DemoVideo, {308}).at(308);
    const LiveResult spoof = fe::test::liveStill(still);
    QCOMPARE(spoof.liveness.verdict, fe::liveness::Verdict::Spoof);
    const auto o = s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, spoof);
    QCOMPARE(o.outcome, Outcome::Flagged);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("liveness_failed")), qPrintable(flagCodes(o).join(u',')));
    QVERIFY(s.op.getEnrollment(o.enrollmentId).status != fe::store::EnrollmentStatus::Accepted);
}

void TestEnrollmentService::tooManyNumbers_isFlagged()
{
    Station s(m_spec);
    {
        auto admin = s.store.login("admin");
        admin.setSetting(fe::match::MatchPolicy::kMaxNumbersKey, "2");
    }
    QCOMPARE(s.service.policy().maxNumbersPerPerson, 2); // read at every call: no restart
    (void)s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
    (void)s.service.enroll(subject("Franck", "P1234567", m_phoneB), m_franckId, m_franckLive2);
    const auto o = s.service.enroll(subject("Franck", "P1234567", m_phoneC), m_franckId, m_franckLive2);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("too_many_numbers")), qPrintable(flagCodes(o).join(u',')));
}

void TestEnrollmentService::consentRefused_storesNothing()
{
    Station s(m_spec);
    const auto refusals = [&] {
        auto sup = s.store.login("sup");
        int n = 0;
        for (const auto& entry : sup.auditEntries())
            if (entry.event.action == "consent_refused") {
                ++n;
                if (!entry.event.objectId.empty())
                    qFatal("a consent refusal names an object");
            }
        return n;
    };
    SubjectInput in = subject("Franck", "P1234567", m_phoneA);
    in.consent.given = false;
    const auto decision = s.service.start(in);
    QVERIFY(decision.consentRefused);
    const auto o = s.service.enroll(in, m_franckId, m_franckLive);
    QCOMPARE(o.outcome, Outcome::Refused);
    QVERIFY(o.enrollmentId.empty());
    QVERIFY(s.op.listEnrollments().empty());
    QCOMPARE(s.index->size(), std::size_t(0));
    // Each refusal is audited, without naming anyone.
    QCOMPARE(refusals(), 2);
}

void TestEnrollmentService::invalidPhone_isRejectedBeforeAnythingIsStored()
{
    Station s(m_spec);
    try {
        (void)s.service.enroll(subject("Franck", "P1234567", "12345"), m_franckId, m_franckLive);
        QFAIL("an invalid phone number was accepted");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
        QVERIFY(QString::fromStdString(e.what()).contains(QStringLiteral("phone")));
        QVERIFY(!QString::fromStdString(e.what()).contains(QStringLiteral("12345")));
    }
    QVERIFY(s.op.listEnrollments().empty());
}

// Issue 9, item 3: a customer holding another person's card next to their face.
void TestEnrollmentService::idPhotoWithTwoFaces_isRefused()
{
    Station s(m_spec);
    try {
        (void)s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_twoFacesId, m_franckLive);
        QFAIL("an ID photo with two faces was accepted");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
        QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("2 faces")), e.what());
    }
    // The override is for quality, not for a second face.
    QVERIFY_THROWS_EXCEPTION(fe::Error, s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_twoFacesId,
                                                         m_franckLive, idPhotoOverridden()));
    QVERIFY(s.op.listEnrollments().empty());
}

void TestEnrollmentService::idPhotoBelowTheDocumentProfile_isRefused_unlessOverriddenAndFlagged()
{
    Station s(m_spec);
    try {
        (void)s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckTurnedId, m_franckLive);
        QFAIL("an ID photo failing the document profile was accepted");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
        QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("yaw")), e.what());
    }
    QVERIFY(s.op.listEnrollments().empty());
    const auto o = s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckTurnedId, m_franckLive, idPhotoOverridden());
    QCOMPARE(o.outcome, Outcome::Flagged);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("id_photo_quality_override")), qPrintable(flagCodes(o).join(u',')));
    QCOMPARE(s.op.getEnrollment(o.enrollmentId).status, fe::store::EnrollmentStatus::PendingReview);
}

void TestEnrollmentService::idPhotoReader_refusesCorruptFilesWithTheReason()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString garbage = dir.filePath(QStringLiteral("id.jpg"));
    QFile f(garbage);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, '\x5a'));
    f.close();
    try {
        (void)m_reader->analyzeFile(garbage.toStdString());
        QFAIL("a corrupt ID photo was read");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
        QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("not a readable image")), e.what());
    }
    // Frames the reader cannot use fail as fe::Error, never as an OpenCV exception.
    QVERIFY_THROWS_EXCEPTION(fe::Error, (void)m_reader->analyze(cv::Mat()));
    QVERIFY_THROWS_EXCEPTION(fe::Error, (void)m_reader->analyze(cv::Mat(480, 640, CV_16UC3, cv::Scalar::all(0))));
    QVERIFY_THROWS_EXCEPTION(fe::Error, (void)m_reader->analyze(cv::Mat(480, 640, CV_8UC2, cv::Scalar::all(0))));
}

// Issue 11: the index refreshes from the store's change log when another session (another
// process for SQLite) enrolled; no reloadGallery().
void TestEnrollmentService::anotherSessionsEnrollment_isSeenWithoutAReload()
{
    Station s(m_spec);
    auto op2 = s.store.login("op2");
    auto index2 = std::make_shared<MatchIndex>(m_spec);
    QCOMPARE(index2->load(op2), MatchIndex::LoadResult::Loaded);
    EnrollmentService other(op2, index2);
    // Both indexes are loaded and empty; the other station session enrolls franck first.
    const auto first = other.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
    QCOMPARE(first.outcome, Outcome::Accepted);
    QVERIFY(!s.index->contains(first.enrollmentId));
    // This session's next enrollment is decided against it (caught up under the write lock).
    const auto o = s.service.enroll(subject("Frank Other", "P7654321", m_phoneB), m_franckId, m_franckLive2);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("duplicate_identity")), qPrintable(flagCodes(o).join(u',')));
    QVERIFY(s.index->contains(first.enrollmentId));
    // And the other index learns this one at its refresh.
    QCOMPARE(index2->refresh(op2), std::size_t(1));
    QVERIFY(index2->contains(o.enrollmentId));
}

// Issue 9, item 4 (the insert): an operator disabled while an enrollment runs stores nothing.
void TestEnrollmentService::operatorDisabledMeanwhile_storesNothing()
{
    Station s(m_spec);
    {
        auto admin = s.store.login("admin");
        admin.disableUser("op1");
    }
    try {
        (void)s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
        QFAIL("a disabled operator stored an enrollment");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::PermissionDenied);
    }
    auto sup = s.store.login("sup");
    QVERIFY(sup.listEnrollments().empty());
    bool audited = false;
    for (const auto& entry : sup.auditEntries())
        audited = audited || (entry.event.action == "access_denied" && entry.event.outcome == "account_disabled");
    QVERIFY(audited);
}

void TestEnrollmentService::enrollBeforeTheIndexIsLoaded_isRefused()
{
    TempStore store;
    auto op = store.login("op1");
    EnrollmentService service(op, std::make_shared<MatchIndex>(m_spec)); // not loaded (yet)
    try {
        (void)service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
        QFAIL("an enrollment was decided without the index");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Conflict);
    }
    QVERIFY(op.listEnrollments().empty());
}

void TestEnrollmentService::consentTimeAndModelVersion_comeFromTheSessionAndTheModel()
{
    using namespace std::chrono;
    const fe::store::TimePoint t = sys_days{year(2031) / March / 14} + hours(9) + milliseconds(265);
    fe::store::test::TestClock clock(t);
    auto options = fe::store::test::fastOptions();
    options.clock = clock.clock();
    Station s(m_spec, options);
    const auto o = s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
    const auto stored = s.op.getEnrollment(o.enrollmentId);
    QCOMPARE(stored.consent.time, t);
    QCOMPARE(stored.faceTemplate.modelVersion, m_reader->encoder().modelVersion());
    QCOMPARE(stored.faceTemplate.modelId, m_reader->encoder().modelId());
    QCOMPARE(stored.idTemplate.modelVersion, m_reader->encoder().modelVersion());
}

void TestEnrollmentService::review_onlySupervisorsWithAReason_andNeedsNoModels()
{
    Station s(m_spec);
    const auto flagged = s.service.enroll(subject("Cap", "C2222222", m_phoneC), m_franckId, m_cap12Live);
    QCOMPARE(flagged.outcome, Outcome::Flagged);
    const std::string id = flagged.enrollmentId;
    // Operators cannot review.
    try {
        s.service.review(id, fe::store::ReviewOutcome::Approved, "looks fine");
        QFAIL("an operator reviewed");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::PermissionDenied);
    }
    auto sup = s.store.login("sup");
    EnrollmentService supervisor(sup); // no index, no models
    QCOMPARE(supervisor.reviewQueue().size(), std::size_t(1));
    QVERIFY_THROWS_EXCEPTION(fe::Error, supervisor.review(id, fe::store::ReviewOutcome::Rejected, "  "));
    QVERIFY_THROWS_EXCEPTION(fe::Error, supervisor.review(id, fe::store::ReviewOutcome::Rejected, "bad \xff byte"));
    supervisor.review(id, fe::store::ReviewOutcome::Rejected, "document photo of another person");
    const auto e = supervisor.get(id);
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

void TestEnrollmentService::eraseAndPurge_leaveTheIndex_andRestartRebuildsIt()
{
    Station s(m_spec);
    const auto franck = s.service.enroll(subject("Franck", "P1234567", m_phoneA), m_franckId, m_franckLive);
    const auto cap = s.service.enroll(subject("Cap", "C1111111", m_phoneB), m_cap12Id, m_cap12Live);
    const auto franck2 = s.service.enroll(subject("Franck", "P1234567", m_phoneC), m_franckId, m_franckLive2);
    QCOMPARE(s.index->size(), std::size_t(3));

    auto sup = s.store.login("sup");
    auto supIndex = std::make_shared<MatchIndex>(m_spec);
    QCOMPARE(supIndex->load(sup), MatchIndex::LoadResult::Loaded);
    EnrollmentService supervisor(sup, supIndex);
    QCOMPARE(supIndex->size(), std::size_t(3));

    // Erasure of a not-yet-uploaded enrollment: gone from the store and from the index at once.
    supervisor.erase(cap.enrollmentId);
    QVERIFY(!supIndex->contains(cap.enrollmentId));
    QCOMPARE(supIndex->size(), std::size_t(2));

    // Purge after a receipt: the biometric fields go, and the template with them.
    sup.markUploaded(franck.enrollmentId, "bundle-1");
    sup.recordReceipt(franck.enrollmentId, {"receipt-1", fe::store::systemNow(), {0x01, 0x02}});
    const auto report = supervisor.purge(fe::store::PurgeMode::AllReceipted);
    QCOMPARE(report.purged, 1);
    QVERIFY(!supIndex->contains(franck.enrollmentId));
    QCOMPARE(supIndex->size(), std::size_t(1));
    // A franck capture no longer finds the purged or erased enrollment.
    for (const auto& hit : supIndex->search(m_franckLive.portrait->faceTemplate.values, 10))
        QVERIFY(hit.id == franck2.enrollmentId);

    // The operator's index learns both at its next refresh.
    QCOMPARE(s.index->refresh(s.op), std::size_t(2));
    QCOMPARE(s.index->size(), std::size_t(1));

    // Restart: a new unlock rebuilds the same index from the store.
    sup.logout();
    auto again = s.store.login("sup");
    MatchIndex restarted(m_spec);
    QCOMPARE(restarted.load(again), MatchIndex::LoadResult::Loaded);
    QCOMPARE(restarted.size(), std::size_t(1));
    QVERIFY(restarted.contains(franck2.enrollmentId));
}

void TestEnrollmentService::spontaneousWithRealCamera_refusedByDefault_flaggedWhenAllowed()
{
    // Issue 12: spontaneous mode cannot tell a replayed recording from a live face. With a real
    // camera the station's default (liveness.spontaneous_mode = demo_camera) refuses it, a
    // station that allows it ("always") gets the enrollment flagged for review, and "never"
    // refuses even the demo camera.
    Station s(m_spec);
    LiveResult camera = m_cap12Live;
    camera.liveness.source = fe::liveness::CaptureSource::Camera;
    QCOMPARE(s.service.spontaneousPolicy(), fe::liveness::SpontaneousPolicy::DemoCameraOnly);
    try {
        (void)s.service.enroll(subject("Cap", "C7654321", m_phoneD), m_cap12Id, camera);
        QFAIL("a spontaneous capture from a real camera was accepted by default");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
    }
    QVERIFY(s.op.listEnrollments().empty());
    {
        auto admin = s.store.login("admin");
        admin.setSetting("liveness.spontaneous_mode", "always");
    }
    const auto o = s.service.enroll(subject("Cap", "C7654321", m_phoneD), m_cap12Id, camera);
    QVERIFY2(flagCodes(o).contains(QStringLiteral("liveness_spontaneous")), qPrintable(flagCodes(o).join(u',')));
    QCOMPARE(o.outcome, Outcome::Flagged);
    QCOMPARE(s.op.getEnrollment(o.enrollmentId).liveness.mode, std::string("spontaneous"));
    {
        auto admin = s.store.login("admin");
        admin.setSetting("liveness.spontaneous_mode", "never");
    }
    QVERIFY_THROWS_EXCEPTION(fe::Error, (void)s.service.enroll(subject("Cap", "C7654322", m_phoneC), m_cap12Id, m_cap12Live));
    QCOMPARE(s.op.listEnrollments().size(), std::size_t(1));
}

QTEST_APPLESS_MAIN(TestEnrollmentService)
#include "tst_enrollmentservice.moc"
