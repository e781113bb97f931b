// Thresholds from the impostor tail: the generalised Pareto fit, its bootstrap bound, the
// threshold curve, the duplicate threshold as a function of the gallery size, and the shipped
// calibration's invariants.
#include "common/Error.h"
#include "match/Calibration.h"
#include "match/MatchPolicy.h"
#include "match/ShippedCalibration.h"
#include "match/TailModel.h"
#include "match/ThresholdCurve.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace fe::match;

namespace {

// n draws from a generalised Pareto distribution (inverse transform).
std::vector<double> gpdSample(double xi, double sigma, std::size_t n, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<double> y(n);
    for (auto& v : y) {
        const double p = u(rng);
        v = std::abs(xi) < 1e-12 ? -sigma * std::log(1.0 - p) : sigma / xi * (std::pow(1.0 - p, -xi) - 1.0);
    }
    return y;
}

// Impostor-like scores: a normal bulk whose top 5 % follow a known bounded tail above u.
std::vector<ImpostorScore> scores(std::size_t n, double xi, double sigma, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> bulk(0.0, 0.08);
    const double u = 0.25;
    const std::size_t tail = n / 20;
    std::vector<ImpostorScore> out;
    for (std::size_t i = 0; i < n - tail; ++i)
        out.push_back({std::min(bulk(rng), u - 1e-6)});
    for (double y : gpdSample(xi, sigma, tail, rng))
        out.push_back({u + y});
    return out;
}

} // namespace

class TestThresholds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pwm_recoversKnownTail_data();
    void pwm_recoversKnownTail();
    void tailModel_fmrAndThresholdAreInverse();
    void bound_liesAboveThePointEstimate();
    void clusterBootstrap_isWiderThanPairBootstrap();
    void curve_interpolatesFloorsAndFlagsExtrapolation();
    void duplicateThreshold_risesWithGallerySize();
    void policy_settingsOverrideAndFallBack();
    void shippedCalibration_isConsistent();
    void planThresholds_reportsFnmrPerGallerySize();
};

void TestThresholds::pwm_recoversKnownTail_data()
{
    QTest::addColumn<double>("xi");
    QTest::addColumn<double>("sigma");
    QTest::newRow("bounded (cosine-like)") << -0.3 << 0.05;
    QTest::newRow("exponential") << 0.0 << 0.04;
    QTest::newRow("heavy") << 0.2 << 0.03;
}

void TestThresholds::pwm_recoversKnownTail()
{
    QFETCH(double, xi);
    QFETCH(double, sigma);
    std::mt19937_64 rng(1);
    const TailModel m = fitGpdPwm(gpdSample(xi, sigma, 20000, rng), 0.3, 0.05);
    QVERIFY2(std::abs(m.xi - xi) < 0.05, qPrintable(QStringLiteral("xi %1 vs %2").arg(m.xi).arg(xi)));
    QVERIFY2(std::abs(m.sigma - sigma) / sigma < 0.05, qPrintable(QStringLiteral("sigma %1 vs %2").arg(m.sigma).arg(sigma)));
    QCOMPARE(m.u, 0.3);
    QCOMPARE(m.tailShare, 0.05);
}

void TestThresholds::tailModel_fmrAndThresholdAreInverse()
{
    for (const TailModel m : {TailModel{0.3, 0.05, -0.3, 0.05}, TailModel{0.3, 0.05, 0.0, 0.04}, TailModel{0.2, 0.1, 0.2, 0.03}}) {
        for (double fmr : {1e-2, 1e-4, 1e-7, 1e-10}) {
            const double t = m.thresholdFor(fmr);
            QVERIFY(t > m.u);
            QVERIFY2(std::abs(m.fmrAt(t) - fmr) / fmr < 1e-6, qPrintable(QStringLiteral("%1 at %2").arg(m.fmrAt(t)).arg(t)));
        }
        QCOMPARE(m.thresholdFor(0.5), m.u);
        QCOMPARE(m.fmrAt(m.u - 0.1), m.tailShare);
    }
    // A bounded tail: nothing beyond its endpoint, and every target stays below it.
    const TailModel bounded{0.3, 0.05, -0.5, 0.1};
    QCOMPARE(bounded.endpoint(), 0.5);
    QCOMPARE(bounded.fmrAt(0.51), 0.0);
    QVERIFY(bounded.thresholdFor(1e-12) < 0.5);
}

void TestThresholds::bound_liesAboveThePointEstimate()
{
    const TailFit fit = fitImpostorTail(scores(20000, -0.3, 0.05, 2));
    QCOMPARE(fit.impostorCount, std::size_t(20000));
    QCOMPARE(fit.exceedances, std::size_t(1000));
    QVERIFY(fit.replicates.size() == 400);
    for (double fmr : {1e-3, 1e-5, 1e-8}) {
        const double point = fit.point.thresholdFor(fmr);
        const double bound = fit.thresholdBound(fmr);
        QVERIFY2(bound >= point, qPrintable(QStringLiteral("%1: %2 < %3").arg(fmr).arg(bound).arg(point)));
        // The bound lies at or above the true tail (xi -0.3, sigma 0.05 over the top 5 %) up to
        // the sampling error of one fit (a 95 % bound misses in one fit of twenty); three
        // decades beyond the data a bootstrap bound is no guarantee, but with the right model
        // the extrapolation stays close to the truth.
        const TailModel truth{0.25, 0.05, -0.3, 0.05};
        if (fmr >= 1e-5)
            QVERIFY2(bound >= truth.thresholdFor(fmr) - 0.01, qPrintable(QStringLiteral("%1: %2").arg(fmr).arg(bound)));
        else
            QVERIFY2(std::abs(bound - truth.thresholdFor(fmr)) < 0.02, qPrintable(QStringLiteral("%1: %2").arg(fmr).arg(bound)));
    }
    QCOMPARE(fit.smallestMeasurableFmr(), 3.0 / 20000);
    // Same scores, same bounds: the bootstrap is seeded.
    QCOMPARE(fitImpostorTail(scores(20000, -0.3, 0.05, 2)).thresholdBound(1e-6), fit.thresholdBound(1e-6));
    QVERIFY_THROWS_EXCEPTION(fe::Error, fitImpostorTail(scores(40, -0.3, 0.05, 2)));
}

void TestThresholds::clusterBootstrap_isWiderThanPairBootstrap()
{
    // 30 identities; every pair of faces of two identities shares an identity-level offset, as
    // real impostor pairs do (a look-alike pair scores high on every photo of both).
    std::mt19937_64 rng(3);
    std::normal_distribution<double> offset(0.0, 0.06), noise(0.0, 0.03);
    std::vector<ImpostorScore> clustered, unlabelled;
    for (int a = 0; a < 30; ++a) {
        for (int b = a + 1; b < 30; ++b) {
            const double o = offset(rng);
            for (int k = 0; k < 16; ++k) {
                const double s = o + noise(rng);
                clustered.push_back({s, a, b});
                unlabelled.push_back({s});
            }
        }
    }
    const TailFit byIdentity = fitImpostorTail(clustered);
    const TailFit byPair = fitImpostorTail(unlabelled);
    QCOMPARE(byIdentity.identities, std::size_t(30));
    QCOMPARE(byPair.identities, std::size_t(0));
    const double widthIdentity = byIdentity.thresholdBound(1e-5) - byIdentity.point.thresholdFor(1e-5);
    const double widthPair = byPair.thresholdBound(1e-5) - byPair.point.thresholdFor(1e-5);
    QVERIFY2(widthIdentity > widthPair, qPrintable(QStringLiteral("%1 vs %2").arg(widthIdentity).arg(widthPair)));
}

void TestThresholds::curve_interpolatesFloorsAndFlagsExtrapolation()
{
    ThresholdCurve c;
    c.floor = 0.45;
    c.smallestMeasurableFmr = 1e-4;
    c.points = {{1e-2, 0.30, 0.35}, {1e-3, 0.40, 0.47}, {1e-4, 0.50, 0.60}, {1e-5, 0.56, 0.70}, {1e-6, 0.60, 0.90}};
    QCOMPARE(c.thresholdFor(1e-4).threshold, 0.50);
    QCOMPARE(c.thresholdFor(1e-4).bound, 0.60);
    QVERIFY(!c.thresholdFor(1e-4).extrapolated);
    QVERIFY(std::abs(c.thresholdFor(std::sqrt(1e-4 * 1e-5)).threshold - 0.53) < 1e-9); // half a decade
    QVERIFY(std::abs(c.thresholdFor(std::sqrt(1e-4 * 1e-5)).bound - 0.65) < 1e-9);
    QVERIFY(c.thresholdFor(1e-5).extrapolated);
    // Below the floor: held at the floor and said so.
    const auto low = c.thresholdFor(1e-2);
    QCOMPARE(low.threshold, 0.45);
    QVERIFY(low.atFloor);
    // Beyond the curve's end: its last threshold, extrapolated.
    const auto far = c.thresholdFor(1e-9);
    QCOMPARE(far.threshold, 0.60);
    QVERIFY(far.extrapolated);
    QVERIFY_THROWS_EXCEPTION(fe::Error, (void)c.thresholdFor(0.0));
    QVERIFY_THROWS_EXCEPTION(fe::Error, (void)c.thresholdFor(1.0));
    QVERIFY_THROWS_EXCEPTION(fe::Error, (void)ThresholdCurve{}.thresholdFor(1e-3));
}

void TestThresholds::duplicateThreshold_risesWithGallerySize()
{
    QCOMPARE(duplicateTargetFmr(1.0, 1000), 1e-6);
    QCOMPARE(duplicateTargetFmr(1.0, 0), 1e-3);
    QCOMPARE(duplicateTargetFmr(5.0, 100'000), 5e-8);
    const MatchPolicy p;
    const auto& shipped = shippedCalibration();
    double last = -1.0;
    for (std::size_t n : {std::size_t(0), std::size_t(10), std::size_t(1000), std::size_t(10'000), std::size_t(100'000),
                          std::size_t(1'000'000)}) {
        const ThresholdChoice c = p.duplicateThreshold(n);
        QVERIFY2(c.threshold >= last, qPrintable(QString::number(n)));
        QVERIFY2(c.threshold > shipped.maxImpostor, qPrintable(QString::number(n)));
        QCOMPARE(c.targetFmr, duplicateTargetFmr(1.0, n));
        last = c.threshold;
        // A pure function of the settings and the gallery size.
        QCOMPARE(MatchPolicy::fromSettings({}).duplicateThreshold(n).threshold, c.threshold);
    }
    QVERIFY(p.duplicateThreshold(1'000'000).extrapolated);
    // Accepting more false flags lowers the threshold (or keeps it at the floor).
    MatchPolicy lenient;
    lenient.falseFlagsPer1000 = 50;
    QVERIFY(lenient.duplicateThreshold(100'000).threshold <= p.duplicateThreshold(100'000).threshold);
}

void TestThresholds::policy_settingsOverrideAndFallBack()
{
    const MatchPolicy defaults;
    QCOMPARE(defaults.falseFlagsPer1000, 1.0);
    QCOMPARE(defaults.maxCandidates, 5);
    QCOMPARE(defaults.documentThreshold, defaults.documentChoice().threshold);
    QVERIFY(!defaults.documentChoice().fromSetting);
    QCOMPARE(defaults.documentChoice().targetFmr, MatchPolicy::kDocumentFmr);

    const MatchPolicy fixed = MatchPolicy::fromSettings({{MatchPolicy::kDocumentKey, "0.55"}, {MatchPolicy::kDuplicateKey, "0.6"},
                                                         {MatchPolicy::kFalseFlagsKey, "10"}, {MatchPolicy::kCandidatesKey, "3"}});
    QCOMPARE(fixed.documentThreshold, 0.55);
    QVERIFY(fixed.documentChoice().fromSetting);
    QCOMPARE(fixed.duplicateThreshold(123'456).threshold, 0.6);
    QVERIFY(fixed.duplicateThreshold(123'456).fromSetting);
    QCOMPARE(fixed.falseFlagsPer1000, 10.0);
    QCOMPARE(fixed.maxCandidates, 3);

    // Stored values that do not validate fall back to the defaults (the thresholds to the
    // calibrated choice): no setting can stop a station (issue 9).
    const MatchPolicy bad = MatchPolicy::fromSettings({{MatchPolicy::kFalseFlagsKey, "0"}, {MatchPolicy::kCandidatesKey, "many"},
                                                       {MatchPolicy::kDocumentKey, "1.5"}, {MatchPolicy::kDuplicateKey, "45"}});
    QCOMPARE(bad.falseFlagsPer1000, 1.0);
    QCOMPARE(bad.maxCandidates, 5);
    QVERIFY(!bad.documentChoice().fromSetting);
    QCOMPARE(bad.documentThreshold, MatchPolicy{}.documentThreshold);
    QCOMPARE(bad.duplicateThreshold(10000).threshold, MatchPolicy{}.duplicateThreshold(10000).threshold);
}

void TestThresholds::shippedCalibration_isConsistent()
{
    const auto& c = shippedCalibration();
    QVERIFY(c.identities >= 40);
    QVERIFY(c.impostorPairs >= 3000);
    QVERIFY(c.genuinePairs > 0 && c.crossPhotoGenuinePairs > 0);
    QVERIFY(c.curve.floor > c.maxImpostor);
    QCOMPARE(c.curve.smallestMeasurableFmr, 3.0 / static_cast<double>(c.impostorPairs));
    QCOMPARE(c.curve.points.size(), std::size_t(12));
    for (std::size_t i = 0; i < c.curve.points.size(); ++i) {
        const auto& p = c.curve.points[i];
        // The curve is the shipped tail's, and its bound lies above it.
        QVERIFY(std::abs(p.threshold - c.tail.thresholdFor(p.fmr)) < 1e-3);
        QVERIFY(p.bound >= p.threshold);
        if (i > 0) {
            QVERIFY(p.fmr < c.curve.points[i - 1].fmr);
            QVERIFY(p.threshold >= c.curve.points[i - 1].threshold);
            QVERIFY(p.bound >= c.curve.points[i - 1].bound);
        }
    }
    QVERIFY(MatchPolicy().documentThreshold > c.maxImpostor);
}

void TestThresholds::planThresholds_reportsFnmrPerGallerySize()
{
    std::vector<ScoredPair> pairs;
    for (const auto& s : scores(20000, -0.3, 0.05, 5))
        pairs.push_back({s.score, false});
    std::mt19937_64 rng(6);
    std::normal_distribution<double> genuine(0.7, 0.08);
    for (int i = 0; i < 500; ++i)
        pairs.push_back({genuine(rng), true});
    const ThresholdPlan plan = planThresholds(pairs, 1.0);
    QCOMPARE(plan.duplicate.size(), std::size_t(4));
    double lastThreshold = -1.0, lastFnmr = -1.0;
    for (const auto& row : plan.duplicate) {
        QVERIFY(row.choice.threshold >= lastThreshold);
        QVERIFY(row.fnmr >= lastFnmr);
        QCOMPARE(row.fnmr, fnmrAt(pairs, row.choice.threshold));
        QVERIFY(row.choice.threshold > plan.fit.maxImpostor);
        QVERIFY(row.choice.bound >= row.choice.threshold);
        // The point estimate of the false flags meets the target (or the floor does better);
        // its upper bound is larger.
        QVERIFY2(row.expectedFalseFlagsPer1000 <= 1.0 + 1e-6, qPrintable(QString::number(row.expectedFalseFlagsPer1000)));
        QVERIFY(row.falseFlagsPer1000Bound >= row.expectedFalseFlagsPer1000);
        lastThreshold = row.choice.threshold;
        lastFnmr = row.fnmr;
    }
    QCOMPARE(plan.document.targetFmr, MatchPolicy::kDocumentFmr);
    QVERIFY_THROWS_EXCEPTION(fe::Error, planThresholds({{0.1, false}}, 1.0));
}

QTEST_APPLESS_MAIN(TestThresholds)
#include "tst_thresholds.moc"
