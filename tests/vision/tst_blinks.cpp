// Blink detection against hand labels of franck.mp4 (tests/data/franck_blinks.csv).
#include "BlinkLabels.h"
#include "VisionFixtures.h"
#include "vision/EyeStateTracker.h"

#include <QtTest>


using namespace fe::vision;

namespace {

// A detected blink ends when the lids have reopened: it belongs to the labelled blink whose
// closed frames it follows within half a second (12 frames at 24 fps).
constexpr int kReopenSlackFrames = 12;
constexpr int kLabelledFrames = 1440; // the first 60 s

} // namespace

class TestBlinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void franck_blinksMatchHandLabels();
    void longClosure_isNotABlink();
    void shortDip_isABlink_data();
    void shortDip_isABlink();
};

void TestBlinks::franck_blinksMatchHandLabels()
{
    const auto labels = fe::test::franckBlinkLabels();
    QVERIFY(labels.size() >= 10);
    FrameAnalyzer analyzer(fe::test::visionModels().landmarks, fe::test::lowres());
    SourceOptions options;
    options.maxFrames = kLabelledFrames;
    auto source = FrameSource::open(fe::test::asset(fe::Asset::DemoVideo), options);
    std::vector<int> events;
    Frame frame;
    while (source->next(frame)) {
        if (analyzer.analyze(frame.bgr, frame.timestampMs).blinkCompleted)
            events.push_back(static_cast<int>(frame.index));
    }
    std::vector<bool> used(labels.size(), false);
    int truePositives = 0;
    QStringList falsePositives;
    for (int e : events) {
        bool matched = false;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (!used[i] && labels[i].blink && e >= labels[i].start && e <= labels[i].end + kReopenSlackFrames) {
                used[i] = matched = true;
                ++truePositives;
                break;
            }
        }
        if (!matched)
            falsePositives << QString::number(e);
    }
    QStringList missed;
    int blinks = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (!labels[i].blink)
            continue;
        ++blinks;
        if (!used[i])
            missed << QString::number(labels[i].start);
    }
    const double precision = events.empty() ? 0.0 : static_cast<double>(truePositives) / events.size();
    const double recall = static_cast<double>(truePositives) / blinks;
    qInfo("blinks: %d labelled, %d detected, precision %.3f, recall %.3f", blinks, static_cast<int>(events.size()),
          precision, recall);
    QVERIFY2(precision >= 0.9, qPrintable(QStringLiteral("precision %1; unmatched events at frames %2").arg(precision).arg(falsePositives.join(u','))));
    QVERIFY2(recall >= 0.9, qPrintable(QStringLiteral("recall %1; missed blinks starting at %2").arg(recall).arg(missed.join(u','))));
}

void TestBlinks::longClosure_isNotABlink()
{
    EyeStateTracker eyes;
    double t = 0.0;
    const double dt = 40.0;
    for (; t < 2000.0; t += dt)
        eyes.update(0.30, t);
    bool closedSeen = false;
    for (const double end = t + 1500.0; t < end; t += dt)
        closedSeen = eyes.update(0.10, t).closed || closedSeen;
    for (const double end = t + 1000.0; t < end; t += dt)
        QVERIFY(!eyes.update(0.30, t).blinkCompleted);
    QVERIFY(closedSeen);
    QCOMPARE(eyes.blinkCount(), 0);
}

void TestBlinks::shortDip_isABlink_data()
{
    QTest::addColumn<double>("closedMs");
    QTest::addColumn<double>("openEar"); // a narrow-eyed subject blinks too
    QTest::newRow("120 ms, wide eyes") << 120.0 << 0.32;
    QTest::newRow("320 ms, wide eyes") << 320.0 << 0.32;
    QTest::newRow("160 ms, narrow eyes") << 160.0 << 0.20;
}

void TestBlinks::shortDip_isABlink()
{
    QFETCH(double, closedMs);
    QFETCH(double, openEar);
    EyeStateTracker eyes;
    double t = 0.0;
    const double dt = 40.0;
    for (; t < 2000.0; t += dt)
        QVERIFY(!eyes.update(openEar, t).closed);
    for (const double end = t + closedMs; t < end; t += dt)
        QVERIFY(eyes.update(openEar * 0.45, t).closed);
    bool completed = false;
    for (const double end = t + 500.0; t < end; t += dt)
        completed = eyes.update(openEar, t).blinkCompleted || completed;
    QVERIFY(completed);
    QCOMPARE(eyes.blinkCount(), 1);
}

QTEST_APPLESS_MAIN(TestBlinks)
#include "tst_blinks.moc"
