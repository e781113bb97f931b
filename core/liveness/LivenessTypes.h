#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fe::liveness {

enum class ChallengeKind {
    Blink,
    TurnLeft,  // the subject turns towards their own left: yaw increases (HeadPose convention)
    TurnRight, // towards their own right: yaw decreases
    OpenMouth,
};

std::string_view challengeKey(ChallengeKind kind) noexcept; // "blink", "turn-left", ...
std::optional<ChallengeKind> challengeFromKey(std::string_view key) noexcept;

enum class Mode {
    Challenge,   // randomised prompts the subject must follow
    Spontaneous, // no prompts: natural blinks and head motion (recorded video, tests)
};

enum class Verdict { Live, Spoof, Inconclusive };
std::string_view verdictKey(Verdict verdict) noexcept;

// Machine-readable reasons behind a verdict; the UI translates them.
enum class Reason {
    NoFace,            // no face for too long (inconclusive)
    SeveralFaces,      // more than one face in view (inconclusive)
    FaceLost,          // the face left the frame mid-session (inconclusive)
    TooDark,           // the face was too dark to judge (inconclusive)
    SessionTimeout,    // the challenges were not completed in time (inconclusive)
    ChallengeTimeout,  // one prompt was not followed in time (inconclusive)
    FaceChanged,       // a later face is not the face at the start: a cut or a swap (spoof)
    FlatMotion,        // all motion is that of a flat picture (spoof)
    NoBlink,           // no natural blink (spontaneous mode)
    NoHeadMotion,      // no natural 3D head motion (spontaneous mode)
    WrongDirection,    // the head turned the other way than prompted
    PassiveScoreLow,   // the passive presentation-attack model scored an attack (spoof)
};
std::string_view reasonKey(Reason reason) noexcept;

// What the UI shows while a challenge session runs: a value, never a string.
struct Prompt
{
    ChallengeKind kind = ChallengeKind::Blink;
    int index = 0;             // 0-based position in the sequence
    int total = 0;
    double progress = 0.0;     // 0..1 towards meeting this challenge
    double secondsLeft = 0.0;  // before this challenge times out
};

struct ChallengeRecord
{
    ChallengeKind kind = ChallengeKind::Blink;
    double promptedAtMs = 0.0;  // stream time
    std::optional<double> metAtMs;
    // The measured values when met (or the best seen): yaw change in degrees for turns,
    // eye openness at the blink for blinks, mouth-open ratio for the mouth.
    double value = 0.0;
    double noseShift = 0.0;     // change of the 2D nose offset ratio during a turn
    double nonPlanarity = 0.0;  // homography residual of the turn, fraction of inter-eye distance
    bool met = false;
};

struct EvidenceFrame
{
    std::string label;              // "start", or the challenge key met on that frame
    double timestampMs = 0.0;
    std::vector<unsigned char> jpeg; // a small JPEG of the frame (at most 320 px wide)
};

struct LivenessResult
{
    Verdict verdict = Verdict::Inconclusive;
    std::vector<Reason> reasons;
    Mode mode = Mode::Challenge;
    double passiveScore = 0.0;      // median live probability over the sampled frames
    int passiveSamples = 0;
    int blinks = 0;
    double yawMin = 0.0, yawMax = 0.0; // degrees
    double nonPlanarity = 0.0;      // rigid non-planarity, see MotionEvidence
    double mouthRange = 0.0;
    double noseRange = 0.0;
    double sameFaceScore = 1.0;     // lowest similarity of a sampled template to the first
    std::vector<ChallengeRecord> challenges;
    std::vector<EvidenceFrame> evidence;
    double durationMs = 0.0;
    int frames = 0;
    int framesWithOneFace = 0;

    [[nodiscard]] double yawRange() const { return yawMax - yawMin; }
    [[nodiscard]] bool has(Reason r) const;
};

} // namespace fe::liveness
