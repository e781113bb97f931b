#pragma once

#include <vector>

namespace fe::match {

struct ScoredPair
{
    double score = 0.0;
    bool genuine = false; // same person
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

// The threshold FaceEnroll uses for a target: the calibrated one when the data resolve the
// target; otherwise the middle of the gap between the highest impostor and the lowest
// genuine score (never below the highest impostor), since an unresolved target says only
// that no impostor pair crossed.
double chosenThreshold(const CalibrationReport& report, double targetFmr);

} // namespace fe::match
