// Frame sources on odd input: phone-style videos rotated by container metadata, folders of
// unrelated photos, and paths that are not regular files.
#include "MediaFixtures.h"
#include "VisionFixtures.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>

#include <sys/stat.h>

using namespace fe::vision;
using fe::test::meanAbsDiff;
using fe::test::reasonOf;

class TestFrameSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void phoneStyleVideo_framesComeUpright_data();
    void phoneStyleVideo_framesComeUpright();
    void folder_isUnrelatedPhotosNamedByFile();
    void notRegularFile_isRefusedWithoutBlocking_data();
    void notRegularFile_isRefusedWithoutBlocking();

private:
    QTemporaryDir m_dir;
    std::vector<cv::Mat> m_upright; // the demo video's first frames
};

constexpr int kFrames = 96; // the count

void TestFrameSource::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SourceOptions options;
    options.maxFrames = kFrames;
    auto source = FrameSource::open(fe::test::asset(fe::Asset::DemoVideo), options);
    Frame frame;
    while (source->next(frame))
        m_upright.push_back(frame.bgr.clone());
    QCOMPARE(static_cast<int>(m_upright.size()), kFrames);
}

void TestFrameSource::phoneStyleVideo_framesComeUpright_data()
{
    QTest::addColumn<int>("rotation");
    // The copies: a face in 24/96 and 12/96 frames (OpenCV 4.6 turned them upside down).
    QTest::newRow("portrait, played turned 90 clockwise") << 90;
    QTest::newRow("portrait, played turned 270 clockwise") << 270;
    QTest::newRow("upside down, played turned 180") << 180;
}

void TestFrameSource::phoneStyleVideo_framesComeUpright()
{
    QFETCH(int, rotation);
    const std::filesystem::path phone =
        m_dir.filePath(QStringLiteral("phone_%1.mp4").arg(rotation)).toStdString();
    fe::test::writePhoneStyleVideo(fe::test::asset(fe::Asset::DemoVideo), phone, kFrames, rotation);
    // The input is what the test means it to be: metadata present, pixels stored sideways.
    QCOMPARE(fe::test::displayRotation(phone), static_cast<double>(rotation));

    auto source = FrameSource::open(phone);
    FrameAnalyzer analyzer(fe::test::visionModels().landmarks, fe::test::lowres());
    Frame frame;
    int frames = 0, withFace = 0;
    double worst = 0.0;
    while (source->next(frame)) {
        const cv::Mat& original = m_upright.at(static_cast<std::size_t>(frame.index));
        QCOMPARE(frame.bgr.size(), original.size()); // 360x288: upright, not 288x360
        // The same picture as the upright original (up to MPEG-4 re-encoding), where a frame
        // left sideways, or turned the wrong way, would differ completely.
        worst = std::max(worst, meanAbsDiff(frame.bgr, original));
        const auto a = analyzer.analyze(frame.bgr, frame.timestampMs);
        withFace += a.faces.empty() ? 0 : 1;
        ++frames;
    }
    QCOMPARE(frames, kFrames);
    QVERIFY2(worst < 12.0,
             qPrintable(QStringLiteral("a frame differs from the upright original by %1").arg(worst)));
    QVERIFY2(withFace == kFrames,
             qPrintable(QStringLiteral("a face in %1 of %2 frames").arg(withFace).arg(kFrames)));
}

void TestFrameSource::folder_isUnrelatedPhotosNamedByFile()
{
    QTemporaryDir folder;
    QVERIFY(cv::imwrite(folder.filePath(QStringLiteral("b.png")).toStdString(), m_upright[10]));
    QVERIFY(cv::imwrite(folder.filePath(QStringLiteral("a.JPG")).toStdString(), m_upright[0]));
    std::ofstream(folder.filePath(QStringLiteral("notes.txt")).toStdString()) << "not a photo\n";
    QVERIFY(QDir(folder.path()).mkdir(QStringLiteral("sub.png")));
    const auto files = listImageFiles(folder.path().toStdString());
    QCOMPARE(files.size(), std::size_t{2});
    QCOMPARE(QString::fromStdString(files[0].filename().string()), QStringLiteral("a.JPG"));
    QCOMPARE(QString::fromStdString(files[1].filename().string()), QStringLiteral("b.png"));
    auto source = FrameSource::open(folder.path().toStdString());
    QVERIFY(source->independentFrames());
    Frame frame;
    QVERIFY(source->next(frame));
    QCOMPARE(frame.file, files[0]);
    QVERIFY(source->next(frame));
    QCOMPARE(frame.file, files[1]);
    QVERIFY(!source->next(frame));
}

void TestFrameSource::notRegularFile_isRefusedWithoutBlocking_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("FIFO named like a video") << "clip.mp4";
    QTest::newRow("FIFO named like a photo") << "photo.jpg";
    QTest::newRow("FIFO with no extension") << "capture";
    QTest::newRow("character device") << "/dev/zero";
}

void TestFrameSource::notRegularFile_isRefusedWithoutBlocking()
{
    QFETCH(QString, name);
    std::filesystem::path p = name.toStdString();
    if (!p.is_absolute()) {
        p = m_dir.filePath(name).toStdString();
        QCOMPARE(::mkfifo(p.c_str(), 0600), 0);
    }
    // Without the check, open() waits for a writer that never comes (the test would time out).
    try {
        (void)FrameSource::open(p);
        QFAIL("opened");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
        QVERIFY2(reasonOf(e).contains(QStringLiteral("not a regular file")), qPrintable(reasonOf(e)));
    }
}

QTEST_APPLESS_MAIN(TestFrameSource)
#include "tst_framesource.moc"
