// Templates: same person across time matches, different people do not; PAD reacts to a
// print-like degradation.
#include "VisionFixtures.h"
#include "vision/FaceAligner.h"
#include "vision/FaceEncoder.h"
#include "vision/FaceGeometry.h"
#include "vision/PadModel.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

using namespace fe::vision;

namespace {

struct Sample
{
    std::int64_t frame;
    cv::Mat bgr;
    Landmarks lm;
};

std::vector<Sample> samples(fe::Asset video, std::vector<std::int64_t> frames)
{
    std::vector<Sample> out;
    for (const auto& [index, bgr] : fe::test::videoFrames(video, frames)) {
        const auto face = fe::test::analyseStill(bgr);
        if (!face)
            throw std::runtime_error("no face in a sample frame");
        out.push_back({index, bgr, face->landmarks});
    }
    return out;
}

// A print seen through a camera: softer, lower contrast, a warm paper cast, fine halftone grain.
cv::Mat printLike(const cv::Mat& bgr)
{
    cv::Mat out;
    cv::GaussianBlur(bgr, out, cv::Size(0, 0), 1.6);
    out.convertTo(out, CV_32FC3, 0.55, 70.0);
    std::vector<cv::Mat> ch;
    cv::split(out, ch);
    ch[0] *= 0.88; // less blue: paper under indoor light
    cv::merge(ch, out);
    cv::Mat grain(out.size(), CV_32FC3);
    cv::randn(grain, 0.0, 6.0);
    out += grain;
    out.convertTo(out, CV_8UC3);
    return out;
}

} // namespace

class TestFaceEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samePersonFarApartInTime_matches_differentPeople_doNot();
    void template_isUnitLengthWithModelId();
    void alignment_putsEyesOnReferencePoints();
    void alignment_readsOnlyItsFootprint();
    void pad_scoresPrintBelowRealFrame();
};

void TestFaceEncoder::samePersonFarApartInTime_matches_differentPeople_doNot()
{
    auto encoder = fe::test::visionModels().makeEncoder();
    // Franck over 3 minutes, cap12 over 50 s: different days of a session, different poses.
    const auto franck = samples(fe::Asset::DemoVideo, {100, 1243, 2384, 3500, 4700});
    const auto cap12 = samples(fe::Asset::SecondVideo, {50, 600, 1300});
    std::vector<FaceTemplate> f, c;
    for (const auto& s : franck)
        f.push_back(encoder->encode(s.bgr, s.lm));
    for (const auto& s : cap12)
        c.push_back(encoder->encode(s.bgr, s.lm));
    double minGenuine = 1.0, maxImpostor = -1.0;
    for (auto* set : {&f, &c}) {
        for (std::size_t i = 0; i < set->size(); ++i)
            for (std::size_t j = i + 1; j < set->size(); ++j)
                minGenuine = std::min<double>(minGenuine, cosineSimilarity((*set)[i], (*set)[j]));
    }
    for (const auto& a : f)
        for (const auto& b : c)
            maxImpostor = std::max<double>(maxImpostor, cosineSimilarity(a, b));
    qInfo("lowest genuine %.3f, highest impostor %.3f, threshold %.2f", minGenuine, maxImpostor,
          kDefaultVerificationThreshold);
    QVERIFY2(minGenuine >= kDefaultVerificationThreshold + 0.1, qPrintable(QString::number(minGenuine)));
    QVERIFY2(maxImpostor <= kDefaultVerificationThreshold - 0.1, qPrintable(QString::number(maxImpostor)));
}

void TestFaceEncoder::template_isUnitLengthWithModelId()
{
    auto encoder = fe::test::visionModels().makeEncoder();
    const auto s = samples(fe::Asset::DemoVideo, {1243}).front();
    const FaceTemplate t = encoder->encode(s.bgr, s.lm);
    QCOMPARE(static_cast<int>(t.values.size()), 512);
    QVERIFY(!t.modelId.empty());
    QVERIFY(std::abs(cosineSimilarity(t, t) - 1.0) < 1e-4);
    FaceTemplate other = t;
    other.modelId = "another-model";
    QVERIFY_THROWS_EXCEPTION(fe::Error, cosineSimilarity(t, other));
}

void TestFaceEncoder::alignment_putsEyesOnReferencePoints()
{
    const auto s = samples(fe::Asset::DemoVideo, {1243}).front();
    const cv::Mat aligned = alignForEmbedding(s.bgr, s.lm);
    QCOMPARE(aligned.size(), cv::Size(112, 112));
    const auto again = fe::test::analyseStill([&] {
        cv::Mat big;
        cv::resize(aligned, big, cv::Size(336, 336), 0, 0, cv::INTER_CUBIC);
        cv::Mat padded;
        cv::copyMakeBorder(big, padded, 100, 100, 100, 100, cv::BORDER_CONSTANT, cv::Scalar(128, 128, 128));
        return padded;
    }());
    QVERIFY(again.has_value());
    const auto five = fivePoints(again->landmarks);
    // Reference eye positions (38.3, 51.7) and (73.5, 51.5) in the 112 px crop.
    const cv::Point2f left = (five[0] - cv::Point2f(100, 100)) / 3.f;
    const cv::Point2f right = (five[1] - cv::Point2f(100, 100)) / 3.f;
    QVERIFY2(cv::norm(left - cv::Point2f(38.3f, 51.7f)) < 4.0, qPrintable(QStringLiteral("%1,%2").arg(left.x).arg(left.y)));
    QVERIFY2(cv::norm(right - cv::Point2f(73.5f, 51.5f)) < 4.0, qPrintable(QStringLiteral("%1,%2").arg(right.x).arg(right.y)));
}

void TestFaceEncoder::alignment_readsOnlyItsFootprint()
{
    // LivenessSession keeps only these pixels of a frame for its last template: whatever the
    // rest of the image holds, the crop must be the same, bit for bit. Frames of both videos,
    // and a face moved half out of the frame (the footprint clamped, the crop's border black).
    std::vector<Sample> all = samples(fe::Asset::DemoVideo, {0, 1243, 2384});
    for (auto& s : samples(fe::Asset::SecondVideo, {100, 600}))
        all.push_back(std::move(s));
    const Sample edge = all.front();
    for (float dx : {-1.f, 1.f}) {
        Sample moved = edge;
        const cv::Rect2f box = landmarkBounds(edge.lm);
        for (auto& p : moved.lm)
            p.x += dx * (dx < 0 ? box.x + box.width * 0.6f : static_cast<float>(edge.bgr.cols) - box.x - box.width * 0.4f);
        all.push_back(moved);
    }
    cv::RNG rng(11);
    for (const auto& s : all) {
        const cv::Rect r = embeddingFootprint(s.lm, s.bgr.size());
        QVERIFY(!r.empty());
        QVERIFY((r & cv::Rect(0, 0, s.bgr.cols, s.bgr.rows)) == r);
        qInfo("frame %lld: footprint %dx%d of %dx%d", static_cast<long long>(s.frame), r.width, r.height, s.bgr.cols, s.bgr.rows);
        QVERIFY2(r.area() * 2 < s.bgr.cols * s.bgr.rows, "the footprint is a face, not the frame");
        cv::Mat other(s.bgr.size(), s.bgr.type());
        rng.fill(other, cv::RNG::UNIFORM, 0, 256);
        s.bgr(r).copyTo(other(r));
        const cv::Mat expected = alignForEmbedding(s.bgr, s.lm);
        const cv::Mat actual = alignForEmbedding(other, s.lm);
        QVERIFY2(cv::norm(expected, actual, cv::NORM_INF) == 0.0, qPrintable(QStringLiteral("frame %1").arg(s.frame)));
    }
}

void TestFaceEncoder::pad_scoresPrintBelowRealFrame()
{
    auto pad = fe::test::visionModels().makePad();
    const auto frames = samples(fe::Asset::DemoVideo, {0, 1243, 2384});
    double realSum = 0.0, printSum = 0.0;
    for (const auto& s : frames) {
        const double real = pad->liveProbability(s.bgr, s.lm);
        const double print = pad->liveProbability(printLike(s.bgr), s.lm);
        QVERIFY(real >= 0.0 && real <= 1.0 && print >= 0.0 && print <= 1.0);
        realSum += real;
        printSum += print;
    }
    const double realMean = realSum / frames.size();
    const double printMean = printSum / frames.size();
    qInfo("PAD live probability: real %.3f, print-like %.3f", realMean, printMean);
    QVERIFY2(realMean - printMean >= 0.15,
             qPrintable(QStringLiteral("real %1 vs print %2").arg(realMean).arg(printMean)));
}

QTEST_APPLESS_MAIN(TestFaceEncoder)
#include "tst_faceencoder.moc"
