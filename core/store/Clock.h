#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace fe::store {

// Wall-clock time as the store records it: UTC, stored with millisecond precision.
using TimePoint = std::chrono::system_clock::time_point;

// The store asks this for "now" (lockout, idle lock, retention, record times), so tests can
// move time forward. Must be callable from the thread that uses the Session.
using Clock = std::function<TimePoint()>;

TimePoint systemNow();

// Milliseconds since the Unix epoch (UTC), as stored in the database and the key file.
std::int64_t toMillis(TimePoint t);
TimePoint fromMillis(std::int64_t ms);
// The same instant, cut to what the database keeps.
TimePoint truncateToMillis(TimePoint t);

// Local midnight that starts the day containing t (the station's time zone): "today" for
// an operator's own enrollments.
TimePoint startOfLocalDay(TimePoint t);

} // namespace fe::store
