#pragma once

// What store_crash_writer writes, so that the parent test can rebuild the expected record
// from the seed the writer acknowledged.

#include "StoreTestSupport.h"

namespace fe::store::test {

// Small images keep 200 kill-and-verify rounds fast; the record is otherwise complete.
inline constexpr std::size_t kCrashPortraitBytes = 6 * 1024;

inline Markers crashMarkers(const std::string& base, std::uint32_t seed)
{
    const auto tag = std::to_string(seed);
    return {"NAMEMARK-" + base + "-" + tag, "DOCMARK-" + base + "-" + tag, "JPEGMARK-" + base + "-" + tag};
}

inline Enrollment crashEnrollment(const std::string& base, std::uint32_t seed)
{
    const auto markers = crashMarkers(base, seed);
    return sampleEnrollment(seed, kCrashPortraitBytes, &markers);
}

} // namespace fe::store::test
