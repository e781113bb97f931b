#pragma once

#include "liveness/LivenessOptions.h"
#include "liveness/LivenessTypes.h"
#include "vision/VisionTypes.h"

#include <memory>
#include <optional>

namespace fe::liveness {

// What a challenge sees on one frame with exactly one face.
struct ChallengeFrame
{
    const vision::FaceObservation& face;
    double timestampMs = 0.0;
    // A blink ended on this frame and its lids moved against the rigid face.
    bool validBlink = false;
    double eyeOpenness = 1.0;
};

struct ChallengeStep
{
    double progress = 0.0;          // 0..1
    bool met = false;
    std::optional<Reason> failure;  // the challenge cannot be met any more
};

// One prompt of a challenge sequence (a blink, a head turn, an open mouth): a small state
// machine fed frame by frame from the moment it is prompted. Not thread-safe.
class Challenge
{
public:
    virtual ~Challenge() = default;

    [[nodiscard]] virtual ChallengeKind kind() const = 0;
    // The frame on which the prompt appeared, and the session's neutral (first) face: the
    // references for relative measures.
    virtual void start(const vision::FaceObservation& face, const vision::FaceObservation& neutral,
                       double timestampMs) = 0;
    virtual ChallengeStep update(const ChallengeFrame& frame) = 0;
    // What was measured (kind, times and values), for the verdict's log.
    [[nodiscard]] const ChallengeRecord& record() const { return m_record; }

    static std::unique_ptr<Challenge> create(ChallengeKind kind, const LivenessOptions& options);

protected:
    ChallengeRecord m_record;
};

} // namespace fe::liveness
