// The enrollment portrait from a live stream.
#include "LivenessFixtures.h"
#include "liveness/CaptureSelector.h"

#include <QtTest>

#include <opencv2/imgcodecs.hpp>

using namespace fe::liveness;

class TestCaptureSelector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void franck_portraitPassesLowresAndMatchesTheVideo();
    void noFramePassing_failsWithTheBlockingGuidance();
};

void TestCaptureSelector::franck_portraitPassesLowresAndMatchesTheVideo()
{
    auto encoder = fe::test::visionModels().makeEncoder();
    CaptureSelector capture(*encoder);
    const auto frames = fe::test::record(fe::Asset::DemoVideo, 0, 480, true);
    for (const auto& f : frames)
        capture.offer(f.bgr, f.analysis);
    QVERIFY(capture.hasPassingFrame());
    const auto portrait = capture.portrait();
    QVERIFY(portrait.has_value());
    QVERIFY(portrait->passedQualityGate);
    QCOMPARE(portrait->size, cv::Size(480, 640));

    // The JPEG decodes, and the portrait crop itself passes every lowres measure again.
    const cv::Mat decoded = cv::imdecode(portrait->jpeg, cv::IMREAD_COLOR);
    QCOMPARE(decoded.size(), cv::Size(480, 640));
    const auto again = fe::test::analyseStill(decoded);
    QVERIFY(again.has_value());
    QStringList failed;
    for (auto id : again->quality.failed())
        failed << QString::fromLatin1(fe::vision::qualityMeasureKey(id).data());
    QVERIFY2(again->quality.passed, qPrintable(failed.join(u',')));
    // Eyes level and 0.25 W apart at 0.6 W from the top (ICAO token geometry).
    QVERIFY(std::abs(again->interEyeDistance - 120.0) < 12.0);
    QVERIFY(std::abs(again->pose.roll) < 4.0);

    // Its template matches frames from elsewhere in the video.
    for (std::int64_t index : {1329, 2384, 4313}) {
        const cv::Mat other = fe::test::videoFrames(fe::Asset::DemoVideo, {index}).at(index);
        const auto face = fe::test::analyseStill(other);
        QVERIFY(face.has_value());
        const double score = fe::vision::cosineSimilarity(portrait->faceTemplate, encoder->encode(other, face->landmarks));
        QVERIFY2(score >= fe::vision::kDefaultVerificationThreshold, qPrintable(QStringLiteral("frame %1: %2").arg(index).arg(score)));
    }
}

void TestCaptureSelector::noFramePassing_failsWithTheBlockingGuidance()
{
    // Under the ICAO profile the demo video's face is too small on every frame.
    auto encoder = fe::test::visionModels().makeEncoder();
    CaptureSelector capture(*encoder);
    fe::vision::AnalyzerOptions icao;
    icao.profile = fe::vision::QualityProfile::byName("icao");
    fe::vision::FrameAnalyzer analyzer(fe::test::visionModels().landmarks, icao);
    fe::vision::SourceOptions o;
    o.maxFrames = 120;
    auto source = fe::vision::FrameSource::open(fe::test::asset(fe::Asset::DemoVideo), o);
    fe::vision::Frame f;
    while (source->next(f))
        capture.offer(f.bgr, analyzer.analyze(f.bgr, f.timestampMs));
    QVERIFY(!capture.hasPassingFrame());
    QVERIFY(!capture.portrait().has_value());
    QCOMPARE(capture.blockingGuidance(), fe::vision::Guidance::MoveCloser);
    // The operator's override still gets the best frame there was.
    const auto overridden = capture.portrait(/*allowBelowGate=*/true);
    QVERIFY(overridden.has_value());
    QVERIFY(!overridden->passedQualityGate);
}

QTEST_APPLESS_MAIN(TestCaptureSelector)
#include "tst_captureselector.moc"
