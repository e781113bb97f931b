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
    Challenge,   // randomised prompts the subject must follow (the mode for counters)
    Spontaneous, // no prompts: natural blinks and head motion; the weaker mode (docs/liveness.md)
};
std::string_view modeKey(Mode mode) noexcept; // "challenge", "spontaneous"
std::optional<Mode> modeFromKey(std::string_view key) noexcept;

// Where the frames come from. Spontaneous mode cannot tell a replayed recording from a live
// face, so a station allows it at a counter only as its settings say (SpontaneousPolicy).
enum class CaptureSource {
    Camera,     // a camera at the counter
    DemoCamera, // the demo media played as a camera, or a video file given to the CLI
};
std::string_view captureSourceKey(CaptureSource source) noexcept; // "camera", "demo_camera"

// The station setting "liveness.spontaneous_mode": where spontaneous mode may be used.
enum class SpontaneousPolicy {
    Never,
    DemoCameraOnly, // the default
    Always,         // also with a real camera; such enrollments are flagged for review
};
std::string_view spontaneousPolicyKey(SpontaneousPolicy policy) noexcept; // "never", "demo_camera", "always"
std::optional<SpontaneousPolicy> spontaneousPolicyFromKey(std::string_view key) noexcept;
bool spontaneousAllowed(SpontaneousPolicy policy, CaptureSource source) noexcept;

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
    // The subject did something else than the prompt asked: turned the head while asked to
    // blink or to open the mouth (inconclusive).
    WrongAction,
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
    // The prompt is not armed yet: the face must look at the camera again first (after a turn).
    // Show "Look at the camera" instead of the challenge.
    bool lookAtCamera = false;
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

// Why a closing and reopening of the eyes did not count as a blink.
enum class BlinkRejection {
    None,          // counted
    Foreshortened, // the lid gap narrowed no more than the picture's tilt explains (lid closure)
    NoPixelChange, // the eye regions' pixels did not change: landmark jitter on a picture
    UniformPatch,  // the closed eye lost its detail: a patch over the eye, not a lid
    FaceMoved,     // the rigid face moved against itself during the blink: the fit broke
    NotVerified,   // no pixels to check (a recorded analysis fed without them)
};
std::string_view blinkRejectionKey(BlinkRejection r) noexcept;

// One closing and reopening of the eyes and what was measured on it (BlinkValidator).
struct BlinkRecord
{
    double atMs = 0.0;         // stream time of the reopening
    double closedSinceMs = 0.0; // first closed frame
    double lidClosure = 1.0;   // closed lid gap over the open one carried by the rigid face
    double eyeChange = 0.0;    // EyeChange::change
    double eyeDetail = 1.0;    // EyeChange::detail
    double rigidShift = 0.0;   // rigid landmarks' residual between the open and the closed frame, IOD
    bool counted = false;
    BlinkRejection rejection = BlinkRejection::None;
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
    CaptureSource source = CaptureSource::Camera;
    double passiveScore = 0.0;      // median live probability over the sampled frames
    int passiveSamples = 0;
    int blinks = 0;                 // blinks that counted
    std::vector<BlinkRecord> blinkLog; // every closing and reopening, counted or not
    double yawMin = 0.0, yawMax = 0.0; // degrees
    double nonPlanarity = 0.0;      // rigid non-planarity, see MotionEvidence (challenge mode: of the turns)
    double landmarkNoise = 0.0;     // the landmark fit's noise on this stream (MotionEvidence::rigidNoise)
    double depthEvidence = 0.0;     // MotionEvidence::depthEvidence, IOD
    double pixelNonPlanarity = 0.0; // ParallaxTracker::nonPlanarity (spontaneous mode, with pixels), IOD
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
