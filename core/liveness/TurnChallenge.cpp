#include "liveness/TurnChallenge.h"

#include "liveness/MotionEvidence.h"
#include "vision/FaceGeometry.h"

#include <algorithm>

namespace fe::liveness {

TurnChallenge::TurnChallenge(ChallengeKind direction, const LivenessOptions& options)
    : m_sign(direction == ChallengeKind::TurnLeft ? 1.0 : -1.0), m_options(options)
{
    m_record.kind = direction;
}

void TurnChallenge::start(const ChallengeStart& s)
{
    const vision::FaceObservation& face = s.face;
    const vision::FaceObservation& neutral = s.neutral;
    m_record.promptedAtMs = s.promptedAtMs;
    m_start = face.landmarks;
    // Measured from the neutral face or the current one, whichever is further the other way:
    // a head already turned the opposite way does not meet "turn right" by coming back to
    // the centre.
    const double yawNow = face.pose.yaw, yawNeutral = neutral.pose.yaw;
    const double noseNow = vision::noseOffsetRatio(face.landmarks);
    const double noseNeutral = vision::noseOffsetRatio(neutral.landmarks);
    m_yaw0 = m_sign > 0 ? std::max(yawNow, yawNeutral) : std::min(yawNow, yawNeutral);
    m_nose0 = m_sign > 0 ? std::max(noseNow, noseNeutral) : std::min(noseNow, noseNeutral);
}

ChallengeStep TurnChallenge::update(const ChallengeFrame& frame)
{
    ChallengeStep step;
    if (!frame.face.pose.valid)
        return step;
    const double turn = m_sign * (frame.face.pose.yaw - m_yaw0);
    const double nose = m_sign * (vision::noseOffsetRatio(frame.face.landmarks) - m_nose0);
    step.progress = std::clamp(turn / m_options.turnYawDeg, 0.0, 1.0);
    if (turn > m_record.value) {
        m_record.value = turn;
        m_record.noseShift = nose;
    }
    if (-turn >= m_options.turnYawDeg) {
        m_record.value = turn;
        m_record.noseShift = nose;
        step.failure = Reason::WrongDirection;
        return step;
    }
    if (turn < m_options.turnYawDeg)
        return step;
    const double nonPlanar = MotionEvidence::planarResidual(m_start, frame.face.landmarks, MotionEvidence::rigidPoints());
    m_record.noseShift = nose;
    m_record.nonPlanarity = std::max(m_record.nonPlanarity, nonPlanar);
    if (nose >= m_options.turnNoseShift && nonPlanar >= m_options.turnMinNonPlanarity) {
        step.met = m_record.met = true;
        step.progress = 1.0;
        m_record.value = turn;
        m_record.metAtMs = frame.timestampMs;
    } else if (turn >= m_options.turnYawDeg + kFlatMarginDeg) {
        step.failure = Reason::FlatMotion;
    }
    return step;
}

} // namespace fe::liveness
