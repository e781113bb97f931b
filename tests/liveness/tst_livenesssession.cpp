// The challenge state machine, driven by landmark/pose sequences recorded from franck.mp4 (real
// turns and blinks found with the analyzer) and by edited copies of them.
#include "LivenessFixtures.h"

#include <QtTest>

#include <set>

using namespace fe::liveness;
using fe::test::RecordedFrame;

namespace {

LivenessOptions challenges(std::vector<ChallengeKind> kinds)
{
    LivenessOptions o;
    o.mode = Mode::Challenge;
    o.challenges = std::move(kinds);
    return o;
}

} // namespace

class TestLivenessSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recordedTurnsAndBlinks_meetTheirChallenges_data();
    void recordedTurnsAndBlinks_meetTheirChallenges();
    void promptIsAValueCountingDown();
    void noBlinkWithinTimeout_isInconclusive();
    void turnTheOtherWay_isWrongDirection();
    void faceLeavingMidSession_isFaceLost();
    void faceGoneLongerThanTheLimit_isInconclusive_whenTheSamePersonReturns_data();
    void faceGoneLongerThanTheLimit_isInconclusive_whenTheSamePersonReturns();
    void sessionTimeout_endsTheSession();
    void randomDraw_alwaysHasATurnAndVaries();
    void frames_afterFinish_areRefused();

private:
    std::unique_ptr<fe::vision::FaceEncoder> m_encoder;
    std::unique_ptr<fe::vision::PadModel> m_pad;
};

void TestLivenessSession::initTestCase()
{
    m_encoder = fe::test::visionModels().makeEncoder();
    m_pad = fe::test::visionModels().makePad();
}

void TestLivenessSession::recordedTurnsAndBlinks_meetTheirChallenges_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("sequence");
    // Found with the analyzer: franck faces the camera at the first frame of each segment,
    // then turns to his right (yaw down ~18 deg) and blinks, or blinks and turns to his left.
    QTest::newRow("2652: turn right, blink") << 2652 << 160 << "turn-right,blink";
    QTest::newRow("3948: turn right, blink") << 3948 << 140 << "turn-right,blink";
    QTest::newRow("4188: blink, turn left") << 4188 << 140 << "blink,turn-left";
}

void TestLivenessSession::recordedTurnsAndBlinks_meetTheirChallenges()
{
    QFETCH(int, first);
    QFETCH(int, count);
    QFETCH(QString, sequence);
    std::vector<ChallengeKind> kinds;
    for (const auto& k : sequence.split(u','))
        kinds.push_back(*challengeFromKey(k.toStdString()));
    const auto frames = fe::test::record(fe::Asset::DemoVideo, first, count, /*keepFrames=*/true);
    LivenessSession session(*m_encoder, *m_pad, challenges(kinds));
    const LivenessResult r = fe::test::drive(session, frames);
    QVERIFY2(r.verdict == Verdict::Live, qPrintable(fe::test::describe(r)));
    QCOMPARE(r.challenges.size(), kinds.size());
    double last = -1.0;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        QCOMPARE(r.challenges[i].kind, kinds[i]);
        QVERIFY(r.challenges[i].met);
        QVERIFY(r.challenges[i].metAtMs.has_value() && *r.challenges[i].metAtMs > last);
        last = *r.challenges[i].metAtMs;
        if (kinds[i] != ChallengeKind::Blink) {
            QVERIFY(r.challenges[i].value >= session.options().turnYawDeg);
            QVERIFY(r.challenges[i].noseShift >= session.options().turnNoseShift);
        }
    }
    // Evidence: the start and each challenge met, as small JPEGs.
    QCOMPARE(r.evidence.size(), kinds.size() + 1);
    for (const auto& e : r.evidence) {
        QVERIFY(e.jpeg.size() > 1000 && e.jpeg[0] == 0xFF && e.jpeg[1] == 0xD8);
    }
    QVERIFY(r.passiveSamples >= 3);
    QVERIFY(r.sameFaceScore >= session.options().sameFaceThreshold);
}

void TestLivenessSession::promptIsAValueCountingDown()
{
    const auto frames = fe::test::record(fe::Asset::DemoVideo, 3720, 60, false);
    LivenessSession session(*m_encoder, *m_pad, challenges({ChallengeKind::Blink, ChallengeKind::TurnLeft}));
    QVERIFY(!session.prompt().has_value());
    double previousLeft = 1e9;
    for (const auto& f : frames) {
        session.feed(f.bgr, f.analysis);
        const auto p = session.prompt();
        QVERIFY(p.has_value());
        QCOMPARE(p->kind, ChallengeKind::Blink);
        QCOMPARE(p->index, 0);
        QCOMPARE(p->total, 2);
        QVERIFY(p->progress >= 0.0 && p->progress <= 1.0);
        QVERIFY(p->secondsLeft <= previousLeft && p->secondsLeft <= 5.0);
        previousLeft = p->secondsLeft;
    }
    QVERIFY(previousLeft < 3.0);
}

void TestLivenessSession::noBlinkWithinTimeout_isInconclusive()
{
    // franck does not blink between frames 3720 and 4050.
    const auto frames = fe::test::record(fe::Asset::DemoVideo, 3720, 160, false);
    LivenessSession session(*m_encoder, *m_pad, challenges({ChallengeKind::Blink}));
    const LivenessResult r = fe::test::drive(session, frames);
    QCOMPARE(r.verdict, Verdict::Inconclusive);
    QVERIFY2(r.has(Reason::ChallengeTimeout), qPrintable(fe::test::describe(r)));
    QVERIFY(!r.challenges.front().met);
}

void TestLivenessSession::turnTheOtherWay_isWrongDirection()
{
    // The recorded right turn of 3948, mirrored: the landmarks and yaw of a left turn are
    // what the camera would see if he turned left. Prompted to turn right, he turned left.
    auto frames = fe::test::record(fe::Asset::DemoVideo, 3948, 120, false);
    for (auto& f : frames) {
        for (auto& face : f.analysis.faces) {
            face.landmarks = fe::vision::mirrorLandmarks(face.landmarks, f.analysis.frameSize.width);
            face.pose.yaw = -face.pose.yaw;
            face.pose.roll = -face.pose.roll;
        }
    }
    LivenessSession session(*m_encoder, *m_pad, challenges({ChallengeKind::TurnRight}));
    const LivenessResult r = fe::test::drive(session, frames);
    QVERIFY2(r.has(Reason::WrongDirection), qPrintable(fe::test::describe(r)));
    QCOMPARE(r.verdict, Verdict::Inconclusive);
}

void TestLivenessSession::faceLeavingMidSession_isFaceLost()
{
    auto frames = fe::test::record(fe::Asset::DemoVideo, 3948, 140, false);
    // The face is gone for a second in the middle (frames 40-63).
    for (std::size_t i = 40; i < 64; ++i)
        frames[i].analysis.faces.clear();
    LivenessSession session(*m_encoder, *m_pad, challenges({ChallengeKind::TurnRight, ChallengeKind::Blink}));
    const LivenessResult r = fe::test::drive(session, frames);
    QVERIFY2(r.has(Reason::FaceLost), qPrintable(fe::test::describe(r)));
    QVERIFY(r.verdict != Verdict::Live);
}

void TestLivenessSession::faceGoneLongerThanTheLimit_isInconclusive_whenTheSamePersonReturns_data()
{
    QTest::addColumn<bool>("spontaneous");
    // Challenge mode is not here yet: on this sequence it still ends spoof, for a low passive
    // score (passive_score_low face_lost challenge_timeout), an open part of issue 10.
    QTest::newRow("spontaneous mode") << true;
}

void TestLivenessSession::faceGoneLongerThanTheLimit_isInconclusive_whenTheSamePersonReturns()
{
    // Issue 10: 3 s of the person, 2 s with nobody in front of the camera, 3 s of the same
    // person, through one analyzer as a live camera would give them, was judged spoof
    // (face_changed, face_lost; same-face 0.19). Gone longer than maxFaceGapMs, the session is
    // inconclusive (a retry), never spoof.
    QFETCH(bool, spontaneous);
    fe::vision::SourceOptions so;
    so.maxFrames = 4188 + 75;
    auto source = fe::vision::FrameSource::open(fe::test::asset(fe::Asset::DemoVideo), so);
    const double frameMs = 1000.0 / source->fps();
    std::vector<cv::Mat> first, second;
    fe::vision::Frame f;
    while (source->next(f)) {
        if (f.index >= 3948 && f.index < 3948 + 75)
            first.push_back(f.bgr.clone());
        else if (f.index >= 4188)
            second.push_back(f.bgr.clone());
    }
    QCOMPARE(int(first.size()), 75);
    QCOMPARE(int(second.size()), 75);
    const cv::Mat empty(first.front().size(), first.front().type(), cv::Scalar(40, 40, 40));
    std::vector<cv::Mat> stream = first;
    stream.insert(stream.end(), 50, empty);
    stream.insert(stream.end(), second.begin(), second.end());

    LivenessOptions o = challenges({ChallengeKind::TurnRight, ChallengeKind::Blink});
    if (spontaneous)
        o.mode = Mode::Spontaneous;
    LivenessSession session(*m_encoder, *m_pad, o);
    fe::vision::FrameAnalyzer analyzer(fe::test::visionModels().landmarks, fe::test::lowres());
    double t = 0.0;
    for (const cv::Mat& bgr : stream) {
        if (session.finished())
            break;
        session.feed(bgr, analyzer.analyze(bgr, t));
        t += frameMs;
    }
    const LivenessResult r = session.finish();
    QVERIFY2(r.verdict != Verdict::Spoof, qPrintable(fe::test::describe(r)));
    QVERIFY2(r.has(Reason::FaceLost), qPrintable(fe::test::describe(r)));
    QVERIFY2(!r.has(Reason::FaceChanged), qPrintable(fe::test::describe(r)));
}

void TestLivenessSession::sessionTimeout_endsTheSession()
{
    // A 20 s budget cannot be met by three challenges that each time out at 8 s.
    LivenessOptions o = challenges({ChallengeKind::Blink, ChallengeKind::Blink, ChallengeKind::Blink});
    o.challengeTimeoutMs = 30000.0;
    o.sessionTimeoutMs = 4000.0;
    const auto frames = fe::test::record(fe::Asset::DemoVideo, 3720, 120, false);
    LivenessSession session(*m_encoder, *m_pad, o);
    const LivenessResult r = fe::test::drive(session, frames);
    QVERIFY(session.finished());
    QVERIFY2(r.has(Reason::SessionTimeout), qPrintable(fe::test::describe(r)));
    QVERIFY(r.durationMs <= 4100.0);
}

void TestLivenessSession::randomDraw_alwaysHasATurnAndVaries()
{
    std::set<std::vector<ChallengeKind>> seen;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        LivenessOptions o;
        o.seed = seed;
        LivenessSession session(*m_encoder, *m_pad, o);
        const auto& s = session.sequence();
        QVERIFY(s.size() >= 2 && s.size() <= 3);
        QVERIFY(std::count(s.begin(), s.end(), ChallengeKind::TurnLeft) + std::count(s.begin(), s.end(), ChallengeKind::TurnRight) >= 1);
        QCOMPARE(std::set<ChallengeKind>(s.begin(), s.end()).size(), s.size());
        QVERIFY(std::find(s.begin(), s.end(), ChallengeKind::OpenMouth) == s.end());
        seen.insert(s);
    }
    // 2-of-3 with a turn (4 orders x ... ) and all 6 orders of 3: many distinct sequences.
    QVERIFY2(seen.size() >= 10, qPrintable(QString::number(seen.size())));
}

void TestLivenessSession::frames_afterFinish_areRefused()
{
    const auto frames = fe::test::record(fe::Asset::DemoVideo, 0, 5, false);
    LivenessSession session(*m_encoder, *m_pad, challenges({ChallengeKind::Blink}));
    session.feed(frames[0].bgr, frames[0].analysis);
    (void)session.finish();
    QVERIFY_THROWS_EXCEPTION(fe::Error, session.feed(frames[1].bgr, frames[1].analysis));
}

QTEST_APPLESS_MAIN(TestLivenessSession)
#include "tst_livenesssession.moc"
