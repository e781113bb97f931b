#pragma once

#include "liveness/FrameCues.h"
#include "liveness/LivenessSession.h"
#include "vision/VisionTypes.h"

#include <cstddef>
#include <vector>

namespace fe::test {

// One analysed frame with the cues a session read from its pixels: what a recorded stream keeps
// so that it can be replayed through many liveness sessions without the pixels.
struct CuedFrame
{
    vision::FrameAnalysis analysis;
    liveness::FrameCues cues;
};

// The head turns a recording holds, found by the analysis: from a head within 4 degrees of the
// median yaw of the second before, past 16 degrees within 2 s. Each clip starts a second before
// the turn (the head still, as when a prompt appears) and ends a fifth of a second after it
// passed 16 degrees.
struct RecordedTurns
{
    std::vector<std::vector<CuedFrame>> left, right; // the subject's left: yaw increases
};

RecordedTurns findTurns(const std::vector<CuedFrame>& stream, std::size_t first, std::size_t last, double fps);

// Plays a clip to a session from its first frame (the prompt appears there), timestamps from
// zero at the clip's frame rate, until the session finishes or the clip ends.
liveness::LivenessResult playClip(liveness::LivenessSession& session, const std::vector<CuedFrame>& clip, double fps);

} // namespace fe::test
