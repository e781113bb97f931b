#pragma once

#include "liveness/Challenge.h"

namespace fe::liveness {

// Met when the head turns the prompted way by LivenessOptions::turnYawDeg and the 2D
// landmark geometry agrees that a 3D head turned: the nose moved across the face and the
// rigid landmarks left the plane. A picture turned, rotated or slid in front of the camera
// reaches the yaw, not the rest: that is a spoof (FlatMotion).
class TurnChallenge final : public Challenge
{
public:
    TurnChallenge(ChallengeKind direction, const LivenessOptions& options);
    [[nodiscard]] ChallengeKind kind() const override { return m_record.kind; }
    void start(const ChallengeStart& start) override;
    ChallengeStep update(const ChallengeFrame& frame) override;

private:
    // Past the yaw threshold by this many degrees without 3D evidence: a flat picture.
    static constexpr double kFlatMarginDeg = 6.0;

    double m_sign;
    LivenessOptions m_options;
    vision::Landmarks m_start{};
    double m_yaw0 = 0.0;
    double m_nose0 = 0.0;
};

} // namespace fe::liveness
