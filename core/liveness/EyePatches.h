#pragma once

#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>
#include <opencv2/core/matx.hpp>

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
    // inside the image. Regions::cut(image, landmarks).patches().
    static EyePatches sample(const cv::Mat& image, const vision::Landmarks& landmarks);

    // The two eye regions of a frame cut out in grey, before the patches are sampled from them
    // (the blur and the resampling, four fifths of sample()'s cost): what a frame must leave
    // behind for its patches to be sampled later, when the blink judge needs them (a closed-eye
    // frame and the open frame before it), after the caller's buffer is gone. patches() gives
    // exactly what sample() gives on that frame. A few KB; copies share the pixels, which are
    // never written after cut().
    class Regions
    {
    public:
        static Regions cut(const cv::Mat& image, const vision::Landmarks& landmarks);
        [[nodiscard]] bool valid() const { return m_valid; }
        [[nodiscard]] EyePatches patches() const;

    private:
        std::array<cv::Mat, 2> m_grey;
        std::array<cv::Matx23d, 2> m_map{}; // patch px -> m_grey px
        double m_step = 0.0;               // image px per patch px
        bool m_valid = false;
    };
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
