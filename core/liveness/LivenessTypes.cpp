#include "liveness/LivenessTypes.h"

#include <algorithm>

namespace fe::liveness {

std::string_view challengeKey(ChallengeKind kind) noexcept
{
    switch (kind) {
    case ChallengeKind::Blink: return "blink";
    case ChallengeKind::TurnLeft: return "turn-left";
    case ChallengeKind::TurnRight: return "turn-right";
    case ChallengeKind::OpenMouth: return "open-mouth";
    }
    return "blink";
}

std::optional<ChallengeKind> challengeFromKey(std::string_view key) noexcept
{
    for (auto kind : {ChallengeKind::Blink, ChallengeKind::TurnLeft, ChallengeKind::TurnRight, ChallengeKind::OpenMouth}) {
        if (challengeKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

std::string_view verdictKey(Verdict verdict) noexcept
{
    switch (verdict) {
    case Verdict::Live: return "live";
    case Verdict::Spoof: return "spoof";
    case Verdict::Inconclusive: return "inconclusive";
    }
    return "inconclusive";
}

std::string_view reasonKey(Reason reason) noexcept
{
    switch (reason) {
    case Reason::NoFace: return "no_face";
    case Reason::SeveralFaces: return "several_faces";
    case Reason::FaceLost: return "face_lost";
    case Reason::TooDark: return "too_dark";
    case Reason::SessionTimeout: return "session_timeout";
    case Reason::ChallengeTimeout: return "challenge_timeout";
    case Reason::FaceChanged: return "face_changed";
    case Reason::FlatMotion: return "flat_motion";
    case Reason::NoBlink: return "no_blink";
    case Reason::NoHeadMotion: return "no_head_motion";
    case Reason::WrongDirection: return "wrong_direction";
    case Reason::PassiveScoreLow: return "passive_score_low";
    }
    return "no_face";
}

bool LivenessResult::has(Reason r) const
{
    return std::find(reasons.begin(), reasons.end(), r) != reasons.end();
}

} // namespace fe::liveness
