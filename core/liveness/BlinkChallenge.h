#pragma once

#include "liveness/Challenge.h"

namespace fe::liveness {

// Met by a blink that counted (BlinkValidator) and that began after the challenge was armed;
// turning the head away instead is WrongAction.
class BlinkChallenge final : public Challenge
{
public:
    explicit BlinkChallenge(const LivenessOptions& options);
    [[nodiscard]] ChallengeKind kind() const override { return ChallengeKind::Blink; }
    void start(const ChallengeStart& start) override;
    ChallengeStep update(const ChallengeFrame& frame) override;

private:
    LivenessOptions m_options;
    double m_armedAtMs = 0.0;
    double m_yaw0 = 0.0;
    double m_lowestOpenness = 1.0;
};

} // namespace fe::liveness
