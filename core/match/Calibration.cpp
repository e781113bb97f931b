#include "match/Calibration.h"

#include "common/Error.h"

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

double chosenThreshold(const CalibrationReport& report, double targetFmr)
{
    for (const auto& p : report.points) {
        if (std::abs(p.targetFmr - targetFmr) <= targetFmr * 1e-9 && p.resolved)
            return p.threshold;
    }
    const double lowGenuine = report.genuine.min;
    const double highImpostor = report.impostor.max;
    return std::max(highImpostor, (lowGenuine + highImpostor) / 2.0);
}

} // namespace fe::match
