#include "liveness/BlinkChallenge.h"

#include <algorithm>

namespace fe::liveness {

BlinkChallenge::BlinkChallenge(const LivenessOptions&)
{
    m_record.kind = ChallengeKind::Blink;
}

void BlinkChallenge::start(const vision::FaceObservation&, const vision::FaceObservation&, double timestampMs)
{
    m_record.promptedAtMs = timestampMs;
    m_lowestOpenness = 1.0;
}

ChallengeStep BlinkChallenge::update(const ChallengeFrame& frame)
{
    m_lowestOpenness = std::min(m_lowestOpenness, frame.eyeOpenness);
    m_record.value = m_lowestOpenness;
    ChallengeStep step;
    step.progress = std::clamp(1.0 - frame.eyeOpenness, 0.0, 1.0);
    if (frame.validBlink) {
        step.met = m_record.met = true;
        step.progress = 1.0;
        m_record.metAtMs = frame.timestampMs;
    }
    return step;
}

} // namespace fe::liveness
