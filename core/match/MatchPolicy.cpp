#include "match/MatchPolicy.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "match/ShippedCalibration.h"

#include <charconv>

namespace fe::match {
namespace {

std::optional<double> parse(const std::string& text)
{
    double v = 0.0;
    const auto* begin = text.data();
    const auto* end = begin + text.size();
    const auto [ptr, ec] = std::from_chars(begin, end, v);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return v;
}

std::optional<double> number(const std::map<std::string, std::string>& s, const char* key, double lo, double hi)
{
    const auto it = s.find(key);
    if (it == s.end())
        return std::nullopt;
    const auto v = parse(it->second);
    if (!v || *v < lo || *v > hi)
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "The setting %1 must be a number from %2 to %3."),
                    {key, std::to_string(lo), std::to_string(hi)});
    return v;
}

double numberOrDefault(const std::map<std::string, std::string>& s, const char* key, double fallback, double lo, double hi)
{
    const auto it = s.find(key);
    if (it == s.end())
        return fallback;
    const auto v = parse(it->second);
    if (!v || *v < lo || *v > hi) {
        qCWarning(lcMatch) << "setting" << key << "out of range; using the default" << fallback;
        return fallback;
    }
    return *v;
}

} // namespace

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
    MatchPolicy p;
    p.documentThresholdSetting = number(settings, kDocumentKey, -1.0, 1.0);
    p.duplicateThresholdSetting = number(settings, kDuplicateKey, -1.0, 1.0);
    p.maxNumbersPerPerson = static_cast<int>(number(settings, kMaxNumbersKey, 1, 1000).value_or(p.maxNumbersPerPerson));
    p.falseFlagsPer1000 = numberOrDefault(settings, kFalseFlagsKey, p.falseFlagsPer1000, kMinFalseFlags, kMaxFalseFlags);
    p.maxCandidates = static_cast<int>(numberOrDefault(settings, kCandidatesKey, p.maxCandidates, kMinCandidates, kMaxCandidates));
    p.documentThreshold = p.documentChoice().threshold;
    return p;
}

} // namespace fe::match
