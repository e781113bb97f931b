#include "match/MatchPolicy.h"

#include "common/SettingsSchema.h"
#include "match/ShippedCalibration.h"

namespace fe::match {

MatchPolicy::MatchPolicy() : curve(shippedCalibration().curve)
{
    documentThreshold = documentChoice().threshold;
}

ThresholdChoice MatchPolicy::documentChoice() const
{
    if (documentThresholdSetting)
        return {.threshold = *documentThresholdSetting, .targetFmr = kDocumentFmr, .fromSetting = true};
    return curve.thresholdFor(kDocumentFmr);
}

ThresholdChoice MatchPolicy::duplicateThreshold(std::size_t gallerySize) const
{
    const double fmr = duplicateTargetFmr(falseFlagsPer1000, gallerySize);
    if (duplicateThresholdSetting)
        return {.threshold = *duplicateThresholdSetting, .targetFmr = fmr, .fromSetting = true};
    return curve.thresholdFor(fmr);
}

double MatchPolicy::expectedFalseFlagsPer1000(double threshold, std::size_t gallerySize) const
{
    return 1000.0 * static_cast<double>(gallerySize) * shippedCalibration().tail.fmrAt(threshold);
}

MatchPolicy MatchPolicy::fromSettings(const std::map<std::string, std::string>& settings)
{
    // Through the settings schema: a stored value that does not validate (written by an older
    // build, or around the store) gives the default and a warning, never an exception that
    // would stop every enrollment and review on the station.
    MatchPolicy p;
    p.documentThresholdSetting = SettingsSchema::optionalReal(settings, setting::kThresholdDocument);
    p.duplicateThresholdSetting = SettingsSchema::optionalReal(settings, setting::kThresholdDuplicate);
    p.maxNumbersPerPerson = static_cast<int>(SettingsSchema::integer(settings, setting::kThresholdNumbersPerPerson));
    p.falseFlagsPer1000 = SettingsSchema::real(settings, setting::kDuplicateFalseFlagsPer1000);
    p.maxCandidates = static_cast<int>(SettingsSchema::integer(settings, setting::kDuplicateCandidates));
    p.documentThreshold = p.documentChoice().threshold;
    return p;
}

} // namespace fe::match
