#pragma once

// Every tunable number of core/sync in one place, each with where its value comes from.

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace fe::sync::constants {

// A bundle the uploader makes from queued enrollments holds at most this many records or
// this many bytes of records, whichever comes first: 16 MiB is ~150 enrollments with 100 KB
// portraits, one POST of a few seconds on a 50 Mbit/s uplink, small enough that a retry after
// a dropped connection costs little and that the receiver can hold it in memory.
inline constexpr std::size_t kUploadBundleMaxRecords = 500;
inline constexpr std::size_t kUploadBundleMaxBytes = 16u * 1024 * 1024;

// Retries on connection errors, timeouts and 5xx: exponential backoff with full jitter
// (delay = uniform(0, min(cap, base * 2^attempt)), "Exponential Backoff And Jitter", AWS
// Architecture Blog, 2015), at most kMaxAttempts tries per bundle and run; after that the
// bundle stays in the outbox for the next run.
inline constexpr std::chrono::milliseconds kRetryBase{500};
inline constexpr std::chrono::milliseconds kRetryCap{30'000};
inline constexpr int kMaxAttempts = 8;
// A request that makes no progress for this long is abandoned (QNetworkRequest transfer
// timeout) and retried.
inline constexpr std::chrono::milliseconds kTransferTimeout{60'000};

// The request signature's time may differ from the receiver's clock by this much (the
// station's clock is not trusted further; replays inside the window only repeat an
// idempotent upload).
inline constexpr std::chrono::minutes kMaxClockSkew{15};

// Progress is reported at most this often (records or bytes between callbacks).
inline constexpr std::uint64_t kProgressEveryBytes = 4u * 1024 * 1024;

} // namespace fe::sync::constants
