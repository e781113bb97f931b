// A blink counts only when the lids moved (BlinkValidator, EyePatches): the hand-labelled
// blinks of franck.mp4 count; a flap over the eyes of a picture, and landmark jitter on a
// picture that does not move, do not, even when the landmarks say the eyes closed.
#include "../vision/BlinkLabels.h"
#include "LivenessFixtures.h"
#include "liveness/BlinkValidator.h"
#include "liveness/EyePatches.h"

#include "common/TestData.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>


using namespace fe::liveness;

namespace {

// The open frames before a closure, the closure, and the open frames after, with the
// landmarks of the closure pulled shut the way the landmark fit closes them on a flap or on
// jitter: lids of the open frame moved to the eye's corner line.
std::vector<fe::test::RecordedFrame> closedLandmarks(const fe::test::RecordedFrame& open, const cv::Mat& closedPixels, int closedFrames)
{
    std::vector<fe::test::RecordedFrame> out;
    const auto shut = [](fe::vision::FaceObservation f) {
        auto& lm = f.landmarks;
        for (int e : {36, 42}) {
            const cv::Point2f a = lm[static_cast<std::size_t>(e)], b = lm[static_cast<std::size_t>(e + 3)];
            for (int k : {1, 2, 4, 5}) {
                auto& p = lm[static_cast<std::size_t>(e + k)];
                const float s = (k == 1 || k == 5) ? 1.f / 3.f : 2.f / 3.f;
                p = a + (b - a) * s + cv::Point2f(0.f, k <= 2 ? 0.4f : -0.4f);
            }
        }
        f.eyesClosed = true;
        f.ear = 0.05;
        f.eyeOpenness = 0.2;
        return f;
    };
    double t = open.analysis.timestampMs;
    for (int i = 0; i < 6; ++i) {
        auto f = open;
        f.analysis.timestampMs = (t += 40.0);
        out.push_back(f);
    }
    for (int i = 0; i < closedFrames; ++i) {
        auto f = open;
        f.bgr = closedPixels;
        f.analysis.timestampMs = (t += 40.0);
        f.analysis.faces.front() = shut(f.analysis.faces.front());
        out.push_back(f);
    }
    auto reopen = open;
    reopen.analysis.timestampMs = (t += 40.0);
    reopen.analysis.blinkCompleted = true;
    out.push_back(reopen);
    return out;
}

std::optional<BlinkRecord> judge(const std::vector<fe::test::RecordedFrame>& frames)
{
    LivenessOptions o;
    BlinkValidator v(o);
    std::optional<BlinkRecord> last;
    for (const auto& f : frames) {
        const auto& face = f.analysis.faces.front();
        if (auto r = v.update(face, f.analysis.blinkCompleted, EyePatches::sample(f.bgr, face.landmarks), f.analysis.timestampMs))
            last = r;
    }
    return last;
}

QString describe(const BlinkRecord& r)
{
    return QStringLiteral("%1: lid closure %2, eye change %3, detail %4, rigid shift %5")
        .arg(QString::fromLatin1(blinkRejectionKey(r.rejection).data()))
        .arg(r.lidClosure, 0, 'f', 2)
        .arg(r.eyeChange, 0, 'f', 3)
        .arg(r.eyeDetail, 0, 'f', 2)
        .arg(r.rigidShift, 0, 'f', 4);
}

} // namespace

class TestBlinkEvidence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void labelledBlinks_count();
    void patches_followTheRigidFace_notTheEyeLandmarks();
    void regionsCutEveryFrame_judgeLikePatchesSampledEveryFrame();
    void jitterOnAStillPicture_isNoBlink();
    void flapOverTheEyes_isNoBlink_data();
    void flapOverTheEyes_isNoBlink();

private:
    std::vector<fe::test::RecordedFrame> m_franck;
};

void TestBlinkEvidence::initTestCase()
{
    // The first 60 s of franck.mp4, whose blinks are labelled (tests/data/franck_blinks.csv).
    m_franck = fe::test::record(fe::Asset::DemoVideo, 0, 1440, /*keepFrames=*/true);
    QCOMPARE(m_franck.size(), std::size_t{1440});
}

void TestBlinkEvidence::labelledBlinks_count()
{
    LivenessOptions o;
    o.mode = Mode::Spontaneous;
    auto encoder = fe::test::visionModels().makeEncoder();
    auto pad = fe::test::visionModels().makePad();
    LivenessSession session(*encoder, *pad, o);
    const LivenessResult r = fe::test::drive(session, m_franck);
    int labelled = 0, detected = 0, counted = 0;
    for (const auto& l : fe::test::franckBlinkLabels()) {
        if (!l.blink)
            continue;
        ++labelled;
        // The analyzer reports the blink when the eyes reopen, a frame or a few after the label.
        const double from = l.start * 1000.0 / 24.0, to = (l.end + 6) * 1000.0 / 24.0;
        const auto it = std::find_if(r.blinkLog.begin(), r.blinkLog.end(), [&](const BlinkRecord& b) { return b.atMs >= from && b.atMs <= to; });
        if (it == r.blinkLog.end())
            continue;
        ++detected;
        counted += it->counted;
        qInfo("blink %d-%d: %s", l.start, l.end, qPrintable(describe(*it)));
    }
    qInfo("%d labelled blinks, %d detected by the analyzer, %d counted", labelled, detected, counted);
    QVERIFY(detected >= 9);
    QVERIFY2(counted * 10 >= detected * 9, "fewer than 90 % of the real blinks counted");
}

void TestBlinkEvidence::patches_followTheRigidFace_notTheEyeLandmarks()
{
    // The same picture with its eye landmarks pulled shut: the patches are sampled from the
    // brows and the nose, so they stay the same pixels.
    const auto& open = m_franck[100];
    auto shut = closedLandmarks(open, open.bgr, 1)[6].analysis.faces.front().landmarks;
    const EyePatches a = EyePatches::sample(open.bgr, open.analysis.faces.front().landmarks);
    const EyePatches b = EyePatches::sample(open.bgr, shut);
    QVERIFY(a.valid && b.valid);
    QVERIFY(a.eyes == b.eyes);
    QVERIFY(compareEyes(a, b).change < 1e-9);
    // And off the frame's edge there is nothing to sample.
    auto outside = open.analysis.faces.front().landmarks;
    for (auto& p : outside)
        p.x -= 400.f;
    QVERIFY(!EyePatches::sample(open.bgr, outside).valid);
}

void TestBlinkEvidence::regionsCutEveryFrame_judgeLikePatchesSampledEveryFrame()
{
    // The session cuts the eye regions from every frame and samples their patches only for the
    // frames a blink is judged on: the records must be those of patches sampled on every frame,
    // value for value, over the labelled minute of franck (its blinks and rejected closures).
    LivenessOptions o;
    BlinkValidator eager(o), lazy(o);
    int records = 0, verified = 0;
    for (const auto& f : m_franck) {
        if (f.analysis.faces.size() != 1) {
            eager.gap();
            lazy.gap();
            continue;
        }
        const auto& face = f.analysis.faces.front();
        const EyePatches::Regions regions = EyePatches::Regions::cut(f.bgr, face.landmarks);
        const EyePatches sampled = EyePatches::sample(f.bgr, face.landmarks);
        QCOMPARE(regions.valid(), sampled.valid);
        const auto a = eager.update(face, f.analysis.blinkCompleted, sampled, f.analysis.timestampMs);
        const auto b = lazy.update(face, f.analysis.blinkCompleted, regions, f.analysis.timestampMs);
        QCOMPARE(a.has_value(), b.has_value());
        if (!a)
            continue;
        ++records;
        verified += a->rejection != BlinkRejection::NotVerified;
        QVERIFY2(a->eyeChange == b->eyeChange && a->eyeDetail == b->eyeDetail && a->lidClosure == b->lidClosure &&
                     a->rigidShift == b->rigidShift && a->rejection == b->rejection && a->counted == b->counted,
                 qPrintable(describe(*a) + QStringLiteral(" / ") + describe(*b)));
    }
    QVERIFY(records >= 9);
    QVERIFY(verified >= 9);
}

void TestBlinkEvidence::jitterOnAStillPicture_isNoBlink()
{
    // A picture that does not move, whose eye landmarks jitter shut for a few frames (what a
    // mask or a print does to the landmark fit): the eye regions' pixels did not change.
    for (int frame : {100, 400, 700, 1000}) {
        const auto& open = m_franck[static_cast<std::size_t>(frame)];
        const auto r = judge(closedLandmarks(open, open.bgr, 3));
        QVERIFY(r.has_value());
        QVERIFY2(!r->counted, qPrintable(describe(*r)));
        QCOMPARE(r->rejection, BlinkRejection::NoPixelChange);
    }
}

void TestBlinkEvidence::flapOverTheEyes_isNoBlink_data()
{
    QTest::addColumn<double>("darken");
    QTest::addColumn<double>("size");
    QTest::addColumn<double>("feather");
    QTest::newRow("dark, large") << 0.6 << 1.6 << 0.0;
    QTest::newRow("skin, snug") << 0.85 << 1.2 << 0.0;
    QTest::newRow("dark, soft edge") << 0.7 << 1.4 << 0.12;
}

void TestBlinkEvidence::flapOverTheEyes_isNoBlink()
{
    // A skin-coloured patch over each eye for three frames (the evaluation's flap: 150 ms),
    // and the landmarks pulled shut as if the fit read it as closed eyes.
    QFETCH(double, darken);
    QFETCH(double, size);
    QFETCH(double, feather);
    for (int frame : {100, 400, 700, 1000}) {
        const auto& open = m_franck[static_cast<std::size_t>(frame)];
        const auto& lm = open.analysis.faces.front().landmarks;
        cv::Mat flapped = open.bgr.clone();
        const double iod = fe::vision::interEyeDistance(lm);
        for (bool left : {true, false}) {
            const cv::Point2f c = fe::vision::eyeCentre(lm, left);
            const float w = static_cast<float>(cv::norm(lm[left ? 36 : 42] - lm[left ? 39 : 45]));
            const cv::Rect cheek(cv::Point(static_cast<int>(c.x - 0.08 * iod), static_cast<int>(c.y + 0.37 * iod)),
                                 cv::Size(static_cast<int>(0.16 * iod), static_cast<int>(0.16 * iod)));
            const cv::Scalar skin = cv::mean(open.bgr(cheek)) * darken;
            cv::Mat mask(flapped.size(), CV_8U, cv::Scalar(0));
            cv::ellipse(mask, cv::RotatedRect(c, cv::Size2f(w * static_cast<float>(size), w * static_cast<float>(size) * 0.55f), 0.f),
                        cv::Scalar(255), cv::FILLED, cv::LINE_AA);
            cv::Mat patch(flapped.size(), CV_8UC3, skin);
            if (feather > 0.0) {
                cv::GaussianBlur(mask, mask, cv::Size(), feather * w);
                cv::Mat m3, f, p;
                cv::cvtColor(mask, m3, cv::COLOR_GRAY2BGR);
                m3.convertTo(m3, CV_32FC3, 1.0 / 255.0);
                flapped.convertTo(f, CV_32FC3);
                patch.convertTo(p, CV_32FC3);
                f = f.mul(cv::Scalar::all(1.0) - m3) + p.mul(m3);
                f.convertTo(flapped, CV_8UC3);
            } else {
                patch.copyTo(flapped, mask);
            }
        }
        const auto r = judge(closedLandmarks(open, flapped, 3));
        QVERIFY(r.has_value());
        QVERIFY2(!r->counted, qPrintable(QStringLiteral("frame %1: ").arg(frame) + describe(*r)));
    }
}

QTEST_APPLESS_MAIN(TestBlinkEvidence)
#include "tst_blinkevidence.moc"
