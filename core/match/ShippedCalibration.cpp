#include "match/ShippedCalibration.h"

namespace fe::match {

// Fitted on 2026-11-30 by
//   scripts/make-calibration-pairs > pairs.csv      (labels: tests/data/calibration/faces.csv)
//   build/bin/faceenroll-cli calibrate pairs.csv
// on 89 faces of 48 identities from the project's media and openly licensed npm and
// Debian packages (docs/models.md): 3767 impostor pairs, 149 genuine pairs (59 of two
// different photos). Impostor scores: median 0.0224, 99th percentile 0.2775, highest 0.4098.
// The tail: the top 188 impostor scores above u = 0.1995, generalised Pareto by probability-weighted
// moments; bounds from 400 bootstrap rounds over the 48 identities (95 %, one-sided).
// Re-run both commands after a model change and paste the summary's "tail" and "curve" here.
const ShippedCalibration& shippedCalibration()
{
    static const ShippedCalibration c = [] {
        ShippedCalibration s;
        s.modelId = "faceplugin-fr_feature-0.0.1";
        s.provenance = "scripts/make-calibration-pairs + faceenroll-cli calibrate, 2026-11-30 (docs/matching.md)";
        s.identities = 48;
        s.faces = 89;
        s.impostorPairs = 3767;
        s.genuinePairs = 149;
        s.crossPhotoGenuinePairs = 59;
        s.maxImpostor = 0.40982410311698914;
        s.tail = {0.19953778386116028, 0.04990708786833024, -0.3182738141144119, 0.06801578380151901};
        s.curve.floor = 0.410824;
        s.curve.smallestMeasurableFmr = 3.0 / 3767.0;
        // {FMR, fitted threshold, upper 95 % bound}
        s.curve.points = {
            {0.1, 0.1995, 0.2363},
            {0.01, 0.2851, 0.3118},
            {0.001, 0.3517, 0.4123},
            {0.0001, 0.3837, 0.5567},
            {1e-05, 0.399, 0.7476},
            {1e-06, 0.4064, 0.9741},
            {1e-07, 0.41, 1.2444},
            {1e-08, 0.4117, 1.5258},
            {1e-09, 0.4125, 2.0315},
            {1e-10, 0.4129, 2.7479},
            {1e-11, 0.4131, 3.6062},
            {1e-12, 0.4132, 4.4817},
        };
        return s;
    }();
    return c;
}

} // namespace fe::match

