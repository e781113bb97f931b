#pragma once

#include "liveness/EyePatches.h"
#include "vision/FaceEncoder.h"
#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

#include <optional>

namespace fe::liveness {

// What a liveness session read from the pixels of one frame besides the analysis: the eye
// patches that tell lids from flaps and jitter, and the passive PAD score and the face template
// when the session sampled them on this frame. LivenessSession::lastCues() hands them out after
// each feed; a recorded stream can keep them per frame and replay its analyses through many
// sessions without the pixels (LivenessSession::feedRecorded, the evaluation's 200 seeds per
// recording). A value type (about 1 KB, 3 KB with a template).
struct FrameCues
{
    EyePatches eyes;
    std::optional<double> padScore;                   // live probability, when sampled
    std::optional<vision::FaceTemplate> faceTemplate; // when sampled
};

} // namespace fe::liveness
