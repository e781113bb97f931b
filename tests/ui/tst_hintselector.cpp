// The guidance line's choice: the fixed priority (no face -> several faces -> too far
// -> too close -> not centred -> pose -> eyes closed -> blur -> too dark -> too bright -> hold
// still) over synthetic analyses, challenge masking, and hysteresis (no flicker).
#include "capture/HintSelector.h"

#include <QtTest>

#include <set>

using fe::ui::Hint;
using fe::ui::HintSelector;
using fe::vision::FrameAnalysis;
using fe::vision::QualityMeasureId;

Q_DECLARE_METATYPE(Hint)

namespace {

// A face of 60 px inter-eye distance at (x, y), with every measure passing except `failing`.
FrameAnalysis analysis(int faces, const std::set<QualityMeasureId>& failing = {}, double exposure = 120.0,
                       double timeMs = 0.0, float x = 200.f, float y = 150.f)
{
    FrameAnalysis a;
    a.timestampMs = timeMs;
    for (int f = 0; f < faces; ++f) {
        fe::vision::FaceObservation face;
        face.box = cv::Rect2f(x - 60.f, y - 60.f, 120.f, 140.f);
        // Eye landmarks 36-41 and 42-47 around two eye centres 60 px apart.
        for (int i = 0; i < 68; ++i)
            face.landmarks[static_cast<std::size_t>(i)] = cv::Point2f(x, y + 30.f);
        for (int i = 36; i < 42; ++i)
            face.landmarks[static_cast<std::size_t>(i)] = cv::Point2f(x - 30.f, y);
        for (int i = 42; i < 48; ++i)
            face.landmarks[static_cast<std::size_t>(i)] = cv::Point2f(x + 30.f, y);
        face.interEyeDistance = 60.0;
        face.pose.valid = true;
        face.quality.assessed = true;
        face.quality.passed = failing.empty();
        for (int m = 0; m <= static_cast<int>(QualityMeasureId::LightingUniformity); ++m) {
            const auto id = static_cast<QualityMeasureId>(m);
            const double value = id == QualityMeasureId::Exposure ? exposure : 1.0;
            face.quality.measures.push_back({id, value, failing.count(id) == 0});
        }
        a.faces.push_back(face);
    }
    return a;
}

} // namespace

class TestHintSelector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rank_followsTheFixedPriority_data();
    void rank_followsTheFixedPriority();
    void rank_eachHigherHintBeatsEveryLowerOne();
    void rank_holdStillWhenTheFaceMovesFast();
    void rank_challengeMasksTheHintsItCauses();
    void update_firstHintShowsAtOnce();
    void update_newHintNeedsToPersist();
    void update_alternatingInputsDoNotFlicker_data();
    void update_alternatingInputsDoNotFlicker();
    void update_resetForgets();
};

void TestHintSelector::rank_followsTheFixedPriority_data()
{
    QTest::addColumn<int>("faces");
    QTest::addColumn<QList<int>>("failing");
    QTest::addColumn<double>("exposure");
    QTest::addColumn<Hint>("expected");
    const auto ids = [](std::initializer_list<QualityMeasureId> l) {
        QList<int> out;
        for (auto id : l)
            out << static_cast<int>(id);
        return out;
    };
    using Q = QualityMeasureId;
    QTest::newRow("no face") << 0 << QList<int>() << 120.0 << Hint::NoFace;
    QTest::newRow("several faces beat everything") << 2 << ids({Q::InterEyeDistance, Q::Sharpness}) << 120.0 << Hint::SeveralFaces;
    QTest::newRow("too far") << 1 << ids({Q::InterEyeDistance}) << 120.0 << Hint::TooFar;
    QTest::newRow("too far beats blur and dark") << 1 << ids({Q::InterEyeDistance, Q::Sharpness, Q::Exposure}) << 30.0
                                                 << Hint::TooFar;
    QTest::newRow("too close: cut off but centred") << 1 << ids({Q::FaceInFrame}) << 120.0 << Hint::TooClose;
    QTest::newRow("cut off and off-centre") << 1 << ids({Q::FaceInFrame, Q::Centred}) << 120.0 << Hint::NotCentred;
    QTest::newRow("not centred") << 1 << ids({Q::Centred, Q::Yaw}) << 120.0 << Hint::NotCentred;
    QTest::newRow("yaw") << 1 << ids({Q::Yaw, Q::EyesOpen}) << 120.0 << Hint::LookStraight;
    QTest::newRow("pitch") << 1 << ids({Q::Pitch}) << 120.0 << Hint::LookStraight;
    QTest::newRow("roll") << 1 << ids({Q::Roll, Q::Sharpness}) << 120.0 << Hint::StraightenHead;
    QTest::newRow("eyes closed beat blur") << 1 << ids({Q::EyesOpen, Q::Sharpness}) << 120.0 << Hint::EyesClosed;
    QTest::newRow("mouth open") << 1 << ids({Q::MouthClosed, Q::Sharpness}) << 120.0 << Hint::MouthOpen;
    QTest::newRow("blur beats dark") << 1 << ids({Q::Sharpness, Q::Exposure}) << 30.0 << Hint::Blur;
    QTest::newRow("too dark") << 1 << ids({Q::Exposure}) << 30.0 << Hint::TooDark;
    QTest::newRow("too bright") << 1 << ids({Q::Exposure, Q::LightingUniformity}) << 230.0 << Hint::TooBright;
    QTest::newRow("uneven light") << 1 << ids({Q::LightingUniformity}) << 120.0 << Hint::UnevenLight;
    QTest::newRow("all good") << 1 << QList<int>() << 120.0 << Hint::Ready;
}

void TestHintSelector::rank_followsTheFixedPriority()
{
    QFETCH(int, faces);
    QFETCH(QList<int>, failing);
    QFETCH(double, exposure);
    QFETCH(Hint, expected);
    std::set<QualityMeasureId> f;
    for (int id : failing)
        f.insert(static_cast<QualityMeasureId>(id));
    HintSelector s;
    QCOMPARE(s.rank(analysis(faces, f, exposure), nullptr), expected);
}

// Pairwise: for the order, a frame calling for a hint and any later one gets the
// earlier hint.
void TestHintSelector::rank_eachHigherHintBeatsEveryLowerOne()
{
    using Q = QualityMeasureId;
    struct Cause
    {
        Hint hint;
        std::set<Q> failing;
        double exposure;
    };
    const std::vector<Cause> order = {
        {Hint::TooFar, {Q::InterEyeDistance}, 120.0}, {Hint::TooClose, {Q::FaceInFrame}, 120.0},
        {Hint::NotCentred, {Q::Centred}, 120.0},      {Hint::LookStraight, {Q::Yaw}, 120.0},
        {Hint::EyesClosed, {Q::EyesOpen}, 120.0},     {Hint::Blur, {Q::Sharpness}, 120.0},
        {Hint::TooDark, {Q::Exposure}, 30.0},
    };
    HintSelector s;
    for (std::size_t i = 0; i < order.size(); ++i) {
        for (std::size_t j = i + 1; j < order.size(); ++j) {
            std::set<Q> both = order[i].failing;
            both.insert(order[j].failing.begin(), order[j].failing.end());
            const double exposure = order[j].hint == Hint::TooDark ? order[j].exposure : order[i].exposure;
            Hint got = s.rank(analysis(1, both, exposure), nullptr);
            // Too close and not centred share a measure: both failing means "not centred".
            const Hint want = (order[i].hint == Hint::TooClose && order[j].hint == Hint::NotCentred) ? Hint::NotCentred
                                                                                                       : order[i].hint;
            QVERIFY2(got == want, qPrintable(QStringLiteral("pair %1/%2").arg(i).arg(j)));
        }
    }
    // Too dark before too bright cannot both hold; too bright before hold still:
    FrameAnalysis still = analysis(1, {Q::Exposure}, 230.0, 0.0);
    FrameAnalysis moved = analysis(1, {Q::Exposure}, 230.0, 40.0, 260.f);
    QCOMPARE(s.rank(moved, &still), Hint::TooBright);
}

void TestHintSelector::rank_holdStillWhenTheFaceMovesFast()
{
    HintSelector s;
    const FrameAnalysis a = analysis(1, {}, 120.0, 0.0, 200.f);
    // 6 px in 40 ms = 2.5 IOD/s: moving.
    QCOMPARE(s.rank(analysis(1, {}, 120.0, 40.0, 206.f), &a), Hint::HoldStill);
    // 0.5 px in 40 ms = 0.2 IOD/s: still.
    QCOMPARE(s.rank(analysis(1, {}, 120.0, 40.0, 200.5f), &a), Hint::Ready);
    // No previous frame: no motion known.
    QCOMPARE(s.rank(analysis(1, {}, 120.0, 40.0, 206.f), nullptr), Hint::Ready);
}

void TestHintSelector::rank_challengeMasksTheHintsItCauses()
{
    using Q = QualityMeasureId;
    using fe::liveness::ChallengeKind;
    HintSelector s;
    QCOMPARE(s.rank(analysis(1, {Q::Yaw}), nullptr, ChallengeKind::TurnLeft), Hint::Ready);
    QCOMPARE(s.rank(analysis(1, {Q::Yaw, Q::Sharpness}), nullptr, ChallengeKind::TurnRight), Hint::Blur);
    QCOMPARE(s.rank(analysis(1, {Q::EyesOpen}), nullptr, ChallengeKind::Blink), Hint::Ready);
    QCOMPARE(s.rank(analysis(1, {Q::MouthClosed}), nullptr, ChallengeKind::OpenMouth), Hint::Ready);
    // A challenge does not hide what it does not cause.
    QCOMPARE(s.rank(analysis(1, {Q::InterEyeDistance}), nullptr, ChallengeKind::Blink), Hint::TooFar);
    QCOMPARE(s.rank(analysis(1, {Q::EyesOpen}), nullptr, ChallengeKind::TurnLeft), Hint::EyesClosed);
}

void TestHintSelector::update_firstHintShowsAtOnce()
{
    HintSelector s;
    QCOMPARE(s.current(), Hint::None);
    QCOMPARE(s.update(analysis(0)), Hint::NoFace);
}

void TestHintSelector::update_newHintNeedsToPersist()
{
    HintSelector::Options o;
    o.persistFrames = 4;
    HintSelector s(o);
    s.update(analysis(0));
    double t = 0;
    for (int i = 1; i < o.persistFrames; ++i) {
        t += 40;
        QCOMPARE(s.update(analysis(1, {}, 120.0, t)), Hint::NoFace);
    }
    t += 40;
    QCOMPARE(s.update(analysis(1, {}, 120.0, t)), Hint::Ready);
}

void TestHintSelector::update_alternatingInputsDoNotFlicker_data()
{
    QTest::addColumn<QString>("pattern"); // one letter per frame: n no face, r ready, f too far, b blur
    QTest::newRow("ready/no face") << QStringLiteral("nrnrnrnrnrnrnrnrnrnr");
    QTest::newRow("far/blur from no face") << QStringLiteral("nfbfbfbfbfbfbfbfbfbfb");
    QTest::newRow("pairs") << QStringLiteral("rrffrrffrrffrrffrrff");
    QTest::newRow("triples") << QStringLiteral("rrrbbbrrrbbbrrrbbbrrr");
}

void TestHintSelector::update_alternatingInputsDoNotFlicker()
{
    QFETCH(QString, pattern);
    HintSelector s;
    double t = 0;
    int changes = 0;
    Hint last = Hint::None;
    for (const QChar c : pattern) {
        t += 40;
        FrameAnalysis a;
        if (c == u'n')
            a = analysis(0, {}, 120.0, t);
        else if (c == u'r')
            a = analysis(1, {}, 120.0, t);
        else if (c == u'f')
            a = analysis(1, {QualityMeasureId::InterEyeDistance}, 120.0, t);
        else
            a = analysis(1, {QualityMeasureId::Sharpness}, 120.0, t);
        const Hint h = s.update(a);
        if (last != Hint::None && h != last)
            ++changes;
        last = h;
    }
    // Runs shorter than persistFrames never replace the hint shown first.
    QCOMPARE(changes, 0);
}

void TestHintSelector::update_resetForgets()
{
    HintSelector s;
    s.update(analysis(0));
    s.reset();
    QCOMPARE(s.current(), Hint::None);
    QCOMPARE(s.update(analysis(1)), Hint::Ready);
}

QTEST_APPLESS_MAIN(TestHintSelector)
#include "tst_hintselector.moc"
