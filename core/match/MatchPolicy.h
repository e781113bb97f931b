#pragma once

#include "match/ThresholdCurve.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace fe::match {

// The decision thresholds, on the cosine similarity of fr_feature templates, chosen for a
// target rather than fixed: both come from the impostor tail fitted on the calibration set
// (ShippedCalibration, docs/matching.md), as the upper 95 % confidence bound of the threshold
// for the target FMR and never below the highest impostor score measured.
//  - 1:1 (live portrait vs ID-document photo): FMR 1e-4 (kDocumentFmr).
//  - 1:N duplicate search: a new face is compared with every enrolled one, so the false flags
//    per enrollment grow with the gallery (about N x FMR). The station sets how many false
//    duplicate flags per 1,000 enrollments it accepts (threshold.duplicate_false_flags_per_1000,
//    default 1); the threshold follows from that and the current gallery size.
// An administrator who calibrated on the station's own population may fix either threshold
// instead (threshold.document, threshold.duplicate). Plain value type.
struct MatchPolicy
{
    // FMR 1e-4 for the 1:1 check: one customer in 10,000 presenting someone else's document
    // would pass on the face alone (ISO/IEC 19795-1 terms; the usual order for document
    // verification at enrolment).
    static constexpr double kDocumentFmr = 1e-4;

    ThresholdCurve curve;                          // the shipped calibration's
    std::optional<double> documentThresholdSetting;  // threshold.document
    std::optional<double> duplicateThresholdSetting; // threshold.duplicate
    double falseFlagsPer1000 = 1.0;                // threshold.duplicate_false_flags_per_1000
    int maxCandidates = 5;                         // threshold.duplicate_candidates: candidates kept per flag
    int maxNumbersPerPerson = 5;                   // threshold.numbers_per_person
    double documentThreshold = 0.0;                // the 1:1 threshold in force (set by the constructor)

    static constexpr const char* kDocumentKey = "threshold.document";
    static constexpr const char* kDuplicateKey = "threshold.duplicate";
    static constexpr const char* kMaxNumbersKey = "threshold.numbers_per_person";
    static constexpr const char* kFalseFlagsKey = "threshold.duplicate_false_flags_per_1000";
    static constexpr const char* kCandidatesKey = "threshold.duplicate_candidates";
    static constexpr double kMinFalseFlags = 0.001, kMaxFalseFlags = 100.0;
    static constexpr int kMinCandidates = 1, kMaxCandidates = 50;

    // The defaults over the shipped calibration.
    MatchPolicy();

    // The 1:1 threshold and how it was chosen.
    [[nodiscard]] ThresholdChoice documentChoice() const;
    // The duplicate threshold for a gallery of gallerySize faces: a pure function of the
    // settings and the gallery size.
    [[nodiscard]] ThresholdChoice duplicateThreshold(std::size_t gallerySize) const;
    // Expected false duplicate flags per 1,000 enrollments at a threshold and gallery size,
    // by the fitted tail's point estimate.
    [[nodiscard]] double expectedFalseFlagsPer1000(double threshold, std::size_t gallerySize) const;

    // Reads the station's settings through common/SettingsSchema (where these keys' ranges and
    // defaults are, equal to the defaults above): a stored value out of range gives the default
    // (for the two thresholds: the calibrated choice), logged, so no setting can stop a station.
    static MatchPolicy fromSettings(const std::map<std::string, std::string>& settings);
};

} // namespace fe::match
