#include "liveness/BlinkChallenge.h"

#include <algorithm>

namespace fe::liveness {

BlinkChallenge::BlinkChallenge(const LivenessOptions& options) : m_options(options)
{
    m_record.kind = ChallengeKind::Blink;
}

void BlinkChallenge::start(const ChallengeStart& s)
{
    m_record.promptedAtMs = s.promptedAtMs;
    m_armedAtMs = s.armedAtMs;
    m_yaw0 = s.face.pose.yaw;
    m_lowestOpenness = 1.0;
}

ChallengeStep BlinkChallenge::update(const ChallengeFrame& frame)
{
    m_lowestOpenness = std::min(m_lowestOpenness, frame.face.eyeOpenness);
    m_record.value = m_lowestOpenness;
    ChallengeStep step;
    step.progress = std::clamp(1.0 - frame.face.eyeOpenness, 0.0, 1.0);
    if (turnedAway(frame.face, m_yaw0, m_options)) {
        step.failure = Reason::WrongAction;
        return step;
    }
    // A blink already under way when the challenge was armed was not an answer to it.
    if (frame.blink != nullptr && frame.blink->closedSinceMs >= m_armedAtMs) {
        step.met = m_record.met = true;
        step.progress = 1.0;
        m_record.metAtMs = frame.timestampMs;
    }
    return step;
}

} // namespace fe::liveness
