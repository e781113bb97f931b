#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace fe::match {

struct TailFit;

// A threshold for a target false match rate, and how far the data behind it reach.
struct ThresholdChoice
{
    double threshold = 0.0;
    double targetFmr = 0.0;
    // The threshold the upper 95 % confidence bound of the tail asks for at the same target:
    // how far the data leave the choice uncertain (above 1, no cosine threshold can promise
    // the target with that confidence). 0 for a fixed setting.
    double bound = 0.0;
    // The target is below what the calibration pairs can show (3 / impostor pairs): the
    // threshold comes from the fitted tail model, not from observed scores.
    bool extrapolated = false;
    // The tail model asked for less; the threshold is held just above the highest impostor
    // score measured instead.
    bool atFloor = false;
    // An administrator's fixed threshold (setting), not the calibration.
    bool fromSetting = false;
};

// Thresholds against target FMRs, as calibrated: at each decade of FMR the threshold of the
// fitted impostor tail (point estimate) and the one its upper 95 % confidence bound asks for,
// interpolated linearly in log10(FMR) between decades. The threshold in force is the point
// estimate, never below floor (the highest impostor score measured plus the gallery's score
// error); the bound is reported with it. (With a few dozen identities the bound is far too
// wide to decide on: a bootstrap over identities lets single look-alike pairs dominate the
// tail, and beyond FMR 1e-5 it asks for thresholds above 1.) Plain value type.
struct ThresholdCurve
{
    struct Point
    {
        double fmr = 0.0;       // target false match rate
        double threshold = 0.0; // the fitted tail's threshold for it (point estimate)
        double bound = 0.0;     // the threshold for it at the upper 95 % confidence bound
    };
    std::vector<Point> points; // FMR strictly decreasing, threshold non-decreasing
    double floor = 0.0;
    double smallestMeasurableFmr = 1.0; // 3 / impostor pairs

    // Throws fe::Error(InvalidArgument) for an FMR outside (0, 1) or an empty curve. Targets
    // beyond the curve's ends take the end's threshold (and are marked extrapolated).
    [[nodiscard]] ThresholdChoice thresholdFor(double fmr) const;

    // The curve of a fit: FMR 10^-1 .. 10^-12.
    static ThresholdCurve fromFit(const TailFit& fit);
};

// The duplicate search compares a new face with every one of gallerySize enrolled faces:
// about gallerySize x FMR false candidates per enrollment. To keep the expected false
// duplicate flags at falseFlagsPer1000 per 1,000 enrollments, each comparison may have
// FMR = falseFlagsPer1000 / (1000 x gallerySize). An empty gallery counts as one face.
double duplicateTargetFmr(double falseFlagsPer1000, std::size_t gallerySize);

} // namespace fe::match
