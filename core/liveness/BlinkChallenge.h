#pragma once

#include "liveness/Challenge.h"

namespace fe::liveness {

// Met by a blink (closing and reopening) whose lids moved against the rigid face.
class BlinkChallenge final : public Challenge
{
public:
    explicit BlinkChallenge(const LivenessOptions& options);
    [[nodiscard]] ChallengeKind kind() const override { return ChallengeKind::Blink; }
    void start(const vision::FaceObservation& face, const vision::FaceObservation& neutral,
               double timestampMs) override;
    ChallengeStep update(const ChallengeFrame& frame) override;

private:
    double m_lowestOpenness = 1.0;
};

} // namespace fe::liveness
