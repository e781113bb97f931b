#include "liveness/Challenge.h"

#include "liveness/BlinkChallenge.h"
#include "liveness/MouthChallenge.h"
#include "liveness/TurnChallenge.h"

namespace fe::liveness {

std::unique_ptr<Challenge> Challenge::create(ChallengeKind kind, const LivenessOptions& options)
{
    switch (kind) {
    case ChallengeKind::Blink: return std::make_unique<BlinkChallenge>(options);
    case ChallengeKind::TurnLeft:
    case ChallengeKind::TurnRight: return std::make_unique<TurnChallenge>(kind, options);
    case ChallengeKind::OpenMouth: return std::make_unique<MouthChallenge>(options);
    }
    return std::make_unique<BlinkChallenge>(options);
}

} // namespace fe::liveness
