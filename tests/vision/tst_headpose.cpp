// Head-pose sign convention and plausibility on real frames.
#include "VisionFixtures.h"
#include "vision/FaceGeometry.h"
#include "vision/HeadPoseEstimator.h"

#include <QtTest>

#include <opencv2/core.hpp>

using namespace fe::vision;

class TestHeadPose : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mirroredFrame_negatesYawAndRoll_data();
    void mirroredFrame_negatesYawAndRoll();
    void mirroredLandmarks_negateYawAndRollExactly();
    void turnedHead_hasLargerYawThanFrontalFace();
};

void TestHeadPose::mirroredFrame_negatesYawAndRoll_data()
{
    QTest::addColumn<int>("video");
    QTest::addColumn<int>("frame");
    // Frontal, turned either way and tilted frames, seen in the videos.
    for (int f : {1243, 1078, 3848, 4313, 99})
        QTest::addRow("franck %d", f) << static_cast<int>(fe::Asset::DemoVideo) << f;
    for (int f : {100, 500})
        QTest::addRow("cap12 %d", f) << static_cast<int>(fe::Asset::SecondVideo) << f;
}

void TestHeadPose::mirroredFrame_negatesYawAndRoll()
{
    QFETCH(int, video);
    QFETCH(int, frame);
    const cv::Mat image = fe::test::videoFrames(static_cast<fe::Asset>(video), {frame}).at(frame);
    cv::Mat mirrored;
    cv::flip(image, mirrored, 1);
    const auto a = fe::test::analyseStill(image);
    const auto b = fe::test::analyseStill(mirrored);
    QVERIFY(a && b && a->pose.valid && b->pose.valid);
    // Landmarks are fitted afresh on the mirrored image, so a little noise is allowed.
    constexpr double kToleranceDeg = 3.0;
    QVERIFY2(std::abs(a->pose.yaw + b->pose.yaw) <= kToleranceDeg,
             qPrintable(QStringLiteral("yaw %1 vs mirrored %2").arg(a->pose.yaw).arg(b->pose.yaw)));
    QVERIFY2(std::abs(a->pose.roll + b->pose.roll) <= kToleranceDeg,
             qPrintable(QStringLiteral("roll %1 vs mirrored %2").arg(a->pose.roll).arg(b->pose.roll)));
    QVERIFY2(std::abs(a->pose.pitch - b->pose.pitch) <= kToleranceDeg,
             qPrintable(QStringLiteral("pitch %1 vs mirrored %2").arg(a->pose.pitch).arg(b->pose.pitch)));
}

void TestHeadPose::mirroredLandmarks_negateYawAndRollExactly()
{
    const cv::Mat image = fe::test::videoFrames(fe::Asset::DemoVideo, {4313}).at(4313);
    const auto face = fe::test::analyseStill(image);
    QVERIFY(face.has_value());
    const HeadPose a = estimateHeadPose(face->landmarks, image.size());
    const HeadPose b = estimateHeadPose(mirrorLandmarks(face->landmarks, image.cols), image.size());
    QVERIFY(std::abs(a.yaw) > 10.0);
    QVERIFY(std::abs(a.yaw + b.yaw) < 0.5);
    QVERIFY(std::abs(a.roll + b.roll) < 0.5);
    QVERIFY(std::abs(a.pitch - b.pitch) < 0.5);
}

void TestHeadPose::turnedHead_hasLargerYawThanFrontalFace()
{
    // Looked at in the video: franck faces the camera on 1243, 1329, 2384 and 2719; turns
    // towards the image's right edge on 1078, 1086, 4303 and 4313, and the other way on 3848.
    const std::vector<std::int64_t> frontal = {1243, 1329, 2384, 2719};
    const std::vector<std::int64_t> right = {1078, 1086, 4303, 4313};
    const std::vector<std::int64_t> left = {3848};
    std::vector<std::int64_t> all = frontal;
    all.insert(all.end(), right.begin(), right.end());
    all.insert(all.end(), left.begin(), left.end());
    const auto frames = fe::test::videoFrames(fe::Asset::DemoVideo, all);
    const auto yaw = [&](std::int64_t f) {
        const auto face = fe::test::analyseStill(frames.at(f));
        if (!face)
            throw std::runtime_error("no face");
        return face->pose.yaw;
    };
    double maxFrontal = 0.0;
    for (auto f : frontal)
        maxFrontal = std::max(maxFrontal, std::abs(yaw(f)));
    QVERIFY2(maxFrontal < 6.0, qPrintable(QStringLiteral("frontal |yaw| up to %1").arg(maxFrontal)));
    for (auto f : right) {
        const double y = yaw(f);
        QVERIFY2(y > 12.0 && y > maxFrontal + 8.0, qPrintable(QStringLiteral("frame %1 yaw %2").arg(f).arg(y)));
    }
    for (auto f : left) {
        const double y = yaw(f);
        QVERIFY2(y < -10.0 && -y > maxFrontal + 6.0, qPrintable(QStringLiteral("frame %1 yaw %2").arg(f).arg(y)));
    }
}

QTEST_APPLESS_MAIN(TestHeadPose)
#include "tst_headpose.moc"
