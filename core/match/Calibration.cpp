#include "match/Calibration.h"

#include "common/Error.h"
#include "match/MatchPolicy.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace fe::match {
namespace {

ScoreSummary summarise(std::vector<double> v)
{
    ScoreSummary s;
    s.count = static_cast<int>(v.size());
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    const auto q = [&](double p) { return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5))]; };
    s.min = v.front();
    s.max = v.back();
    s.p01 = q(0.01);
    s.p05 = q(0.05);
    s.median = q(0.5);
    s.p95 = q(0.95);
    s.p99 = q(0.99);
    s.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    return s;
}

// Share of `sorted` (ascending) at or above t.
double shareAtOrAbove(const std::vector<double>& sorted, double t)
{
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), t);
    return static_cast<double>(sorted.end() - it) / static_cast<double>(sorted.size());
}

double shareBelow(const std::vector<double>& sorted, double t)
{
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), t);
    return static_cast<double>(it - sorted.begin()) / static_cast<double>(sorted.size());
}

} // namespace

CalibrationReport calibrate(std::vector<ScoredPair> pairs, const std::vector<double>& targetFmrs)
{
    std::vector<double> gen, imp;
    for (const auto& p : pairs)
        (p.genuine ? gen : imp).push_back(p.score);
    if (gen.empty() || imp.empty())
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "Calibration needs both genuine and impostor pairs (got %1 and %2)."),
                    {std::to_string(gen.size()), std::to_string(imp.size())});
    std::sort(gen.begin(), gen.end());
    std::sort(imp.begin(), imp.end());
    CalibrationReport r;
    r.genuine = summarise(gen);
    r.impostor = summarise(imp);

    // Candidate thresholds: every observed score (and just above the highest impostor).
    std::vector<double> candidates(gen);
    candidates.insert(candidates.end(), imp.begin(), imp.end());
    candidates.push_back(std::nextafter(imp.back(), 2.0));
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    double bestGap = 2.0;
    for (double t : candidates) {
        const double fmr = shareAtOrAbove(imp, t);
        const double fnmr = shareBelow(gen, t);
        if (std::abs(fmr - fnmr) < bestGap) {
            bestGap = std::abs(fmr - fnmr);
            r.eer = (fmr + fnmr) / 2.0;
            r.eerThreshold = t;
        }
    }
    for (double target : targetFmrs) {
        OperatingPoint p;
        p.targetFmr = target;
        p.resolved = static_cast<double>(imp.size()) >= 10.0 / target;
        // The lowest candidate whose FMR meets the target.
        for (double t : candidates) {
            if (shareAtOrAbove(imp, t) <= target) {
                p.threshold = t;
                break;
            }
        }
        p.fmr = shareAtOrAbove(imp, p.threshold);
        p.fnmr = shareBelow(gen, p.threshold);
        r.points.push_back(p);
    }
    return r;
}

double fnmrAt(const std::vector<ScoredPair>& pairs, double t)
{
    std::size_t genuine = 0, below = 0;
    for (const auto& p : pairs) {
        if (!p.genuine)
            continue;
        ++genuine;
        below += p.score < t ? 1 : 0;
    }
    return genuine > 0 ? static_cast<double>(below) / static_cast<double>(genuine) : 0.0;
}

ThresholdPlan planThresholds(const std::vector<ScoredPair>& pairs, double falseFlagsPer1000,
                             const std::vector<std::size_t>& gallerySizes, const TailFitOptions& options)
{
    std::vector<ImpostorScore> impostors;
    std::size_t genuine = 0;
    for (const auto& p : pairs) {
        if (p.genuine)
            ++genuine;
        else
            impostors.push_back({p.score, p.identityA, p.identityB});
    }
    if (genuine == 0)
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "Calibration needs both genuine and impostor pairs (got %1 and %2)."),
                    {std::to_string(genuine), std::to_string(impostors.size())});
    ThresholdPlan plan;
    plan.fit = fitImpostorTail(impostors, options);
    plan.curve = ThresholdCurve::fromFit(plan.fit);
    plan.document = plan.curve.thresholdFor(MatchPolicy::kDocumentFmr);
    plan.documentFnmr = fnmrAt(pairs, plan.document.threshold);
    for (std::size_t n : gallerySizes) {
        GallerySizeRow row;
        row.gallerySize = n;
        row.choice = plan.curve.thresholdFor(duplicateTargetFmr(falseFlagsPer1000, n));
        row.expectedFalseFlagsPer1000 = 1000.0 * static_cast<double>(n) * plan.fit.point.fmrAt(row.choice.threshold);
        row.falseFlagsPer1000Bound = 1000.0 * static_cast<double>(n) * plan.fit.fmrBound(row.choice.threshold);
        row.fnmr = fnmrAt(pairs, row.choice.threshold);
        plan.duplicate.push_back(row);
    }
    return plan;
}

} // namespace fe::match
