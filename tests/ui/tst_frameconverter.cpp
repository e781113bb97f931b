// Camera frames to BGR on the worker thread: every pixel format the converter claims, built
// from a real frame of the demo video, converts back within the loss its chroma subsampling
// allows; the view's QImage carries the same pixels; the camera-format choice prefers what
// issue 13 asks for.
#include "GuiTestSupport.h"
#include "capture/CameraFormatChoice.h"
#include "capture/FrameConverter.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using fe::ui::FrameConverter;
using PF = QVideoFrameFormat::PixelFormat;

Q_DECLARE_METATYPE(QVideoFrameFormat::PixelFormat)

namespace {

cv::Mat demoBgr()
{
    static cv::Mat frame = [] {
        cv::VideoCapture video(fe::test::gui::demoVideo().toStdString());
        video.set(cv::CAP_PROP_POS_FRAMES, 4700);
        cv::Mat f;
        video.read(f);
        return f;
    }();
    return frame;
}

double meanAbsDiff(const cv::Mat& a, const cv::Mat& b)
{
    cv::Mat d;
    cv::absdiff(a, b, d);
    const cv::Scalar m = cv::mean(d);
    return (m[0] + m[1] + m[2]) / 3.0;
}

} // namespace

class TestFrameConverter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_isFaithful_data();
    void roundTrip_isFaithful();
    void toBgr_keepsColourOrder_data();
    void toBgr_keepsColourOrder();
    void toBgr_oddSizeLosesOnlyTheLastRowAndColumn();
    void toBgr_refusesWhatItCannotConvert();
    void toImage_isRgb32WithTheSamePixels();
    void chooseCameraFormat_prefersIssueRange();
};

void TestFrameConverter::roundTrip_isFaithful_data()
{
    QTest::addColumn<PF>("format");
    QTest::addColumn<double>("tolerance"); // mean absolute error per channel, 0..255
    // 4:2:0 and 4:2:2 halve the chroma resolution: colour edges blur, a few levels on average
    // (measured 1.9-2.6 on this frame); RGB orders are exact; grey drops colour.
    QTest::newRow("YUV420P") << PF::Format_YUV420P << 4.0;
    QTest::newRow("YV12") << PF::Format_YV12 << 4.0;
    QTest::newRow("NV12") << PF::Format_NV12 << 4.0;
    QTest::newRow("NV21") << PF::Format_NV21 << 4.0;
    QTest::newRow("YUYV") << PF::Format_YUYV << 4.0;
    QTest::newRow("UYVY") << PF::Format_UYVY << 4.0;
    QTest::newRow("BGRX8888") << PF::Format_BGRX8888 << 0.0;
    QTest::newRow("BGRA8888") << PF::Format_BGRA8888 << 0.0;
    QTest::newRow("RGBX8888") << PF::Format_RGBX8888 << 0.0;
    QTest::newRow("RGBA8888") << PF::Format_RGBA8888 << 0.0;
    QTest::newRow("XRGB8888") << PF::Format_XRGB8888 << 0.0;
    QTest::newRow("ARGB8888") << PF::Format_ARGB8888 << 0.0;
    QTest::newRow("XBGR8888") << PF::Format_XBGR8888 << 0.0;
    QTest::newRow("ABGR8888") << PF::Format_ABGR8888 << 0.0;
}

void TestFrameConverter::roundTrip_isFaithful()
{
    QFETCH(PF, format);
    QFETCH(double, tolerance);
    const cv::Mat bgr = demoBgr();
    QVERIFY(!bgr.empty());
    const QVideoFrame frame = FrameConverter::fromBgr(bgr, format);
    QVERIFY(frame.isValid());
    QCOMPARE(frame.pixelFormat(), format);
    const cv::Mat back = FrameConverter::toBgr(frame);
    QCOMPARE(back.cols, bgr.cols);
    QCOMPARE(back.rows, bgr.rows);
    QCOMPARE(back.type(), CV_8UC3);
    const double err = meanAbsDiff(back, bgr);
    QVERIFY2(err <= tolerance, qPrintable(QStringLiteral("mean error %1 > %2").arg(err).arg(tolerance)));
    // A fresh image: the frame's memory is not shared with the result.
    QVERIFY(back.data != frame.bits(0));
}

void TestFrameConverter::toBgr_keepsColourOrder_data()
{
    QTest::addColumn<PF>("format");
    QTest::newRow("YUV420P") << PF::Format_YUV420P;
    QTest::newRow("NV12") << PF::Format_NV12;
    QTest::newRow("YUYV") << PF::Format_YUYV;
    QTest::newRow("RGBX8888") << PF::Format_RGBX8888;
    QTest::newRow("XRGB8888") << PF::Format_XRGB8888;
    QTest::newRow("ABGR8888") << PF::Format_ABGR8888;
}

// A pure blue picture stays blue (a swapped channel order would make it red).
void TestFrameConverter::toBgr_keepsColourOrder()
{
    QFETCH(PF, format);
    const cv::Mat blue(64, 64, CV_8UC3, cv::Scalar(220, 40, 30));
    const cv::Mat back = FrameConverter::toBgr(FrameConverter::fromBgr(blue, format));
    const cv::Scalar m = cv::mean(back);
    QVERIFY2(m[0] > 180 && m[2] < 80, qPrintable(QStringLiteral("B %1 G %2 R %3").arg(m[0]).arg(m[1]).arg(m[2])));
}

void TestFrameConverter::toBgr_oddSizeLosesOnlyTheLastRowAndColumn()
{
    const cv::Mat bgr = demoBgr()(cv::Rect(0, 0, 100, 80)).clone();
    QVideoFrame frame = FrameConverter::fromBgr(bgr, PF::Format_YUV420P);
    QVERIFY(frame.isValid());
    // An odd-sized 4:2:0 frame from a camera: 99 x 79 visible pixels in the same buffer.
    QVideoFrame odd(QVideoFrameFormat(QSize(99, 79), PF::Format_YUV420P));
    QVERIFY(odd.map(QVideoFrame::WriteOnly));
    QVERIFY(frame.map(QVideoFrame::ReadOnly));
    for (int p = 0; p < 3; ++p) {
        const int rows = p == 0 ? 79 : 40;
        const int bytes = std::min(odd.bytesPerLine(p), frame.bytesPerLine(p));
        for (int r = 0; r < rows; ++r)
            std::memcpy(odd.bits(p) + r * odd.bytesPerLine(p), frame.bits(p) + r * frame.bytesPerLine(p),
                        static_cast<std::size_t>(bytes));
    }
    frame.unmap();
    odd.unmap();
    const cv::Mat back = FrameConverter::toBgr(odd);
    QCOMPARE(back.cols, 98);
    QCOMPARE(back.rows, 78);
    QVERIFY(meanAbsDiff(back, bgr(cv::Rect(0, 0, 98, 78))) <= 4.0);
}

void TestFrameConverter::toBgr_refusesWhatItCannotConvert()
{
    QVERIFY(FrameConverter::toBgr(QVideoFrame()).empty());
    QVideoFrame p010(QVideoFrameFormat(QSize(64, 64), PF::Format_P010));
    QVERIFY(!FrameConverter::supports(PF::Format_P010));
    QVERIFY(FrameConverter::toBgr(p010).empty());
}

void TestFrameConverter::toImage_isRgb32WithTheSamePixels()
{
    const cv::Mat bgr = demoBgr();
    const QImage image = FrameConverter::toImage(bgr);
    QCOMPARE(image.format(), QImage::Format_RGB32);
    QCOMPARE(image.size(), QSize(bgr.cols, bgr.rows));
    for (const auto& [x, y] : {std::pair{0, 0}, {bgr.cols / 2, bgr.rows / 2}, {bgr.cols - 1, bgr.rows - 1}, {17, 203}}) {
        const cv::Vec3b p = bgr.at<cv::Vec3b>(y, x);
        QCOMPARE(QColor(image.pixel(x, y)), QColor(p[2], p[1], p[0]));
    }
}

void TestFrameConverter::chooseCameraFormat_prefersIssueRange()
{
    using fe::ui::FormatInfo;
    using fe::ui::chooseCameraFormat;
    QCOMPARE(chooseCameraFormat({}), -1);
    // 1080p (too big), 720p MJPEG@30, 720p YUYV@10 (too slow), 640x480 YUYV@30, 320x240@30.
    const std::vector<FormatInfo> webcam = {
        {{1920, 1080}, 30.f, PF::Format_Jpeg}, {{1280, 720}, 30.f, PF::Format_Jpeg},
        {{1280, 720}, 10.f, PF::Format_YUYV},  {{640, 480}, 30.f, PF::Format_YUYV},
        {{320, 240}, 30.f, PF::Format_YUYV},
    };
    QCOMPARE(chooseCameraFormat(webcam), 1);
    // The same size raw beats JPEG.
    std::vector<FormatInfo> both = webcam;
    both.push_back({{1280, 720}, 30.f, PF::Format_NV12});
    QCOMPARE(chooseCameraFormat(both), 5);
    // Nothing in range: the closest to 640x480, fastest.
    const std::vector<FormatInfo> odd = {{{1920, 1080}, 30.f, PF::Format_YUYV}, {{352, 288}, 15.f, PF::Format_YUYV},
                                         {{352, 288}, 30.f, PF::Format_YUYV}};
    QCOMPARE(chooseCameraFormat(odd), 2);
    // A format the converter cannot read loses to any it can.
    const std::vector<FormatInfo> p010 = {{{1280, 720}, 30.f, PF::Format_P010}, {{320, 240}, 30.f, PF::Format_YUYV}};
    QCOMPARE(chooseCameraFormat(p010), 1);
}

FE_GUI_TEST_MAIN(TestFrameConverter)
#include "tst_frameconverter.moc"
