// LiveCapture's frame contract (issue 11, defect 1) and error boundary (defect 3): a camera
// loop that reads every frame into one reused buffer gets the same verdict, same-face score
// and portrait as one handing over fresh buffers — also when the buffer already holds the
// next picture when the capture finishes; frames that break the contract are refused with a
// typed fe::Error, never an OpenCV exception.
#include "EnrollFixtures.h"
#include "common/Error.h"
#include "enroll/ErrorBoundary.h"
#include "enroll/LiveCapture.h"

#include <QtTest>
#include <opencv2/imgproc.hpp>

using namespace fe::enroll;

namespace {

LiveCapture::Options spontaneous()
{
    LiveCapture::Options o = fe::test::spontaneousLowres();
    o.liveness.seed = 7;
    return o;
}

constexpr std::int64_t kFirst = 240;
constexpr std::int64_t kCount = 200;

} // namespace

class TestLiveCapture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reusedBuffer_givesTheResultOfFreshBuffers();
    void framesBreakingTheContract_areRefusedAsTypedErrors();
    void greyAndBgraFrames_areConverted();
    void errorBoundary_turnsLibraryExceptionsIntoTypedErrors();

private:
    std::vector<cv::Mat> m_frames; // franck [kFirst, kFirst + kCount)
    std::vector<double> m_times;
    cv::Mat m_otherPicture; // cap12: what a camera buffer may hold next
};

void TestLiveCapture::initTestCase()
{
    fe::vision::SourceOptions so;
    so.maxFrames = kFirst + kCount;
    auto source = fe::vision::FrameSource::open(fe::test::asset(fe::Asset::DemoVideo), so);
    fe::vision::Frame f;
    while (source->next(f)) {
        if (f.index >= kFirst) {
            m_frames.push_back(f.bgr.clone());
            m_times.push_back(f.timestampMs);
        }
    }
    QCOMPARE(static_cast<std::int64_t>(m_frames.size()), kCount);
    cv::resize(fe::test::videoFrames(fe::Asset::SecondVideo, {1300}).at(1300), m_otherPicture,
               m_frames.front().size());
}

void TestLiveCapture::reusedBuffer_givesTheResultOfFreshBuffers()
{
    LiveCapture fresh(fe::test::visionModels(), spontaneous());
    for (std::size_t i = 0; i < m_frames.size(); ++i)
        fresh.feed(m_frames[i].clone(), m_times[i]);
    const LiveResult expected = fresh.finish();

    // One buffer, as cv::VideoCapture::read(mat) or a mapped QVideoFrame gives it: every
    // frame is written into the same pixels, and when the capture finishes the camera has
    // already put the next picture there.
    LiveCapture reused(fe::test::visionModels(), spontaneous());
    cv::Mat buffer(m_frames.front().size(), CV_8UC3);
    const uchar* pixels = buffer.data;
    for (std::size_t i = 0; i < m_frames.size(); ++i) {
        m_frames[i].copyTo(buffer);
        reused.feed(buffer, m_times[i]);
    }
    m_otherPicture.copyTo(buffer);
    QCOMPARE(buffer.data, pixels); // really one buffer
    const LiveResult actual = reused.finish();

    QCOMPARE(actual.liveness.verdict, expected.liveness.verdict);
    QCOMPARE(actual.liveness.reasons, expected.liveness.reasons);
    QCOMPARE(actual.liveness.sameFaceScore, expected.liveness.sameFaceScore);
    QCOMPARE(actual.liveness.passiveScore, expected.liveness.passiveScore);
    QCOMPARE(actual.liveness.evidence.size(), expected.liveness.evidence.size());
    for (std::size_t i = 0; i < actual.liveness.evidence.size(); ++i)
        QVERIFY(actual.liveness.evidence[i].jpeg == expected.liveness.evidence[i].jpeg);
    QVERIFY(actual.portrait && expected.portrait);
    QCOMPARE(actual.portrait->frameIndex, expected.portrait->frameIndex);
    QVERIFY(actual.portrait->faceTemplate.values == expected.portrait->faceTemplate.values);
    QVERIFY(actual.portrait->jpeg == expected.portrait->jpeg);
    QCOMPARE(expected.liveness.verdict, fe::liveness::Verdict::Live);
}

void TestLiveCapture::framesBreakingTheContract_areRefusedAsTypedErrors()
{
    LiveCapture capture(fe::test::visionModels(), spontaneous());
    const auto refused = [&](const cv::Mat& frame, double t) {
        try {
            capture.feed(frame, t);
        } catch (const fe::Error& e) {
            return e.code() == fe::ErrorCode::InvalidArgument;
        }
        return false; // accepted, or another exception type escaped
    };
    QVERIFY(refused(cv::Mat(), 0.0));
    QVERIFY(refused(cv::Mat(480, 640, CV_8UC2, cv::Scalar::all(90)), 0.0));
    QVERIFY(refused(cv::Mat(480, 640, CV_16UC3, cv::Scalar::all(90)), 0.0));
    QVERIFY(refused(cv::Mat(8, 8, CV_8UC3, cv::Scalar::all(90)), 0.0));
    QVERIFY(refused(m_frames[0], std::nan("")));
    capture.feed(m_frames[0], m_times[1]);
    QVERIFY(refused(m_frames[1], m_times[0])); // back in time
    capture.feed(m_frames[1], m_times[1]);     // the same time again is fine (a still)
    capture.feed(m_frames[2], m_times[2]);
    const LiveResult r = capture.finish();
    QCOMPARE(r.liveness.frames, 3); // the refused frames changed nothing
}

void TestLiveCapture::greyAndBgraFrames_areConverted()
{
    LiveCapture capture(fe::test::visionModels(), spontaneous());
    for (std::size_t i = 0; i < 30; ++i) {
        cv::Mat converted;
        cv::cvtColor(m_frames[i], converted, i % 2 == 0 ? cv::COLOR_BGR2GRAY : cv::COLOR_BGR2BGRA);
        const auto step = capture.feed(converted, m_times[i]);
        QCOMPARE(step.analysis.faces.size(), std::size_t(1));
    }
    const LiveResult r = capture.finish();
    QCOMPARE(r.liveness.framesWithOneFace, 30);
    QVERIFY(r.liveness.sameFaceScore > 0.5);
}

// What the enroll classes wrap every entry point in: an OpenCV exception or an allocation
// failure from deep inside leaves as fe::Error (Internal) naming the function, not the data.
void TestLiveCapture::errorBoundary_turnsLibraryExceptionsIntoTypedErrors()
{
    const auto codeOf = [](auto&& f) {
        try {
            fe::enroll::detail::guarded("TestLiveCapture", f);
        } catch (const fe::Error& e) {
            return QString::fromLatin1(fe::errorCodeName(e.code())) + QLatin1Char(':') +
                   QString::fromStdString(e.what());
        } catch (...) {
            return QStringLiteral("escaped");
        }
        return QStringLiteral("nothing thrown");
    };
    const QString cv = codeOf([] {
        cv::Mat out;
        cv::resize(cv::Mat(), out, cv::Size(4, 4)); // OpenCV asserts on an empty source
    });
    QVERIFY2(cv.startsWith(QStringLiteral("internal:")) && cv.contains(QStringLiteral("TestLiveCapture")),
             qPrintable(cv));
    const QString memory = codeOf([] { throw std::bad_alloc(); });
    QVERIFY2(memory.startsWith(QStringLiteral("internal:")) && memory.contains(QStringLiteral("memory")),
             qPrintable(memory));
    const QString typed = codeOf([] { throw fe::Error(fe::ErrorCode::NoFace, "no face"); });
    QCOMPARE(typed, QStringLiteral("no_face:no face")); // fe::Error passes unchanged
}

QTEST_APPLESS_MAIN(TestLiveCapture)
#include "tst_livecapture.moc"
