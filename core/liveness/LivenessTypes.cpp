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
    case Reason::WrongAction: return "wrong_action";
    }
    return "no_face";
}

std::string_view modeKey(Mode mode) noexcept
{
    return mode == Mode::Spontaneous ? "spontaneous" : "challenge";
}

std::optional<Mode> modeFromKey(std::string_view key) noexcept
{
    if (key == "challenge")
        return Mode::Challenge;
    if (key == "spontaneous")
        return Mode::Spontaneous;
    return std::nullopt;
}

std::string_view captureSourceKey(CaptureSource source) noexcept
{
    return source == CaptureSource::DemoCamera ? "demo_camera" : "camera";
}

std::string_view spontaneousPolicyKey(SpontaneousPolicy policy) noexcept
{
    switch (policy) {
    case SpontaneousPolicy::Never: return "never";
    case SpontaneousPolicy::DemoCameraOnly: return "demo_camera";
    case SpontaneousPolicy::Always: return "always";
    }
    return "demo_camera";
}

std::optional<SpontaneousPolicy> spontaneousPolicyFromKey(std::string_view key) noexcept
{
    for (auto p : {SpontaneousPolicy::Never, SpontaneousPolicy::DemoCameraOnly, SpontaneousPolicy::Always}) {
        if (spontaneousPolicyKey(p) == key)
            return p;
    }
    return std::nullopt;
}

bool spontaneousAllowed(SpontaneousPolicy policy, CaptureSource source) noexcept
{
    switch (policy) {
    case SpontaneousPolicy::Never: return false;
    case SpontaneousPolicy::DemoCameraOnly: return source == CaptureSource::DemoCamera;
    case SpontaneousPolicy::Always: return true;
    }
    return false;
}

std::string_view blinkRejectionKey(BlinkRejection r) noexcept
{
    switch (r) {
    case BlinkRejection::None: return "counted";
    case BlinkRejection::Foreshortened: return "foreshortened";
    case BlinkRejection::NoPixelChange: return "no_pixel_change";
    case BlinkRejection::UniformPatch: return "uniform_patch";
    case BlinkRejection::FaceMoved: return "face_moved";
    case BlinkRejection::NotVerified: return "not_verified";
    }
    return "counted";
}

bool LivenessResult::has(Reason r) const
{
    return std::find(reasons.begin(), reasons.end(), r) != reasons.end();
}

} // namespace fe::liveness
