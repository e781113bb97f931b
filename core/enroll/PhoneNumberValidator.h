#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fe::enroll {

// Phone numbers through libphonenumber (Google's metadata for every numbering plan).
// Thread-safe (the library's singleton is).
class PhoneNumberValidator
{
public:
    // The number in E.164 form ("+8613800138000") when it is a valid number; input may be
    // international ("+86 138 0013 8000") or national with defaultRegion ("13800138000", "CN").
    static std::optional<std::string> toE164(std::string_view input, std::string_view defaultRegion = {});
    // A valid example mobile number of a region, for tests and UI placeholders.
    static std::string exampleMobile(std::string_view region);
};

} // namespace fe::enroll
