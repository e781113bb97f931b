// Each portrait-quality measure fails on its own defect and only on it.
#include "VisionFixtures.h"
#include "vision/FaceGeometry.h"
#include "vision/QualityAssessor.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

using namespace fe::vision;

namespace {

// A franck frame that passes every measure of the lowres profile (checked by the test).
constexpr int kGoodFrame = 308;

enum class Defect { None, Blur, Dark, OverExposed, OffCentre, Rotated };

cv::Mat degrade(const cv::Mat& image, Defect defect, const Landmarks& lm)
{
    cv::Mat out;
    switch (defect) {
    case Defect::None: return image.clone();
    case Defect::Blur: cv::GaussianBlur(image, out, cv::Size(0, 0), 2.5); return out;
    case Defect::Dark: image.convertTo(out, -1, 0.35, 0); return out;
    case Defect::OverExposed: image.convertTo(out, -1, 1.0, 115); return out;
    case Defect::OffCentre: {
        // Slide the scene so that the face sits near the left edge, still wholly inside.
        const cv::Rect2f b = landmarkBounds(lm);
        const double dx = -(b.x - 0.06 * image.cols);
        const cv::Matx23d m(1, 0, dx, 0, 1, 0);
        const cv::Scalar wall = cv::mean(image(cv::Rect(image.cols - 20, 0, 20, image.rows / 2)));
        cv::warpAffine(image, out, m, image.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, wall);
        return out;
    }
    case Defect::Rotated: {
        const cv::Point2f centre = (eyeCentre(lm, true) + eyeCentre(lm, false)) * 0.5f;
        cv::warpAffine(image, out, cv::getRotationMatrix2D(centre, 16.0, 1.0), image.size(), cv::INTER_LINEAR,
                       cv::BORDER_REPLICATE);
        return out;
    }
    }
    return out;
}

} // namespace

class TestQuality : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defect_failsExactlyItsMeasure_data();
    void defect_failsExactlyItsMeasure();
    void profiles_differInFaceSize();
    void unknownProfile_isRejected();

private:
    cv::Mat m_good;
    Landmarks m_goodLandmarks{};
};

void TestQuality::initTestCase()
{
    m_good = fe::test::videoFrames(fe::Asset::DemoVideo, {kGoodFrame}).at(kGoodFrame);
    const auto face = fe::test::analyseStill(m_good);
    QVERIFY(face.has_value());
    m_goodLandmarks = face->landmarks;
    QStringList failed;
    for (auto id : face->quality.failed())
        failed << QString::fromLatin1(qualityMeasureKey(id).data());
    QVERIFY2(face->quality.passed, qPrintable(QStringLiteral("the reference frame fails %1").arg(failed.join(u','))));
}

void TestQuality::defect_failsExactlyItsMeasure_data()
{
    QTest::addColumn<int>("defect");
    QTest::addColumn<int>("measure");
    QTest::addColumn<int>("guidance");
    QTest::newRow("blurred") << int(Defect::Blur) << int(QualityMeasureId::Sharpness) << int(Guidance::HoldStill);
    QTest::newRow("darkened") << int(Defect::Dark) << int(QualityMeasureId::Exposure) << int(Guidance::MoreLight);
    QTest::newRow("over-exposed") << int(Defect::OverExposed) << int(QualityMeasureId::Exposure) << int(Guidance::LessLight);
    QTest::newRow("off-centre") << int(Defect::OffCentre) << int(QualityMeasureId::Centred) << int(Guidance::CentreFace);
    QTest::newRow("rotated 16 deg") << int(Defect::Rotated) << int(QualityMeasureId::Roll) << int(Guidance::StraightenHead);
}

void TestQuality::defect_failsExactlyItsMeasure()
{
    QFETCH(int, defect);
    QFETCH(int, measure);
    QFETCH(int, guidance);
    const cv::Mat image = degrade(m_good, static_cast<Defect>(defect), m_goodLandmarks);
    FrameAnalyzer analyzer(fe::test::visionModels().landmarks, fe::test::lowres());
    const auto analysis = analyzer.analyze(image, 0.0);
    QVERIFY(analysis.primary() != nullptr);
    const QualityReport& report = analysis.primary()->quality;
    QStringList failed;
    for (auto id : report.failed())
        failed << QString::fromLatin1(qualityMeasureKey(id).data());
    const QString expected = QString::fromLatin1(qualityMeasureKey(static_cast<QualityMeasureId>(measure)).data());
    QCOMPARE(failed.join(u','), expected);
    QVERIFY(!report.passed);
    QCOMPARE(static_cast<int>(analysis.guidance), guidance);
}

void TestQuality::profiles_differInFaceSize()
{
    // The demo video's face (inter-eye distance ~55 px) is large enough for lowres only.
    AnalyzerOptions icaoOptions;
    icaoOptions.profile = QualityProfile::byName("icao");
    FrameAnalyzer icao(fe::test::visionModels().landmarks, icaoOptions);
    const auto a = icao.analyze(m_good, 0.0);
    QVERIFY(a.primary() != nullptr);
    const auto* iod = a.primary()->quality.find(QualityMeasureId::InterEyeDistance);
    QVERIFY(iod != nullptr && !iod->passed);
    QCOMPARE(a.guidance, Guidance::MoveCloser);
}

void TestQuality::unknownProfile_isRejected()
{
    QVERIFY_THROWS_EXCEPTION(fe::Error, QualityProfile::byName("passport"));
}

QTEST_APPLESS_MAIN(TestQuality)
#include "tst_quality.moc"
