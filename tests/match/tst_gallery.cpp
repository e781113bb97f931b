// The 1:N gallery returns what an exact float search returns.
#include "common/Error.h"
#include "common/TestData.h"
#include "match/Gallery.h"
#include "match/GalleryKernels.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <thread>

using fe::match::Gallery;

namespace {

constexpr std::size_t kDim = 512;

std::vector<float> randomUnit(std::mt19937& rng)
{
    std::normal_distribution<float> n;
    std::vector<float> v(kDim);
    double norm = 0;
    for (auto& x : v) {
        x = n(rng);
        norm += double(x) * x;
    }
    for (auto& x : v)
        x = static_cast<float>(x / std::sqrt(norm));
    return v;
}

// A noisy copy, as a second capture of the same face is: similarity about `target`.
std::vector<float> near(const std::vector<float>& v, double target, std::mt19937& rng)
{
    auto noise = randomUnit(rng);
    const double a = target, b = std::sqrt(1 - target * target);
    std::vector<float> out(kDim);
    double norm = 0;
    for (std::size_t j = 0; j < kDim; ++j) {
        out[j] = static_cast<float>(a * v[j] + b * noise[j]);
        norm += double(out[j]) * out[j];
    }
    for (auto& x : out)
        x = static_cast<float>(x / std::sqrt(norm));
    return out;
}

struct Fixture
{
    std::vector<std::string> ids;
    std::vector<std::vector<float>> rows;
};

Fixture build(std::size_t n, std::mt19937& rng)
{
    Fixture f;
    for (std::size_t i = 0; i < n; ++i) {
        f.ids.push_back("e" + std::to_string(i));
        // Every 50th row is a second capture of the previous one (a duplicate person).
        f.rows.push_back(i % 50 == 1 ? near(f.rows.back(), 0.7, rng) : randomUnit(rng));
    }
    return f;
}

std::vector<std::pair<double, std::string>> bruteForce(const Fixture& f, const std::vector<float>& q)
{
    std::vector<std::pair<double, std::string>> s;
    for (std::size_t i = 0; i < f.rows.size(); ++i) {
        double d = 0;
        for (std::size_t j = 0; j < kDim; ++j)
            d += double(f.rows[i][j]) * q[j];
        s.emplace_back(d, f.ids[i]);
    }
    std::sort(s.begin(), s.end(), std::greater<>());
    return s;
}

} // namespace

class TestGallery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void search_equalsExactFloatSearch_data();
    void search_equalsExactFloatSearch();
    void above_returnsEveryScoreOverThreshold();
    void removeAndReplace_keepRowsConsistent();
    void wrongDimension_isRejected();
    void halfFloat_roundTrips();
    void concurrentSearchesAndAdds();
    void concurrentSearches_eachReportsItsOwnCost();
    void candidates_rankAndCohortMatchBruteForce();
    void candidates_duplicateStandsOutLookalikesDoNot();
    void candidates_smallGallery_hasNoCohort();
};

void TestGallery::search_equalsExactFloatSearch_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("k");
    QTest::newRow("5000, top 1") << 5000 << 1;
    QTest::newRow("20000, top 10") << 20000 << 10;
}

void TestGallery::search_equalsExactFloatSearch()
{
    QFETCH(int, size);
    QFETCH(int, k);
    std::mt19937 rng(7);
    const Fixture f = build(static_cast<std::size_t>(size), rng);
    Gallery g(kDim);
    for (std::size_t i = 0; i < f.rows.size(); ++i)
        g.add(f.ids[i], f.rows[i]);
    QCOMPARE(g.size(), static_cast<std::size_t>(size));
    for (int trial = 0; trial < 30; ++trial) {
        // Half the queries are new captures of enrolled faces, half strangers.
        const auto q = trial % 2 == 0 ? near(f.rows[static_cast<std::size_t>(trial * 97 % size)], 0.75, rng) : randomUnit(rng);
        const auto expected = bruteForce(f, q);
        const auto hits = g.search(q, static_cast<std::size_t>(k));
        QCOMPARE(hits.size(), static_cast<std::size_t>(k));
        for (int i = 0; i < k; ++i) {
            QVERIFY2(std::abs(hits[i].score - expected[i].first) < 1e-3,
                     qPrintable(QStringLiteral("rank %1: %2 vs %3").arg(i).arg(hits[i].score).arg(expected[i].first)));
            // Same ids, except where two exact scores tie within half-float rounding.
            if (hits[i].id != expected[i].second)
                QVERIFY(std::abs(expected[i].first - expected[std::min(i + 1, k)].first) < 2e-3 ||
                        (i > 0 && std::abs(expected[i].first - expected[i - 1].first) < 2e-3));
        }
        // The int8 scan ruled out almost every row.
        fe::match::SearchStats stats;
        (void)g.search(q, static_cast<std::size_t>(k), &stats);
        QVERIFY2(stats.rescored < static_cast<std::size_t>(size) / 20, qPrintable(QString::number(stats.rescored)));
        for (int i = 0; i < k; ++i)
            QCOMPARE(hits[i].rank, static_cast<std::uint32_t>(i + 1));
    }
}

void TestGallery::above_returnsEveryScoreOverThreshold()
{
    std::mt19937 rng(11);
    const Fixture f = build(10000, rng);
    Gallery g(kDim);
    for (std::size_t i = 0; i < f.rows.size(); ++i)
        g.add(f.ids[i], f.rows[i]);
    const auto q = near(f.rows[5000], 0.8, rng);
    const auto expected = bruteForce(f, q);
    for (float threshold : {0.15f, 0.3f, 0.5f}) {
        std::set<std::string> want;
        for (const auto& [s, id] : expected) {
            if (s >= threshold + 1e-3)
                want.insert(id);
        }
        std::set<std::string> got;
        for (const auto& h : g.above(q, threshold))
            got.insert(h.id);
        for (const auto& id : want)
            QVERIFY2(got.count(id), qPrintable(QStringLiteral("missing %1 at %2").arg(QString::fromStdString(id)).arg(threshold)));
        QVERIFY(got.size() <= want.size() + 2);
    }
}

void TestGallery::removeAndReplace_keepRowsConsistent()
{
    std::mt19937 rng(3);
    Gallery g(kDim);
    std::vector<std::vector<float>> rows;
    for (int i = 0; i < 100; ++i) {
        rows.push_back(randomUnit(rng));
        g.add("e" + std::to_string(i), rows.back());
    }
    QVERIFY(g.remove("e10"));
    QVERIFY(!g.remove("e10"));
    QVERIFY(!g.contains("e10"));
    QCOMPARE(g.size(), std::size_t(99));
    // The row moved into the hole still answers for its own id.
    QVERIFY(std::abs(*g.score("e99", rows[99]) - 1.0f) < 1e-3);
    QCOMPARE(g.search(rows[99], 1).front().id, std::string("e99"));
    QVERIFY(!g.score("e10", rows[10]).has_value());
    // Replacing keeps one row per id.
    g.add("e5", rows[7]);
    QCOMPARE(g.size(), std::size_t(99));
    QVERIFY(std::abs(*g.score("e5", rows[7]) - 1.0f) < 1e-3);
    g.clear();
    QCOMPARE(g.size(), std::size_t(0));
    QVERIFY(g.search(rows[0], 5).empty());
}

void TestGallery::wrongDimension_isRejected()
{
    Gallery g(kDim);
    std::vector<float> shortRow(128, 0.1f);
    QVERIFY_THROWS_EXCEPTION(fe::Error, g.add("x", shortRow));
    std::vector<float> nan(kDim, 0.f);
    nan[3] = std::nanf("");
    QVERIFY_THROWS_EXCEPTION(fe::Error, g.add("x", nan));
    QVERIFY_THROWS_EXCEPTION(fe::Error, g.add("x", std::vector<float>(kDim, 0.f)));
    QCOMPARE(g.size(), std::size_t(0));
}

void TestGallery::halfFloat_roundTrips()
{
    for (float v : {0.f, 1.f, -1.f, 0.1f, -0.0437f, 1e-5f, 65504.f, 3.14159f}) {
        const float back = fe::match::kernels::halfToFloat(fe::match::kernels::floatToHalf(v));
        QVERIFY2(std::abs(back - v) <= std::abs(v) * 1e-3f + 1e-7f, qPrintable(QStringLiteral("%1 -> %2").arg(v).arg(back)));
    }
}

void TestGallery::concurrentSearchesAndAdds()
{
    std::mt19937 rng(5);
    Gallery g(kDim);
    std::vector<std::vector<float>> rows;
    for (int i = 0; i < 2000; ++i)
        rows.push_back(randomUnit(rng));
    for (int i = 0; i < 1000; ++i)
        g.add("e" + std::to_string(i), rows[static_cast<std::size_t>(i)]);
    std::atomic<int> wrong{0};
    std::thread writer([&] {
        for (int i = 1000; i < 2000; ++i)
            g.add("e" + std::to_string(i), rows[static_cast<std::size_t>(i)]);
    });
    std::vector<std::thread> readers;
    for (int t = 0; t < 3; ++t) {
        readers.emplace_back([&, t] {
            for (int i = t; i < 1000; i += 3) {
                const auto hits = g.search(rows[static_cast<std::size_t>(i)], 1);
                if (hits.empty() || hits.front().id != "e" + std::to_string(i))
                    ++wrong;
            }
        });
    }
    writer.join();
    for (auto& r : readers)
        r.join();
    QCOMPARE(wrong.load(), 0);
    QCOMPARE(g.size(), std::size_t(2000));
}

// Issue 11: the gallery promised concurrent searches but every search wrote the shared
// "last candidates" counter under the shared lock (a data race: ThreadSanitizer reports it,
// and a thread read another thread's count). Each search now returns its own cost.
void TestGallery::concurrentSearches_eachReportsItsOwnCost()
{
    std::mt19937 rng(17);
    const Fixture f = build(20000, rng);
    Gallery g(kDim);
    for (std::size_t i = 0; i < f.rows.size(); ++i)
        g.add(f.ids[i], f.rows[i]);
    // Queries of very different cost: strangers (few rows rescored) and a probe among many
    // near-equal rows (every row rescored).
    std::vector<std::vector<float>> queries;
    for (int i = 0; i < 6; ++i)
        queries.push_back(i % 2 == 0 ? randomUnit(rng) : near(f.rows[static_cast<std::size_t>(i * 1000)], 0.8, rng));
    std::vector<std::size_t> expected;
    for (const auto& q : queries) {
        fe::match::SearchStats s;
        (void)g.search(q, 10, &s);
        expected.push_back(s.rescored);
    }
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 20; ++round) {
                const std::size_t i = static_cast<std::size_t>(t + round) % queries.size();
                fe::match::SearchStats s;
                const auto hits = g.search(queries[i], 10, &s);
                const auto c = g.candidates(queries[i], 0.5f);
                if (s.rescored != expected[i] || hits.size() != 10 || c.stats.rescored < expected[i])
                    ++wrong;
            }
        });
    }
    for (auto& t : threads)
        t.join();
    QCOMPARE(wrong.load(), 0);
}

void TestGallery::candidates_rankAndCohortMatchBruteForce()
{
    std::mt19937 rng(23);
    const Fixture f = build(20000, rng);
    Gallery g(kDim);
    for (std::size_t i = 0; i < f.rows.size(); ++i)
        g.add(f.ids[i], f.rows[i]);
    fe::match::CandidateOptions options;
    options.cohortSkip = 5;
    options.cohortSize = 32;
    for (int trial = 0; trial < 10; ++trial) {
        const auto q = near(f.rows[static_cast<std::size_t>(trial * 1733 % 20000)], 0.7, rng);
        const auto expected = bruteForce(f, q);
        // A threshold that lets the best three through.
        const float threshold = static_cast<float>(expected[2].first) - 1e-3f;
        const auto c = g.candidates(q, threshold, options);
        QVERIFY2(c.hits.size() >= 3 && c.hits.size() <= 4, qPrintable(QString::number(c.hits.size())));
        std::vector<float> cohort;
        for (std::size_t r = 5; r < 37; ++r)
            cohort.push_back(static_cast<float>(expected[r].first));
        std::sort(cohort.begin(), cohort.end());
        const float median = (cohort[15] + cohort[16]) / 2.f;
        std::vector<float> dev;
        for (float s : cohort)
            dev.push_back(std::abs(s - median));
        std::sort(dev.begin(), dev.end());
        const float spread = 1.4826f * (dev[15] + dev[16]) / 2.f;
        QCOMPARE(c.cohort.size, std::size_t(32));
        QVERIFY2(std::abs(c.cohort.median - median) < 2e-3f, qPrintable(QStringLiteral("%1 vs %2").arg(c.cohort.median).arg(median)));
        QVERIFY2(std::abs(c.cohort.spread - spread) < 3e-3f, qPrintable(QStringLiteral("%1 vs %2").arg(c.cohort.spread).arg(spread)));
        for (std::size_t i = 0; i < c.hits.size(); ++i) {
            QCOMPARE(c.hits[i].rank, static_cast<std::uint32_t>(i + 1));
            QVERIFY(std::abs(c.hits[i].score - expected[i].first) < 1e-3);
            QVERIFY(c.hits[i].cohortScore.has_value());
            const float z = (static_cast<float>(expected[i].first) - median) / std::max(spread, Gallery::kMinCohortSpread);
            QVERIFY2(std::abs(*c.hits[i].cohortScore - z) < 0.5f, qPrintable(QStringLiteral("%1 vs %2").arg(*c.hits[i].cohortScore).arg(z)));
        }
    }
}

void TestGallery::candidates_duplicateStandsOutLookalikesDoNot()
{
    std::mt19937 rng(29);
    Gallery g(kDim);
    for (int i = 0; i < 5000; ++i)
        g.add("e" + std::to_string(i), randomUnit(rng));
    // One enrolled face and its new capture (similarity 0.7) ...
    const auto enrolled = randomUnit(rng);
    g.add("mate", enrolled);
    const auto probe = near(enrolled, 0.7, rng);
    // ... and a probe whose best scores form a crowd: 20 faces about equally similar to it.
    const auto crowdCentre = randomUnit(rng);
    for (int i = 0; i < 20; ++i)
        g.add("crowd" + std::to_string(i), near(crowdCentre, 0.5, rng));
    const auto duplicate = g.candidates(probe, 0.3f);
    QCOMPARE(duplicate.hits.size(), std::size_t(1));
    QCOMPARE(duplicate.hits[0].id, std::string("mate"));
    QVERIFY2(*duplicate.hits[0].cohortScore > 10.f, qPrintable(QString::number(*duplicate.hits[0].cohortScore)));
    const auto crowd = g.candidates(near(crowdCentre, 0.55, rng), 0.2f);
    QVERIFY(crowd.hits.size() > 5);
    QVERIFY2(*crowd.hits[0].cohortScore < 5.f, qPrintable(QString::number(*crowd.hits[0].cohortScore)));
}

void TestGallery::candidates_smallGallery_hasNoCohort()
{
    std::mt19937 rng(31);
    Gallery g(kDim);
    std::vector<std::vector<float>> rows;
    for (int i = 0; i < 12; ++i) {
        rows.push_back(randomUnit(rng));
        g.add("e" + std::to_string(i), rows.back());
    }
    // 12 rows: 5 candidate slots leave 7 for the cohort, fewer than kMinCohort.
    const auto c = g.candidates(rows[3], 0.5f);
    QCOMPARE(c.cohort.size, std::size_t(0));
    QCOMPARE(c.hits.size(), std::size_t(1));
    QCOMPARE(c.hits[0].rank, 1u);
    QVERIFY(!c.hits[0].cohortScore.has_value());
    g.add("e12", randomUnit(rng));
    QCOMPARE(g.candidates(rows[3], 0.5f).cohort.size, std::size_t(8));
    QVERIFY(Gallery(kDim).candidates(rows[0], 0.f).hits.empty());
}

QTEST_APPLESS_MAIN(TestGallery)
#include "tst_gallery.moc"
