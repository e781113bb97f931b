#pragma once

#include <chrono>
#include <cstdint>

namespace fe::ui {

// One monotonic time base for the capture path: the sink's delivery time, the worker's
// analysis time and the paint time are all on it, so they can be subtracted. Thread-safe.
inline std::int64_t monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline double nsToMs(std::int64_t ns)
{
    return static_cast<double>(ns) / 1e6;
}

} // namespace fe::ui
