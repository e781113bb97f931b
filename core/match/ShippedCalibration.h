#pragma once

#include "match/TailModel.h"
#include "match/ThresholdCurve.h"

#include <cstddef>

namespace fe::match {

// The calibration FaceEnroll ships: the impostor tail of fr_feature templates fitted on the
// calibration set that scripts/make-calibration-pairs builds from openly licensed media
// (docs/models.md lists every source; docs/matching.md the figures and their limits), and the
// threshold curve that follows from it. Data compiled into core, never fetched.
struct ShippedCalibration
{
    const char* modelId = "";
    const char* provenance = "";  // the command and pairs file the figures come from
    std::size_t identities = 0;
    std::size_t faces = 0;
    std::size_t impostorPairs = 0;
    std::size_t genuinePairs = 0;
    std::size_t crossPhotoGenuinePairs = 0; // genuine pairs of two different photos or videos
    double maxImpostor = 0.0;
    TailModel tail;        // point estimate
    ThresholdCurve curve;  // upper 95 % bounds per decade of FMR, floor above maxImpostor
};

const ShippedCalibration& shippedCalibration();

} // namespace fe::match
