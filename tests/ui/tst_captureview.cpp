// The live picture's conventions, read from the painted widget: a real frame of the demo video
// and its real analysis, with a turn challenge on top. The live view is a mirror (the picture,
// the face box and the landmarks together), and a turn's arrow points the way the prompt says
// as the customer sees it: "your left" is the screen's left on the mirrored view. Once an
// attempt is over, the guidance line says what happens next. The attempt strip's entries are
// short labels with the full sentence behind them.
#include "GuiTestSupport.h"
#include "capture/CaptureView.h"
#include "common/LanguageManager.h"
#include "common/UiText.h"
#include "enroll/AttemptStrip.h"
#include "vision/FrameAnalyzer.h"
#include "vision/ImageReader.h"
#include "vision/VisionModels.h"

#include <QLabel>

using namespace fe::ui;
using fe::liveness::ChallengeKind;

namespace {

struct AnalysedFrame
{
    QImage image;
    fe::vision::FrameAnalysis analysis;
};

// Frame 333 of the demo video (a frontal face) and its analysis, computed once.
const AnalysedFrame& analysedFrame()
{
    static const AnalysedFrame frame = [] {
        QTemporaryDir dir;
        const QString path = fe::test::gui::demoFrame(dir, 333);
        AnalysedFrame f;
        f.image = QImage(path).convertToFormat(QImage::Format_RGB32);
        const cv::Mat bgr = fe::vision::readImage(path.toStdString());
        const fe::ui::SharedModels models = fe::test::gui::sharedModels();
        fe::vision::FrameAnalyzer analyzer(models->landmarks);
        // A few frames: the tracker and the eye baseline settle as on a live stream.
        for (int i = 0; i < 3; ++i)
            f.analysis = analyzer.analyze(bgr, i * 40.0);
        return f;
    }();
    return frame;
}

FrameResultPtr liveResult(std::optional<ChallengeKind> challenge)
{
    const AnalysedFrame& f = analysedFrame();
    auto r = std::make_shared<FrameResult>();
    r->image = f.image;
    r->stage = FrameResult::Stage::Live;
    r->modelsReady = true;
    r->analysed = true;
    r->analysis = f.analysis;
    r->attemptId = 1;
    if (challenge) {
        fe::liveness::Prompt p;
        p.kind = *challenge;
        p.index = 1;
        p.total = 3;
        p.progress = 0.3;
        p.secondsLeft = 4.0;
        r->prompt = p;
    }
    return r;
}

// Which way the arrow in rect points on the painted image: the arrow's head (two strokes at
// the tip) puts more white on the tip's half than the shaft alone puts on the tail's.
int paintedArrowDirection(const QImage& shot, const QRectF& rect)
{
    const qreal dpr = shot.devicePixelRatio();
    const QRect r = QRectF(rect.topLeft() * dpr, rect.size() * dpr).toAlignedRect();
    int left = 0;
    int right = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c(shot.pixel(x, y));
            if (c.red() < 230 || c.green() < 230 || c.blue() < 230)
                continue;
            (x < r.center().x() ? left : right) += 1;
        }
    }
    if (left + right < 20 || std::abs(left - right) < (left + right) / 8)
        return 0; // no arrow, or no clear head
    return right > left ? 1 : -1;
}

} // namespace

class TestCaptureView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void turnArrow_agreesWithThePromptOnTheMirroredPicture_data();
    void turnArrow_agreesWithThePromptOnTheMirroredPicture();
    void mirroredView_mirrorsPictureBoxAndLandmarksTogether();
    void finishedAttempt_guidanceSaysWhatHappensNext();
    void attemptStrip_showsShortLabels_fullSentenceBehind();
    void shortLabels_everyReasonAndGuidance_inBothLanguages();
};

void TestCaptureView::initTestCase()
{
    const AnalysedFrame& f = analysedFrame();
    QVERIFY(!f.image.isNull());
    QCOMPARE(f.analysis.faces.size(), std::size_t{1});
}

void TestCaptureView::turnArrow_agreesWithThePromptOnTheMirroredPicture_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("word");
    QTest::addColumn<int>("screenSide"); // where the customer's side is on the mirrored view
    QTest::newRow("turn left") << static_cast<int>(ChallengeKind::TurnLeft) << QStringLiteral("left") << -1;
    QTest::newRow("turn right") << static_cast<int>(ChallengeKind::TurnRight) << QStringLiteral("right") << 1;
}

void TestCaptureView::turnArrow_agreesWithThePromptOnTheMirroredPicture()
{
    QFETCH(int, kind);
    QFETCH(QString, word);
    QFETCH(int, screenSide);
    const auto challenge = static_cast<ChallengeKind>(kind);

    CaptureView view;
    view.setSubject(HintSubject::Person);
    view.setMirrored(true); // as the live page shows it
    view.resize(720, 576);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setResult(liveResult(challenge));

    // The prompt speaks of the customer's own side...
    const QString prompt = view.challengeText();
    QCOMPARE(prompt, UiText::challengePrompt(challenge));
    QVERIFY2(prompt.contains(word), qPrintable(prompt));
    // ...and the painted arrow points to that side of the screen, as in a mirror.
    const QRectF icon = view.challengeIconRect();
    QVERIFY(!icon.isEmpty());
    const QImage shot = view.grab().toImage();
    QCOMPARE(paintedArrowDirection(shot, icon), screenSide);

    // The same turn moves the face that way on the picture: the subject's left is the camera
    // frame's right (HeadPose), which the mirrored view shows on the left.
    const fe::vision::FaceObservation& face = analysedFrame().analysis.faces.front();
    const QPointF nose(face.landmarks[30].x, face.landmarks[30].y);
    const QPointF turned = nose + QPointF(challenge == ChallengeKind::TurnLeft ? 20.0 : -20.0, 0.0);
    const qreal moved = view.mapFromFrame(turned).x() - view.mapFromFrame(nose).x();
    QCOMPARE(moved > 0 ? 1 : -1, screenSide);

    // Unmirrored (a picture that is not the customer's mirror) the arrow follows the picture:
    // the check above can fail.
    view.setMirrored(false);
    QCOMPARE(paintedArrowDirection(view.grab().toImage(), view.challengeIconRect()), -screenSide);
}

void TestCaptureView::mirroredView_mirrorsPictureBoxAndLandmarksTogether()
{
    CaptureView view;
    view.setMirrored(true);
    view.setDebugOverlayVisible(false);
    view.resize(720, 576);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setResult(liveResult(std::nullopt));
    const AnalysedFrame& f = analysedFrame();
    const fe::vision::FaceObservation& face = f.analysis.faces.front();

    // The landmarks sit on the mirrored positions: the subject's right eye (the frame's left)
    // is on the screen's right.
    const QImage shot = view.grab().toImage();
    const qreal dpr = shot.devicePixelRatio();
    int hits = 0;
    for (const cv::Point2f& p : face.landmarks) {
        const QPointF w = view.mapFromFrame(QPointF(p.x, p.y)) * dpr;
        hits += QColor(shot.pixel(QPoint(static_cast<int>(std::floor(w.x())), static_cast<int>(std::floor(w.y()))))) ==
                        CaptureView::landmarkColour()
                    ? 1
                    : 0;
    }
    QCOMPARE(hits, 68);
    const QRectF img = view.imageRect();
    QVERIFY(view.mapFromFrame(QPointF(face.landmarks[36].x, face.landmarks[36].y)).x() >
            view.mapFromFrame(QPointF(face.landmarks[45].x, face.landmarks[45].y)).x());
    QVERIFY(view.mapFromFrame(QPointF(0, 0)).x() > img.right() - 1.0);

    // The picture is mirrored with them: with the overlay off, a pixel of the frame near its
    // left edge is painted near the widget's right edge.
    view.setLandmarksVisible(false);
    view.setGuidanceEnabled(false);
    const QImage plain = view.grab().toImage();
    int same = 0;
    int total = 0;
    for (int y = 20; y < f.image.height() - 20; y += 23) {
        for (int x = 4; x < f.image.width() / 4; x += 17) {
            const QPointF w = view.mapFromFrame(QPointF(x + 0.5, y + 0.5)) * dpr;
            const QColor painted(plain.pixel(QPoint(static_cast<int>(w.x()), static_cast<int>(w.y()))));
            const QColor source(f.image.pixel(x, y));
            ++total;
            same += std::abs(painted.red() - source.red()) + std::abs(painted.green() - source.green()) +
                            std::abs(painted.blue() - source.blue()) <
                        40
                        ? 1
                        : 0;
        }
    }
    QVERIFY2(same * 10 >= total * 9, qPrintable(QStringLiteral("%1 of %2 pixels where the mirror puts them").arg(same).arg(total)));
}

void TestCaptureView::finishedAttempt_guidanceSaysWhatHappensNext()
{
    CaptureView view;
    view.setSubject(HintSubject::Person);
    view.setMirrored(true);
    view.resize(720, 576);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QStringList announced;
    connect(&view, &CaptureView::announced, this, [&](const QString& t) { announced << t; });
    // A face on the picture after the attempt: without an outcome the line gives the live hint.
    for (int i = 0; i < 8; ++i)
        view.setResult(liveResult(std::nullopt));
    QVERIFY(!view.guidanceText().isEmpty());
    QCOMPARE(view.guidanceText(), UiText::hint(view.hint()));

    const QString outcome = QStringLiteral("Attempt failed: too dark. Try again");
    view.setOutcome(outcome, false);
    view.setResult(liveResult(std::nullopt));
    QCOMPARE(view.guidanceText(), outcome);
    QVERIFY(view.challengeText().isEmpty());
    QVERIFY(announced.contains(outcome));
    view.clear(); // a new attempt
    view.setResult(liveResult(std::nullopt));
    QVERIFY(view.guidanceText() != outcome);
}

void TestCaptureView::attemptStrip_showsShortLabels_fullSentenceBehind()
{
    auto failed = std::make_shared<AttemptOutcome>();
    failed->attemptId = 2;
    failed->kind = AttemptOutcome::Kind::NoPortrait;
    failed->result.blockingGuidance = fe::vision::Guidance::MoreLight;
    auto flagged = std::make_shared<AttemptOutcome>();
    flagged->attemptId = 3;
    flagged->kind = AttemptOutcome::Kind::LivenessFlag;
    flagged->result.liveness.verdict = fe::liveness::Verdict::Spoof;
    flagged->result.liveness.reasons = {fe::liveness::Reason::FlatMotion};
    auto passed = std::make_shared<AttemptOutcome>();
    passed->attemptId = 4;
    passed->kind = AttemptOutcome::Kind::Passed;
    passed->result.liveness.verdict = fe::liveness::Verdict::Live;

    std::vector<EnrollmentState::Attempt> attempts;
    for (const AttemptOutcomePtr& o : {AttemptOutcomePtr(failed), AttemptOutcomePtr(flagged), AttemptOutcomePtr(passed)})
        attempts.push_back({o->attemptId, o->kind, {}, o});

    AttemptStrip strip;
    strip.setAttempts(attempts);
    const QStringList labels = strip.texts();
    const QStringList sentences = strip.descriptions();
    QCOMPARE(labels.size(), 3);
    QCOMPARE(labels.at(0), QStringLiteral("✗ 2 failed: too dark"));
    QCOMPARE(labels.at(1), QStringLiteral("! 3 not confirmed: flat picture"));
    QCOMPARE(labels.at(2), QStringLiteral("✓ 4 passed"));
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(!labels.at(i).endsWith(u'.'), qPrintable(labels.at(i)));
        QCOMPARE(sentences.at(i), AttemptStrip::describe(attempts.at(static_cast<std::size_t>(i))));
        QVERIFY(sentences.at(i).size() > labels.at(i).size());
    }
    // The full reason is behind the label, for the clerk's mouse and for screen readers.
    QVERIFY(sentences.at(1).contains(UiText::livenessReason(fe::liveness::Reason::FlatMotion)));
    const auto items = strip.findChildren<QLabel*>();
    QVERIFY(std::any_of(items.begin(), items.end(), [&](const QLabel* l) { return l->accessibleDescription() == sentences.at(0); }));
}

// Every way an attempt can end has its own short label in the strip, in English and in
// Chinese: an outcome without one would show an empty "failed:".
void TestCaptureView::shortLabels_everyReasonAndGuidance_inBothLanguages()
{
    auto* language = LanguageManager::instance();
    QVERIFY(language);
    const auto hasHan = [](const QString& s) {
        return std::any_of(s.begin(), s.end(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
    };
    // The labels of `count` outcomes: none empty, each in the language, all different.
    const auto distinctLabels = [&](const QString& lang, int count, const auto& label) {
        QSet<QString> seen;
        for (int i = 0; i < count; ++i) {
            const QString text = label(i);
            if (text.isEmpty() || (lang == QLatin1String("en")) == hasHan(text))
                return QStringLiteral("%1: outcome %2 has no short label in the language: \"%3\"").arg(lang).arg(i).arg(text);
            seen.insert(text);
        }
        return seen.size() == count ? QString() : QStringLiteral("%1: two outcomes share a label").arg(lang);
    };
    for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        language->setLanguage(lang);
        const QString reasons = distinctLabels(lang, static_cast<int>(fe::liveness::Reason::WrongAction) + 1,
                                               [](int i) { return UiText::shortLivenessReason(static_cast<fe::liveness::Reason>(i)); });
        QVERIFY2(reasons.isEmpty(), qPrintable(QStringLiteral("liveness reasons: ") + reasons));
        const QString guidance = distinctLabels(lang, static_cast<int>(fe::vision::Guidance::Ok) + 1,
                                                [](int i) { return UiText::shortGuidance(static_cast<fe::vision::Guidance>(i)); });
        QVERIFY2(guidance.isEmpty(), qPrintable(QStringLiteral("guidance: ") + guidance));
    }
    language->setLanguage(QStringLiteral("en"));
}

FE_GUI_TEST_MAIN(TestCaptureView)
#include "tst_captureview.moc"
