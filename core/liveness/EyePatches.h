#pragma once

#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

#include <array>
#include <cstdint>

namespace fe::liveness {

// The two eye regions of one frame as small grey patches, sampled in a frame of reference that
// the rigid parts of the face fix (brows and nose, fitted to a mean face by a similarity), not
// the eye landmarks: the patches of two frames show the same piece of the face even when the eye
// landmarks jitter on a picture or a flap over the eyes pulls them shut. A value type (1 KB);
// the functions are thread-safe.
struct EyePatches
{
    static constexpr int kWidth = 32;  // px, about 0.75 inter-eye distance
    static constexpr int kHeight = 16;
    using Patch = std::array<std::uint8_t, static_cast<std::size_t>(kWidth * kHeight)>;

    std::array<Patch, 2> eyes{}; // image-left eye (the subject's right), image-right eye
    bool valid = false;

    // image: the analysed frame (8-bit grey, BGR or BGRA). Invalid when the eye regions are not
    // inside the image.
    static EyePatches sample(const cv::Mat& image, const vision::Landmarks& landmarks);
};

// How the eye regions changed between an open-eye frame and a closed-eye frame of a blink.
// Of the two eyes, the one that changed less (a real blink closes both).
struct EyeChange
{
    // 1 - the normalised cross-correlation of the two patches: ~0 when the pixels did not change
    // (landmark jitter on a still picture), 0.3 and more when lids covered the eyes.
    double change = 0.0;
    // Detail left in the closed eye's core over the detail of the open eye's core (gradient
    // energy): a closed lid keeps skin texture and the lash line, a flap is a uniform patch.
    double detail = 1.0;
};

EyeChange compareEyes(const EyePatches& open, const EyePatches& closed);

} // namespace fe::liveness
