#include "enroll/PhoneNumberValidator.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

#include <mutex>

namespace fe::enroll {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneNumberUtil& util()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // The library logs parse failures with the input: numbers stay out of logs.
        PhoneNumberUtil::GetInstance()->SetLogger(new i18n::phonenumbers::NullLogger());
    });
    return *PhoneNumberUtil::GetInstance();
}

} // namespace

std::optional<std::string> PhoneNumberValidator::toE164(std::string_view input, std::string_view defaultRegion)
{
    PhoneNumber number;
    const std::string region = defaultRegion.empty() ? std::string("ZZ") : std::string(defaultRegion);
    if (util().Parse(std::string(input), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return std::nullopt;
    if (!util().IsValidNumber(number))
        return std::nullopt;
    std::string out;
    util().Format(number, PhoneNumberUtil::E164, &out);
    return out;
}

std::string PhoneNumberValidator::exampleMobile(std::string_view region)
{
    PhoneNumber number;
    if (!util().GetExampleNumberForType(std::string(region), PhoneNumberUtil::MOBILE, &number))
        return {};
    std::string out;
    util().Format(number, PhoneNumberUtil::E164, &out);
    return out;
}

} // namespace fe::enroll
