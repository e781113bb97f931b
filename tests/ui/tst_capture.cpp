// The capture path as it runs at a counter, with the demo camera: QMediaPlayer (FFmpeg) into
// the application's QVideoSink, the one-frame mailbox, the analysis worker thread, the
// capture view. The overlay paints the landmarks where the analysis put them; a slow analysis
// drops frames instead of slowing the GUI; a stalled stream and a still-image camera are
// reported and handled.
#include "GuiTestSupport.h"
#include "capture/CameraController.h"
#include "capture/CameraProblemBar.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"
#include "common/EventLoopLatency.h"
#include "common/UiText.h"

#include <QMediaPlayer>
#include <QPushButton>
#include <QSignalSpy>

using namespace fe::ui;

namespace {

LiveSettings demoLive(double windowMs = 600000.0)
{
    LiveSettings s;
    s.mode = fe::liveness::Mode::Spontaneous;
    s.qualityProfile = "lowres";
    s.spontaneousWindowMs = windowMs;
    return s;
}

// Shows the system's results in the view, as the wizard's pages do.
void wire(CaptureSystem& capture, CaptureView& view)
{
    view.setStats(&capture.stats());
    QObject::connect(&capture, &CaptureSystem::frameResult, &view, [&view](const FrameResultPtr& r) { view.setResult(r); });
}

bool hasOneFace(const CaptureView& view)
{
    const FrameResultPtr r = view.result();
    return r && r->analysed && r->analysis.faces.size() == 1;
}

} // namespace

class TestCapture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void overlay_paintsLandmarksWhereTheAnalysisFoundThem();
    void preview_showsBeforeTheModels();
    void slowAnalysis_dropsFramesAndKeepsTheGuiResponsive();
    void stalledStream_isReportedAndRecovers();
    void stillImageCamera_deliversFrames();
    void announcement_followsTheGuidance();
    void cameraProblems_eachSayWhatHappenedAndOfferTheirAction();
};

void TestCapture::initTestCase()
{
    QVERIFY(fe::test::gui::sharedModels() != nullptr);
}

void TestCapture::overlay_paintsLandmarksWhereTheAnalysisFoundThem()
{
    CaptureSystem capture;
    CaptureView view;
    wire(capture, view);
    view.resize(720, 576);
    view.show();
    capture.camera()->setChoice(CameraChoice::demoFile(fe::test::gui::demoVideo()));
    capture.setModels(fe::test::gui::sharedModels());
    capture.startCamera();
    capture.startLive(1, demoLive());
    QTRY_VERIFY_WITH_TIMEOUT(hasOneFace(view), 60000);

    const FrameResultPtr r = view.result();
    const QImage shot = view.grab().toImage();
    const qreal dpr = shot.devicePixelRatio();
    const QColor colour = CaptureView::landmarkColour();
    int hits = 0;
    for (const cv::Point2f& p : r->analysis.faces.front().landmarks) {
        const QPointF w = view.mapFromFrame(QPointF(p.x, p.y)) * dpr;
        const QPoint px(static_cast<int>(std::floor(w.x())), static_cast<int>(std::floor(w.y())));
        QVERIFY2(shot.rect().contains(px), "a landmark lies outside the widget");
        hits += QColor(shot.pixel(px)) == colour ? 1 : 0;
    }
    QCOMPARE(hits, 68);

    // Without landmarks those pixels show the picture: the check above can fail.
    view.setLandmarksVisible(false);
    const QImage plain = view.grab().toImage();
    int still = 0;
    for (const cv::Point2f& p : view.result()->analysis.faces.front().landmarks) {
        const QPointF w = view.mapFromFrame(QPointF(p.x, p.y)) * dpr;
        still += QColor(plain.pixel(QPoint(static_cast<int>(w.x()), static_cast<int>(w.y())))) == colour ? 1 : 0;
    }
    QVERIFY2(still < 5, qPrintable(QStringLiteral("%1 landmark pixels without landmarks").arg(still)));
    capture.stopCamera();
}

void TestCapture::preview_showsBeforeTheModels()
{
    CaptureSystem capture; // no models given
    CaptureView view;
    wire(capture, view);
    view.show();
    capture.camera()->setChoice(CameraChoice::demoFile(fe::test::gui::demoVideo()));
    capture.startCamera();
    capture.startLive(1, demoLive());
    QTRY_VERIFY_WITH_TIMEOUT(view.result() != nullptr, 30000);
    QVERIFY(!view.result()->image.isNull());
    QVERIFY(!view.result()->modelsReady);
    QVERIFY(!view.result()->analysed);
    // When the models arrive, the pending attempt starts by itself.
    QSignalSpy started(&capture, &CaptureSystem::attemptStarted);
    capture.setModels(fe::test::gui::sharedModels());
    QTRY_VERIFY_WITH_TIMEOUT(started.count() == 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(view.result() && view.result()->analysed, 30000);
    capture.stopCamera();
}

// Issue 13: with an injected 200 ms per analysed frame, the GUI thread's event latency stays
// under 50 ms and the dropped-frame counter grows. The latency is sampled by a 5 ms timer and
// judged at its 95th percentile, which a busy shared machine leaves well below 50 ms while a
// GUI thread that waited for the analysis would be near 200 ms.
void TestCapture::slowAnalysis_dropsFramesAndKeepsTheGuiResponsive()
{
    CaptureSystem capture;
    CaptureView view;
    wire(capture, view);
    view.show();
    capture.camera()->setChoice(CameraChoice::demoFile(fe::test::gui::demoVideo()));
    capture.setModels(fe::test::gui::sharedModels());
    capture.setInjectedDelayMs(200);
    capture.startCamera();
    capture.startLive(1, demoLive());
    QTRY_VERIFY_WITH_TIMEOUT(view.result() && view.result()->analysed, 60000);

    const auto before = capture.counters();
    EventLoopLatency latency;
    latency.start();
    // About 3 s of frames at 24 fps, of which the 200 ms analysis can take at most ~15.
    QTRY_VERIFY_WITH_TIMEOUT(capture.counters().delivered >= before.delivered + 72, 60000);
    latency.stop();
    const auto after = capture.counters();

    const std::uint64_t delivered = after.delivered - before.delivered;
    const std::uint64_t analysed = after.analysed - before.analysed;
    const std::uint64_t dropped = after.dropped - before.dropped;
    qInfo("delivered %llu, analysed %llu, dropped %llu; GUI latency p50 %.1f p95 %.1f max %.1f ms over %zu samples",
          static_cast<unsigned long long>(delivered), static_cast<unsigned long long>(analysed),
          static_cast<unsigned long long>(dropped), latency.percentile(0.5), latency.percentile(0.95), latency.maximum(),
          latency.samples().size());
    QVERIFY2(dropped >= delivered / 2, "a slow analysis must drop frames, not queue them");
    QVERIFY(analysed < delivered);
    QVERIFY(latency.samples().size() > 50);
    QVERIFY2(latency.percentile(0.95) < 50.0, "the GUI thread waited for the analysis");
    capture.setInjectedDelayMs(0);
    capture.stopCamera();
}

void TestCapture::stalledStream_isReportedAndRecovers()
{
    CaptureSystem capture;
    capture.camera()->setChoice(CameraChoice::demoFile(fe::test::gui::demoVideo()));
    capture.startCamera();
    QTRY_VERIFY_WITH_TIMEOUT(capture.counters().delivered > 5, 30000);
    QSignalSpy problems(capture.camera(), &CameraController::problemChanged);
    capture.camera()->demoPlayer()->pause();
    QTRY_COMPARE_WITH_TIMEOUT(capture.camera()->problem(), CameraController::Problem::Stalled, 15000);
    capture.camera()->demoPlayer()->play();
    QTRY_COMPARE_WITH_TIMEOUT(capture.camera()->problem(), CameraController::Problem::None, 15000);
    QVERIFY(problems.count() >= 2);
    capture.stopCamera();
}

void TestCapture::stillImageCamera_deliversFrames()
{
    QTemporaryDir dir;
    const QString still = fe::test::gui::demoFrame(dir, 4700);
    CaptureSystem capture;
    CaptureView view;
    wire(capture, view);
    view.show();
    const CameraChoice choice = CameraChoice::demoFile(still);
    QCOMPARE(choice.kind, CameraChoice::Kind::StillImage);
    capture.camera()->setChoice(choice);
    capture.setModels(fe::test::gui::sharedModels());
    capture.startCamera();
    capture.startDocument();
    QTRY_VERIFY_WITH_TIMEOUT(hasOneFace(view), 60000);
    QCOMPARE(view.result()->image.width(), 360);

    // A missing file is a start failure with its own message, not a silent black view.
    capture.camera()->setChoice(CameraChoice::demoFile(dir.filePath(QStringLiteral("missing.png"))));
    capture.startCamera();
    QCOMPARE(capture.camera()->problem(), CameraController::Problem::StartFailed);
    capture.stopCamera();
}

void TestCapture::announcement_followsTheGuidance()
{
    CaptureSystem capture;
    CaptureView view;
    wire(capture, view);
    view.show();
    QSignalSpy announced(&view, &CaptureView::announced);
    capture.camera()->setChoice(CameraChoice::demoFile(fe::test::gui::demoVideo()));
    capture.setModels(fe::test::gui::sharedModels());
    capture.startCamera();
    capture.startDocument();
    view.setSubject(HintSubject::Person);
    QTRY_VERIFY_WITH_TIMEOUT(hasOneFace(view), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!announced.isEmpty(), 10000);
    const QString text = announced.last().first().toString();
    QCOMPARE(view.accessibleDescription(), text);
    QVERIFY(text.contains(UiText::hint(view.hint(), HintSubject::Person)));
    capture.stopCamera();
}

void TestCapture::cameraProblems_eachSayWhatHappenedAndOfferTheirAction()
{
    // No real camera runs here: a device id that is not connected is "no camera"; a missing
    // demo file "cannot start"; a paused demo video "stalled". (An unplugged camera needs a
    // device list that changes, which only a real camera gives.)
    QTemporaryDir dir;
    CaptureSystem capture;
    CameraProblemBar bar(capture.camera(), fe::test::gui::demoVideo());
    bar.show();
    const auto button = [&](const char* text) {
        for (QPushButton* b : bar.findChildren<QPushButton*>())
            if (b->text().remove(u'&') == QLatin1String(text))
                return b;
        return static_cast<QPushButton*>(nullptr);
    };
    QStringList messages;

    CameraChoice absent;
    absent.kind = CameraChoice::Kind::Device;
    absent.deviceId = "no-such-camera";
    capture.camera()->setChoice(absent);
    capture.startCamera();
    QCOMPARE(capture.camera()->problem(), CameraController::Problem::NoCamera);
    QVERIFY(bar.isVisible());
    messages << bar.message();
    QVERIFY2(bar.message().contains(QStringLiteral("No camera")), qPrintable(bar.message()));
    QPushButton* demo = button("Use the demo camera");
    QVERIFY(demo != nullptr && demo->isVisible());
    QVERIFY(button("Choose another camera")->isVisible());
    // The offered action works: the demo camera delivers pictures and the problem is gone.
    demo->click();
    QTRY_VERIFY_WITH_TIMEOUT(capture.counters().delivered > 5, 30000);
    QCOMPARE(capture.camera()->problem(), CameraController::Problem::None);
    QVERIFY(!bar.isVisible());

    capture.camera()->demoPlayer()->pause();
    QTRY_COMPARE_WITH_TIMEOUT(capture.camera()->problem(), CameraController::Problem::Stalled, 15000);
    messages << bar.message();
    QVERIFY(button("Try again")->isVisible());
    capture.stopCamera();

    capture.camera()->setChoice(CameraChoice::demoFile(dir.filePath(QStringLiteral("missing.mp4"))));
    capture.startCamera();
    QCOMPARE(capture.camera()->problem(), CameraController::Problem::StartFailed);
    messages << bar.message();
    QVERIFY(button("Choose another camera")->isVisible());
    capture.stopCamera();

    // Each problem in its own words.
    QCOMPARE(messages.size(), 3);
    QCOMPARE(QSet<QString>(messages.begin(), messages.end()).size(), 3);
    for (const QString& m : messages)
        QVERIFY(!m.isEmpty());
}

FE_GUI_TEST_MAIN(TestCapture)
#include "tst_capture.moc"
