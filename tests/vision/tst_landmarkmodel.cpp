// The fast tree evaluator must reproduce dlib::shape_predictor on real frames.
#include "common/TestData.h"
#include "vision/FaceDetector.h"
#include "vision/FrameSource.h"
#include "vision/LandmarkModel.h"
#include "common/Error.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

using namespace fe::vision;

class TestLandmarkModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fastModel_matchesDlibReference_data();
    void fastModel_matchesDlibReference();
    void fastReader_givesDlibReadersModelBitForBit();
    void loadDlib_rejectsFileThatIsNotAModel();
    void loadDlib_rejectsTruncatedModel();
};

void TestLandmarkModel::fastModel_matchesDlibReference_data()
{
    QTest::addColumn<int>("video");
    QTest::newRow("franck") << static_cast<int>(fe::Asset::DemoVideo);
    QTest::newRow("cap12") << static_cast<int>(fe::Asset::SecondVideo);
}

void TestLandmarkModel::fastModel_matchesDlibReference()
{
    QFETCH(int, video);
    const auto modelPath = fe::test::asset(fe::Asset::LandmarkModel);
    const auto fast = LandmarkModel::loadDlib(modelPath);
    const auto reference = LandmarkModel::loadDlibReference(modelPath);
    auto detector = FaceDetector::createHog();
    SourceOptions options;
    options.maxFrames = 400;
    auto source = FrameSource::open(fe::test::asset(static_cast<fe::Asset>(video)), options);
    Frame frame;
    int compared = 0;
    double worst = 0.0;
    while (source->next(frame)) {
        if (frame.index % 20 != 0)
            continue;
        cv::Mat grey;
        cv::cvtColor(frame.bgr, grey, cv::COLOR_BGR2GRAY);
        const auto faces = detector->detect(grey, 0);
        if (faces.empty())
            continue;
        // Also a shifted box, as the tracker hands over.
        for (const cv::Point2f shift : {cv::Point2f(0, 0), cv::Point2f(7.4f, -3.2f)}) {
            cv::Rect2f box = faces.front().box;
            box.x += shift.x;
            box.y += shift.y;
            const Landmarks a = fast->fit(grey, box);
            const Landmarks b = reference->fit(grey, box);
            for (std::size_t k = 0; k < a.size(); ++k) {
                // dlib rounds its output to whole pixels: at most 0.5 px per axis apart.
                const double d = std::max(std::abs(a[k].x - b[k].x), std::abs(a[k].y - b[k].y));
                worst = std::max(worst, d);
            }
            ++compared;
        }
    }
    QVERIFY2(compared >= 30, qPrintable(QStringLiteral("only %1 frames compared").arg(compared)));
    QVERIFY2(worst <= 0.5 + 1e-3, qPrintable(QStringLiteral("worst per-axis difference %1 px").arg(worst)));
}

// The fast reader must produce dlib's values exactly: the same model evaluated on the same boxes
// gives identical landmarks to the last bit.
void TestLandmarkModel::fastReader_givesDlibReadersModelBitForBit()
{
    const auto modelPath = fe::test::asset(fe::Asset::LandmarkModel);
    const auto fast = LandmarkModel::loadDlib(modelPath, LandmarkModel::Reader::Fast);
    const auto viaDlib = LandmarkModel::loadDlib(modelPath, LandmarkModel::Reader::Dlib);
    auto detector = FaceDetector::createHog();
    SourceOptions options;
    options.maxFrames = 240;
    auto source = FrameSource::open(fe::test::asset(fe::Asset::DemoVideo), options);
    Frame frame;
    int compared = 0;
    while (source->next(frame)) {
        if (frame.index % 24 != 0)
            continue;
        cv::Mat grey;
        cv::cvtColor(frame.bgr, grey, cv::COLOR_BGR2GRAY);
        const auto faces = detector->detect(grey, 0);
        if (faces.empty())
            continue;
        const Landmarks a = fast->fit(grey, faces.front().box);
        const Landmarks b = viaDlib->fit(grey, faces.front().box);
        for (std::size_t k = 0; k < a.size(); ++k) {
            QVERIFY2(a[k].x == b[k].x && a[k].y == b[k].y,
                     qPrintable(QStringLiteral("frame %1 point %2 differs").arg(frame.index).arg(k)));
        }
        ++compared;
    }
    QVERIFY2(compared >= 8, qPrintable(QStringLiteral("only %1 frames compared").arg(compared)));
}

void TestLandmarkModel::loadDlib_rejectsTruncatedModel()
{
    QFile model(QString::fromStdString(fe::test::asset(fe::Asset::LandmarkModel).string()));
    QVERIFY(model.open(QIODevice::ReadOnly));
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(model.read(model.size() / 2));
    file.close();
    try {
        (void)LandmarkModel::loadDlib(file.fileName().toStdString());
        QFAIL("half a model was accepted");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
    }
}

void TestLandmarkModel::loadDlib_rejectsFileThatIsNotAModel()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("this is not a model");
    file.close();
    try {
        (void)LandmarkModel::loadDlib(file.fileName().toStdString());
        QFAIL("a text file was accepted as a landmark model");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
    }
}

QTEST_APPLESS_MAIN(TestLandmarkModel)
#include "tst_landmarkmodel.moc"
