#include "match/ThresholdCurve.h"

#include "common/Error.h"
#include "match/TailModel.h"

#include <algorithm>
#include <cmath>

namespace fe::match {
namespace {

// The gallery's scores are exact up to half-float rounding (< 1e-3, match::Gallery): a floor
// that much above the highest impostor keeps that impostor out of any search.
constexpr double kFloorMargin = 1e-3;

} // namespace

ThresholdChoice ThresholdCurve::thresholdFor(double fmr) const
{
    if (!(fmr > 0.0 && fmr < 1.0))
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "A target false match rate must lie between 0 and 1 (got %1)."),
                    {std::to_string(fmr)});
    if (points.empty())
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "The threshold curve holds no calibration points."));
    ThresholdChoice c;
    c.targetFmr = fmr;
    c.extrapolated = fmr < smallestMeasurableFmr;
    double t = 0.0, b = 0.0;
    if (fmr >= points.front().fmr) {
        t = points.front().threshold;
        b = points.front().bound;
    } else if (fmr <= points.back().fmr) {
        t = points.back().threshold;
        b = points.back().bound;
        c.extrapolated = true;
    } else {
        for (std::size_t i = 1; i < points.size(); ++i) {
            if (fmr >= points[i].fmr) {
                const double x0 = std::log10(points[i - 1].fmr), x1 = std::log10(points[i].fmr);
                const double a = (std::log10(fmr) - x0) / (x1 - x0);
                t = points[i - 1].threshold + a * (points[i].threshold - points[i - 1].threshold);
                b = points[i - 1].bound + a * (points[i].bound - points[i - 1].bound);
                break;
            }
        }
    }
    c.bound = std::max(b, floor);
    c.atFloor = t < floor;
    c.threshold = std::max(t, floor);
    return c;
}

ThresholdCurve ThresholdCurve::fromFit(const TailFit& fit)
{
    ThresholdCurve curve;
    curve.floor = fit.maxImpostor + kFloorMargin;
    curve.smallestMeasurableFmr = fit.smallestMeasurableFmr();
    double lastBound = -1.0;
    for (int e = 1; e <= 12; ++e) {
        const double fmr = std::pow(10.0, -e);
        // Bootstrap quantiles of neighbouring FMRs can cross by rounding: keep them monotone.
        lastBound = std::max({lastBound, fit.thresholdBound(fmr), fit.point.thresholdFor(fmr)});
        curve.points.push_back({fmr, fit.point.thresholdFor(fmr), lastBound});
    }
    return curve;
}

double duplicateTargetFmr(double falseFlagsPer1000, std::size_t gallerySize)
{
    return falseFlagsPer1000 / (1000.0 * static_cast<double>(std::max<std::size_t>(gallerySize, 1)));
}

} // namespace fe::match
