#pragma once

#include <cstddef>

// The key-frame scheme MotionEvidence (landmarks) and ParallaxTracker (pixels) share, so that
// their two non-planarity measures compare the same pairs of frames.
namespace fe::liveness::keyframes {

// A new key frame every half second; residuals against the last four (up to 2 s back), on
// every second frame: enough pairs to see slow turns, cheap enough per frame.
inline constexpr double kIntervalMs = 500.0;
inline constexpr std::size_t kMaxKeys = 4;
inline constexpr int kFrameStride = 2;
// Bounds the memory of a long spontaneous session (20 s at 30 fps is 600 frames).
inline constexpr std::size_t kMaxSamples = 20000;

} // namespace fe::liveness::keyframes
