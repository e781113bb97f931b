#pragma once

#include <map>
#include <string>

namespace fe::match {

// The decision thresholds, one per purpose, on the cosine similarity of fr_feature templates.
// Defaults from `faceenroll-cli calibrate` on pairs built from the demo media
// (docs/matching.md): every genuine pair scored >= 0.61, every impostor pair <= 0.14, so
// neither FMR target is resolvable there and both thresholds sit in the gap. The 1:N
// threshold is stricter, because a search compares against every enrolled face (the false
// positive identification rate grows with the gallery). An admin sets both per station
// (settings threshold.document, threshold.duplicate) after calibrating on local data.
struct MatchPolicy
{
    double documentThreshold = 0.40;  // live portrait vs ID-document photo (1:1)
    double duplicateThreshold = 0.45; // live portrait vs the gallery (1:N)
    int maxNumbersPerPerson = 5;      // phone numbers one face may hold (setting threshold.numbers_per_person)

    static constexpr const char* kDocumentKey = "threshold.document";
    static constexpr const char* kDuplicateKey = "threshold.duplicate";
    static constexpr const char* kMaxNumbersKey = "threshold.numbers_per_person";

    // Reads the station's settings through common/SettingsSchema (where these keys' ranges and
    // defaults are, equal to the defaults above): a stored value out of range gives the default,
    // logged, so no setting can stop a station.
    static MatchPolicy fromSettings(const std::map<std::string, std::string>& settings);
};

} // namespace fe::match
