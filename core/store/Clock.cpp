#include "store/Clock.h"

#include <ctime>

namespace fe::store {

TimePoint systemNow()
{
    return std::chrono::system_clock::now();
}

std::int64_t toMillis(TimePoint t)
{
    return std::chrono::floor<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

TimePoint fromMillis(std::int64_t ms)
{
    return TimePoint(std::chrono::milliseconds(ms));
}

TimePoint truncateToMillis(TimePoint t)
{
    return fromMillis(toMillis(t));
}

TimePoint startOfLocalDay(TimePoint t)
{
    // libstdc++ 12 has no time-zone database in <chrono>; the C library knows the local zone.
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm local{};
    localtime_r(&seconds, &local);
    local.tm_hour = 0;
    local.tm_min = 0;
    local.tm_sec = 0;
    local.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&local));
}

} // namespace fe::store
