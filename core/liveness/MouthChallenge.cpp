#include "liveness/MouthChallenge.h"

#include "liveness/MotionEvidence.h"

#include <algorithm>

namespace fe::liveness {

MouthChallenge::MouthChallenge(const LivenessOptions& options) : m_options(options)
{
    m_record.kind = ChallengeKind::OpenMouth;
}

void MouthChallenge::start(const ChallengeStart& s)
{
    m_record.promptedAtMs = s.promptedAtMs;
    m_start = s.face.landmarks;
    m_mouth0 = s.face.mouthOpen;
    m_yaw0 = s.face.pose.yaw;
}

ChallengeStep MouthChallenge::update(const ChallengeFrame& frame)
{
    ChallengeStep step;
    const double open = frame.face.mouthOpen;
    m_record.value = std::max(m_record.value, open);
    step.progress = std::clamp(open / m_options.mouthOpenRatio, 0.0, 1.0);
    if (turnedAway(frame.face, m_yaw0, m_options)) {
        step.failure = Reason::WrongAction;
        return step;
    }
    if (open >= m_options.mouthOpenRatio && open - m_mouth0 >= m_options.mouthOpenGain) {
        const double lips = MotionEvidence::residual(m_start, frame.face.landmarks, MotionEvidence::rigidPoints(),
                                                     MotionEvidence::mouthPoints());
        m_record.nonPlanarity = std::max(m_record.nonPlanarity, lips);
        if (lips >= kMinLipResidual) {
            step.met = m_record.met = true;
            step.progress = 1.0;
            m_record.metAtMs = frame.timestampMs;
        }
    }
    return step;
}

} // namespace fe::liveness
