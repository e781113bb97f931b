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
        QVERIFY2(g.lastCandidates() < static_cast<std::size_t>(size) / 20, qPrintable(QString::number(g.lastCandidates())));
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

QTEST_APPLESS_MAIN(TestGallery)
#include "tst_gallery.moc"
