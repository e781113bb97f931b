// ISO/IEC 30107-3 style evaluation of spontaneous-mode liveness on presentations built from
// the demo media (PresentationSets.h). APCER per attack kind: the share of attack
// presentations classified live. BPCER: the share of bona fide presentations classified as
// attacks (spoof); the share not classified live (spoof or inconclusive) is reported too and
// is the one held to 10 %.
#include "LivenessFixtures.h"
#include "PresentationSets.h"

#include <QtTest>

#include <map>

using namespace fe::liveness;
using fe::test::AttackKind;

namespace {

struct Tally
{
    int presentations = 0;
    int live = 0;
    int spoof = 0;
    int inconclusive = 0;
    QStringList accepted;
};

} // namespace

class TestPresentationAttacks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void spontaneousMode_meetsApcerAndBpcerTargets();

private:
    Tally run(std::vector<fe::test::Presentation> set);

    std::unique_ptr<fe::vision::FaceEncoder> m_encoder;
    std::unique_ptr<fe::vision::PadModel> m_pad;
};

void TestPresentationAttacks::initTestCase()
{
    m_encoder = fe::test::visionModels().makeEncoder();
    m_pad = fe::test::visionModels().makePad();
}

Tally TestPresentationAttacks::run(std::vector<fe::test::Presentation> set)
{
    Tally t;
    for (auto& p : set) {
        fe::vision::FrameAnalyzer analyzer(fe::test::visionModels().landmarks, fe::test::lowres());
        LivenessOptions o;
        o.mode = Mode::Spontaneous;
        LivenessSession session(*m_encoder, *m_pad, o);
        fe::vision::Frame frame;
        while (p.source->next(frame))
            session.feed(frame.bgr, analyzer.analyze(frame.bgr, frame.timestampMs));
        const LivenessResult r = session.finish();
        ++t.presentations;
        switch (r.verdict) {
        case Verdict::Live:
            ++t.live;
            t.accepted << QString::fromStdString(p.name);
            break;
        case Verdict::Spoof: ++t.spoof; break;
        case Verdict::Inconclusive: ++t.inconclusive; break;
        }
        qInfo("%-28s %-13s %s", p.name.c_str(), fe::test::attackKindName(p.kind), qPrintable(fe::test::describe(r)));
    }
    return t;
}

void TestPresentationAttacks::spontaneousMode_meetsApcerAndBpcerTargets()
{
    std::map<AttackKind, Tally> tallies;
    tallies[AttackKind::Genuine] = run(fe::test::genuinePresentations());
    for (auto kind : {AttackKind::StillPhoto, AttackKind::HandHeldPhoto, AttackKind::TurnedPhoto, AttackKind::ScreenReplay,
                      AttackKind::FaceSwap})
        tallies[kind] = run(fe::test::attackPresentations(kind));

    qInfo("| presentations | n | live | spoof | inconclusive | rate |");
    for (const auto& [kind, t] : tallies) {
        const bool genuine = kind == AttackKind::Genuine;
        const double rate = genuine ? static_cast<double>(t.spoof) / t.presentations : static_cast<double>(t.live) / t.presentations;
        qInfo("| %s | %d | %d | %d | %d | %s %.1f %% |", fe::test::attackKindName(kind), t.presentations, t.live, t.spoof,
              t.inconclusive, genuine ? "BPCER" : "APCER", 100.0 * rate);
    }
    const Tally& g = tallies[AttackKind::Genuine];
    QVERIFY(g.presentations == 25);
    const double notLive = static_cast<double>(g.presentations - g.live) / g.presentations;
    qInfo("bona fide not classified live: %d of %d (%.1f %%)", g.presentations - g.live, g.presentations, 100.0 * notLive);
    QVERIFY2(notLive <= 0.10, qPrintable(QStringLiteral("%1 of %2 genuine windows rejected").arg(g.presentations - g.live).arg(g.presentations)));
    for (auto kind : {AttackKind::StillPhoto, AttackKind::HandHeldPhoto, AttackKind::TurnedPhoto, AttackKind::FaceSwap}) {
        const Tally& t = tallies[kind];
        QVERIFY(t.presentations >= 6);
        QVERIFY2(t.live == 0, qPrintable(QStringLiteral("%1 accepted as live: %2").arg(QString::fromLatin1(fe::test::attackKindName(kind)), t.accepted.join(u','))));
    }
}

QTEST_APPLESS_MAIN(TestPresentationAttacks)
#include "tst_presentationattacks.moc"
