#pragma once

#include "match/TailModel.h"
#include "match/ThresholdCurve.h"

#include <cstddef>
#include <vector>

namespace fe::match {

struct ScoredPair
{
    double score = 0.0;
    bool genuine = false; // same person
    // The identities compared (indices; -1 when the pairs file does not name them). With
    // them the tail fit's bootstrap resamples identities, not pairs.
    int identityA = -1;
    int identityB = -1;
};

struct ScoreSummary
{
    int count = 0;
    double min = 0, p01 = 0, p05 = 0, median = 0, p95 = 0, p99 = 0, max = 0, mean = 0;
};

struct OperatingPoint
{
    double targetFmr = 0.0;
    double threshold = 0.0;
    double fmr = 0.0;    // measured at that threshold
    double fnmr = 0.0;
    bool resolved = false; // enough impostor pairs to measure this FMR (>= 10 / target)
};

struct CalibrationReport
{
    ScoreSummary genuine;
    ScoreSummary impostor;
    double eer = 0.0;
    double eerThreshold = 0.0;
    std::vector<OperatingPoint> points;
};

// Error rates of a verification score from labelled pairs (ISO/IEC 19795-1 terms): the
// false match rate FMR(t) = impostor scores >= t, the false non-match rate FNMR(t) = genuine
// scores < t. For each target FMR, the lowest threshold meeting it. Throws
// fe::Error(InvalidArgument) without both kinds of pairs.
CalibrationReport calibrate(std::vector<ScoredPair> pairs, const std::vector<double>& targetFmrs = {1e-2, 1e-3});

// One row of the duplicate-search table: the threshold for a gallery size.
struct GallerySizeRow
{
    std::size_t gallerySize = 0;
    ThresholdChoice choice;                // threshold, target FMR, extrapolated / at floor
    double expectedFalseFlagsPer1000 = 0;  // at that threshold, by the fitted tail (point estimate)
    double falseFlagsPer1000Bound = 0;     // the same at the tail's upper 95 % confidence bound
    double fnmr = 0;                       // genuine pairs below the threshold
};

// FaceEnroll's threshold policy applied to a calibration set: the impostor tail fitted with
// its confidence bound, the curve of thresholds it gives, the 1:1 document threshold at
// MatchPolicy::kDocumentFmr and the duplicate threshold per gallery size for a target of
// falseFlagsPer1000 expected false duplicate flags per 1,000 enrollments. The shipped
// calibration (ShippedCalibration.cpp) is this plan's curve on the calibration set.
struct ThresholdPlan
{
    TailFit fit;
    ThresholdCurve curve;
    ThresholdChoice document;
    double documentFnmr = 0;
    std::vector<GallerySizeRow> duplicate;
};

// Throws fe::Error(InvalidArgument) without genuine pairs or with too few impostor pairs.
ThresholdPlan planThresholds(const std::vector<ScoredPair>& pairs, double falseFlagsPer1000,
                             const std::vector<std::size_t>& gallerySizes = {1'000, 10'000, 100'000, 1'000'000},
                             const TailFitOptions& options = {});

// Genuine pairs scoring below t, as a share of all genuine pairs.
double fnmrAt(const std::vector<ScoredPair>& pairs, double t);

} // namespace fe::match
