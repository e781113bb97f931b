#include "match/MatchPolicy.h"

#include "common/SettingsSchema.h"

namespace fe::match {

MatchPolicy MatchPolicy::fromSettings(const std::map<std::string, std::string>& settings)
{
    // Through the settings schema: a stored value that does not validate (written by an older
    // build, or around the store) gives the default and a warning, never an exception that
    // would stop every enrollment and review on the station.
    MatchPolicy p;
    p.documentThreshold = SettingsSchema::real(settings, kDocumentKey);
    p.duplicateThreshold = SettingsSchema::real(settings, kDuplicateKey);
    p.maxNumbersPerPerson = static_cast<int>(SettingsSchema::integer(settings, kMaxNumbersKey));
    return p;
}

} // namespace fe::match
