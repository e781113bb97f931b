// ISO/IEC 30107-3 style evaluation of liveness on presentations built from the demo media
// (PresentationSets.h), in both modes:
//  - spontaneous mode: every presentation once, with its pixels;
//  - challenge mode: every recorded presentation replayed through 200 seeded sessions (the
//    analyses and the cues the pixels gave are kept per frame, so the analysis runs once), and
//    the recordings of the two demo videos from every 2 s replayed the same way: the share
//    judged live is the replay pass rate.
// APCER per attack kind: the share of attack presentations classified live. BPCER: the share
// of bona fide presentations classified as attacks (spoof); the share not classified live
// (spoof or inconclusive: a retry) is reported beside it. Thresholds were set on the tuning
// half; the targets are asserted on the test half (and, for prints, on both).
//
// Each test function builds what it needs through the process-wide Corpus, so any one of them
// can run alone; run in order, every presentation is analysed once.
#include "LivenessFixtures.h"
#include "PresentationSets.h"
#include "RecordedTurns.h"

#include <QtTest>

#include <fstream>
#include <map>

using namespace fe::liveness;
using fe::test::AttackKind;
using fe::test::CuedFrame;
using fe::test::Half;

namespace {

constexpr int kSeeds = 200;

struct Recorded
{
    std::string name;
    AttackKind kind = AttackKind::Genuine;
    Half half = Half::Tuning;
    std::vector<CuedFrame> frames;
    LivenessResult spontaneous; // judged once, with the pixels
};

LivenessOptions spontaneousOptions()
{
    LivenessOptions o;
    o.mode = Mode::Spontaneous;
    return o;
}

// Every presentation's recording, analysed once per process.
class Corpus
{
public:
    static Corpus& instance()
    {
        static Corpus c;
        return c;
    }

    const std::vector<Recorded>& attacks(AttackKind kind)
    {
        auto& set = m_attacks[kind];
        if (!set.empty())
            return set;
        for (auto& p : fe::test::attackPresentations(kind, lookup())) {
            Recorded r{p.name, kind, p.half, {}, {}};
            fe::vision::FrameAnalyzer analyzer(fe::test::visionModels().landmarks, fe::test::livenessAnalysis());
            LivenessSession session(*m_encoder, *m_pad, spontaneousOptions());
            fe::vision::Frame frame;
            while (p.source->next(frame)) {
                auto a = analyzer.analyze(frame.bgr, frame.timestampMs);
                session.feed(frame.bgr, a);
                r.frames.push_back({std::move(a), session.lastCues()});
            }
            r.spontaneous = session.finish();
            set.push_back(std::move(r));
        }
        return set;
    }

    // The bona fide 8 s windows of one video, judged in spontaneous mode with their pixels.
    const std::vector<Recorded>& genuine(fe::Asset video)
    {
        record(video);
        return m_genuine[video];
    }

    // The whole video, analysed continuously, with the cues of its frames.
    const std::vector<CuedFrame>& stream(fe::Asset video)
    {
        record(video);
        return m_streams[video];
    }

    fe::vision::FaceEncoder& encoder() { return *m_encoder; }
    fe::vision::PadModel& pad() { return *m_pad; }

private:
    Corpus() : m_encoder(fe::test::visionModels().makeEncoder()), m_pad(fe::test::visionModels().makePad()) {}

    // One pass over the video: one analyzer for the whole recording (the windows start with a
    // warm tracker, as a camera's analysis would before a session starts), and a spontaneous
    // session with the pixels for each 8 s window.
    void record(fe::Asset video)
    {
        if (!m_streams[video].empty())
            return;
        auto& stream = m_streams[video];
        auto& windows = m_genuine[video];
        std::vector<fe::test::VideoWindow> all;
        for (const auto& w : fe::test::genuineWindows()) {
            if (w.video == video)
                all.push_back(w);
        }
        auto source = fe::vision::FrameSource::open(fe::test::asset(video), {});
        fe::vision::FrameAnalyzer analyzer(fe::test::visionModels().landmarks, fe::test::livenessAnalysis());
        std::unique_ptr<LivenessSession> session;
        std::size_t next = 0;
        fe::vision::Frame frame;
        while (source->next(frame)) {
            auto a = analyzer.analyze(frame.bgr, frame.timestampMs);
            if (next < all.size() && frame.index == all[next].first) {
                session = std::make_unique<LivenessSession>(*m_encoder, *m_pad, spontaneousOptions());
                windows.push_back({all[next].name, AttackKind::Genuine, all[next].half, {}, {}});
            }
            FrameCues cues;
            if (session) {
                session->feed(frame.bgr, a);
                cues = session->lastCues();
            } else if (a.faces.size() == 1) {
                cues.eyes = EyePatches::sample(frame.bgr, a.faces.front().landmarks);
            }
            stream.push_back({std::move(a), cues});
            if (session && frame.index == all[next].first + all[next].count - 1) {
                windows.back().spontaneous = session->finish();
                session.reset();
                ++next;
            }
        }
    }

    fe::test::LandmarkLookup lookup()
    {
        return [this](fe::Asset video, std::int64_t i) -> std::optional<fe::vision::Landmarks> {
            const auto& s = stream(video);
            if (i < 0 || i >= static_cast<std::int64_t>(s.size()) || s[static_cast<std::size_t>(i)].analysis.faces.empty())
                return std::nullopt;
            return s[static_cast<std::size_t>(i)].analysis.faces.front().landmarks;
        };
    }

    std::unique_ptr<fe::vision::FaceEncoder> m_encoder;
    std::unique_ptr<fe::vision::PadModel> m_pad;
    std::map<AttackKind, std::vector<Recorded>> m_attacks;
    std::map<fe::Asset, std::vector<Recorded>> m_genuine;
    std::map<fe::Asset, std::vector<CuedFrame>> m_streams;
};

LivenessOptions challengeOptions(std::uint64_t seed)
{
    LivenessOptions o;
    o.mode = Mode::Challenge;
    o.seed = seed;
    return o;
}

// Frames [first, first + count) of a recorded stream through a challenge session.
LivenessResult replay(const std::vector<CuedFrame>& frames, std::size_t first, std::size_t count, std::uint64_t seed)
{
    Corpus& c = Corpus::instance();
    LivenessSession session(c.encoder(), c.pad(), challengeOptions(seed));
    const std::size_t end = std::min(frames.size(), first + count);
    for (std::size_t i = first; i < end && !session.finished(); ++i)
        session.feedRecorded(frames[i].analysis, frames[i].cues);
    return session.finish();
}

// The seeds of the evaluation: the same for every recording.
std::uint64_t seedOf(int i)
{
    return 0x9E3779B97F4A7C15ull * static_cast<std::uint64_t>(i + 1);
}

struct Tally
{
    int n = 0, live = 0, spoof = 0, inconclusive = 0;
    QStringList accepted;
    void add(const std::string& name, Verdict v)
    {
        ++n;
        if (v == Verdict::Live) {
            ++live;
            accepted << QString::fromStdString(name);
        }
        spoof += v == Verdict::Spoof;
        inconclusive += v == Verdict::Inconclusive;
    }
    [[nodiscard]] double liveShare() const { return n > 0 ? static_cast<double>(live) / n : 0.0; }
    [[nodiscard]] double spoofShare() const { return n > 0 ? static_cast<double>(spoof) / n : 0.0; }
};

QString kindName(AttackKind k)
{
    return QString::fromLatin1(fe::test::attackKindName(k));
}

} // namespace

class TestPresentationAttacks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Spontaneous mode, one presentation kind per function (each analyses its recordings).
    void spontaneous_bonaFideWindows_data();
    void spontaneous_bonaFideWindows();
    void spontaneous_attacks_data();
    void spontaneous_attacks();
    void spontaneous_isoTable();

    // Challenge mode, replays of the same recordings with 200 seeds.
    void challenge_recordingsFromEvery2s_replayPassRate_data();
    void challenge_recordingsFromEvery2s_replayPassRate();
    void challenge_attacks_sameSeeds_data();
    void challenge_attacks_sameSeeds();
    void challenge_recordedTurns_areVerified();
    void challenge_isoTable();

private:
    const std::array<Tally, 2>& challengeTally(AttackKind kind);

    std::map<AttackKind, std::array<Tally, 2>> m_challenge; // per half
};

void TestPresentationAttacks::initTestCase()
{
    (void)fe::test::visionModels();
}

void TestPresentationAttacks::spontaneous_bonaFideWindows_data()
{
    QTest::addColumn<int>("video");
    QTest::newRow("franck") << static_cast<int>(fe::Asset::DemoVideo);
    QTest::newRow("cap12") << static_cast<int>(fe::Asset::SecondVideo);
}

void TestPresentationAttacks::spontaneous_bonaFideWindows()
{
    QFETCH(int, video);
    const auto& windows = Corpus::instance().genuine(static_cast<fe::Asset>(video));
    QVERIFY(windows.size() >= 6);
    for (const auto& w : windows)
        qInfo("%-7s %-24s %s", fe::test::halfName(w.half), w.name.c_str(), qPrintable(fe::test::describe(w.spontaneous)));
}

void TestPresentationAttacks::spontaneous_attacks_data()
{
    QTest::addColumn<int>("kind");
    for (auto k : fe::test::kAttackKinds)
        QTest::newRow(fe::test::attackKindName(k)) << static_cast<int>(k);
}

void TestPresentationAttacks::spontaneous_attacks()
{
    QFETCH(int, kind);
    const auto k = static_cast<AttackKind>(kind);
    const auto& set = Corpus::instance().attacks(k);
    QVERIFY(set.size() >= 6);
    std::array<Tally, 2> t;
    for (const auto& p : set) {
        t[static_cast<std::size_t>(p.half)].add(p.name, p.spontaneous.verdict);
        qInfo("%-7s %-42s %s", fe::test::halfName(p.half), p.name.c_str(), qPrintable(fe::test::describe(p.spontaneous)));
    }
    // Prints of every kind, with flaps or cut-outs, held still, in a hand, turned or worn, are
    // never live, in either half.
    if (fe::test::isPrintKind(k)) {
        for (std::size_t h = 0; h < t.size(); ++h) {
            QVERIFY2(t[h].live == 0, qPrintable(kindName(k) + QStringLiteral(" accepted as live: ") + t[h].accepted.join(u',')));
        }
    }
}

void TestPresentationAttacks::spontaneous_isoTable()
{
    Corpus& c = Corpus::instance();
    std::array<Tally, 2> bonaFide;
    for (auto video : {fe::Asset::DemoVideo, fe::Asset::SecondVideo}) {
        for (const auto& w : c.genuine(video))
            bonaFide[static_cast<std::size_t>(w.half)].add(w.name, w.spontaneous.verdict);
    }
    qInfo("Spontaneous mode (ISO/IEC 30107-3), tuning half | test half:");
    qInfo("| presentations | n | live | spoof | inconclusive | metric |");
    for (std::size_t h = 0; h < 2; ++h) {
        const Tally& g = bonaFide[h];
        qInfo("| bona fide (%s) | %d | %d | %d | %d | BPCER %.1f %%, not live %.1f %% |", fe::test::halfName(static_cast<Half>(h)), g.n, g.live,
              g.spoof, g.inconclusive, 100.0 * g.spoofShare(), 100.0 * (1.0 - g.liveShare()));
    }
    for (auto k : fe::test::kAttackKinds) {
        std::array<Tally, 2> t;
        for (const auto& p : c.attacks(k))
            t[static_cast<std::size_t>(p.half)].add(p.name, p.spontaneous.verdict);
        for (std::size_t h = 0; h < 2; ++h)
            qInfo("| %s (%s) | %d | %d | %d | %d | APCER %.1f %% |", fe::test::attackKindName(k), fe::test::halfName(static_cast<Half>(h)), t[h].n,
                  t[h].live, t[h].spoof, t[h].inconclusive, 100.0 * t[h].liveShare());
        if (fe::test::isPrintKind(k))
            QCOMPARE(t[1].live, 0);
    }
    const Tally& test = bonaFide[1];
    QVERIFY(test.n >= 15);
    QVERIFY2(test.spoofShare() <= 0.10, qPrintable(QStringLiteral("BPCER %1 of %2").arg(test.spoof).arg(test.n)));
    // And a genuine window asks for a retry at most one time in ten (the target counts
    // every window not judged live against the genuine user).
    QVERIFY2(test.n - test.live <= test.n / 10,
             qPrintable(QStringLiteral("%1 of %2 genuine windows not live").arg(test.n - test.live).arg(test.n)));
}

void TestPresentationAttacks::challenge_recordingsFromEvery2s_replayPassRate_data()
{
    QTest::addColumn<int>("video");
    QTest::newRow("franck") << static_cast<int>(fe::Asset::DemoVideo);
    QTest::newRow("cap12") << static_cast<int>(fe::Asset::SecondVideo);
}

void TestPresentationAttacks::challenge_recordingsFromEvery2s_replayPassRate()
{
    QFETCH(int, video);
    const auto asset = static_cast<fe::Asset>(video);
    const auto& stream = Corpus::instance().stream(asset);
    // A challenge session lasts at most 20 s: each recording is 20 s (less at the video's end).
    const auto windows = fe::test::replayWindows(asset, 20.0, 2.0);
    QVERIFY(windows.size() >= 20);
    std::array<int, 2> live{}, total{};
    std::map<std::string, int> reasons;
    for (const auto& w : windows) {
        int passed = 0;
        for (int s = 0; s < kSeeds; ++s) {
            const auto r = replay(stream, static_cast<std::size_t>(w.first), static_cast<std::size_t>(w.count), seedOf(s));
            ++total[static_cast<std::size_t>(w.half)];
            if (r.verdict == Verdict::Live) {
                ++live[static_cast<std::size_t>(w.half)];
                ++passed;
            }
            ++reasons[r.reasons.empty() ? "live" : std::string(reasonKey(r.reasons.front()))];
        }
        if (passed > 0)
            qInfo("  %s: %d of %d seeds live", w.name.c_str(), passed, kSeeds);
    }
    const int all = live[0] + live[1], n = total[0] + total[1];
    qInfo("%s: replay pass rate %.2f %% (%d of %d; tuning half %d of %d, test half %d of %d)", fe::test::videoName(asset),
          100.0 * all / n, all, n, live[0], total[0], live[1], total[1]);
    for (const auto& [reason, count] : reasons)
        qInfo("  %-20s %d", reason.c_str(), count);
    QVERIFY2(all <= n / 100, qPrintable(QStringLiteral("replay pass rate %1 of %2").arg(all).arg(n)));
}

void TestPresentationAttacks::challenge_attacks_sameSeeds_data()
{
    spontaneous_attacks_data();
}

const std::array<Tally, 2>& TestPresentationAttacks::challengeTally(AttackKind k)
{
    auto it = m_challenge.find(k);
    if (it != m_challenge.end())
        return it->second;
    std::array<Tally, 2> t;
    for (const auto& p : Corpus::instance().attacks(k)) {
        int passed = 0;
        for (int s = 0; s < kSeeds; ++s) {
            const auto r = replay(p.frames, 0, p.frames.size(), seedOf(s));
            t[static_cast<std::size_t>(p.half)].add(p.name, r.verdict);
            passed += r.verdict == Verdict::Live;
        }
        if (passed > 0)
            qInfo("  %s: %d of %d seeds live", p.name.c_str(), passed, kSeeds);
    }
    return m_challenge[k] = t;
}

void TestPresentationAttacks::challenge_attacks_sameSeeds()
{
    QFETCH(int, kind);
    const auto k = static_cast<AttackKind>(kind);
    const auto& t = challengeTally(k);
    for (std::size_t h = 0; h < 2; ++h)
        qInfo("%s (%s): %d of %d sessions live", fe::test::attackKindName(k), fe::test::halfName(static_cast<Half>(h)), t[h].live, t[h].n);
    // Flap, replay and print attacks: none live with any seed, in either half. (A face swap cut
    // into a recording is the face-change check's case, not the prompts'.)
    if (k != AttackKind::FaceSwap) {
        for (const auto& h : t)
            QVERIFY2(h.live == 0, qPrintable(kindName(k) + QStringLiteral(" live with some seeds: ") + h.accepted.join(u',')));
    }
}

void TestPresentationAttacks::challenge_recordedTurns_areVerified()
{
    // Every head turn the two recordings hold (past 16 degrees within 2 s from a still head,
    // then back), prompted in its direction: the turn challenge verifies the 3D head. The
    // recordings were not made to follow prompts; these are the only turns they hold.
    std::array<int, 2> met{}, total{};
    for (auto video : {fe::Asset::DemoVideo, fe::Asset::SecondVideo}) {
        const auto& stream = Corpus::instance().stream(video);
        for (int half = 0; half < 2; ++half) {
            const std::size_t a = half == 0 ? 0 : stream.size() / 2, b = half == 0 ? stream.size() / 2 : stream.size();
            const auto turns = fe::test::findTurns(stream, a, b, fe::test::videoFps(video));
            for (auto dir : {ChallengeKind::TurnLeft, ChallengeKind::TurnRight}) {
                for (const auto& clip : dir == ChallengeKind::TurnLeft ? turns.left : turns.right) {
                    LivenessOptions o = challengeOptions(1);
                    o.challenges = {dir};
                    LivenessSession session(Corpus::instance().encoder(), Corpus::instance().pad(), o);
                    const auto r = fe::test::playClip(session, clip, fe::test::videoFps(video));
                    ++total[static_cast<std::size_t>(half)];
                    met[static_cast<std::size_t>(half)] += r.verdict == Verdict::Live;
                    qInfo("%s turn %s (%s): %s", fe::test::videoName(video), challengeKey(dir).data(), half == 0 ? "tuning" : "test",
                          qPrintable(fe::test::describe(r)));
                }
            }
        }
    }
    qInfo("recorded turns verified: tuning half %d of %d, test half %d of %d", met[0], total[0], met[1], total[1]);
    QVERIFY(total[0] + total[1] >= 8);
    QVERIFY2(met[1] * 10 >= total[1] * 8, "fewer than 80 % of the test half's recorded turns were verified");
}

void TestPresentationAttacks::challenge_isoTable()
{
    qInfo("Challenge mode (ISO/IEC 30107-3), %d seeds per presentation, tuning half | test half:", kSeeds);
    qInfo("| presentations | sessions | live | spoof | inconclusive | metric |");
    for (auto k : fe::test::kAttackKinds) {
        const auto& t = challengeTally(k);
        for (std::size_t h = 0; h < 2; ++h)
            qInfo("| %s (%s) | %d | %d | %d | %d | APCER %.2f %% |", fe::test::attackKindName(k), fe::test::halfName(static_cast<Half>(h)),
                  t[h].n, t[h].live, t[h].spoof, t[h].inconclusive, 100.0 * t[h].liveShare());
        if (fe::test::isPrintKind(k))
            QCOMPARE(t[1].live, 0);
    }
    QVERIFY(challengeTally(AttackKind::ScreenReplay)[1].liveShare() <= 0.05);
}

QTEST_APPLESS_MAIN(TestPresentationAttacks)
#include "tst_presentationattacks.moc"
