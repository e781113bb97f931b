#include "match/MatchPolicy.h"

#include "common/Error.h"

#include <charconv>

namespace fe::match {
namespace {

double number(const std::map<std::string, std::string>& s, const char* key, double fallback, double lo, double hi)
{
    const auto it = s.find(key);
    if (it == s.end())
        return fallback;
    double v = 0.0;
    const auto* begin = it->second.data();
    const auto* end = begin + it->second.size();
    const auto [ptr, ec] = std::from_chars(begin, end, v);
    if (ec != std::errc() || ptr != end || v < lo || v > hi)
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "The setting %1 must be a number from %2 to %3."),
                    {key, std::to_string(lo), std::to_string(hi)});
    return v;
}

} // namespace

MatchPolicy MatchPolicy::fromSettings(const std::map<std::string, std::string>& settings)
{
    MatchPolicy p;
    p.documentThreshold = number(settings, kDocumentKey, p.documentThreshold, -1.0, 1.0);
    p.duplicateThreshold = number(settings, kDuplicateKey, p.duplicateThreshold, -1.0, 1.0);
    p.maxNumbersPerPerson = static_cast<int>(number(settings, kMaxNumbersKey, p.maxNumbersPerPerson, 1, 1000));
    return p;
}

} // namespace fe::match
