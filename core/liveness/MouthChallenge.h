#pragma once

#include "liveness/Challenge.h"

namespace fe::liveness {

// Met when the mouth opens wide (LivenessOptions::mouthOpenRatio, a gain of mouthOpenGain
// over the armed frame) and the lips moved against the rigid face; turning the head away
// instead is WrongAction.
class MouthChallenge final : public Challenge
{
public:
    explicit MouthChallenge(const LivenessOptions& options);
    [[nodiscard]] ChallengeKind kind() const override { return ChallengeKind::OpenMouth; }
    void start(const ChallengeStart& start) override;
    ChallengeStep update(const ChallengeFrame& frame) override;

private:
    // Lip motion against the head, IOD: speech-sized motion, far above a picture's jitter.
    static constexpr double kMinLipResidual = 0.05;

    LivenessOptions m_options;
    vision::Landmarks m_start{};
    double m_mouth0 = 0.0;
    double m_yaw0 = 0.0;
};

} // namespace fe::liveness
