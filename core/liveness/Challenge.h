#pragma once

#include "liveness/LivenessOptions.h"
#include "liveness/LivenessTypes.h"
#include "vision/VisionTypes.h"

#include <memory>
#include <optional>

namespace fe::liveness {

// When and from where a challenge measures: the prompt appeared at promptedAtMs; it is armed
// (measures) from armedAtMs = promptedAtMs + LivenessOptions::reactionMs on, with `face` (the
// first frame armed) and `neutral` (the session's first face) as the references.
struct ChallengeStart
{
    const vision::FaceObservation& face;
    const vision::FaceObservation& neutral;
    double promptedAtMs = 0.0;
    double armedAtMs = 0.0;
};

// What a challenge sees on one frame with exactly one face.
struct ChallengeFrame
{
    const vision::FaceObservation& face;
    double timestampMs = 0.0;
    // A blink that counted (BlinkValidator) ended on this frame.
    const BlinkRecord* blink = nullptr;
};

struct ChallengeStep
{
    double progress = 0.0;          // 0..1
    bool met = false;
    std::optional<Reason> failure;  // the challenge cannot be met any more
};

// One prompt of a challenge sequence (a blink, a head turn, an open mouth): a small state
// machine fed frame by frame from the moment it is armed. Not thread-safe.
class Challenge
{
public:
    virtual ~Challenge() = default;

    [[nodiscard]] virtual ChallengeKind kind() const = 0;
    virtual void start(const ChallengeStart& start) = 0;
    virtual ChallengeStep update(const ChallengeFrame& frame) = 0;
    // What was measured (kind, times and values), for the verdict's log.
    [[nodiscard]] const ChallengeRecord& record() const { return m_record; }

    static std::unique_ptr<Challenge> create(ChallengeKind kind, const LivenessOptions& options);

protected:
    // A head turned by a full turn while the prompt asked for something else (a blink, the
    // mouth): not following the prompt.
    static bool turnedAway(const vision::FaceObservation& face, double yawAtStart, const LivenessOptions& options)
    {
        return face.pose.valid && std::abs(face.pose.yaw - yawAtStart) >= options.turnYawDeg;
    }

    ChallengeRecord m_record;
};

} // namespace fe::liveness
